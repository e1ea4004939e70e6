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

/* The receiver's plan: reads (chunk) and wake-up threshold (lowat). */
static uint32_t chunk(enum vs_transport tr, uint32_t m_opt, uint32_t msg, uint64_t eff,
                      uint32_t mss)
{
    return vs_stream_recv_plan(tr, m_opt, msg, eff, mss).chunk;
}

static uint32_t lowat(enum vs_transport tr, uint32_t m_opt, uint32_t msg, uint32_t mss)
{
    return vs_stream_recv_plan(tr, m_opt, msg, 262144, mss).lowat;
}

static void test_recv_chunk(void)
{
    const uint32_t lo = 32748, veth = 1448; /* MSS: loopback at 64K sockets, MTU 1500 */

    /* a quarter of the buffer when messages are smaller */
    CU_ASSERT_EQUAL(chunk(VS_TR_TCP, 0, 16384, 65536, lo), 16384);
    CU_ASSERT_EQUAL(chunk(VS_TR_TCP, 0, 512, 262144, lo), 65536);
    CU_ASSERT_EQUAL(chunk(VS_TR_VSOCK, 0, 512, 262144, 0), 65536);
    /* never below the message size */
    CU_ASSERT_EQUAL(chunk(VS_TR_TCP, 0, 32768, 65536, lo), 32768);
    CU_ASSERT_EQUAL(chunk(VS_TR_TCP, 0, 65536, 65536, lo), 65536);
    CU_ASSERT_EQUAL(chunk(VS_TR_UNIX, 0, 1u << 20, 65536, 0), 1u << 20);
    /* at least 16K, at most 16M */
    CU_ASSERT_EQUAL(chunk(VS_TR_TCP, 0, 512, 8192, lo), 16384);
    CU_ASSERT_EQUAL(chunk(VS_TR_TCP, 0, 512, 1ull << 31, lo), 16u << 20);
    /* small segments: messages up to 2K read one at a time */
    CU_ASSERT_EQUAL(chunk(VS_TR_TCP, 0, 512, 262144, veth), 512);
    CU_ASSERT_EQUAL(chunk(VS_TR_TCP, 0, 2048, 65536, 8948), 2048);
    /* small segments, larger messages: the buffer up to 64K */
    CU_ASSERT_EQUAL(chunk(VS_TR_TCP, 0, 2049, 65536, veth), 65536);
    CU_ASSERT_EQUAL(chunk(VS_TR_TCP, 0, 16384, 65536, 8948), 65536);
    CU_ASSERT_EQUAL(chunk(VS_TR_TCP, 0, 4096, 32768, veth), 32768);
    CU_ASSERT_EQUAL(chunk(VS_TR_TCP, 0, 4096, 262144, veth), 65536);
    CU_ASSERT_EQUAL(chunk(VS_TR_TCP, 0, 4096, 1u << 20, veth), 262144);
    CU_ASSERT_EQUAL(chunk(VS_TR_TCP, 0, 4096, 8192, veth), 16384);
    CU_ASSERT_EQUAL(chunk(VS_TR_TCP, 0, 131072, 65536, veth), 131072);
    CU_ASSERT_EQUAL(chunk(VS_TR_TCP, 0, 512, 262144, 0), 65536);    /* MSS unknown */
    CU_ASSERT_EQUAL(chunk(VS_TR_VSOCK, 0, 512, 65536, veth), 16384); /* tcp only */
    /* the user's choice, even below the message size */
    CU_ASSERT_EQUAL(chunk(VS_TR_TCP, 512, 65536, 262144, lo), 512);
    CU_ASSERT_EQUAL(chunk(VS_TR_TCP, 4096, 512, 262144, veth), 4096);
    /* woken at 16K for tcp messages up to 1K with the rule's reads, on paths
     * whose segments carry 16K, only */
    CU_ASSERT_EQUAL(lowat(VS_TR_TCP, 0, 512, lo), 16384);
    CU_ASSERT_EQUAL(lowat(VS_TR_TCP, 0, 1024, 16384), 16384);
    CU_ASSERT_EQUAL(lowat(VS_TR_TCP, 0, 1025, 65483), 0);
    CU_ASSERT_EQUAL(lowat(VS_TR_TCP, 0, 8192, 65483), 0);
    CU_ASSERT_EQUAL(lowat(VS_TR_TCP, 0, 16384, 65483), 0);
    CU_ASSERT_EQUAL(lowat(VS_TR_TCP, 512, 512, 65483), 0);
    CU_ASSERT_EQUAL(lowat(VS_TR_TCP, 0, 512, veth), 0);
    CU_ASSERT_EQUAL(lowat(VS_TR_TCP, 0, 512, 16383), 0);
    CU_ASSERT_EQUAL(lowat(VS_TR_TCP, 0, 512, 0), 0); /* unknown */
    CU_ASSERT_EQUAL(lowat(VS_TR_UNIX, 0, 512, 65483), 0);
    CU_ASSERT_EQUAL(lowat(VS_TR_VSOCK, 0, 512, 65483), 0);
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
