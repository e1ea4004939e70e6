/* test_history_sqlite.c - the history on the SQLite engine: round trip,
 * migration from version 1, a newer schema refused, nights per point,
 * fleet verdicts. Built only where vsreport has SQLite (the Makefile
 * leaves it out otherwise, e.g. a Windows build without SQLITE_SRC). */
#include "analysis/compare.h"
#include "analysis/db.h"
#include "analysis/fleet.h"
#include "analysis/history.h"
#include "analysis/history_schema.h"
#include "tests/unit/unit.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const vs_compare_opts defaults = { 0.01, 0.05, 0.10 };

/* A fresh file name for a history. */
static void temp_db(char *path, size_t n)
{
    vs_unit_temp_name(path, n, "history.sqlite");
}

/* One night of one point (tcp stream 256K/16K x1): `runs` runs around
 * `mean`, on host pair "Linux KERNEL / Linux KERNEL". */
static void make_night(vs_dataset *d, const char *start, const char *kernel, double mean, int runs)
{
    memset(d, 0, sizeof *d);
    d->src = calloc(1, sizeof *d->src);
    d->rec = calloc((size_t)runs, sizeof *d->rec);
    CU_ASSERT_TRUE_FATAL(d->src != NULL && d->rec != NULL);
    d->nsrc = 1;
    snprintf(d->src[0].path, sizeof d->src[0].path, "night-%s", start);
    d->src[0].meta = json_pack("{s:s, s:s, s:{s:s}, s:{s:{s:s, s:s}, s:{s:s, s:s}}}", "start",
                               start, "version", "0.1.0", "profile", "name", "t", "hosts", "local",
                               "os", "Linux", "kernel", kernel, "remote", "os", "Linux", "kernel",
                               kernel);
    d->npairs = 1;
    snprintf(d->pairs[0], sizeof d->pairs[0], "Linux %s / Linux %s", kernel, kernel);
    for (int i = 0; i < runs; i++) {
        vs_rec *r = &d->rec[d->nrec++];
        r->row.pt = (vs_point){ VS_TR_TCP, VS_TEST_STREAM, 262144, 16384, 1 };
        r->row.run = i + 1;
        r->row.gbps = mean * (1.0 + 0.01 * ((i % 3) - 1)); /* mean -1%, mean, mean +1% */
        r->row.ok = 1;
    }
}

static int add_night(vs_history *h, const char *start, const char *kernel, const char *pair,
                     double mean)
{
    vs_dataset d;
    vs_err e;
    int added = -1, rc;

    make_night(&d, start, kernel, mean, 6);
    rc = vs_history_add(h, &d, 0, vs_history_pair(&d, 0, pair), &added, &e);
    vs_dataset_free(&d);
    return rc == 0 ? added : -1;
}

static void test_history_round_trip(void)
{
    const char *dir = "tests/fixtures/small";
    char db[512];
    vs_dataset d, w;
    vs_history *h;
    vs_err e;
    int added;

    temp_db(db, sizeof db);
    CU_ASSERT_EQUAL_FATAL(vs_dataset_load(&d, &dir, 1, &e), 0);
    CU_ASSERT_EQUAL_FATAL(vs_history_open(db, &h, &e), 0);
    CU_ASSERT_EQUAL(vs_history_schema_was(h), 0);
    CU_ASSERT_EQUAL(vs_history_add(h, &d, 0, vs_history_pair(&d, 0, NULL), &added, &e), 0);
    CU_ASSERT_TRUE(added);
    CU_ASSERT_EQUAL(vs_history_add(h, &d, 0, vs_history_pair(&d, 0, NULL), &added, &e), 0);
    CU_ASSERT_FALSE(added); /* never twice */
    CU_ASSERT_EQUAL_FATAL(vs_history_window(h, d.pairs[0], 7, &w, &e), 0);
    CU_ASSERT_EQUAL(w.nsrc, 1);
    CU_ASSERT_STRING_EQUAL(w.pairs[0], d.pairs[0]);
    CU_ASSERT_STRING_EQUAL(vs_meta_str(&w.src[0], "hosts.local.kernel"), "6.1.0-27-cloud-amd64");
    int aggregates = 0;
    for (int i = 0; i < d.nrec; i++)
        aggregates += d.rec[i].row.session == 0;
    CU_ASSERT_EQUAL(w.nrec, aggregates);
    /* the baseline from the history compares equal to the directory */
    vs_comparison c;
    CU_ASSERT_EQUAL(vs_compare_datasets(&w, &d, &defaults, &c, &e), 0);
    CU_ASSERT_EQUAL(c.counts[VS_V_NO_CHANGE], 8);
    CU_ASSERT_EQUAL(c.nwarn, 0);
    vs_comparison_free(&c);
    vs_dataset_free(&w);
    CU_ASSERT_EQUAL(vs_history_window(h, "some other pair", 7, &w, &e), -1); /* frees on failure */
    CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, "no sweep"));
    /* a pair name with a control character is refused */
    CU_ASSERT_EQUAL(vs_history_add(h, &d, 0, "bad\nname", &added, &e), -1);
    CU_ASSERT_EQUAL(e.code, VS_ERR_USAGE);
    vs_history_close(h);
    vs_dataset_free(&d);
    unlink(db);
}

