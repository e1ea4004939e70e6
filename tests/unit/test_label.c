/* test_label.c - core/label.h: how points and host pairs read. */
#include "tests/unit/unit.h"
#include "core/label.h"

#include <string.h>

static void test_point_labels(void)
{
    vs_point pt = { VS_TR_TCP, VS_TEST_STREAM, 0, 16384, 5 };
    char b[96];

    CU_ASSERT_STRING_EQUAL(vs_label_point(&pt, b, sizeof b), "tcp stream default/16K x5");
    CU_ASSERT_STRING_EQUAL(vs_label_panel(VS_TEST_STREAM, 1, 0, 0, b, sizeof b), "stream, 1 session");
    CU_ASSERT_STRING_EQUAL(vs_label_series(VS_TR_VSOCK, 262144, b, sizeof b), "vsock 256K");
}

static void test_pair_short(void)
{
    char b[128];

    CU_ASSERT_STRING_EQUAL(vs_label_pair_short("Linux 6.1.0-27-cloud-amd64 / Linux "
                           "6.1.0-27-cloud-amd64 (KVM)", b, sizeof b),
                           "Linux 6.1.0-27 (KVM), both ends");
    CU_ASSERT_STRING_EQUAL(vs_label_pair_short("Linux 6.18.44-fc-v657 / Linux "
                           "6.18.44-fc-v657 (bhyve)", b, sizeof b),
                           "Linux 6.18.44 (bhyve), both ends");
    CU_ASSERT_STRING_EQUAL(vs_label_pair_short("Linux 6.1.0-27-amd64 / Windows 10.0.19045",
                           b, sizeof b), "Linux 6.1.0-27 / Windows 10.0.19045");
    CU_ASSERT_STRING_EQUAL(vs_label_pair_short("rack4-esxi8", b, sizeof b), "rack4-esxi8");
    CU_ASSERT_STRING_EQUAL(vs_label_pair_short("", b, sizeof b), "");
    /* the same kernel but not the whole side: not "both ends" */
    CU_ASSERT_STRING_EQUAL(vs_label_pair_short("Linux 6.1 / Linux 6.10", b, sizeof b),
                           "Linux 6.1 / Linux 6.10");
    vs_label_pair_short("Linux 6.1.0-27-cloud-amd64 / Linux 6.1.0-27 (KVM)", b, 8);
    CU_ASSERT_EQUAL(strlen(b), 7);
}

static const CU_TestInfo tests[] = {
    { "points, panels, series", test_point_labels },
    { "host pairs shortened", test_pair_short },
    CU_TEST_INFO_NULL,
};

VS_UNIT_SUITE("label", tests)
