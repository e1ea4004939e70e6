/* history.c - see history.h. Only portable SQL (db.h) appears here. */
#include "analysis/history.h"
#include "core/grow.h"
#include "core/safeprint.h"
#include "analysis/db.h"
#include "analysis/history_schema.h"
#include "analysis/stats.h"
#include "platform/clock.h"

#include <stdlib.h>
#include <string.h>

#define RUN_COLUMNS 16
#define RUNS_PER_INSERT 64

struct vs_history {
    vs_db *db;
    int schema_was;
};

int vs_history_open(const char *location, vs_history **out, vs_err *e)
{
    vs_history *h = calloc(1, sizeof *h);

    *out = NULL;
    if (h == NULL)
        return vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
    if (vs_db_open(location, &h->db, e) != 0 || vs_schema_prepare(h->db, &h->schema_was, e) != 0) {
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
    vs_db_close(h->db);
    free(h);
}

const char *vs_history_shown(const vs_history *h)
{
    return vs_db_shown(h->db);
}

int vs_history_schema_was(const vs_history *h)
{
    return h->schema_was;
}

const char *vs_history_pair(const vs_dataset *d, int si, const char *name)
{
    return name != NULL && name[0] ? name : d->pairs[d->src[si].pair];
}

/* ---- adding a night ----------------------------------------------------- */

/* "INSERT INTO runs (...) VALUES ($1,...,$11),($12,...)" for n rows. */
static char *runs_insert_sql(int n)
{
    static const char head[] = "INSERT INTO runs (sweep, transport, test, sock, msg, sessions, "
                               "run, gbps, sd, ok, error, resp, burst, tps, lat_p50, lat_p99) "
                               "VALUES ";
    size_t cap = sizeof head + (size_t)n * RUN_COLUMNS * 8;
    char *sql = malloc(cap);
    size_t len = sizeof head - 1;

    if (sql == NULL)
        return NULL;
    memcpy(sql, head, len);
    for (int i = 0; i < n * RUN_COLUMNS; i++)
        len += (size_t)snprintf(sql + len, cap - len, "%s$%d%s",
                                i % RUN_COLUMNS == 0 ? (i ? ",(" : "(") : ",", i + 1,
                                i % RUN_COLUMNS == RUN_COLUMNS - 1 ? ")" : "");
    return sql;
}

static void run_params(const vs_rec *r, int64_t id, vs_param *p)
{
    int rr = vs_test_is_rr(r->row.pt.test);

    p[0] = VS_P_INT(id);
    p[1] = VS_P_TEXT(vs_transport_name(r->row.pt.tr));
    p[2] = VS_P_TEXT(vs_test_name(r->row.pt.test));
    p[3] = VS_P_INT(r->row.pt.sock);
    p[4] = VS_P_INT(r->row.pt.msg);
    p[5] = VS_P_INT(r->row.pt.sessions);
    p[6] = VS_P_INT(r->row.run);
    p[7] = VS_P_DBL(r->row.gbps);
    p[8] = VS_P_DBL(rr ? r->row.sdt_local + r->row.sdt_remote
                       : r->row.sd_local + r->row.sd_remote);
    p[9] = VS_P_INT(r->row.ok);
    p[10] = VS_P_TEXT(vs_row_error(&r->row));
    p[11] = VS_P_INT(r->row.pt.resp);
    p[12] = VS_P_INT(r->row.pt.burst);
    p[13] = VS_P_DBL(r->row.tps);
    p[14] = VS_P_DBL(r->row.lat_p50);
    p[15] = VS_P_DBL(r->row.lat_p99);
}

/* The aggregate rows of source si, RUNS_PER_INSERT to a statement. */
static int insert_runs(vs_history *h, const vs_dataset *d, int si, int64_t id, vs_err *e)
{
    vs_param p[RUNS_PER_INSERT * RUN_COLUMNS];
    int n = 0, rc = 0;

    for (int i = 0; i <= d->nrec && rc == 0; i++) {
        const vs_rec *r = i < d->nrec ? &d->rec[i] : NULL;
        if (r != NULL && (r->source != si || r->row.session != 0))
            continue;
        if (r != NULL)
            run_params(r, id, &p[RUN_COLUMNS * n++]);
        if (n > 0 && (n == RUNS_PER_INSERT || r == NULL)) {
            char *sql = runs_insert_sql(n);
            rc = sql ? vs_db_run(h->db, sql, p, n * RUN_COLUMNS, e)
                     : vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
            free(sql);
            n = 0;
        }
    }
    return rc;
}

/* The night's row; *id is set when it is new, left at -1 when it was there. */
static int insert_sweep(vs_history *h, const vs_dataset *d, int si, const char *pair,
                        int64_t *id, vs_err *e)
{
    const vs_source *s = &d->src[si];
    char *meta = json_dumps(s->meta, JSON_COMPACT);
    char when[32];
    vs_rows *r;
    int rc;

    *id = -1;
    if (meta == NULL)
        return vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
    vs_param p[] = {
        VS_P_TEXT(vs_meta_str(s, "start")), VS_P_TEXT(vs_meta_str(s, "version")),
        VS_P_TEXT(vs_meta_str(s, "git_revision")), VS_P_TEXT(pair),
        VS_P_TEXT(vs_meta_str(s, "profile.name")), VS_P_TEXT(s->path), VS_P_TEXT(meta),
        VS_P_TEXT(vs_iso8601(vs_wall_seconds(), when, sizeof when)),
    };
    rc = vs_db_query(h->db, "INSERT INTO sweeps (started, tool_version, git_revision, pair, "
                     "profile, source, meta, added) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
                     "ON CONFLICT (started, pair, profile) DO NOTHING RETURNING id",
                     p, 8, &r, e);
    free(meta);
    if (rc != 0)
        return -1;
    rc = vs_rows_next(r, e);
    if (rc == 1)
        *id = vs_rows_int(r, 0);
    vs_rows_free(r);
    return rc < 0 ? -1 : 0;
}

/* A pair name: 1 to VS_HISTORY_PAIR_MAX - 1 bytes of UTF-8 without
 * control characters (it ends up in pages, charts and terminals). */
static int valid_pair(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;

    if (*p == 0 || strlen(s) >= VS_HISTORY_PAIR_MAX)
        return 0;
    while (*p) {
        int len = *p < 0x80 ? 1 : *p >= 0xc2 && *p < 0xe0 ? 2 : *p >= 0xe0 && *p < 0xf0 ? 3
                : *p >= 0xf0 && *p < 0xf5 ? 4 : 0;
        if (len == 0 || (len == 1 && (*p < 0x20 || *p == 0x7f)))
            return 0;
        for (int i = 1; i < len; i++)
            if ((p[i] & 0xc0) != 0x80)
                return 0;
        p += len;
    }
    return 1;
}

int vs_history_add(vs_history *h, const vs_dataset *d, int si, const char *pair, int *added,
                   vs_err *e)
{
    int64_t id;

    *added = 0;
    if (!valid_pair(pair))
        return vs_err_set(e, VS_ERR_USAGE, "a host pair name is 1 to %d bytes of UTF-8 "
                          "without control characters", VS_HISTORY_PAIR_MAX - 1);
    if (vs_db_begin(h->db, VS_TX_WRITE, e) != 0)
        return vs_err_prefix(e, "history %s", vs_db_shown(h->db));
    if (insert_sweep(h, d, si, pair, &id, e) != 0 ||
        (id >= 0 && insert_runs(h, d, si, id, e) != 0)) {
        vs_db_rollback(h->db);
        return vs_err_prefix(e, "history %s: nothing of this night was kept",
                             vs_db_shown(h->db));
    }
    if (vs_db_commit(h->db, e) != 0) {
        vs_db_rollback(h->db);
        return vs_err_prefix(e, "history %s: the commit of this night failed (if the "
                             "connection broke, it may or may not be kept: add it again, "
                             "which is safe)", vs_db_shown(h->db));
    }
    *added = id >= 0;
    return 0;
}

/* ---- listing ------------------------------------------------------------ */

/* One sweep of `history show`: its texts come from results files, so
 * they are shown escaped (core/safeprint.h). */
static void show_row(FILE *out, vs_rows *r)
{
    char t[4][4 * VS_HISTORY_PAIR_MAX];

    for (int i = 0; i < 4; i++)
        vs_safe_copy(t[i], sizeof t[i], vs_rows_text(r, i < 3 ? i + 1 : 4));
    fprintf(out, "%4lld  %-20s %-8s %-10s %5lld %6lld  %s\n", (long long)vs_rows_int(r, 0),
            t[0], t[1], t[2], (long long)vs_rows_int(r, 5), (long long)vs_rows_int(r, 6), t[3]);
}

int vs_history_show(vs_history *h, const char *pair, FILE *out, vs_err *e)
{
    vs_param p = VS_P_TEXT(pair);
    vs_rows *r;
    int rc;

    if (vs_db_query(h->db, pair ? "SELECT s.id, s.started, s.tool_version, s.profile, s.pair, "
                    "count(r.sweep), COALESCE(sum(1 - r.ok), 0) FROM sweeps s LEFT JOIN runs r "
                    "ON r.sweep = s.id WHERE s.pair = $1 GROUP BY s.id ORDER BY s.started, s.id"
                    : "SELECT s.id, s.started, s.tool_version, s.profile, s.pair, "
                    "count(r.sweep), COALESCE(sum(1 - r.ok), 0) FROM sweeps s LEFT JOIN runs r "
                    "ON r.sweep = s.id GROUP BY s.id ORDER BY s.started, s.id",
                    &p, pair ? 1 : 0, &r, e) != 0)
        return vs_err_prefix(e, "history %s", vs_db_shown(h->db));
    fprintf(out, "%4s  %-20s %-8s %-10s %5s %6s  %s\n", "id", "started", "version", "profile",
            "runs", "failed", "host pair");
    while ((rc = vs_rows_next(r, e)) == 1)
        show_row(out, r);
    vs_rows_free(r);
    return rc < 0 ? vs_err_prefix(e, "history %s", vs_db_shown(h->db)) : 0;
}

int vs_history_pairs(vs_history *h, char (**pairs)[VS_HISTORY_PAIR_MAX], int *n, vs_err *e)
{
    vs_rows *r;
    int rc, cap = 0;

    *pairs = NULL;
    *n = 0;
    if (vs_db_query(h->db, "SELECT DISTINCT pair FROM sweeps ORDER BY pair", NULL, 0, &r, e) != 0)
        return vs_err_prefix(e, "history %s", vs_db_shown(h->db));
    while ((rc = vs_rows_next(r, e)) == 1) {
        if (strlen(vs_rows_text(r, 0)) >= VS_HISTORY_PAIR_MAX)
            continue;
        if (*n == cap) {
            cap = cap ? cap * 2 : 16;
            char (*p)[VS_HISTORY_PAIR_MAX] = realloc(*pairs, (size_t)cap * sizeof *p);
            if (p == NULL) {
                rc = vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
                break;
            }
            *pairs = p;
        }
        snprintf((*pairs)[(*n)++], VS_HISTORY_PAIR_MAX, "%s", vs_rows_text(r, 0));
    }
    vs_rows_free(r);
    if (rc < 0) {
        free(*pairs);
        *pairs = NULL;
        *n = 0;
        return -1;
    }
    return 0;
}

/* ---- reading nights back as a dataset --------------------------------- */

static int point_of(vs_rows *r, int col, vs_point *pt)
{
    if (vs_transport_parse(vs_rows_text(r, col), &pt->tr, NULL) != 0 ||
        vs_test_parse(vs_rows_text(r, col + 1), &pt->test, NULL) != 0)
        return -1;
    pt->sock = (uint64_t)vs_rows_int(r, col + 2);
    pt->msg = (uint32_t)vs_rows_int(r, col + 3);
    pt->sessions = (int)vs_rows_int(r, col + 4);
    pt->resp = (uint32_t)vs_rows_int(r, col + 5);
    pt->burst = (int)vs_rows_int(r, col + 6);
    return 0;
}

/* Sources: one per selected night, newest first, with its meta.json. */
static int window_sources(vs_history *h, const char *pair, int window, vs_dataset *d,
                          int64_t *ids, vs_err *e)
{
    int all = pair == NULL || pair[0] == '\0', rc = 0; /* 0 rows for a window of 0 */
    vs_param p[] = { VS_P_TEXT(pair), VS_P_INT(window) };
    vs_rows *r;

    if (vs_db_query(h->db, all ? "SELECT id, started, meta, pair FROM sweeps ORDER BY started "
                               "DESC, id DESC LIMIT $1"
                             : "SELECT id, started, meta, pair FROM sweeps WHERE pair = $1 "
                               "ORDER BY started DESC, id DESC LIMIT $2",
                    all ? p + 1 : p, all ? 1 : 2, &r, e) != 0)
        return -1;
    while (d->nsrc < window && (rc = vs_rows_next(r, e)) == 1) {
        vs_source *s = &d->src[d->nsrc];
        snprintf(s->path, sizeof s->path, "history #%lld (%s)", (long long)vs_rows_int(r, 0),
                 vs_rows_text(r, 1));
        s->meta = json_loads(vs_rows_text(r, 2), 0, NULL);
        if (s->meta == NULL)
            s->meta = json_object();
        s->pair = 0;
        ids[d->nsrc++] = vs_rows_int(r, 0);
        if (d->npairs == 0)
            snprintf(d->pairs[d->npairs++], sizeof d->pairs[0], "%s", vs_rows_text(r, 3));
    }
    vs_rows_free(r);
    return rc < 0 ? -1 : 0;
}

static int push_rec(vs_dataset *d, const vs_rec *rec, int *cap)
{
    vs_rec *p = vs_push(d->rec, &d->nrec, cap, rec, sizeof *rec);

    return p != NULL ? (d->rec = p, 0) : -1;
}

/* A run's aggregate row as the history keeps it (after the point's
 * columns): service demand as local (per KB, or per transaction for rr
 * and crr), the rr figures, and its error text in `error` (of
 * VS_ERRTEXT_MAX bytes: the row points to it). */
static void window_row(vs_rows *r, vs_row *row, char *error)
{
    row->run = (int)vs_rows_int(r, 7);
    row->gbps = vs_rows_double(r, 8);
    if (vs_test_is_rr(row->pt.test))
        row->sdt_local = vs_rows_double(r, 9);
    else
        row->sd_local = vs_rows_double(r, 9);
    row->ok = (int)vs_rows_int(r, 10);
    snprintf(error, VS_ERRTEXT_MAX, "%s", vs_rows_text(r, 11));
    row->error = error;
    row->tps = vs_rows_double(r, 12);
    row->lat_p50 = vs_rows_double(r, 13);
    row->lat_p99 = vs_rows_double(r, 14);
}

static int window_runs(vs_history *h, vs_dataset *d, const int64_t *ids, vs_err *e)
{
    int cap = 0, rc = 0;

    for (int s = 0; s < d->nsrc && rc == 0; s++) {
        vs_param p = VS_P_INT(ids[s]);
        vs_rows *r;
        if (vs_db_query(h->db, "SELECT transport, test, sock, msg, sessions, resp, burst, run, "
                        "gbps, sd, ok, error, tps, lat_p50, lat_p99 FROM runs WHERE sweep = "
                        "$1 ORDER BY run, transport, test, sessions, sock, msg, resp, burst",
                        &p, 1, &r, e) != 0)
            return -1;
        while ((rc = vs_rows_next(r, e)) == 1) {
            vs_rec rec;
            char error[VS_ERRTEXT_MAX];
            memset(&rec, 0, sizeof rec);
            if (point_of(r, 0, &rec.row.pt) != 0)
                continue;
            rec.source = s;
            window_row(r, &rec.row, error);
            if (vs_row_intern(&rec.row, &d->texts) != 0 || push_rec(d, &rec, &cap) != 0) {
                rc = vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
                break;
            }
        }
        vs_rows_free(r);
    }
    return rc < 0 ? -1 : 0;
}

int vs_history_window(vs_history *h, const char *pair, int window, vs_dataset *d, vs_err *e)
{
    int64_t *ids = calloc((size_t)window + 1, sizeof *ids);
    int rc;

    memset(d, 0, sizeof *d);
    d->src = calloc((size_t)window + 1, sizeof *d->src);
    if (ids == NULL || d->src == NULL) {
        free(ids);
        free(d->src);
        d->src = NULL;
        return vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
    }
    rc = vs_db_begin(h->db, VS_TX_READ, e);
    if (rc == 0)
        rc = window_sources(h, pair, window, d, ids, e);
    if (rc == 0)
        rc = window_runs(h, d, ids, e);
    vs_db_rollback(h->db); /* a read: nothing to keep */
    free(ids);
    if (rc != 0)
        vs_err_prefix(e, "history %s", vs_db_shown(h->db));
    else if (d->nsrc == 0)
        rc = vs_err_set(e, VS_ERR_USAGE, "the history holds no sweep%s%s",
                        pair && *pair ? " of " : "", pair && *pair ? pair : "");
    if (rc != 0)
        vs_dataset_free(d);
    return rc;
}

/* ---- nights per point ------------------------------------------------- */

/* The nights of one (pair, point) as its rows arrive. */
typedef struct series {
    char pair[VS_HISTORY_PAIR_MAX];
    vs_point pt;
    vs_night *nights;
    int n, cap;
    double *vals;     /* the runs of the night being read */
    int nv, vcap;
} series;

static void close_night(series *s)
{
    vs_stats st;

    if (s->n == 0 || s->nv == 0)
        return;
    vs_stats_compute(s->vals, s->nv, 0.95, &st);
    s->nights[s->n - 1].mean = st.mean;
    s->nights[s->n - 1].ci_half = st.ci_half;
    s->nights[s->n - 1].n = s->nv;
    s->nv = 0;
}

static int open_night(series *s, int64_t sweep, const char *started)
{
    vs_night night, *p;

    memset(&night, 0, sizeof night);
    night.sweep = (int)sweep;
    snprintf(night.started, sizeof night.started, "%s", started);
    p = vs_push(s->nights, &s->n, &s->cap, &night, sizeof night);
    return p != NULL ? (s->nights = p, 0) : -1;
}

static int add_value(series *s, double v)
{
    double *p = vs_push(s->vals, &s->nv, &s->vcap, &v, sizeof v);

    return p != NULL ? (s->vals = p, 0) : -1;
}

/* One row: a new series starts when pair or point change (the previous
 * one goes to fn), a new night when the sweep changes. */
static int take_row(series *s, vs_rows *r, int (*fn)(void *, const char *, const vs_point *,
                                                      const vs_night *, int), void *ctx)
{
    vs_point pt;
    int rc = 0;

    if (point_of(r, 1, &pt) != 0)
        return 0;
    if (s->n > 0 && (strcmp(s->pair, vs_rows_text(r, 0)) != 0 || !vs_point_equal(&s->pt, &pt))) {
        close_night(s);
        rc = fn(ctx, s->pair, &s->pt, s->nights, s->n);
        s->n = 0;
    }
    if (s->n == 0) {
        snprintf(s->pair, sizeof s->pair, "%s", vs_rows_text(r, 0));
        s->pt = pt;
    }
    if (rc == 0 && (s->n == 0 || s->nights[s->n - 1].sweep != (int)vs_rows_int(r, 8))) {
        close_night(s);
        if (open_night(s, vs_rows_int(r, 8), vs_rows_text(r, 9)) != 0)
            return -2;
    }
    if (rc == 0 && add_value(s, vs_rows_double(r, 10)) != 0)
        return -2;
    return rc;
}

int vs_history_each_point(vs_history *h, const char *pair,
                          int (*fn)(void *ctx, const char *pair, const vs_point *pt,
                                    const vs_night *nights, int n),
                          void *ctx, vs_err *e)
{
    /* the headline figure: transactions/s for rr and crr, else Gbit/s */
    static const char head[] = "SELECT s.pair, r.transport, r.test, r.sock, r.msg, r.sessions, "
                               "r.resp, r.burst, s.id, s.started, CASE WHEN r.test IN ('rr', "
                               "'crr') THEN r.tps ELSE r.gbps END FROM runs r JOIN sweeps s ON "
                               "s.id = r.sweep WHERE r.ok = 1";
    static const char order[] = " ORDER BY s.pair, r.transport, r.test, r.sessions, r.sock, "
                                "r.msg, r.resp, r.burst, s.started, s.id, r.run";
    char sql[sizeof head + sizeof order + 32];
    vs_param p = VS_P_TEXT(pair);
    series s;
    vs_rows *r;
    int rc;

    memset(&s, 0, sizeof s);
    snprintf(sql, sizeof sql, "%s%s%s", head, pair ? " AND s.pair = $1" : "", order);
    if (vs_db_query(h->db, sql, &p, pair ? 1 : 0, &r, e) != 0)
        return vs_err_prefix(e, "history %s", vs_db_shown(h->db));
    while ((rc = vs_rows_next(r, e)) == 1)
        if ((rc = take_row(&s, r, fn, ctx)) != 0)
            break;
    if (rc == 0 && s.n > 0) {
        close_night(&s);
        rc = fn(ctx, s.pair, &s.pt, s.nights, s.n);
    }
    if (rc == -2)
        rc = vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
    vs_rows_free(r);
    free(s.nights);
    free(s.vals);
    return rc == 0 ? 0 : -1;
}