/* The first SQLite histories: the tables of today, PRAGMA user_version 1. */
static void write_v1(const char *path)
{
    static const char *const sql[] = {
        "CREATE TABLE sweeps (id INTEGER PRIMARY KEY, started TEXT NOT NULL, tool_version TEXT,"
        " git_revision TEXT, pair TEXT NOT NULL, profile TEXT, source TEXT, meta TEXT NOT NULL,"
        " added TEXT NOT NULL, UNIQUE (started, pair, profile))",
        "CREATE TABLE runs (sweep INTEGER NOT NULL REFERENCES sweeps(id) ON DELETE CASCADE,"
        " transport TEXT NOT NULL, test TEXT NOT NULL, sock INTEGER NOT NULL, msg INTEGER NOT NULL,"
        " sessions INTEGER NOT NULL, run INTEGER NOT NULL, gbps REAL NOT NULL, sd REAL NOT NULL,"
        " ok INTEGER NOT NULL, error TEXT)",
        "CREATE INDEX runs_point ON runs(transport, test, sock, msg, sessions)",
        "INSERT INTO sweeps VALUES (1, '2026-11-01T02:00:00Z', '0.1.0', 'x', 'old pair', 't',"
        " 'dir', '{\"start\":\"2026-11-01T02:00:00Z\"}', '2026-11-01T03:00:00Z')",
        "INSERT INTO runs VALUES (1, 'tcp', 'stream', 65536, 1024, 1, 1, 2.5, 0, 1, '')",
        "INSERT INTO runs VALUES (1, 'tcp', 'stream', 65536, 1024, 1, 2, 3.5, 0, 1, '')",
        "PRAGMA user_version = 1",
    };
    vs_db *db;
    vs_err e;

    CU_ASSERT_EQUAL_FATAL(vs_db_open(path, &db, &e), 0);
    for (size_t i = 0; i < sizeof sql / sizeof sql[0]; i++)
        CU_ASSERT_EQUAL(vs_db_exec(db, sql[i], &e), 0);
    vs_db_close(db);
}

static void test_history_migrate(void)
{
    char path[512];
    vs_history *h;
    vs_dataset w;
    vs_db *db;
    vs_err e;
    int v;

    temp_db(path, sizeof path);
    write_v1(path);
    CU_ASSERT_EQUAL_FATAL(vs_history_open(path, &h, &e), 0);
    CU_ASSERT_EQUAL(vs_history_schema_was(h), 1);
    CU_ASSERT_EQUAL_FATAL(vs_history_window(h, "old pair", 7, &w, &e), 0);
    CU_ASSERT_EQUAL(w.nrec, 2);
    CU_ASSERT_DOUBLE_EQUAL(w.rec[0].row.gbps + w.rec[1].row.gbps, 6.0, 1e-12);
    vs_dataset_free(&w);
    CU_ASSERT_EQUAL(add_night(h, "2026-11-02T02:00:00Z", "6.1", NULL, 3.0), 1);
    vs_history_close(h);
    /* now at version 2; a version from the future is refused */
    CU_ASSERT_EQUAL_FATAL(vs_db_open(path, &db, &e), 0);
    CU_ASSERT_EQUAL(vs_schema_version(db, &v, &e), 0);
    CU_ASSERT_EQUAL(v, VS_SCHEMA_VERSION);
    CU_ASSERT_EQUAL(vs_db_has_table(db, "vsbench_schema", &e), 1);
    CU_ASSERT_EQUAL(vs_db_exec(db, "UPDATE vsbench_schema SET version = 99", &e), 0);
    vs_db_close(db);
    CU_ASSERT_EQUAL(vs_history_open(path, &h, &e), -1);
    CU_ASSERT_EQUAL(e.code, VS_ERR_USAGE);
    CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, "schema version 99, newer than this vsreport"));
    unlink(path);
}

