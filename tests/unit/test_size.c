/* test_size.c - sizes and durations of core/size.h. */
#include "core/size.h"
#include "tests/unit/unit.h"

#include <string.h>

static uint64_t size_ok(const char *s)
{
    uint64_t v = 0;
    vs_err e;

    CU_ASSERT_EQUAL(vs_size_parse(s, &v, &e), 0);
    return v;
}

static void test_sizes(void)
{
    CU_ASSERT_EQUAL(size_ok("512"), 512);
    CU_ASSERT_EQUAL(size_ok("64K"), 65536);
    CU_ASSERT_EQUAL(size_ok("64k"), 65536);
    CU_ASSERT_EQUAL(size_ok("256KiB"), 262144);
    CU_ASSERT_EQUAL(size_ok("1M"), 1048576);
    CU_ASSERT_EQUAL(size_ok("2G"), 2147483648ull);
    CU_ASSERT_EQUAL(size_ok("100B"), 100);
}

static void test_bad_sizes(void)
{
    const char *bad[] = { "", "K", "-1", "12Q", "1.5K", "99999999999999999999",
                          "18014398509481984K" };
    uint64_t v;
    vs_err e;

    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        CU_ASSERT_EQUAL(vs_size_parse(bad[i], &v, &e), -1);
        CU_ASSERT_EQUAL(e.code, VS_ERR_USAGE);
    }
}

static void test_size_format(void)
{
    char b[32];

    CU_ASSERT_STRING_EQUAL(vs_size_format(65536, b, sizeof b), "64K");
    CU_ASSERT_STRING_EQUAL(vs_size_format(1536, b, sizeof b), "1536");
    CU_ASSERT_STRING_EQUAL(vs_size_format(1048576, b, sizeof b), "1M");
    CU_ASSERT_STRING_EQUAL(vs_size_format(0, b, sizeof b), "0");
}

static void test_bytes_format(void)
{
    char b[32];

    CU_ASSERT_STRING_EQUAL(vs_bytes_format(0, b, sizeof b), "0 B");
    CU_ASSERT_STRING_EQUAL(vs_bytes_format(1023, b, sizeof b), "1023 B");
    CU_ASSERT_STRING_EQUAL(vs_bytes_format(1024, b, sizeof b), "1.00 KiB");
    CU_ASSERT_STRING_EQUAL(vs_bytes_format(1536, b, sizeof b), "1.50 KiB");
    CU_ASSERT_STRING_EQUAL(vs_bytes_format(512 * 1024, b, sizeof b), "512 KiB");
    CU_ASSERT_STRING_EQUAL(vs_bytes_format(1048575, b, sizeof b), "1.00 MiB");
    CU_ASSERT_STRING_EQUAL(vs_bytes_format(19618757755ull, b, sizeof b), "18.3 GiB");
    CU_ASSERT_STRING_EQUAL(vs_bytes_format(UINT64_MAX, b, sizeof b), "16.0 EiB");
}

static void test_seconds(void)
{
    uint32_t ms;
    vs_err e;

    CU_ASSERT_EQUAL(vs_seconds_parse("60", &ms, &e), 0);
    CU_ASSERT_EQUAL(ms, 60000);
    CU_ASSERT_EQUAL(vs_seconds_parse("0.5", &ms, &e), 0);
    CU_ASSERT_EQUAL(ms, 500);
    CU_ASSERT_EQUAL(vs_seconds_parse("2m", &ms, &e), 0);
    CU_ASSERT_EQUAL(ms, 120000);
    CU_ASSERT_EQUAL(vs_seconds_parse("250ms", &ms, &e), 0);
    CU_ASSERT_EQUAL(ms, 250);
    CU_ASSERT_EQUAL(vs_seconds_parse("ten", &ms, &e), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, "ten"));
    CU_ASSERT_EQUAL(vs_seconds_parse("5x", &ms, &e), -1);
    CU_ASSERT_EQUAL(vs_seconds_parse("9999999h", &ms, &e), -1);
}

static const CU_TestInfo tests[] = {
    { "sizes with suffixes", test_sizes },
    { "bad sizes", test_bad_sizes },
    { "size format", test_size_format },
    { "amounts of data", test_bytes_format },
    { "durations", test_seconds },
    CU_TEST_INFO_NULL,
};

VS_UNIT_SUITE("size", tests)
