/* history.c - see history.h. */
#include "analysis/history.h"
#include "analysis/stats.h"
#include "platform/clock.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

struct vs_history {
    sqlite3 *db;
};

static const char schema[] =
    "PRAGMA foreign_keys = ON;"
    "CREATE TABLE IF NOT EXISTS sweeps ("
    " id INTEGER PRIMARY KEY, started TEXT NOT NULL, tool_version TEXT, git_revision TEXT,"
    " pair TEXT NOT NULL, profile TEXT, source TEXT, meta TEXT NOT NULL, added TEXT NOT NULL,"
    " UNIQUE (started, pair, profile));"
    "CREATE TABLE IF NOT EXISTS runs ("
    " sweep INTEGER NOT NULL REFERENCES sweeps(id) ON DELETE CASCADE,"
    " transport TEXT NOT NULL, test TEXT NOT NULL, sock INTEGER NOT NULL, msg INTEGER NOT NULL,"
    " sessions INTEGER NOT NULL, run INTEGER NOT NULL, gbps REAL NOT NULL, sd REAL NOT NULL,"
    " ok INTEGER NOT NULL, error TEXT);"
    "CREATE INDEX IF NOT EXISTS runs_point ON runs(transport, test, sock, msg, sessions);"
    "PRAGMA user_version = 1;";

static int db_error(vs_history *h, vs_err *e, const char *what)
{
    return vs_err_set(e, VS_ERR_RUNTIME, "history: %s: %s", what, sqlite3_errmsg(h->db));
}

int vs_history_open(const char *path, vs_history **out, vs_err *e)
{
    vs_history *h = calloc(1, sizeof *h);
    char *msg = NULL;

    if (h == NULL)
        return vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
    if (sqlite3_open(path, &h->db) != SQLITE_OK) {
        vs_err_set(e, VS_ERR_USAGE, "cannot open history %s: %s", path,
                   h->db ? sqlite3_errmsg(h->db) : "out of memory");
        vs_history_close(h);
        return -1;
    }
    if (sqlite3_exec(h->db, schema, NULL, NULL, &msg) != SQLITE_OK) {
        vs_err_set(e, VS_ERR_USAGE, "%s is not a vsbench history: %s", path, msg ? msg : "?");
        sqlite3_free(msg);
        vs_history_close(h);
        return -1;
    }
    *out = h;
    return 0;
}

void vs_history_close(vs_history *h)
{
    if (h == NULL)
        return;
    sqlite3_close(h->db);
    free(h);
}

