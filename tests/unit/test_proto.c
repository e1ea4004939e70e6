/* test_proto.c - control protocol v2 encoding, decoding and validation of
 * the test's messages (TEST, ERROR, RESULT, INTERIM, ENDPOINTS);
 * test_handshake.c has the handshake's. */
#include "runner/proto.h"
#include "tests/unit/unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static vs_test_req sample_req(void)
{
    vs_test_req t;

    memset(&t, 0, sizeof t);
    t.test = VS_TEST_MAERTS;
    t.transport = VS_TR_VSOCK;
    t.sessions = 5;
    t.msg_size = 16384;
    t.sock_size = 262144;
    t.duration_ms = 60000;
    t.warmup_ms = 2000;
    t.interval_ms = 1000;
    t.cookie = 0x0123456789ABCDEFull;
    return t;
}

/* Body of an encoded frame past the 4-byte length and 2-byte type. */
#define BODY(buf) ((buf) + 6)
#define BODY_LEN(n) ((n) - 6)

static void test_test_round_trip(void)
{
    uint8_t buf[256];
    vs_test_req in = sample_req(), out;
    vs_err e;
    size_t n = vs_enc_test(buf, sizeof buf, &in);

    CU_ASSERT_TRUE_FATAL(n > 6);
    CU_ASSERT_EQUAL(((uint32_t)buf[0] << 24 | buf[1] << 16 | buf[2] << 8 | buf[3]), n - 4);
    CU_ASSERT_EQUAL(buf[5], VS_MSG_TEST);
    CU_ASSERT_EQUAL(vs_dec_test(BODY(buf), BODY_LEN(n), &out, &e), 0);
    CU_ASSERT_EQUAL(out.cookie, in.cookie);
    CU_ASSERT_EQUAL(out.sock_size, in.sock_size);
    CU_ASSERT_EQUAL(out.sessions, 5);
    CU_ASSERT_EQUAL(out.transport, VS_TR_VSOCK);
    CU_ASSERT_EQUAL(out.interval_ms, 1000);
}

/* Every proper prefix of a valid body is refused, as is one more byte,
 * except the body without its optional tail (zero-copy flag and
 * congestion control: 1 + 2 bytes when empty), which means "off". */
static void test_truncated_and_trailing(void)
{
    uint8_t buf[256], longer[257];
    vs_test_req in = sample_req(), out;
    vs_err e;
    size_t n = vs_enc_test(buf, sizeof buf, &in);

    for (size_t k = 0; k < BODY_LEN(n); k++) {
        vs_err_clear(&e);
        if (k == BODY_LEN(n) - 3) {
            CU_ASSERT_EQUAL(vs_dec_test(BODY(buf), k, &out, &e), 0);
            CU_ASSERT_EQUAL(out.zerocopy, 0);
            CU_ASSERT_STRING_EQUAL(out.congestion, "");
            continue;
        }
        CU_ASSERT_EQUAL(vs_dec_test(BODY(buf), k, &out, &e), -1);
        CU_ASSERT_EQUAL(e.code, VS_ERR_PROTOCOL);
    }
    memcpy(longer, BODY(buf), BODY_LEN(n));
    longer[BODY_LEN(n)] = 0;
    CU_ASSERT_EQUAL(vs_dec_test(longer, BODY_LEN(n) + 1, &out, &e), -1);
}

static void test_limits_enforced(void)
{
    uint8_t buf[256];
    vs_test_req t;
    vs_err e;
    t = sample_req();
    t.sessions = 0;
    CU_ASSERT_EQUAL(vs_test_req_validate(&t, &e), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, "sessions"));
    t = sample_req();
    t.sessions = VS_MAX_SESSIONS + 1;
    CU_ASSERT_EQUAL(vs_test_req_validate(&t, &e), -1);
    t = sample_req();
    t.msg_size = VS_MAX_MSG + 1;
    CU_ASSERT_EQUAL(vs_test_req_validate(&t, &e), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, "message size"));
    t = sample_req();
    t.sock_size = VS_MAX_SOCK + 1;
    CU_ASSERT_EQUAL(vs_test_req_validate(&t, &e), -1);
    t = sample_req();
    t.duration_ms = 10;
    CU_ASSERT_EQUAL(vs_test_req_validate(&t, &e), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, "duration"));
    t = sample_req();
    t.test = 9;
    CU_ASSERT_EQUAL(vs_test_req_validate(&t, &e), -1);
    t = sample_req();
    t.transport = 77;
    CU_ASSERT_EQUAL(vs_test_req_validate(&t, &e), -1);
    /* The decoder applies the same limits. */
    t = sample_req();
    t.sessions = 1000;
    size_t n = vs_enc_test(buf, sizeof buf, &t);
    CU_ASSERT_EQUAL(vs_dec_test(BODY(buf), BODY_LEN(n), &t, &e), -1);
    CU_ASSERT_EQUAL(vs_test_req_validate(&(vs_test_req){ 0 }, &e), -1);
    t = sample_req();
    CU_ASSERT_EQUAL(vs_test_req_validate(&t, &e), 0);
}