/* A version 2 history (before rr): migrated, its runs read as stream runs. */
static void test_history_migrate_v2(void)
{
    static const char *const v2[] = {
        "CREATE INDEX runs_sweep ON runs(sweep)",
        "CREATE TABLE vsbench_schema (version INTEGER NOT NULL)",
        "INSERT INTO vsbench_schema (version) VALUES (2)",
    };
    char path[64];
    vs_history *h;
    vs_dataset w;
    vs_db *db;
    vs_err e;

    temp_db(path, sizeof path);
    write_v1(path);
    CU_ASSERT_EQUAL_FATAL(vs_db_open(path, &db, &e), 0);
    for (size_t i = 0; i < sizeof v2 / sizeof v2[0]; i++)
        CU_ASSERT_EQUAL(vs_db_exec(db, v2[i], &e), 0);
    vs_db_close(db);
    CU_ASSERT_EQUAL_FATAL(vs_history_open(path, &h, &e), 0);
    CU_ASSERT_EQUAL(vs_history_schema_was(h), 2);
    CU_ASSERT_EQUAL_FATAL(vs_history_window(h, "old pair", 7, &w, &e), 0);
    CU_ASSERT_EQUAL_FATAL(w.nrec, 2);
    CU_ASSERT_EQUAL(w.rec[0].row.pt.resp, 0);
    CU_ASSERT_EQUAL(w.rec[0].row.pt.test, VS_TEST_STREAM);
    CU_ASSERT_DOUBLE_EQUAL(w.rec[0].row.tps, 0, 0);
    vs_dataset_free(&w);
    vs_history_close(h);
    unlink(path);
}

typedef struct seen {
    int calls;
    char pair[3][VS_HISTORY_PAIR_MAX];
    double means[3][8];
    int n[3];
} seen;

static int on_point(void *ctx, const char *pair, const vs_point *pt, const vs_night *nights, int n)
{
    seen *s = ctx;

    (void)pt;
    if (s->calls < 3) {
        snprintf(s->pair[s->calls], sizeof s->pair[0], "%s", pair);
        for (int i = 0; i < n && i < 8; i++)
            s->means[s->calls][i] = nights[i].mean;
        s->n[s->calls] = n;
    }
    s->calls++;
    return 0;
}

