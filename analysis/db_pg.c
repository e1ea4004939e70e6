/* db_pg.c - the PostgreSQL engine of db.h (libpq). The location is handed
 * to libpq as is (URI or keywords); vsreport adds defaults it can
 * override: connect_timeout 10 s, application_name vsreport, client
 * encoding UTF8. Parameters travel as text, doubles with 17 significant
 * digits, and come back in PostgreSQL's shortest exact form, so values
 * round-trip exactly. */
#include "analysis/db_engine.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* pg_advisory_xact_lock key of schema changes ("vsbh"). */
#define SCHEMA_LOCK "1987273320"
#define PARAM_TEXT 32

typedef struct pg_db {
    vs_db base;
    PGconn *c;
} pg_db;

typedef struct pg_rows {
    vs_rows base;
    PGresult *res;
    int row, n;
} pg_rows;

/* Notices ("relation already exists, skipping") are not for the user. */
static void quiet(void *arg, const char *message)
{
    (void)arg;
    (void)message;
}

/* libpq's message without its trailing newline, on one line. */
static void one_line(const char *msg, char *buf, size_t n)
{
    size_t k = 0;

    for (; msg && *msg && k + 1 < n; msg++)
        buf[k++] = *msg == '\n' || *msg == '\t' ? ' ' : *msg;
    while (k > 0 && buf[k - 1] == ' ')
        k--;
    buf[k] = '\0';
}

static int connect_error(PGconn *c, vs_err *e)
{
    char msg[400];

    one_line(PQerrorMessage(c), msg, sizeof msg);
    if (PQconnectionNeedsPassword(c))
        return vs_err_set(e, VS_ERR_REFUSED, "the server wants a password and none was given "
                          "(put it in the URL, PGPASSWORD or ~/.pgpass): %s", msg);
    if (PQconnectionUsedPassword(c))
        return vs_err_set(e, VS_ERR_REFUSED, "the server refused the credentials: %s", msg);
    return vs_err_set(e, VS_ERR_CONNECT, "cannot connect: %s", msg);
}

static int pg_open(const char *target, vs_db **out, vs_err *e)
{
    static const char *const keys[] = { "connect_timeout", "application_name",
                                        "client_encoding", "dbname", NULL };
    const char *values[] = { "10", "vsreport", "UTF8", target, NULL };
    pg_db *d = calloc(1, sizeof *d);

    if (d == NULL)
        return vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
    d->c = PQconnectdbParams(keys, values, 1);
    if (d->c == NULL || PQstatus(d->c) != CONNECTION_OK) {
        if (d->c == NULL)
            vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
        else
            connect_error(d->c, e);
        PQfinish(d->c);
        free(d);
        return -1;
    }
    PQsetNoticeProcessor(d->c, quiet, NULL);
    *out = &d->base;
    return 0;
}

static void pg_close(vs_db *db)
{
    pg_db *d = (pg_db *)db;

    PQfinish(d->c);
    free(d);
}

/* Error codes of db.h from the connection state and the SQLSTATE; the
 * message is the server's primary one, else libpq's first line. */
static int result_error(PGconn *c, PGresult *res, vs_err *e)
{
    const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
    const char *primary = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
    const char *text = primary ? primary : PQerrorMessage(c);
    char msg[400];

    snprintf(msg, sizeof msg, "%.*s", (int)strcspn(text, "\n"), text);
    if (PQstatus(c) == CONNECTION_BAD || (state && (strncmp(state, "08", 2) == 0 ||
                                                    strncmp(state, "57P", 3) == 0)))
        return vs_err_set(e, VS_ERR_CONNECT, "lost the connection to the server (%s)", msg);
    if (state && (strncmp(state, "28", 2) == 0 || strcmp(state, "42501") == 0))
        return vs_err_set(e, VS_ERR_REFUSED, "refused: %s", msg);
    return vs_err_set(e, VS_ERR_RUNTIME, "%s%s%s", msg, state ? " SQLSTATE " : "",
                      state ? state : "");
}

