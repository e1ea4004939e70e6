/* db_sqlite.c - the SQLite engine of db.h: one file, opened or created.
 * Writers queue on SQLite's file lock: a writer waits up to BUSY_MS for
 * another (BEGIN IMMEDIATE takes the lock at the start, so two writers
 * never deadlock halfway). */
#include "analysis/db_engine.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#define BUSY_MS 60000

typedef struct sq_db {
    vs_db base;
    sqlite3 *db;
} sq_db;

typedef struct sq_rows {
    vs_rows base;
    sqlite3_stmt *st;
    int pending;  /* the first row, stepped by query, not yet returned */
    int done;
} sq_rows;

/* Error codes of db.h for SQLite's result codes. */
static int sq_error(sqlite3 *db, int rc, const char *what, vs_err *e)
{
    const char *msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);

    switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return vs_err_set(e, VS_ERR_RUNTIME, "%s: the file stayed locked by another process "
                          "for %d s (%s)", what, BUSY_MS / 1000, msg);
    case SQLITE_CANTOPEN:
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
        return vs_err_set(e, VS_ERR_USAGE, "%s: %s", what, msg);
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
        return vs_err_set(e, VS_ERR_REFUSED, "%s: %s", what, msg);
    default:
        return vs_err_set(e, VS_ERR_RUNTIME, "%s: %s", what, msg);
    }
}

static int sq_open(const char *path, vs_db **out, vs_err *e)
{
    sq_db *d = calloc(1, sizeof *d);
    int rc;

    if (d == NULL)
        return vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
    rc = sqlite3_open_v2(path, &d->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_busy_timeout(d->db, BUSY_MS);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(d->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
    if (rc != SQLITE_OK) {
        sq_error(d->db, rc, "cannot open", e);
        sqlite3_close(d->db);
        free(d);
        return -1;
    }
    *out = &d->base;
    return 0;
}

static void sq_close(vs_db *db)
{
    sq_db *d = (sq_db *)db;

    sqlite3_close(d->db);
    free(d);
}

static int sq_begin(vs_db *db, enum vs_db_tx tx, vs_err *e)
{
    sq_db *d = (sq_db *)db;
    int rc = sqlite3_exec(d->db, tx == VS_TX_READ ? "BEGIN" : "BEGIN IMMEDIATE", NULL, NULL,
                          NULL);

    return rc == SQLITE_OK ? 0 : sq_error(d->db, rc, "begin", e);
}

/* The portable $N placeholders become SQLite's ?N (same numbering). */
static char *sq_sql(const char *sql)
{
    char *s = strdup(sql);

    for (char *p = s; p && *p; p++)
        if (*p == '$' && p[1] >= '0' && p[1] <= '9')
            *p = '?';
    return s;
}

static int sq_bind(sqlite3_stmt *st, const vs_param *p, int np)
{
    int rc = SQLITE_OK;

    for (int i = 0; i < np && rc == SQLITE_OK; i++) {
        if (p[i].type == 'i')
            rc = sqlite3_bind_int64(st, i + 1, p[i].i);
        else if (p[i].type == 'd')
            rc = sqlite3_bind_double(st, i + 1, p[i].d);
        else if (p[i].t == NULL)
            rc = sqlite3_bind_null(st, i + 1);
        else
            rc = sqlite3_bind_text(st, i + 1, p[i].t, -1, SQLITE_TRANSIENT);
    }
    return rc;
}

/* Prepare, bind and take the first step, so that statements without rows
 * run here and errors show at once, as with libpq. */
static int sq_query(vs_db *db, const char *sql, const vs_param *p, int np, vs_rows **out,
                    vs_err *e)
{
    sq_db *d = (sq_db *)db;
    sq_rows *r = calloc(1, sizeof *r);
    char *text = sq_sql(sql);
    int rc;

    if (r == NULL || text == NULL) {
        free(r);
        free(text);
        return vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
    }
    rc = sqlite3_prepare_v2(d->db, text, -1, &r->st, NULL);
    free(text);
    if (rc == SQLITE_OK)
        rc = sq_bind(r->st, p, np);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(r->st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        sq_error(d->db, rc, "query", e);
        sqlite3_finalize(r->st);
        free(r);
        return -1;
    }
    r->pending = rc == SQLITE_ROW;
    r->done = rc == SQLITE_DONE;
    *out = &r->base;
    return 0;
}

static int sq_next(vs_rows *rows, vs_err *e)
{
    sq_rows *r = (sq_rows *)rows;
    int rc;

    if (r->pending) {
        r->pending = 0;
        return 1;
    }
    if (r->done)
        return 0;
    rc = sqlite3_step(r->st);
    if (rc == SQLITE_ROW)
        return 1;
    r->done = 1;
    return rc == SQLITE_DONE ? 0 : sq_error(sqlite3_db_handle(r->st), rc, "read", e);
}

static const char *sq_text(vs_rows *rows, int col)
{
    const unsigned char *t = sqlite3_column_text(((sq_rows *)rows)->st, col);

    return t ? (const char *)t : "";
}

static int64_t sq_int(vs_rows *rows, int col)
{
    return sqlite3_column_int64(((sq_rows *)rows)->st, col);
}

static double sq_double(vs_rows *rows, int col)
{
    return sqlite3_column_double(((sq_rows *)rows)->st, col);
}

static void sq_rows_free(vs_rows *rows)
{
    sq_rows *r = (sq_rows *)rows;

    sqlite3_finalize(r->st);
    free(r);
}

const vs_db_engine vs_db_sqlite_engine = {
    .name = "sqlite",
    .built = 1,
    .key_type = "INTEGER PRIMARY KEY",
    .text_type = "TEXT",
    .has_table_sql = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = $1",
    .open = sq_open,
    .close = sq_close,
    .begin = sq_begin,
    .query = sq_query,
    .next = sq_next,
    .text = sq_text,
    .integer = sq_int,
    .dbl = sq_double,
    .rows_free = sq_rows_free,
};
