/* test_latency.c - histograms, their figures, and the interval log
 * (core/latency.h). */
#include "core/latency.h"
#include "platform/fs.h"
#include "tests/unit/unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* 1..1000 us, each once. */
static vs_hist *ramp(void)
{
    vs_hist *h = NULL;
    vs_err e;

    if (vs_hist_new(&h, &e) != 0)
        return NULL;
    for (int v = 1; v <= 1000; v++)
        vs_hist_record(h, (int64_t)v * 1000);
    return h;
}

static void test_figures(void)
{
    vs_hist *h = ramp();
    vs_latency l;

    CU_ASSERT_PTR_NOT_NULL_FATAL(h);
    vs_latency_of(h, &l);
    CU_ASSERT_EQUAL(l.count, 1000);
    CU_ASSERT_DOUBLE_EQUAL(l.p50_us, 500, 0.5);    /* three digits: within 0.1% */
    CU_ASSERT_DOUBLE_EQUAL(l.p90_us, 900, 0.9);
    CU_ASSERT_DOUBLE_EQUAL(l.p99_us, 990, 1.0);
    CU_ASSERT_DOUBLE_EQUAL(l.p999_us, 999, 1.0);
    CU_ASSERT_DOUBLE_EQUAL(l.min_us, 1, 0.001);
    CU_ASSERT_DOUBLE_EQUAL(l.max_us, 1000, 1.0);
    CU_ASSERT_DOUBLE_EQUAL(l.mean_us, 500.5, 0.5);
    CU_ASSERT_DOUBLE_EQUAL(l.stdev_us, 288.7, 0.5);
    vs_hist_free(h);
}

/* Percentiles of two sessions come from the added histograms, not from
 * averaging: 1000 fast (10 us) and 1000 slow (1 ms) transactions have a
 * p50 of 10 us and a p90 of 1 ms, which no average of the two p90s is. */
static void test_added_not_averaged(void)
{
    vs_hist *a = NULL, *b = NULL;
    vs_latency l;
    vs_err e;

    CU_ASSERT_EQUAL_FATAL(vs_hist_new(&a, &e), 0);
    CU_ASSERT_EQUAL_FATAL(vs_hist_new(&b, &e), 0);
    for (int i = 0; i < 1000; i++) {
        vs_hist_record(a, 10000);
        vs_hist_record(b, 1000000);
    }
    vs_hist_add(a, b);
    vs_latency_of(a, &l);
    CU_ASSERT_EQUAL(l.count, 2000);
    CU_ASSERT_DOUBLE_EQUAL(l.p50_us, 10, 0.01);
    CU_ASSERT_DOUBLE_EQUAL(l.p90_us, 1000, 1.0);
    vs_hist_reset(b);
    CU_ASSERT_EQUAL(vs_hist_count(b), 0);
    vs_latency_of(b, &l);
    CU_ASSERT_EQUAL(l.count, 0);
    CU_ASSERT_DOUBLE_EQUAL(l.p99_us, 0, 0);
    vs_hist_free(a);
    vs_hist_free(b);
}

static void test_out_of_range_clamped(void)
{
    vs_hist *h = NULL;
    vs_err e;

    CU_ASSERT_EQUAL_FATAL(vs_hist_new(&h, &e), 0);
    vs_hist_record(h, 0);
    vs_hist_record(h, VS_LAT_HIGHEST_NS * 10);
    CU_ASSERT_EQUAL(vs_hist_count(h), 2); /* neither dropped */
    CU_ASSERT_TRUE(vs_hist_percentile(h, 100.0) >= VS_LAT_HIGHEST_NS * 999 / 1000);
    vs_hist_free(h);
}

static char *tmp_path(const char *name)
{
    static char path[512];

    snprintf(path, sizeof path, "%s/vsbench-unit-%s-%ld", vs_temp_dir(), name, vs_pid());
    return path;
}

/* Written, then read back: the aggregate (untagged) only, not the sessions. */
static void test_log_round_trip(void)
{
    vs_hist *all = ramp(), *s1 = ramp(), *s2 = ramp(), *back = NULL;
    const vs_hist *sessions[2];
    const char *path = tmp_path("hlog");
    vs_err e;
    FILE *f;
    char line[256];
    int tagged = 0;

    CU_ASSERT_PTR_NOT_NULL_FATAL(all);
    vs_hist_add(all, s1); /* 2000 values: distinct from a session's 1000 */
    sessions[0] = s1;
    sessions[1] = s2;
    CU_ASSERT_EQUAL_FATAL(vs_hlog_write(path, "vsbench test: tcp rr", 1.7e9, 10.0, all,
                                        sessions, 2, &e), 0);
    f = fopen(path, "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    while (fgets(line, sizeof line, f) != NULL)
        tagged += strncmp(line, "Tag=session-", 12) == 0;
    fclose(f);
    CU_ASSERT_EQUAL(tagged, 2);
    CU_ASSERT_EQUAL_FATAL(vs_hlog_read_aggregate(path, &back, &e), 0);
    CU_ASSERT_EQUAL(vs_hist_count(back), 2000);
    CU_ASSERT_EQUAL(vs_hlog_read_aggregate(path, &back, &e), 0); /* adds to it */
    CU_ASSERT_EQUAL(vs_hist_count(back), 4000);
    remove(path);
    vs_hist_free(all);
    vs_hist_free(s1);
    vs_hist_free(s2);
    vs_hist_free(back);
}

static void test_log_malformed(void)
{
    const char *path = tmp_path("bad");
    vs_hist *back = NULL;
    vs_err e;
    FILE *f = fopen(path, "w");

    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    fputs("#[Histogram log format version 1.3]\n0.000,1.000,2.000,notbase64!!\n", f);
    fclose(f);
    CU_ASSERT_EQUAL(vs_hlog_read_aggregate(path, &back, &e), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, ":2: bad histogram"));
    f = fopen(path, "w");
    fputs("0.000,1.000\n", f);
    fclose(f);
    CU_ASSERT_EQUAL(vs_hlog_read_aggregate(path, &back, &e), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, ":1: not an interval line"));
    CU_ASSERT_PTR_NULL(back);
    remove(path);
    CU_ASSERT_EQUAL(vs_hlog_read_aggregate(path, &back, &e), 1); /* none: not an error */
    CU_ASSERT_PTR_NULL(back);
}

static const CU_TestInfo tests[] = {
    { "summary figures of a histogram", test_figures },
    { "sessions are added, not averaged", test_added_not_averaged },
    { "values out of range are clamped, not dropped", test_out_of_range_clamped },
    { "interval log written and read back", test_log_round_trip },
    { "a malformed log is refused with its line", test_log_malformed },
    CU_TEST_INFO_NULL,
};

VS_UNIT_SUITE("latency", tests)
