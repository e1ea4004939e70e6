/* test_stats.c - statistics against published values, edge cases, and
 * the runner's t table against analysis/tdist. */
#include "analysis/stats.h"
#include "runner/stoprule.h"
#include "tests/unit/unit.h"

#include <math.h>

static void test_t_quantiles(void)
{
    /* Published two-sided 95% critical values. */
    CU_ASSERT_DOUBLE_EQUAL(vs_t_quantile(0.95, 2), 4.302653, 1e-5);
    CU_ASSERT_DOUBLE_EQUAL(vs_t_quantile(0.95, 10), 2.228139, 1e-5);
    CU_ASSERT_DOUBLE_EQUAL(vs_t_quantile(0.99, 5), 4.032143, 1e-5);
    CU_ASSERT_DOUBLE_EQUAL(vs_t_quantile(0.90, 1), 6.313752, 1e-5);
    CU_ASSERT_DOUBLE_EQUAL(vs_t_quantile(0.95, 0), 0.0, 0.0);
}

static void test_runner_table_matches_tdist(void)
{
    static const int levels[] = { 90, 95, 99 };
    for (int l = 0; l < 3; l++)
        for (int df = 1; df <= 200; df++)
            CU_ASSERT_DOUBLE_EQUAL(vs_t_critical(levels[l], df),
                                   vs_t_quantile(levels[l] / 100.0, df), 0.004);
}

static void test_known_sample(void)
{
    double v[] = { 2, 4, 4, 4, 5, 5, 7, 9 };
    vs_stats s;

    vs_stats_compute(v, 8, 0.95, &s);
    CU_ASSERT_EQUAL(s.n, 8);
    CU_ASSERT_DOUBLE_EQUAL(s.mean, 5.0, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(s.sd, 2.138090, 1e-6);
    CU_ASSERT_DOUBLE_EQUAL(s.cv, 42.76180, 1e-4);
    CU_ASSERT_DOUBLE_EQUAL(s.ci_half, 2.364624 * 2.138090 / sqrt(8.0), 1e-5);
    CU_ASSERT_DOUBLE_EQUAL(s.min, 2.0, 0.0);
    CU_ASSERT_DOUBLE_EQUAL(s.max, 9.0, 0.0);
    CU_ASSERT_TRUE(s.ci_valid);
}

static void test_edges_are_nan_free(void)
{
    double one = 3.5, same[] = { 7, 7, 7 };
    vs_stats s;

    vs_stats_compute(NULL, 0, 0.95, &s);
    CU_ASSERT_EQUAL(s.n, 0);
    CU_ASSERT_FALSE(isnan(s.mean) || isnan(s.sd) || isnan(s.ci_half) || isnan(s.cv));
    vs_stats_compute(&one, 1, 0.95, &s);
    CU_ASSERT_DOUBLE_EQUAL(s.mean, 3.5, 0.0);
    CU_ASSERT_DOUBLE_EQUAL(s.sd, 0.0, 0.0);
    CU_ASSERT_FALSE(s.ci_valid);
    CU_ASSERT_FALSE(isnan(s.ci_half));
    vs_stats_compute(same, 3, 0.95, &s);
    CU_ASSERT_DOUBLE_EQUAL(s.sd, 0.0, 0.0);
    CU_ASSERT_DOUBLE_EQUAL(s.ci_half, 0.0, 0.0);
    CU_ASSERT_DOUBLE_EQUAL(s.cv, 0.0, 0.0);
}

static void test_ratio(void)
{
    vs_stats a = { 4, 10.0, 1.0, 10.0, 0, 1, 9, 11 }, b = { 4, 5.0, 0.5, 10.0, 0, 1, 4, 6 };
    vs_stats zero = { 3, 0.0, 0.0, 0, 0, 1, 0, 0 }, single = { 1, 5.0, 0, 0, 0, 0, 5, 5 };
    vs_ratio r;

    vs_ratio_compute(&a, &b, 0.95, &r);
    CU_ASSERT_TRUE(r.valid);
    CU_ASSERT_DOUBLE_EQUAL(r.r, 2.0, 1e-12);
    /* relative standard errors 0.05 and 0.05, t(3) = 3.182446 */
    CU_ASSERT_DOUBLE_EQUAL(r.ci_half, 3.182446 * 2.0 * sqrt(0.005), 1e-5);
    vs_ratio_compute(&a, &zero, 0.95, &r);
    CU_ASSERT_FALSE(r.valid);
    CU_ASSERT_FALSE(isinf(r.r) || isnan(r.r));
    vs_ratio_compute(&a, &single, 0.95, &r);
    CU_ASSERT_TRUE(r.valid);
    CU_ASSERT_FALSE(r.ci_valid);
}

static const CU_TestInfo tests[] = {
    { "t quantiles against published values", test_t_quantiles },
    { "the runner's t table agrees with tdist", test_runner_table_matches_tdist },
    { "mean, sd, CV, CI of a known sample", test_known_sample },
    { "n = 0, n = 1, zero variance: NaN-free", test_edges_are_nan_free },
    { "ratio and its uncertainty", test_ratio },
    CU_TEST_INFO_NULL,
};

VS_UNIT_SUITE("stats", tests)
