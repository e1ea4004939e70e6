/* test_fdr.c - the Benjamini-Hochberg step-up (analysis/fdr.h). */
#include "analysis/fdr.h"
#include "tests/unit/unit.h"

/* The worked example of Benjamini and Hochberg (1995), section 4: 15
 * p-values at q = 0.05; the four smallest are rejected (threshold 0.0095)
 * where Bonferroni would reject three. */
static void test_bh_published_example(void)
{
    const double p[15] = { 0.0201, 0.0001, 0.6528, 0.0004, 0.0278, 0.0019, 0.0298, 0.0095,
                           0.0344, 0.0459, 0.3240, 0.4262, 0.5719, 0.7590, 1.0 };

    CU_ASSERT_DOUBLE_EQUAL(vs_bh_threshold(p, 15, 0.05), 0.0095, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(p[0], 0.0201, 0.0); /* the input is left as it was */
}

static void test_bh_edges(void)
{
    const double none[3] = { 0.2, 0.5, 0.9 }, all[3] = { 0.001, 0.002, 0.003 };
    const double one = 0.004;

    CU_ASSERT_EQUAL(vs_bh_threshold(none, 3, 0.01), -1);
    CU_ASSERT_DOUBLE_EQUAL(vs_bh_threshold(all, 3, 0.01), 0.003, 1e-15);
    CU_ASSERT_DOUBLE_EQUAL(vs_bh_threshold(&one, 1, 0.01), 0.004, 1e-15);
    CU_ASSERT_EQUAL(vs_bh_threshold(&one, 1, 0.001), -1);
    CU_ASSERT_EQUAL(vs_bh_threshold(NULL, 0, 0.01), -1);
}

static const CU_TestInfo tests[] = {
    { "Benjamini-Hochberg: the published example", test_bh_published_example },
    { "Benjamini-Hochberg: none, all, one, empty", test_bh_edges },
    CU_TEST_INFO_NULL,
};

VS_UNIT_SUITE("fdr", tests)