static void test_hello_magic_and_error(void)
{
    uint8_t buf[512];
    vs_hello h = { VS_PROTO_MAGIC, VS_PROTO_VERSION }, ho;
    vs_error_msg em = { VS_ERR_REFUSED, "no, thanks" }, eo;
    vs_err e;
    size_t n = vs_enc_hello(buf, sizeof buf, &h);

    CU_ASSERT_EQUAL(vs_dec_hello(BODY(buf), BODY_LEN(n), &ho, &e), 0);
    CU_ASSERT_EQUAL(ho.version, VS_PROTO_VERSION);
    /* Another version is named, whatever follows it. */
    h.version = 7;
    n = vs_enc_hello(buf, sizeof buf, &h);
    CU_ASSERT_EQUAL(vs_dec_hello(BODY(buf), BODY_LEN(n) + 3, &ho, &e), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, "protocol version 7"));
    h.version = VS_PROTO_VERSION;
    h.magic = 0x47455420; /* "GET " - an HTTP client */
    n = vs_enc_hello(buf, sizeof buf, &h);
    CU_ASSERT_EQUAL(vs_dec_hello(BODY(buf), BODY_LEN(n), &ho, &e), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, "magic"));

    n = vs_enc_error(buf, sizeof buf, &em);
    CU_ASSERT_EQUAL(vs_dec_error(BODY(buf), BODY_LEN(n), &eo, &e), 0);
    CU_ASSERT_EQUAL(eo.code, VS_ERR_REFUSED);
    CU_ASSERT_STRING_EQUAL(eo.text, "no, thanks");
}

static void test_strings_bounded(void)
{
    /* An ERROR whose string claims more bytes than the body holds, and one
     * longer than the field: both refused, no overflow. */
    uint8_t body[8] = { 0, 1, 0xFF, 0xFF, 'a', 'b', 'c', 'd' };
    uint8_t *big = malloc(2 + 2 + 1000);
    vs_error_msg eo;
    vs_err e;

    CU_ASSERT_EQUAL(vs_dec_error(body, sizeof body, &eo, &e), -1);
    big[0] = 0;
    big[1] = 1;
    big[2] = 1000 >> 8;
    big[3] = 1000 & 0xFF;
    memset(big + 4, 'x', 1000);
    CU_ASSERT_EQUAL(vs_dec_error(big, 1004, &eo, &e), -1);
    /* An embedded NUL is refused too. */
    big[3] = 4;
    big[5] = 0;
    CU_ASSERT_EQUAL(vs_dec_error(big, 8, &eo, &e), -1);
    free(big);
}

/* A full RESULT: every session, one failed, the receive tail. */
static void sample_result(vs_side_result *in)
{
    in->util_pct = 42.5;
    in->proc_pct = 97.25;
    in->busy_us = 123456.0;
    in->own_cpu_us = 1234.5;
    in->edge_start_ns = 1500;
    in->edge_end_ns = 2500;
    in->overlap = 1;
    in->count = VS_MAX_SESSIONS;
    in->has_recv = 1;
    in->recv_chunk = 65536;
    in->rcvlowat = 16384;
    for (int i = 0; i < VS_MAX_SESSIONS; i++) {
        in->flow[i].window_count = 1000000ull * (uint64_t)i;
        in->flow[i].transactions = 7000ull + (uint64_t)i;
        in->flow[i].window_ns = 5000000000ull;
        in->flow[i].failed = i == 3;
        strcpy(in->flow[i].error, i == 3 ? "recv: Connection reset by peer" : "");
    }
}

