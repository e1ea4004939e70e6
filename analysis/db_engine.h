/*
 * db_engine.h - what an engine of db.h provides (for db.c and the engine
 * files only). Each engine's connection and row reader begin with the
 * common part (struct vs_db, struct vs_rows), so db.c can dispatch
 * through the engine table. A stub engine (*_none.c) has only a name, a
 * reason and an open that fails.
 */
#ifndef VS_DB_ENGINE_H
#define VS_DB_ENGINE_H

#include "analysis/db.h"

#define VS_DB_SHOWN_MAX 256

typedef struct vs_db_engine {
    const char *name;          /* "sqlite", "postgresql" */
    int built;                 /* 0 for a stub */
    const char *key_type;      /* an auto-numbered BIGINT primary key */
    const char *text_type;     /* text that sorts byte by byte */
    const char *has_table_sql; /* $1 = a table name; a row when it exists */
    int (*open)(const char *target, vs_db **db, vs_err *e);
    void (*close)(vs_db *db);
    int (*begin)(vs_db *db, enum vs_db_tx tx, vs_err *e);
    int (*query)(vs_db *db, const char *sql, const vs_param *p, int np, vs_rows **rows,
                 vs_err *e);
    int (*next)(vs_rows *r, vs_err *e);
    const char *(*text)(vs_rows *r, int col);
    int64_t (*integer)(vs_rows *r, int col);
    double (*dbl)(vs_rows *r, int col);
    void (*rows_free)(vs_rows *r);
} vs_db_engine;

struct vs_db {
    const vs_db_engine *eng;
    char shown[VS_DB_SHOWN_MAX]; /* the masked location */
};

struct vs_rows {
    const vs_db_engine *eng;
};

extern const vs_db_engine vs_db_sqlite_engine;
extern const vs_db_engine vs_db_pg_engine;

/* The error of a build with no engine at all: what it lacks and how to
 * add SQLite (for the stubs). Returns -1. */
int vs_db_no_history(vs_err *e);

#endif
