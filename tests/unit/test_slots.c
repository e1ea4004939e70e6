/* test_slots.c - runner/slots.h: one test at a time by default, retry
 * hints, and which tests overlapped. */
#include "runner/slots.h"
#include "tests/unit/unit.h"

static void test_one_at_a_time(void)
{
    vs_slots *s = vs_slots_new(1);
    uint32_t retry = 0;
    int a, b;

    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    a = vs_slots_take(s, 10000, &retry);
    CU_ASSERT_EQUAL(a, 0);
    CU_ASSERT_EQUAL(vs_slots_take(s, 10000, &retry), -1);
    CU_ASSERT_TRUE(retry > 9000 && retry <= 11000); /* about when the first ends */
    CU_ASSERT_EQUAL(vs_slots_busy(s), 1);
    vs_slots_release(s, a);
    b = vs_slots_take(s, 500, &retry);
    CU_ASSERT_EQUAL(b, 0);
    CU_ASSERT_FALSE(vs_slots_overlapped(s, b));
    vs_slots_release(s, b);
    vs_slots_release(s, b); /* twice: harmless */
    CU_ASSERT_EQUAL(vs_slots_busy(s), 0);
    vs_slots_free(s);
}

static void test_overlap_marked(void)
{
    vs_slots *s = vs_slots_new(3);
    uint32_t retry;
    int a, b, c;

    a = vs_slots_take(s, 1000, &retry);
    CU_ASSERT_FALSE(vs_slots_overlapped(s, a));
    b = vs_slots_take(s, 1000, &retry);
    CU_ASSERT_TRUE(vs_slots_overlapped(s, a)); /* both know */
    CU_ASSERT_TRUE(vs_slots_overlapped(s, b));
    vs_slots_release(s, a);
    vs_slots_release(s, b);
    c = vs_slots_take(s, 1000, &retry); /* alone again: a fresh flag */
    CU_ASSERT_FALSE(vs_slots_overlapped(s, c));
    CU_ASSERT_EQUAL(vs_slots_max(s), 3);
    vs_slots_free(s);
}

static const CU_TestInfo tests[] = {
    { "one test at a time, retry hint", test_one_at_a_time },
    { "overlapping tests marked", test_overlap_marked },
    CU_TEST_INFO_NULL,
};

VS_UNIT_SUITE("slots", tests)