/* The RESULT tests' frame, the sample sent and what came back. */
static struct {
    uint8_t buf[VS_PROTO_MAX_BODY + 4];
    vs_side_result in, out;
} rt;

/* A fresh sample in rt.in, encoded into rt.buf; the frame's length. */
static size_t encode_sample(void)
{
    memset(&rt, 0, sizeof rt);
    sample_result(&rt.in);
    return vs_enc_result(rt.buf, sizeof rt.buf, &rt.in);
}

static void test_result_round_trip(void)
{
    vs_err e;
    size_t n = encode_sample();

    CU_ASSERT_TRUE_FATAL(n > 0);
    CU_ASSERT_EQUAL(vs_dec_result(BODY(rt.buf), BODY_LEN(n), &rt.out, &e), 0);
    CU_ASSERT_DOUBLE_EQUAL(rt.out.util_pct, 42.5, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(rt.out.own_cpu_us, 1234.5, 1e-12);
    CU_ASSERT_EQUAL(rt.out.edge_start_ns, 1500);
    CU_ASSERT_EQUAL(rt.out.edge_end_ns, 2500);
    CU_ASSERT_EQUAL(rt.out.overlap, 1);
    CU_ASSERT_EQUAL(rt.out.count, VS_MAX_SESSIONS);
    CU_ASSERT_EQUAL(rt.out.flow[63].window_count, 63000000ull);
    CU_ASSERT_EQUAL(rt.out.flow[63].transactions, 7063ull);
    CU_ASSERT_TRUE(rt.out.flow[3].failed);
    CU_ASSERT_STRING_EQUAL(rt.out.flow[3].error, "recv: Connection reset by peer");
    CU_ASSERT_TRUE(rt.out.has_recv);
    CU_ASSERT_EQUAL(rt.out.recv_chunk, 65536);
    CU_ASSERT_EQUAL(rt.out.rcvlowat, 16384);
    /* A NaN CPU figure is refused. */
    rt.in.util_pct = 0.0 / 0.0;
    n = vs_enc_result(rt.buf, sizeof rt.buf, &rt.in);
    CU_ASSERT_EQUAL(vs_dec_result(BODY(rt.buf), BODY_LEN(n), &rt.out, &e), -1);
}

/* The receive tail is optional: absent (an earlier v2 server, or a side
 * that did not say) it stays unknown through a round trip; cut or beyond
 * the limit it is refused. */
static void test_result_recv_tail(void)
{
    vs_err e;
    size_t n = encode_sample();

    CU_ASSERT_EQUAL(vs_dec_result(BODY(rt.buf), BODY_LEN(n) - 8, &rt.out, &e), 0);
    CU_ASSERT_FALSE(rt.out.has_recv);
    CU_ASSERT_EQUAL(rt.out.rcvlowat, 0);
    CU_ASSERT_EQUAL(rt.out.flow[63].window_count, 63000000ull);
    rt.in.has_recv = 0;
    CU_ASSERT_EQUAL(vs_enc_result(rt.buf, sizeof rt.buf, &rt.in), n - 8);
    CU_ASSERT_EQUAL(vs_dec_result(BODY(rt.buf), BODY_LEN(n - 8), &rt.out, &e), 0);
    CU_ASSERT_FALSE(rt.out.has_recv);
    rt.in.has_recv = 1;
    n = vs_enc_result(rt.buf, sizeof rt.buf, &rt.in);
    CU_ASSERT_EQUAL(vs_dec_result(BODY(rt.buf), BODY_LEN(n) - 2, &rt.out, &e), -1);
    rt.in.recv_chunk = VS_MAX_MSG + 1;
    n = vs_enc_result(rt.buf, sizeof rt.buf, &rt.in);
    CU_ASSERT_EQUAL(vs_dec_result(BODY(rt.buf), BODY_LEN(n), &rt.out, &e), -1);
}

static void test_counts_bounded(void)
{
    /* ENDPOINTS claiming 0 or 65 sessions is refused before reading them. */
    uint8_t body[2] = { 0, 0 };
    vs_endpoints *ep = malloc(sizeof *ep);
    vs_err e;

    CU_ASSERT_EQUAL(vs_dec_endpoints(body, 2, ep, &e), -1);
    body[1] = VS_MAX_SESSIONS + 1;
    CU_ASSERT_EQUAL(vs_dec_endpoints(body, 2, ep, &e), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, "sessions"));
    free(ep);
}

