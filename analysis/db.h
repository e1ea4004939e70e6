/*
 * db.h - one connection to a history database, whichever engine holds it:
 * the embedded SQLite file (db_sqlite.c) or a PostgreSQL server (db_pg.c,
 * libpq). One contract, one file per engine, as libuv splits platforms;
 * both engines live in one binary and the location picks one at run
 * time. A build without an engine links its *_none.c stub instead, whose
 * open fails with VS_ERR_UNSUPPORTED and says what the build lacks.
 *
 * The history logic (history.c, history_schema.c) speaks only this
 * contract and a portable subset of SQL that both engines run unchanged:
 * parameters $1..$N; types BIGINT, INTEGER, DOUBLE PRECISION and text
 * (vs_db_ddl names the key and text types); INSERT ... ON CONFLICT DO
 * NOTHING RETURNING. Doubles travel exactly (17 significant digits or
 * binary), so both engines give the same statistics on the same nights.
 *
 * Locations (vs_db_parse):
 *   PATH, sqlite:PATH                      the embedded SQLite file
 *   postgresql://..., postgres://...       a libpq connection URI
 *   host=... dbname=... (libpq keywords)   a libpq keyword string
 * Messages never show a location's password: vs_db_mask.
 */
#ifndef VS_DB_H
#define VS_DB_H

#include <stddef.h>
#include <stdint.h>

#include "platform/err.h"

enum vs_db_kind { VS_DB_SQLITE, VS_DB_POSTGRES };

typedef struct vs_db vs_db;
typedef struct vs_rows vs_rows;

/* Transactions: READ sees one consistent state of the whole history;
 * WRITE adds; SCHEMA also excludes every other SCHEMA transaction (it
 * creates or migrates tables, so only one process does it at a time). */
enum vs_db_tx { VS_TX_READ, VS_TX_WRITE, VS_TX_SCHEMA };

/* Column types that differ between engines (see the schema). */
enum vs_db_type { VS_DB_KEY, VS_DB_TEXT };

/* One query parameter: 'i' integer, 'd' double, 't' text (NULL = SQL NULL). */
typedef struct vs_param {
    char type;
    int64_t i;
    double d;
    const char *t;
} vs_param;

#define VS_P_INT(x) ((vs_param){ 'i', (int64_t)(x), 0, NULL })
#define VS_P_DBL(x) ((vs_param){ 'd', 0, (x), NULL })
#define VS_P_TEXT(x) ((vs_param){ 't', 0, 0, (x) })

/* Which engine a location names and what to hand it: the file path for
 * SQLite (after "sqlite:"), the whole string for PostgreSQL. Fails on an
 * empty location. */
int vs_db_parse(const char *location, enum vs_db_kind *kind, const char **target, vs_err *e);

/* A location fit to print: "postgresql://user:***@host/db", password=***
 * in keyword strings and in URI parameters. Always NUL-terminates. */
void vs_db_mask(const char *location, char *out, size_t n);

/* The engines this build has, e.g. "sqlite postgresql" ("none"). */
const char *vs_db_engines(void);

/* Connect (SQLite: open or create the file). Errors name the masked
 * location: VS_ERR_CONNECT unreachable, VS_ERR_REFUSED credentials,
 * VS_ERR_UNSUPPORTED engine not built in, VS_ERR_USAGE bad location. */
int vs_db_open(const char *location, vs_db **db, vs_err *e);
void vs_db_close(vs_db *db);

enum vs_db_kind vs_db_kind_of(const vs_db *db);

/* The masked location, for messages. */
const char *vs_db_shown(const vs_db *db);

/* The engine's spelling of a column type in CREATE TABLE. */
const char *vs_db_ddl(const vs_db *db, enum vs_db_type t);

/* 1 when a table of that name is visible, 0 when not, -1 on error. */
int vs_db_has_table(vs_db *db, const char *name, vs_err *e);

/* Run one statement without parameters or result rows (DDL). */
int vs_db_exec(vs_db *db, const char *sql, vs_err *e);

int vs_db_begin(vs_db *db, enum vs_db_tx tx, vs_err *e);
int vs_db_commit(vs_db *db, vs_err *e);
/* Undo the open transaction, if any; never fails (a lost connection has
 * undone it already). */
void vs_db_rollback(vs_db *db);

/* Run one statement with parameters; *rows reads its result (free it
 * with vs_rows_free). Error codes as for open; a lost connection is
 * VS_ERR_CONNECT. */
int vs_db_query(vs_db *db, const char *sql, const vs_param *p, int np, vs_rows **rows,
                vs_err *e);

/* As vs_db_query, for statements whose rows are not wanted. */
int vs_db_run(vs_db *db, const char *sql, const vs_param *p, int np, vs_err *e);

/* Advance to the next row: 1 a row, 0 no more, -1 error. */
int vs_rows_next(vs_rows *r, vs_err *e);

/* Columns of the current row, from 0. Text is "" for NULL and lives
 * until the next vs_rows_next. */
const char *vs_rows_text(vs_rows *r, int col);
int64_t vs_rows_int(vs_rows *r, int col);
double vs_rows_double(vs_rows *r, int col);

void vs_rows_free(vs_rows *r);

#endif
