/* history_schema.c - see history_schema.h. */
#include "analysis/history_schema.h"

#include <stdio.h>
#include <string.h>

/* CREATE statements of the present version; {key} and {text} stand for
 * the engine's key and text types (vs_db_ddl). */
static const char *const create_tables[] = {
    "CREATE TABLE IF NOT EXISTS sweeps ("
    " id {key}, started {text} NOT NULL, tool_version {text}, git_revision {text},"
    " pair {text} NOT NULL, profile {text}, source {text}, meta {text} NOT NULL,"
    " added {text} NOT NULL,"
    " UNIQUE (started, pair, profile))",
    "CREATE TABLE IF NOT EXISTS runs ("
    " sweep BIGINT NOT NULL REFERENCES sweeps(id) ON DELETE CASCADE,"
    " transport {text} NOT NULL, test {text} NOT NULL, sock BIGINT NOT NULL, msg BIGINT NOT NULL,"
    " sessions INTEGER NOT NULL, run INTEGER NOT NULL, gbps DOUBLE PRECISION NOT NULL,"
    " sd DOUBLE PRECISION NOT NULL, ok INTEGER NOT NULL, error {text},"
    " resp BIGINT NOT NULL DEFAULT 0, burst INTEGER NOT NULL DEFAULT 0,"
    " tps DOUBLE PRECISION NOT NULL DEFAULT 0, lat_p50 DOUBLE PRECISION NOT NULL DEFAULT 0,"
    " lat_p99 DOUBLE PRECISION NOT NULL DEFAULT 0)",
    "CREATE INDEX IF NOT EXISTS runs_point ON runs(transport, test, sock, msg, sessions)",
    "CREATE INDEX IF NOT EXISTS runs_sweep ON runs(sweep)",
    "CREATE TABLE IF NOT EXISTS vsbench_schema (version INTEGER NOT NULL)",
    NULL,
};

/* From version 1 (the first SQLite files) to 2. */
static const char *const migrate_1_to_2[] = {
    "CREATE INDEX IF NOT EXISTS runs_sweep ON runs(sweep)",
    "CREATE TABLE IF NOT EXISTS vsbench_schema (version INTEGER NOT NULL)",
    NULL,
};

int vs_schema_version(vs_db *db, int *version, vs_err *e)
{
    int has = vs_db_has_table(db, "vsbench_schema", e);
    vs_rows *r;

    *version = 0;
    if (has < 0)
        return -1;
    if (has == 0) { /* version 1 had the tables and no version table */
        int sweeps = vs_db_has_table(db, "sweeps", e);
        int runs = sweeps == 1 ? vs_db_has_table(db, "runs", e) : 0;
        if (sweeps < 0 || runs < 0)
            return -1;
        *version = sweeps && runs ? 1 : 0;
        return 0;
    }
    if (vs_db_query(db, "SELECT max(version) FROM vsbench_schema", NULL, 0, &r, e) != 0)
        return -1;
    if (vs_rows_next(r, e) == 1)
        *version = (int)vs_rows_int(r, 0);
    vs_rows_free(r);
    return 0;
}

/* The statement with {key} and {text} replaced by the engine's types. */
static int expand(vs_db *db, const char *sql, char *out, size_t n)
{
    size_t len = 0;

    while (*sql) {
        const char *with = NULL;
        size_t skip = 1;
        if (strncmp(sql, "{key}", 5) == 0)
            with = vs_db_ddl(db, VS_DB_KEY), skip = 5;
        else if (strncmp(sql, "{text}", 6) == 0)
            with = vs_db_ddl(db, VS_DB_TEXT), skip = 6;
        size_t add = with ? strlen(with) : 1;
        if (len + add + 1 > n)
            return -1;
        memcpy(out + len, with ? with : sql, add);
        len += add;
        sql += skip;
    }
    out[len] = '\0';
    return 0;
}

static int run_all(vs_db *db, const char *const *sql, vs_err *e)
{
    char text[1024];

    for (int i = 0; sql[i] != NULL; i++) {
        if (expand(db, sql[i], text, sizeof text) != 0)
            return vs_err_set(e, VS_ERR_RUNTIME, "schema statement too long");
        if (vs_db_exec(db, text, e) != 0)
            return -1;
    }
    return 0;
}

/* From version 2 to 3: the columns of rr and crr (0 for the older runs,
 * which are all stream or maerts). */
static const char *const migrate_2_to_3[] = {
    "ALTER TABLE runs ADD COLUMN resp BIGINT NOT NULL DEFAULT 0",
    "ALTER TABLE runs ADD COLUMN burst INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE runs ADD COLUMN tps DOUBLE PRECISION NOT NULL DEFAULT 0",
    "ALTER TABLE runs ADD COLUMN lat_p50 DOUBLE PRECISION NOT NULL DEFAULT 0",
    "ALTER TABLE runs ADD COLUMN lat_p99 DOUBLE PRECISION NOT NULL DEFAULT 0",
    NULL,
};

/* The statements from version `from` (1 or 2) to the present one. */
static int migrate(vs_db *db, int from, vs_err *e)
{
    if (from == 1 && run_all(db, migrate_1_to_2, e) != 0)
        return -1;
    return run_all(db, migrate_2_to_3, e);
}

/* Inside the SCHEMA transaction: from `from` to the present version. */
static int upgrade(vs_db *db, int from, vs_err *e)
{
    vs_param v = VS_P_INT(VS_SCHEMA_VERSION);

    if ((from == 0 ? run_all(db, create_tables, e) : migrate(db, from, e)) != 0 ||
        vs_db_exec(db, "DELETE FROM vsbench_schema", e) != 0 ||
        vs_db_run(db, "INSERT INTO vsbench_schema (version) VALUES ($1)", &v, 1, e) != 0)
        return -1;
    return 0;
}

static int refuse_newer(vs_db *db, int version, vs_err *e)
{
    return vs_err_set(e, VS_ERR_USAGE, "history %s has schema version %d, newer than this "
                      "vsreport knows (%d): use a newer vsreport", vs_db_shown(db), version,
                      VS_SCHEMA_VERSION);
}

int vs_schema_prepare(vs_db *db, int *was, vs_err *e)
{
    int version;

    if (vs_schema_version(db, &version, e) != 0)
        return vs_err_prefix(e, "history %s: reading the schema version", vs_db_shown(db));
    if (was != NULL)
        *was = version;
    if (version == VS_SCHEMA_VERSION)
        return 0;
    if (version > VS_SCHEMA_VERSION)
        return refuse_newer(db, version, e);
    /* Another process may be doing the same: take the schema lock, look again. */
    if (vs_db_begin(db, VS_TX_SCHEMA, e) != 0 || vs_schema_version(db, &version, e) != 0) {
        vs_db_rollback(db);
        return vs_err_prefix(e, "history %s", vs_db_shown(db));
    }
    if (version > VS_SCHEMA_VERSION) {
        vs_db_rollback(db);
        return refuse_newer(db, version, e);
    }
    if (version < VS_SCHEMA_VERSION && upgrade(db, version, e) != 0) {
        vs_db_rollback(db);
        return vs_err_prefix(e, "history %s: cannot %s the tables (a role without CREATE "
                             "rights needs its owner to run 'vsreport history init' first)",
                             vs_db_shown(db), version == 0 ? "create" : "migrate");
    }
    if (vs_db_commit(db, e) != 0)
        return vs_err_prefix(e, "history %s: committing the schema", vs_db_shown(db));
    return 0;
}