static void test_encoder_overflow(void)
{
    uint8_t small[8];
    vs_test_req t = sample_req();

    CU_ASSERT_EQUAL(vs_enc_test(small, sizeof small, &t), 0);
}

static void test_garbage_never_crashes(void)
{
    /* Random bodies through every decoder: refused or accepted, never UB
     * (run under valgrind/ASan to see the difference). */
    uint8_t body[300];
    vs_test_req t;
    vs_endpoints *ep = malloc(sizeof *ep);
    vs_connected *cn = malloc(sizeof *cn);
    vs_interim *im = malloc(sizeof *im);
    vs_side_result *r = malloc(sizeof *r);
    vs_welcome *w = malloc(sizeof *w);
    vs_err e;
    unsigned seed = 12345, accepted = 0;

    for (int round = 0; round < 2000; round++) {
        size_t n = (size_t)(round % (int)sizeof body);
        for (size_t i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            body[i] = (uint8_t)(seed >> 16);
        }
        accepted += vs_dec_test(body, n, &t, &e) == 0;
        accepted += vs_dec_endpoints(body, n, ep, &e) == 0;
        accepted += vs_dec_connected(body, n, cn, &e) == 0;
        accepted += vs_dec_interim(body, n, im, &e) == 0;
        accepted += vs_dec_result(body, n, r, &e) == 0;
        accepted += vs_dec_welcome(body, n, w, &e) == 0;
        accepted += vs_dec_busy(body, n, &(vs_busy){ 0 }, &e) == 0;
    }
    CU_ASSERT_TRUE(accepted < 100); /* random bytes are almost never valid */
    free(ep);
    free(cn);
    free(im);
    free(r);
    free(w);
}

/* An rr request with everything of v2 set survives the wire. */
static void test_rr_round_trip(void)
{
    uint8_t buf[512];
    vs_test_req in = sample_req(), out;
    vs_err e;
    size_t n;

    in.test = VS_TEST_RR;
    in.msg_size = 1;
    in.resp_size = 65536;
    in.burst = 7;
    snprintf(in.server_cpus, sizeof in.server_cpus, "0-3,8");
    n = vs_enc_test(buf, sizeof buf, &in);
    CU_ASSERT_TRUE_FATAL(n > 6);
    CU_ASSERT_EQUAL_FATAL(vs_dec_test(BODY(buf), BODY_LEN(n), &out, &e), 0);
    CU_ASSERT_EQUAL(out.test, VS_TEST_RR);
    CU_ASSERT_EQUAL(out.resp_size, 65536);
    CU_ASSERT_EQUAL(out.burst, 7);
    CU_ASSERT_STRING_EQUAL(out.server_cpus, "0-3,8");
}

/* The fields of the transaction tests, case by case: test, response
 * size, burst, server CPUs, and whether the request is valid. */
static const struct {
    uint8_t test;
    uint32_t resp;
    uint16_t burst;
    const char *cpus;
    int ok;
} rr_cases[] = {
    { VS_TEST_RR, 1, 0, "", 1 },
    { VS_TEST_RR, VS_MAX_MSG, VS_MAX_BURST, "1", 1 },
    { VS_TEST_CRR, 64, 0, "0,1", 1 },
    { VS_TEST_STREAM, 0, 0, "0-1", 1 },      /* pinning is for every test */
    { VS_TEST_RR, 0, 0, "", 0 },             /* no response size */
    { VS_TEST_RR, VS_MAX_MSG + 1, 0, "", 0 },
    { VS_TEST_RR, 1, VS_MAX_BURST + 1, "", 0 },
    { VS_TEST_CRR, 1, 1, "", 0 },            /* crr has no burst */
    { VS_TEST_STREAM, 1, 0, "", 0 },         /* stream has no response */
    { VS_TEST_MAERTS, 0, 2, "", 0 },         /* nor a burst */
    { VS_TEST_RR, 1, 0, "1,1", 0 },          /* a bad CPU list */
    { VS_TEST_RR, 1, 0, "x", 0 },
    { 4, 1, 0, "", 0 },                      /* no such test */
};