static int pg_exec(pg_db *d, const char *sql, vs_err *e)
{
    PGresult *res = PQexec(d->c, sql);
    ExecStatusType st = PQresultStatus(res);
    int rc = st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK ? 0 : result_error(d->c, res, e);

    PQclear(res);
    return rc;
}

/* READ takes one snapshot for all its statements; SCHEMA also waits for
 * any other process changing the schema. */
static int pg_begin(vs_db *db, enum vs_db_tx tx, vs_err *e)
{
    pg_db *d = (pg_db *)db;

    if (tx == VS_TX_READ)
        return pg_exec(d, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", e);
    if (pg_exec(d, "BEGIN", e) != 0)
        return -1;
    if (tx == VS_TX_SCHEMA && pg_exec(d, "SELECT pg_advisory_xact_lock(" SCHEMA_LOCK ")", e) != 0) {
        pg_exec(d, "ROLLBACK", NULL);
        return -1;
    }
    return 0;
}

static int pg_query(vs_db *db, const char *sql, const vs_param *p, int np, vs_rows **out,
                    vs_err *e)
{
    pg_db *d = (pg_db *)db;
    pg_rows *r = calloc(1, sizeof *r);
    const char **values = calloc((size_t)np + 1, sizeof *values);
    char *text = calloc((size_t)np + 1, PARAM_TEXT);
    ExecStatusType st;

    if (r == NULL || values == NULL || text == NULL) {
        free(r), free(values), free(text);
        return vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
    }
    for (int i = 0; i < np; i++) {
        char *t = text + (size_t)i * PARAM_TEXT;
        if (p[i].type == 'i')
            snprintf(t, PARAM_TEXT, "%lld", (long long)p[i].i);
        else if (p[i].type == 'd')
            snprintf(t, PARAM_TEXT, "%.17g", p[i].d);
        values[i] = p[i].type == 't' ? p[i].t : t;
    }
    r->res = PQexecParams(d->c, sql, np, NULL, values, NULL, NULL, 0);
    free(values);
    free(text);
    st = PQresultStatus(r->res);
    if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
        result_error(d->c, r->res, e);
        PQclear(r->res);
        free(r);
        return -1;
    }
    r->n = PQntuples(r->res);
    r->row = -1;
    *out = &r->base;
    return 0;
}

static int pg_next(vs_rows *rows, vs_err *e)
{
    pg_rows *r = (pg_rows *)rows;

    (void)e;
    if (r->row + 1 >= r->n)
        return 0;
    r->row++;
    return 1;
}

static const char *pg_text(vs_rows *rows, int col)
{
    pg_rows *r = (pg_rows *)rows;

    return PQgetisnull(r->res, r->row, col) ? "" : PQgetvalue(r->res, r->row, col);
}

static int64_t pg_int(vs_rows *rows, int col)
{
    return strtoll(pg_text(rows, col), NULL, 10);
}

static double pg_double(vs_rows *rows, int col)
{
    return strtod(pg_text(rows, col), NULL);
}

static void pg_rows_free(vs_rows *rows)
{
    pg_rows *r = (pg_rows *)rows;

    PQclear(r->res);
    free(r);
}

/* Text columns sort by bytes (COLLATE "C"), as SQLite's do, so both
 * engines list pairs in the same order.
 *
 * has_table reads pg_class with the statement's snapshot. to_regclass()
 * would consult the backend's catalog cache, which an advisory lock does
 * not refresh: a writer that waited for another's schema change could
 * still see the tables as they were before it and migrate them again
 * ("column resp already exists" with 16 writers creating one history). */
const vs_db_engine vs_db_pg_engine = {
    .name = "postgresql",
    .built = 1,
    .key_type = "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
    .text_type = "TEXT COLLATE \"C\"",
    .has_table_sql = "SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n"
                     " ON n.oid = c.relnamespace WHERE c.relname = $1 AND c.relkind = 'r'"
                     " AND n.nspname = current_schema()",
    .open = pg_open,
    .close = pg_close,
    .begin = pg_begin,
    .query = pg_query,
    .next = pg_next,
    .text = pg_text,
    .integer = pg_int,
    .dbl = pg_double,
    .rows_free = pg_rows_free,
};