static int insert_runs(vs_history *h, const vs_dataset *d, int si, sqlite3_int64 id, vs_err *e)
{
    sqlite3_stmt *st;
    int rc = 0;

    if (sqlite3_prepare_v2(h->db, "INSERT INTO runs VALUES (?,?,?,?,?,?,?,?,?,?,?)", -1, &st,
                           NULL) != SQLITE_OK)
        return db_error(h, e, "prepare");
    for (int i = 0; i < d->nrec && rc == 0; i++) {
        const vs_rec *r = &d->rec[i];
        if (r->source != si || r->session != 0)
            continue;
        sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_text(st, 2, vs_transport_name(r->key.pt.tr), -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, vs_test_name(r->key.pt.test), -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 4, (sqlite3_int64)r->key.pt.sock);
        sqlite3_bind_int64(st, 5, r->key.pt.msg);
        sqlite3_bind_int(st, 6, r->key.pt.sessions);
        sqlite3_bind_int(st, 7, r->run);
        sqlite3_bind_double(st, 8, r->gbps);
        sqlite3_bind_double(st, 9, r->sd_local + r->sd_remote);
        sqlite3_bind_int(st, 10, r->ok);
        sqlite3_bind_text(st, 11, r->error, -1, SQLITE_STATIC);
        if (sqlite3_step(st) != SQLITE_DONE)
            rc = db_error(h, e, "insert run");
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    return rc;
}

int vs_history_add(vs_history *h, const vs_dataset *d, int si, int *added, vs_err *e)
{
    const vs_source *s = &d->src[si];
    char *meta = json_dumps(s->meta, JSON_COMPACT);
    char when[32];
    sqlite3_stmt *st;
    int rc;

    *added = 0;
    if (meta == NULL)
        return vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
    if (sqlite3_exec(h->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(h->db, "INSERT OR IGNORE INTO sweeps (started, tool_version, "
                           "git_revision, pair, profile, source, meta, added) VALUES "
                           "(?,?,?,?,?,?,?,?)", -1, &st, NULL) != SQLITE_OK) {
        free(meta);
        return db_error(h, e, "add");
    }
    sqlite3_bind_text(st, 1, vs_meta_str(s, "start"), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, vs_meta_str(s, "version"), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, vs_meta_str(s, "git_revision"), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, d->pairs[s->pair], -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, vs_meta_str(s, "profile.name"), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 6, s->path, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 7, meta, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 8, vs_iso8601(vs_wall_seconds(), when, sizeof when), -1, SQLITE_STATIC);
    rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_error(h, e, "add sweep");
    sqlite3_finalize(st);
    free(meta);
    if (rc == 0 && sqlite3_changes(h->db) == 1) {
        *added = 1;
        rc = insert_runs(h, d, si, sqlite3_last_insert_rowid(h->db), e);
    }
    if (sqlite3_exec(h->db, rc == 0 ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL) != SQLITE_OK &&
        rc == 0)
        rc = db_error(h, e, "commit");
    return rc;
}

int vs_history_show(vs_history *h, FILE *out, vs_err *e)
{
    sqlite3_stmt *st;

    if (sqlite3_prepare_v2(h->db, "SELECT s.id, s.started, s.tool_version, s.profile, s.pair, "
                           "count(r.sweep), sum(1 - r.ok) FROM sweeps s LEFT JOIN runs r ON "
                           "r.sweep = s.id GROUP BY s.id ORDER BY s.started, s.id", -1, &st,
                           NULL) != SQLITE_OK)
        return db_error(h, e, "show");
    fprintf(out, "%4s  %-20s %-8s %-10s %5s %6s  %s\n", "id", "started", "version", "profile",
            "runs", "failed", "host pair");
    while (sqlite3_step(st) == SQLITE_ROW)
        fprintf(out, "%4d  %-20s %-8s %-10s %5d %6d  %s\n", sqlite3_column_int(st, 0),
                (const char *)sqlite3_column_text(st, 1), (const char *)sqlite3_column_text(st, 2),
                (const char *)sqlite3_column_text(st, 3), sqlite3_column_int(st, 5),
                sqlite3_column_int(st, 6), (const char *)sqlite3_column_text(st, 4));
    sqlite3_finalize(st);
    return 0;
}

/* ---- reading back --------------------------------------------------------- */

static int row_point(sqlite3_stmt *st, int col, vs_point *pt)
{
    if (vs_transport_parse((const char *)sqlite3_column_text(st, col), &pt->tr, NULL) != 0 ||
        vs_test_parse((const char *)sqlite3_column_text(st, col + 1), &pt->test, NULL) != 0)
        return -1;
    pt->sock = (uint64_t)sqlite3_column_int64(st, col + 2);
    pt->msg = (uint32_t)sqlite3_column_int64(st, col + 3);
    pt->sessions = sqlite3_column_int(st, col + 4);
    return 0;
}

/* Sources: one per selected sweep, with its stored meta.json. */
static int window_sources(vs_history *h, const char *pair, int window, vs_dataset *d,
                          sqlite3_int64 *ids, vs_err *e)
{
    sqlite3_stmt *st;
    int all = pair == NULL || pair[0] == '\0';

    if (sqlite3_prepare_v2(h->db, all ? "SELECT id, started, meta, pair FROM sweeps ORDER BY "
                                        "started DESC, id DESC LIMIT ?"
                                      : "SELECT id, started, meta, pair FROM sweeps WHERE pair "
                                        "= ? ORDER BY started DESC, id DESC LIMIT ?",
                           -1, &st, NULL) != SQLITE_OK)
        return db_error(h, e, "window");
    if (!all)
        sqlite3_bind_text(st, 1, pair, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, all ? 1 : 2, window);
    while (sqlite3_step(st) == SQLITE_ROW && d->nsrc < window) {
        vs_source *s = &d->src[d->nsrc];
        snprintf(s->path, sizeof s->path, "history #%d (%s)", sqlite3_column_int(st, 0),
                 (const char *)sqlite3_column_text(st, 1));
        s->meta = json_loads((const char *)sqlite3_column_text(st, 2), 0, NULL);
        if (s->meta == NULL)
            s->meta = json_object();
        s->pair = 0;
        ids[d->nsrc++] = sqlite3_column_int64(st, 0);
        if (d->npairs == 0)
            snprintf(d->pairs[d->npairs++], sizeof d->pairs[0], "%s",
                     (const char *)sqlite3_column_text(st, 3));
    }
    sqlite3_finalize(st);
    return 0;
}

static int window_runs(vs_history *h, vs_dataset *d, const sqlite3_int64 *ids, vs_err *e)
{
    sqlite3_stmt *st;
    int cap = 0;

    if (sqlite3_prepare_v2(h->db, "SELECT transport, test, sock, msg, sessions, run, gbps, sd, "
                           "ok, error FROM runs WHERE sweep = ?", -1, &st, NULL) != SQLITE_OK)
        return db_error(h, e, "window runs");
    for (int s = 0; s < d->nsrc; s++) {
        sqlite3_bind_int64(st, 1, ids[s]);
        while (sqlite3_step(st) == SQLITE_ROW) {
            vs_rec r;
            memset(&r, 0, sizeof r);
            if (row_point(st, 0, &r.key.pt) != 0)
                continue;
            r.source = s;
            r.run = sqlite3_column_int(st, 5);
            r.gbps = sqlite3_column_double(st, 6);
            r.sd_local = sqlite3_column_double(st, 7);
            r.ok = sqlite3_column_int(st, 8);
            r.error = strdup(sqlite3_column_text(st, 9) ? (const char *)sqlite3_column_text(st, 9) : "");
            if (d->nrec == cap) {
                cap = cap ? cap * 2 : 256;
                vs_rec *p = realloc(d->rec, (size_t)cap * sizeof *p);
                if (p == NULL) {
                    free(r.error);
                    sqlite3_finalize(st);
                    return vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
                }
                d->rec = p;
            }
            d->rec[d->nrec++] = r;
        }
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    return 0;
}

int vs_history_window(vs_history *h, const char *pair, int window, vs_dataset *d, vs_err *e)
{
    sqlite3_int64 *ids = calloc((size_t)window + 1, sizeof *ids);

    memset(d, 0, sizeof *d);
    d->src = calloc((size_t)window + 1, sizeof *d->src);
    if (ids == NULL || d->src == NULL) {
        free(ids);
        free(d->src);
        return vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
    }
    int rc = window_sources(h, pair, window, d, ids, e);
    if (rc == 0)
        rc = window_runs(h, d, ids, e);
    free(ids);
    if (rc == 0 && d->nsrc == 0)
        rc = vs_err_set(e, VS_ERR_USAGE, "the history holds no sweep%s%s", pair && *pair ? " of " : "",
                        pair && *pair ? pair : "");
    if (rc != 0)
        vs_dataset_free(d);
    return rc;
}

/* Nights of the (pair, point) that `st` is positioned on. */
int vs_history_each_point(vs_history *h,
                          int (*fn)(void *ctx, const char *pair, const vs_point *pt,
                                    const vs_night *nights, int n),
                          void *ctx, vs_err *e)
{
    sqlite3_stmt *pts, *nts;
    vs_night *nights = NULL;
    int cap = 0, rc = 0;

    if (sqlite3_prepare_v2(h->db, "SELECT DISTINCT s.pair, r.transport, r.test, r.sock, r.msg, "
                           "r.sessions FROM runs r JOIN sweeps s ON s.id = r.sweep ORDER BY 1, 2, "
                           "3, 6, 4, 5", -1, &pts, NULL) != SQLITE_OK)
        return db_error(h, e, "points");
    if (sqlite3_prepare_v2(h->db, "SELECT s.id, s.started, r.gbps FROM runs r JOIN sweeps s ON "
                           "s.id = r.sweep WHERE s.pair = ? AND r.transport = ? AND r.test = ? AND "
                           "r.sock = ? AND r.msg = ? AND r.sessions = ? AND r.ok = 1 ORDER BY "
                           "s.started, s.id", -1, &nts, NULL) != SQLITE_OK) {
        sqlite3_finalize(pts);
        return db_error(h, e, "nights");
    }
    while (rc == 0 && sqlite3_step(pts) == SQLITE_ROW) {
        vs_point pt;
        double vals[1024];
        int n = 0, nv = 0, last = -1;
        if (row_point(pts, 1, &pt) != 0)
            continue;
        for (int c = 0; c < 6; c++)
            sqlite3_bind_value(nts, c + 1, sqlite3_column_value(pts, c));
        for (;;) {
            int more = sqlite3_step(nts) == SQLITE_ROW;
            int id = more ? sqlite3_column_int(nts, 0) : -2;
            if (id != last && last != -1 && nv > 0) { /* close the previous night */
                vs_stats s;
                vs_stats_compute(vals, nv, 0.95, &s);
                nights[n - 1].mean = s.mean;
                nights[n - 1].ci_half = s.ci_half;
                nights[n - 1].n = nv;
                nv = 0;
            }
            if (!more)
                break;
            if (id != last) {
                if (n == cap) {
                    cap = cap ? cap * 2 : 64;
                    vs_night *p = realloc(nights, (size_t)cap * sizeof *p);
                    if (p == NULL) {
                        rc = vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
                        break;
                    }
                    nights = p;
                }
                memset(&nights[n], 0, sizeof nights[n]);
                nights[n].sweep = id;
                snprintf(nights[n].started, sizeof nights[n].started, "%s",
                         (const char *)sqlite3_column_text(nts, 1));
                n++;
                last = id;
            }
            if (nv < 1024)
                vals[nv++] = sqlite3_column_double(nts, 2);
        }
        sqlite3_reset(nts);
        if (rc == 0 && n > 0)
            rc = fn(ctx, (const char *)sqlite3_column_text(pts, 0), &pt, nights, n);
    }
    sqlite3_finalize(pts);
    sqlite3_finalize(nts);
    free(nights);
    return rc;
}