static void test_rr_fields_validated(void)
{
    for (size_t i = 0; i < sizeof rr_cases / sizeof rr_cases[0]; i++) {
        uint8_t buf[512];
        vs_test_req t = sample_req(), out;
        vs_err e;
        size_t n;
        t.test = rr_cases[i].test;
        t.resp_size = rr_cases[i].resp;
        t.burst = rr_cases[i].burst;
        snprintf(t.server_cpus, sizeof t.server_cpus, "%s", rr_cases[i].cpus);
        CU_ASSERT_EQUAL(vs_test_req_validate(&t, &e) == 0, rr_cases[i].ok);
        n = vs_enc_test(buf, sizeof buf, &t); /* the decoder validates alike */
        CU_ASSERT_EQUAL(vs_dec_test(BODY(buf), BODY_LEN(n), &out, &e) == 0, rr_cases[i].ok);
    }
}

/* A v1 TEST body (without the v2 fields) is refused, not misread. */
static void test_v1_test_refused(void)
{
    uint8_t buf[512];
    vs_test_req t = sample_req(), out;
    vs_err e;
    size_t n = vs_enc_test(buf, sizeof buf, &t);
    size_t v2_extra = 4 + 2 + 2 + 3; /* resp_size, burst, an empty CPU list, the tail */

    CU_ASSERT_EQUAL(vs_dec_test(BODY(buf), BODY_LEN(n) - v2_extra, &out, &e), -1);
    CU_ASSERT_EQUAL(e.code, VS_ERR_PROTOCOL);
}

/* Zero-copy and congestion control survive the wire and are checked
 * against the test and the transport. */
static void test_tuning_fields(void)
{
    uint8_t buf[512];
    vs_test_req t = sample_req(), out;
    vs_err e;
    size_t n;

    t.transport = VS_TR_TCP;
    t.zerocopy = 1;
    snprintf(t.congestion, sizeof t.congestion, "cubic");
    n = vs_enc_test(buf, sizeof buf, &t);
    CU_ASSERT_EQUAL_FATAL(vs_dec_test(BODY(buf), BODY_LEN(n), &out, &e), 0);
    CU_ASSERT_EQUAL(out.zerocopy, 1);
    CU_ASSERT_STRING_EQUAL(out.congestion, "cubic");
    t.transport = VS_TR_UNIX; /* no zero-copy on unix, no congestion control */
    CU_ASSERT_EQUAL(vs_test_req_validate(&t, &e), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, "not unix"));
    t.zerocopy = 0;
    CU_ASSERT_EQUAL(vs_test_req_validate(&t, &e), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, "applies to tcp"));
    t.transport = VS_TR_TCP;
    snprintf(t.congestion, sizeof t.congestion, "a b");
    CU_ASSERT_EQUAL(vs_test_req_validate(&t, &e), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, "bad algorithm name"));
    t.congestion[0] = '\0';
    t.zerocopy = 2;
    n = vs_enc_test(buf, sizeof buf, &t);
    CU_ASSERT_EQUAL(vs_dec_test(BODY(buf), BODY_LEN(n), &out, &e), -1);
    t.zerocopy = 1;
    t.test = VS_TEST_RR;
    t.resp_size = 1;
    CU_ASSERT_EQUAL(vs_test_req_validate(&t, &e), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, "stream and maerts"));
    t.zerocopy = 0;
    t.test = VS_TEST_CRR;
    snprintf(t.congestion, sizeof t.congestion, "reno");
    CU_ASSERT_EQUAL(vs_test_req_validate(&t, &e), -1);
    t.test = VS_TEST_RR;
    CU_ASSERT_EQUAL(vs_test_req_validate(&t, &e), 0);
}

static const CU_TestInfo tests[] = {
    { "zero-copy and congestion control", test_tuning_fields },
    { "TEST round trip", test_test_round_trip },
    { "truncated and trailing bytes", test_truncated_and_trailing },
    { "limits enforced", test_limits_enforced },
    { "HELLO magic and ERROR", test_hello_magic_and_error },
    { "strings bounded", test_strings_bounded },
    { "RESULT round trip", test_result_round_trip },
    { "RESULT: the optional receive tail", test_result_recv_tail },
    { "session counts bounded", test_counts_bounded },
    { "encoder overflow", test_encoder_overflow },
    { "garbage never crashes", test_garbage_never_crashes },
    { "rr request round trip", test_rr_round_trip },
    { "rr fields validated, case by case", test_rr_fields_validated },
    { "a v1 TEST body is refused", test_v1_test_refused },
    CU_TEST_INFO_NULL,
};

VS_UNIT_SUITE("proto", tests)
