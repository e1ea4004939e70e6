/* test_cli.c - core/cli.h: strict option values and suggestions. */
#include "core/cli.h"
#include "tests/unit/unit.h"

#include <string.h>

static void test_distance(void)
{
    CU_ASSERT_EQUAL(vs_cli_distance("run", "run"), 0);
    CU_ASSERT_EQUAL(vs_cli_distance("rnu", "run"), 1);      /* transposition */
    CU_ASSERT_EQUAL(vs_cli_distance("sesions", "sessions"), 1);
    CU_ASSERT_EQUAL(vs_cli_distance("", "abc"), 3);
    CU_ASSERT_EQUAL(vs_cli_distance("kitten", "sitting"), 3);
}

static void test_closest(void)
{
    static const char *const cmds[] = { "summary", "report", "compare", "history" };

    CU_ASSERT_STRING_EQUAL(vs_cli_closest("sumary", cmds, 4), "summary");
    CU_ASSERT_STRING_EQUAL(vs_cli_closest("reprot", cmds, 4), "report");
    CU_ASSERT_PTR_NULL(vs_cli_closest("frobnicate", cmds, 4));
    CU_ASSERT_PTR_NULL(vs_cli_closest("xx", cmds, 4));
}

static void test_int(void)
{
    vs_err e;
    int v = -1;

    CU_ASSERT_EQUAL(vs_cli_int("--window", "7", 1, 1000, &v, &e), 0);
    CU_ASSERT_EQUAL(v, 7);
    CU_ASSERT_EQUAL(vs_cli_int("--window", "7x", 1, 1000, &v, &e), -1); /* atoi took 7 */
    CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, "--window"));
    CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, "'7x'"));
    CU_ASSERT_EQUAL(vs_cli_int("--window", "0", 1, 1000, &v, &e), -1);
    CU_ASSERT_EQUAL(vs_cli_int("--window", "", 1, 1000, &v, &e), -1);
    CU_ASSERT_EQUAL(vs_cli_int("--window", " 5", 1, 1000, &v, &e), -1);
    CU_ASSERT_EQUAL(vs_cli_int("--window", "99999999999999999999", 1, 1000, &v, &e), -1);
    CU_ASSERT_EQUAL(e.code, VS_ERR_USAGE);
}

static void test_size_and_seconds(void)
{
    uint64_t v;
    uint32_t ms;
    vs_err e;

    CU_ASSERT_EQUAL(vs_cli_size("--msg-size", "64K", 1, 1 << 24, &v, &e), 0);
    CU_ASSERT_EQUAL(v, 65536);
    CU_ASSERT_EQUAL(vs_cli_size("--msg-size", "0", 1, 1 << 24, &v, &e), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, "--msg-size must be 1 to 16M"));
    CU_ASSERT_EQUAL(vs_cli_size("--msg-size", "12Q", 1, 1 << 24, &v, &e), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, "12Q"));
    CU_ASSERT_EQUAL(vs_cli_seconds("--timeout", "2m", 1, 3600000, &ms, &e), 0);
    CU_ASSERT_EQUAL(ms, 120000);
    CU_ASSERT_EQUAL(vs_cli_seconds("--timeout", "0", 1, 3600000, &ms, &e), -1);
    CU_ASSERT_EQUAL(vs_cli_seconds("--timeout", "5 s", 1, 3600000, &ms, &e), -1);
}

static void test_probability_and_fraction(void)
{
    double v;
    vs_err e;

    CU_ASSERT_EQUAL(vs_cli_probability("--alpha", "0.05", &v, &e), 0);
    CU_ASSERT_DOUBLE_EQUAL(v, 0.05, 1e-12);
    CU_ASSERT_EQUAL(vs_cli_probability("--alpha", "0.05x", &v, &e), -1); /* strtod took it */
    CU_ASSERT_EQUAL(vs_cli_probability("--alpha", "1", &v, &e), -1);
    CU_ASSERT_EQUAL(vs_cli_probability("--alpha", "nan", &v, &e), -1);
    CU_ASSERT_EQUAL(vs_cli_probability("--alpha", "", &v, &e), -1);
    CU_ASSERT_EQUAL(vs_cli_fraction("--min-effect", "5%", &v, &e), 0);
    CU_ASSERT_DOUBLE_EQUAL(v, 0.05, 1e-12);
    CU_ASSERT_EQUAL(vs_cli_fraction("--min-effect", "5", &v, &e), 0);
    CU_ASSERT_DOUBLE_EQUAL(v, 0.05, 1e-12);
    CU_ASSERT_EQUAL(vs_cli_fraction("--min-effect", "0.1", &v, &e), 0);
    CU_ASSERT_DOUBLE_EQUAL(v, 0.1, 1e-12);
    CU_ASSERT_EQUAL(vs_cli_fraction("--min-effect", "150%", &v, &e), -1);
    CU_ASSERT_EQUAL(vs_cli_fraction("--min-effect", "-5%", &v, &e), -1);
    CU_ASSERT_EQUAL(vs_cli_fraction("--min-effect", "5%%", &v, &e), -1);
}

static const CU_TestInfo tests[] = {
    { "edit distance", test_distance },
    { "closest name, or none", test_closest },
    { "whole numbers, strictly", test_int },
    { "sizes and durations with ranges", test_size_and_seconds },
    { "probabilities and percentages", test_probability_and_fraction },
    CU_TEST_INFO_NULL,
};

VS_UNIT_SUITE("cli", tests)
