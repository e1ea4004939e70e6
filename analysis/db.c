/* db.c - see db.h: locations, masking, and dispatch to the engines. */
#include "analysis/db_engine.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- locations -------------------------------------------------------- */

static int has_prefix(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

static const char *uri_rest(const char *s)
{
    if (has_prefix(s, "postgresql://"))
        return s + strlen("postgresql://");
    if (has_prefix(s, "postgres://"))
        return s + strlen("postgres://");
    return NULL;
}

/* "host=db1 dbname=perf": starts with a libpq keyword and '='. */
static int is_keyword_string(const char *s)
{
    static const char *const words[] = {
        "host", "hostaddr", "port", "dbname", "user", "password", "passfile", "service",
        "sslmode", "connect_timeout", "application_name", "options",
    };
    size_t len;

    while (*s == ' ')
        s++;
    len = strspn(s, "abcdefghijklmnopqrstuvwxyz_");
    if (len == 0 || s[len + strspn(s + len, " ")] != '=')
        return 0;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strlen(words[i]) == len && strncmp(s, words[i], len) == 0)
            return 1;
    return 0;
}

int vs_db_parse(const char *location, enum vs_db_kind *kind, const char **target, vs_err *e)
{
    if (location == NULL || location[0] == '\0')
        return vs_err_set(e, VS_ERR_USAGE, "empty history location (give a file, sqlite:PATH "
                          "or postgresql://...)");
    if (uri_rest(location) != NULL || is_keyword_string(location)) {
        *kind = VS_DB_POSTGRES;
        *target = location;
        return 0;
    }
    *kind = VS_DB_SQLITE;
    *target = has_prefix(location, "sqlite:") ? location + strlen("sqlite:") : location;
    if ((*target)[0] == '\0')
        return vs_err_set(e, VS_ERR_USAGE, "sqlite: needs a file name (sqlite:PATH)");
    return 0;
}

/* ---- masking ---------------------------------------------------------- */

typedef struct outbuf {
    char *p;
    size_t n, len;
} outbuf;

static void put(outbuf *o, const char *s, size_t len)
{
    for (size_t i = 0; i < len && o->len + 1 < o->n; i++)
        o->p[o->len++] = s[i];
    o->p[o->len] = '\0';
}

/* A URI parameter name, percent-decoded (libpq decodes them too). */
static int key_is_password(const char *s, size_t len)
{
    char key[16];
    size_t k = 0;

    for (size_t i = 0; i < len && k + 1 < sizeof key; i++) {
        if (s[i] == '%' && i + 2 < len && isxdigit((unsigned char)s[i + 1]) &&
            isxdigit((unsigned char)s[i + 2])) {
            char hex[3] = { s[i + 1], s[i + 2], '\0' };
            key[k++] = (char)strtol(hex, NULL, 16);
            i += 2;
        } else
            key[k++] = s[i];
    }
    key[k] = '\0';
    return k == strlen("password") && strcasecmp(key, "password") == 0;
}

/* user:secret@ -> user:***@, then password=***  among the parameters. */
static void mask_uri(const char *s, const char *rest, outbuf *o)
{
    const char *query = strchr(rest, '?');
    const char *end = query ? query : rest + strlen(rest);
    const char *at = NULL;

    put(o, s, (size_t)(rest - s));
    for (const char *p = rest; p < end; p++)
        if (*p == '@')
            at = p;
    if (at != NULL) {
        const char *colon = memchr(rest, ':', (size_t)(at - rest));
        put(o, rest, (size_t)((colon ? colon : at) - rest));
        if (colon)
            put(o, ":***", 4);
        rest = at;
    }
    put(o, rest, (size_t)(end - rest));
    for (const char *p = query; p != NULL && *p;) {
        const char *amp = strchr(p + 1, '&');
        const char *stop = amp ? amp : p + strlen(p);
        const char *eq = memchr(p + 1, '=', (size_t)(stop - p - 1));
        if (eq && key_is_password(p + 1, (size_t)(eq - p - 1))) {
            put(o, p, (size_t)(eq + 1 - p));
            put(o, "***", 3);
        } else
            put(o, p, (size_t)(stop - p));
        p = amp;
    }
}

/* key = value pairs; a value is 'quoted' (\' and \\ escapes) or a word. */
static void mask_keywords(const char *s, outbuf *o)
{
    while (*s) {
        size_t sp = strspn(s, " \t\n"), key = strcspn(s + sp, " \t\n=");
        const char *v = s + sp + key;
        int secret = key == strlen("password") && strncmp(s + sp, "password", key) == 0;

        v += strspn(v, " \t\n");
        if (*v == '=')
            v++;
        v += strspn(v, " \t\n");
        put(o, s, (size_t)(v - s));
        s = v;
        if (*s == '\'') {
            for (s++; *s && *s != '\''; s++)
                if (*s == '\\' && s[1])
                    s++;
            s += *s == '\'';
        } else
            s += strcspn(s, " \t\n");
        if (secret)
            put(o, "***", 3);
        else
            put(o, v, (size_t)(s - v));
    }
}