static void test_history_nights(void)
{
    char path[512];
    vs_history *h;
    vs_err e;
    seen s;

    temp_db(path, sizeof path);
    CU_ASSERT_EQUAL_FATAL(vs_history_open(path, &h, &e), 0);
    /* added out of order: read back by start time */
    CU_ASSERT_EQUAL(add_night(h, "2026-11-03T02:00:00Z", "6.1", NULL, 30.0), 1);
    CU_ASSERT_EQUAL(add_night(h, "2026-11-01T02:00:00Z", "6.1", NULL, 10.0), 1);
    CU_ASSERT_EQUAL(add_night(h, "2026-11-02T02:00:00Z", "6.1", NULL, 20.0), 1);
    /* the same systems filed under a CI name are another pair */
    CU_ASSERT_EQUAL(add_night(h, "2026-11-01T02:00:00Z", "6.1", "B-matrix", 5.0), 1);
    CU_ASSERT_EQUAL(add_night(h, "2026-11-01T02:00:00Z", "6.1", "B-matrix", 5.0), 0);
    memset(&s, 0, sizeof s);
    CU_ASSERT_EQUAL(vs_history_each_point(h, NULL, on_point, &s, &e), 0);
    CU_ASSERT_EQUAL_FATAL(s.calls, 2);
    CU_ASSERT_STRING_EQUAL(s.pair[0], "B-matrix"); /* byte order: 'B' < 'L' */
    CU_ASSERT_STRING_EQUAL(s.pair[1], "Linux 6.1 / Linux 6.1");
    CU_ASSERT_EQUAL(s.n[1], 3);
    CU_ASSERT_DOUBLE_EQUAL(s.means[1][0], 10.0, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(s.means[1][1], 20.0, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(s.means[1][2], 30.0, 1e-9);
    memset(&s, 0, sizeof s);
    CU_ASSERT_EQUAL(vs_history_each_point(h, "B-matrix", on_point, &s, &e), 0);
    CU_ASSERT_EQUAL(s.calls, 1);
    vs_history_close(h);
    unlink(path);
}

/* An rr night keeps its point (response size, burst) and its latency, and
 * its nights follow transactions/s. */
static void test_history_rr(void)
{
    char path[64];
    vs_dataset d, w;
    vs_history *h;
    vs_err e;
    seen s;
    int added;

    temp_db(path, sizeof path);
    make_night(&d, "2026-11-05T02:00:00Z", "6.1", 1.0, 6);
    for (int i = 0; i < d.nrec; i++) {
        vs_row *row = &d.rec[i].row;
        row->pt = (vs_point){ VS_TR_VSOCK, VS_TEST_RR, 0, 64, 1, 16384, 4 };
        row->tps = 40000 + 100 * i;
        row->lat_p50 = 20 + i;
        row->lat_p99 = 50 + i;
        row->sdt_local = 3;
        row->sdt_remote = 1;
    }
    CU_ASSERT_EQUAL_FATAL(vs_history_open(path, &h, &e), 0);
    CU_ASSERT_EQUAL(vs_history_add(h, &d, 0, "rr pair", &added, &e), 0);
    CU_ASSERT_EQUAL_FATAL(vs_history_window(h, "rr pair", 7, &w, &e), 0);
    CU_ASSERT_EQUAL_FATAL(w.nrec, 6);
    CU_ASSERT_TRUE(vs_point_equal(&w.rec[0].row.pt, &d.rec[0].row.pt));
    CU_ASSERT_DOUBLE_EQUAL(w.rec[5].row.tps, 40500, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(w.rec[5].row.lat_p50, 25, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(w.rec[5].row.lat_p99, 55, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(w.rec[5].row.sdt_local, 4, 1e-9); /* both ends together */
    vs_comparison c;
    CU_ASSERT_EQUAL(vs_compare_datasets(&w, &d, &defaults, &c, &e), 0);
    CU_ASSERT_EQUAL(c.counts[VS_V_NO_CHANGE], 1);
    CU_ASSERT_TRUE(c.p[0].p50.present);
    vs_comparison_free(&c);
    memset(&s, 0, sizeof s);
    CU_ASSERT_EQUAL(vs_history_each_point(h, "rr pair", on_point, &s, &e), 0);
    CU_ASSERT_EQUAL(s.calls, 1);
    CU_ASSERT_DOUBLE_EQUAL(s.means[0][0], 40250, 1e-9); /* transactions/s, not Gbit/s */
    vs_dataset_free(&w);
    vs_dataset_free(&d);
    vs_history_close(h);
    unlink(path);
}

/* Pair A: 9 steady nights, then a 20% drop; pair B: steady. */
static void test_fleet_verdicts(void)
{
    vs_fleet_opts o = { 20, 7, { 0.01, 0.05, 0.10 } };
    char path[512], start[32];
    vs_history *h;
    vs_fleet f;
    vs_err e;

    temp_db(path, sizeof path);
    CU_ASSERT_EQUAL_FATAL(vs_history_open(path, &h, &e), 0);
    for (int i = 0; i < 10; i++) {
        snprintf(start, sizeof start, "2026-11-%02dT02:00:00Z", i + 1);
        CU_ASSERT_EQUAL(add_night(h, start, "6.1", "A", i < 9 ? 10.0 : 8.0), 1);
        if (i >= 2)
            CU_ASSERT_EQUAL(add_night(h, start, "6.1", "B", 10.0), 1);
    }
    CU_ASSERT_EQUAL_FATAL(vs_fleet_load(h, &o, &f, &e), 0);
    CU_ASSERT_EQUAL_FATAL(f.npairs, 2);
    CU_ASSERT_EQUAL(f.ndays, 10);
    CU_ASSERT_STRING_EQUAL(f.days[0], "2026-11-01");
    CU_ASSERT_EQUAL(f.pairs[0].n, 10);
    CU_ASSERT_EQUAL(f.pairs[0].nights[0].verdict, VS_FV_FIRST);
    CU_ASSERT_EQUAL(f.pairs[0].nights[5].verdict, VS_FV_NO_CHANGE);
    CU_ASSERT_EQUAL(f.pairs[0].nights[9].verdict, VS_FV_REGRESSION);
    CU_ASSERT_EQUAL(f.pairs[0].nights[9].counts[VS_V_REGRESSION], 1);
    CU_ASSERT_PTR_NULL(vs_fleet_cell(&f, 1, 0)); /* B started on day 3 */
    CU_ASSERT_EQUAL(vs_fleet_cell(&f, 1, 9)->verdict, VS_FV_NO_CHANGE);
    vs_fleet_free(&f);
    o.days = 4; /* only the last 4 days */
    CU_ASSERT_EQUAL_FATAL(vs_fleet_load(h, &o, &f, &e), 0);
    CU_ASSERT_EQUAL(f.ndays, 4);
    CU_ASSERT_STRING_EQUAL(f.days[0], "2026-11-07");
    CU_ASSERT_EQUAL(f.pairs[0].nights[0].verdict, VS_FV_NO_CHANGE); /* judged on earlier nights */
    vs_fleet_free(&f);
    vs_history_close(h);
    unlink(path);
}

static const CU_TestInfo tests[] = {
    { "history round trip (SQLite)", test_history_round_trip },
    { "version 1 migrated, newer refused", test_history_migrate },
    { "version 2 migrated (rr columns)", test_history_migrate_v2 },
    { "rr nights: point, latency, transactions/s", test_history_rr },
    { "nights per point, by start time and pair", test_history_nights },
    { "fleet: a night against the nights before it", test_fleet_verdicts },
    CU_TEST_INFO_NULL,
};

VS_UNIT_SUITE("history-sqlite", tests)
