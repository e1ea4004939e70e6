/* test_interval.c - multi-session overlap arithmetic. */
#include "runner/interval.h"
#include "workloads/stream.h"
#include "tests/unit/unit.h"

static void test_all_overlap(void)
{
    vs_span s[3] = { { 0, 100 }, { 5, 120 }, { 2, 110 } }, w = { 10, 90 }, out;

    CU_ASSERT_EQUAL(vs_span_common(s, 3, w, &out), 80);
    CU_ASSERT_EQUAL(out.start, 10);
    CU_ASSERT_EQUAL(out.end, 90);
}

static void test_late_start_and_early_end(void)
{
    /* Session 2 started late and session 3 ended early: the aggregate
     * counts only [20, 70). */
    vs_span s[3] = { { 0, 100 }, { 20, 100 }, { 0, 70 } }, w = { 10, 90 }, out;

    CU_ASSERT_EQUAL(vs_span_common(s, 3, w, &out), 50);
    CU_ASSERT_EQUAL(out.start, 20);
    CU_ASSERT_EQUAL(out.end, 70);
}

static void test_disjoint(void)
{
    vs_span s[2] = { { 0, 10 }, { 20, 30 } }, w = { 0, 30 }, out;

    CU_ASSERT_EQUAL(vs_span_common(s, 2, w, &out), 0);
    CU_ASSERT_EQUAL(vs_span_len(out), 0);
}

static void test_empty_set(void)
{
    vs_span w = { 0, 30 }, out;

    CU_ASSERT_EQUAL(vs_span_common(NULL, 0, w, &out), 0);
}

static void test_recv_chunk(void)
{
    /* a quarter of the buffer when messages are smaller */
    CU_ASSERT_EQUAL(vs_stream_recv_chunk(0, 16384, 65536), 16384);
    CU_ASSERT_EQUAL(vs_stream_recv_chunk(0, 512, 262144), 65536);
    /* never below the message size */
    CU_ASSERT_EQUAL(vs_stream_recv_chunk(0, 32768, 65536), 32768);
    CU_ASSERT_EQUAL(vs_stream_recv_chunk(0, 65536, 65536), 65536);
    CU_ASSERT_EQUAL(vs_stream_recv_chunk(0, 1u << 20, 65536), 1u << 20);
    /* at least 16K, at most 16M */
    CU_ASSERT_EQUAL(vs_stream_recv_chunk(0, 512, 8192), 16384);
    CU_ASSERT_EQUAL(vs_stream_recv_chunk(0, 512, 1ull << 31), 16u << 20);
    /* the user's choice, even below the message size */
    CU_ASSERT_EQUAL(vs_stream_recv_chunk(512, 65536, 262144), 512);
    /* woken at 16K for tcp messages up to 1K with the rule's reads, on paths
     * whose segments carry 16K (loopback: 32748 at 64K sockets), only */
    CU_ASSERT_EQUAL(vs_stream_rcvlowat(VS_TR_TCP, 0, 512, 32748), 16384);
    CU_ASSERT_EQUAL(vs_stream_rcvlowat(VS_TR_TCP, 0, 1024, 16384), 16384);
    CU_ASSERT_EQUAL(vs_stream_rcvlowat(VS_TR_TCP, 0, 1025, 65483), 0);
    CU_ASSERT_EQUAL(vs_stream_rcvlowat(VS_TR_TCP, 0, 8192, 65483), 0);
    CU_ASSERT_EQUAL(vs_stream_rcvlowat(VS_TR_TCP, 0, 16384, 65483), 0);
    CU_ASSERT_EQUAL(vs_stream_rcvlowat(VS_TR_TCP, 512, 512, 65483), 0);
    CU_ASSERT_EQUAL(vs_stream_rcvlowat(VS_TR_TCP, 0, 512, 1448), 0);  /* MTU 1500 */
    CU_ASSERT_EQUAL(vs_stream_rcvlowat(VS_TR_TCP, 0, 512, 16383), 0);
    CU_ASSERT_EQUAL(vs_stream_rcvlowat(VS_TR_TCP, 0, 512, 0), 0);     /* unknown */
    CU_ASSERT_EQUAL(vs_stream_rcvlowat(VS_TR_UNIX, 0, 512, 65483), 0);
    CU_ASSERT_EQUAL(vs_stream_rcvlowat(VS_TR_VSOCK, 0, 512, 65483), 0);
}

static void test_rates(void)
{
    /* 1.25e9 bytes in one second = 10 Gbit/s. */
    CU_ASSERT_DOUBLE_EQUAL(vs_rate_bps(1250000000ull, 1000000000ull), 1e10, 1e-3);
    CU_ASSERT_DOUBLE_EQUAL(vs_rate_bps(100, 0), 0.0, 0.0);
}

static const CU_TestInfo tests[] = {
    { "all sessions overlap the window", test_all_overlap },
    { "late start and early end", test_late_start_and_early_end },
    { "disjoint spans", test_disjoint },
    { "no sessions", test_empty_set },
    { "rates", test_rates },
    { "receive size", test_recv_chunk },
    CU_TEST_INFO_NULL,
};

VS_UNIT_SUITE("interval", tests)