void vs_db_mask(const char *location, char *out, size_t n)
{
    outbuf o = { out, n, 0 };
    const char *rest;

    if (n == 0)
        return;
    out[0] = '\0';
    if (location == NULL)
        return;
    if ((rest = uri_rest(location)) != NULL)
        mask_uri(location, rest, &o);
    else if (is_keyword_string(location))
        mask_keywords(location, &o);
    else
        put(&o, location, strlen(location));
}

/* ---- dispatch --------------------------------------------------------- */

const char *vs_db_engines(void)
{
    static char names[64];

    snprintf(names, sizeof names, "%s%s%s",
             vs_db_sqlite_engine.built ? vs_db_sqlite_engine.name : "",
             vs_db_sqlite_engine.built && vs_db_pg_engine.built ? " " : "",
             vs_db_pg_engine.built ? vs_db_pg_engine.name : "");
    return names[0] ? names : "none";
}

int vs_db_no_history(vs_err *e)
{
    return vs_err_set(e, VS_ERR_UNSUPPORTED, "this vsreport has no history support: it was "
                      "built without SQLite and without PostgreSQL's libpq (everything but "
                      "'history' and 'compare --history' works). To add it, rebuild with "
                      "SQLite: on Linux install libsqlite3-dev; for Windows run make windows "
                      "SQLITE_SRC=DIR, DIR holding sqlite3.c and sqlite3.h of SQLite's "
                      "amalgamation (sqlite.org/download.html)");
}

int vs_db_open(const char *location, vs_db **db, vs_err *e)
{
    enum vs_db_kind kind;
    const char *target;
    const vs_db_engine *eng;

    *db = NULL;
    if (vs_db_parse(location, &kind, &target, e) != 0)
        return -1;
    eng = kind == VS_DB_SQLITE ? &vs_db_sqlite_engine : &vs_db_pg_engine;
    if (eng->open(target, db, e) != 0) {
        char shown[VS_DB_SHOWN_MAX];
        vs_db_mask(location, shown, sizeof shown);
        return vs_err_prefix(e, "history %s", shown);
    }
    (*db)->eng = eng;
    vs_db_mask(location, (*db)->shown, sizeof (*db)->shown);
    return 0;
}

void vs_db_close(vs_db *db)
{
    if (db != NULL)
        db->eng->close(db);
}

enum vs_db_kind vs_db_kind_of(const vs_db *db)
{
    return db->eng == &vs_db_sqlite_engine ? VS_DB_SQLITE : VS_DB_POSTGRES;
}

const char *vs_db_shown(const vs_db *db)
{
    return db->shown;
}

const char *vs_db_ddl(const vs_db *db, enum vs_db_type t)
{
    return t == VS_DB_KEY ? db->eng->key_type : db->eng->text_type;
}

int vs_db_has_table(vs_db *db, const char *name, vs_err *e)
{
    vs_param p = VS_P_TEXT(name);
    vs_rows *r;
    int rc;

    if (vs_db_query(db, db->eng->has_table_sql, &p, 1, &r, e) != 0)
        return -1;
    rc = vs_rows_next(r, e);
    vs_rows_free(r);
    return rc;
}

int vs_db_exec(vs_db *db, const char *sql, vs_err *e)
{
    return vs_db_run(db, sql, NULL, 0, e);
}

int vs_db_begin(vs_db *db, enum vs_db_tx tx, vs_err *e)
{
    return db->eng->begin(db, tx, e);
}

int vs_db_commit(vs_db *db, vs_err *e)
{
    return vs_db_exec(db, "COMMIT", e);
}

void vs_db_rollback(vs_db *db)
{
    vs_err ignored;

    vs_db_exec(db, "ROLLBACK", &ignored);
}

int vs_db_query(vs_db *db, const char *sql, const vs_param *p, int np, vs_rows **rows, vs_err *e)
{
    *rows = NULL;
    if (db->eng->query(db, sql, p, np, rows, e) != 0)
        return -1;
    (*rows)->eng = db->eng;
    return 0;
}

int vs_db_run(vs_db *db, const char *sql, const vs_param *p, int np, vs_err *e)
{
    vs_rows *r;

    if (vs_db_query(db, sql, p, np, &r, e) != 0)
        return -1;
    vs_rows_free(r);
    return 0;
}

int vs_rows_next(vs_rows *r, vs_err *e)
{
    return r->eng->next(r, e);
}

const char *vs_rows_text(vs_rows *r, int col)
{
    return r->eng->text(r, col);
}

int64_t vs_rows_int(vs_rows *r, int col)
{
    return r->eng->integer(r, col);
}

double vs_rows_double(vs_rows *r, int col)
{
    return r->eng->dbl(r, col);
}

void vs_rows_free(vs_rows *r)
{
    if (r != NULL)
        r->eng->rows_free(r);
}
