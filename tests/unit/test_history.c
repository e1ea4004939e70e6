/* test_history.c - history locations and masking: what every build has
 * (escapes: test_markup.c). The SQLite engine is test_history_sqlite.c;
 * the PostgreSQL engine is tested against a real server by
 * tests/history/run.sh. */
#include "analysis/db.h"
#include "tests/unit/unit.h"

#include <stdlib.h>
#include <string.h>

static void test_db_parse(void)
{
    enum vs_db_kind k;
    const char *t;
    vs_err e;

    CU_ASSERT_EQUAL(vs_db_parse("h.sqlite", &k, &t, &e), 0);
    CU_ASSERT_TRUE(k == VS_DB_SQLITE && strcmp(t, "h.sqlite") == 0);
    CU_ASSERT_EQUAL(vs_db_parse("sqlite:/a/b.db", &k, &t, &e), 0);
    CU_ASSERT_TRUE(k == VS_DB_SQLITE && strcmp(t, "/a/b.db") == 0);
    CU_ASSERT_EQUAL(vs_db_parse("postgresql://ci@db/perf", &k, &t, &e), 0);
    CU_ASSERT_EQUAL(k, VS_DB_POSTGRES);
    CU_ASSERT_EQUAL(vs_db_parse("postgres://db", &k, &t, &e), 0);
    CU_ASSERT_EQUAL(k, VS_DB_POSTGRES);
    CU_ASSERT_EQUAL(vs_db_parse("host=/tmp dbname=perf", &k, &t, &e), 0);
    CU_ASSERT_EQUAL(k, VS_DB_POSTGRES);
    CU_ASSERT_EQUAL(vs_db_parse("weird=name.sqlite", &k, &t, &e), 0); /* not a libpq keyword */
    CU_ASSERT_EQUAL(k, VS_DB_SQLITE);
    CU_ASSERT_EQUAL(vs_db_parse("sqlite:", &k, &t, &e), -1);
    CU_ASSERT_EQUAL(vs_db_parse("", &k, &t, &e), -1);
    CU_ASSERT_EQUAL(e.code, VS_ERR_USAGE);
}

static void check_mask(const char *in, const char *want)
{
    char out[256];

    vs_db_mask(in, out, sizeof out);
    CU_ASSERT_STRING_EQUAL(out, want);
    if (strcmp(out, want) != 0)
        fprintf(stderr, "\n  mask(%s) = %s, want %s\n", in, out, want);
}

static void test_db_mask(void)
{
    char small[12];

    check_mask("postgresql://ci:s3cret@db.example:5432/perf?sslmode=require",
               "postgresql://ci:***@db.example:5432/perf?sslmode=require");
    check_mask("postgres://ci@db/perf", "postgres://ci@db/perf");
    check_mask("postgresql:///perf?host=/tmp/s&password=hunter2&user=ci",
               "postgresql:///perf?host=/tmp/s&password=***&user=ci");
    check_mask("postgresql://u:p%40ss@h/d?pass%77ord=x", "postgresql://u:***@h/d?pass%77ord=***");
    check_mask("postgresql://u:a@b/c@h/d", "postgresql://u:***@h/d"); /* raw @ and / */
    check_mask("postgresql://:only@h", "postgresql://:***@h");
    check_mask("host=h password=secret dbname=d", "host=h password=*** dbname=d");
    check_mask("host=h password = 'a b\\' c' user=x", "host=h password = *** user=x");
    check_mask("history.sqlite", "history.sqlite");
    vs_db_mask("postgresql://u:secretsecret@h", small, sizeof small);
    CU_ASSERT_EQUAL(strlen(small), sizeof small - 1);
    CU_ASSERT_PTR_NULL(strstr(small, "secret"));
}

static const CU_TestInfo tests[] = {
    { "locations: engines by prefix", test_db_parse },
    { "locations: passwords masked", test_db_mask },
    CU_TEST_INFO_NULL,
};

VS_UNIT_SUITE("history", tests)
