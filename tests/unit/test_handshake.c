/* test_handshake.c - control protocol v2: the handshake's messages
 * (WELCOME with the server's facts, CONNECTED's data path, CHALLENGE and
 * AUTH, BUSY) round trip and refuse what is cut or wrong. test_proto.c
 * has the test's own messages. */
#include "runner/proto.h"
#include "tests/unit/unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Body of an encoded frame past the 4-byte length and 2-byte type. */
#define BODY(buf) ((buf) + 6)
#define BODY_LEN(n) ((n) - 6)

static vs_welcome *sample_welcome(void)
{
    vs_welcome *w = calloc(1, sizeof *w);

    w->version = VS_PROTO_VERSION;
    w->cid = 3;
    w->flags = VS_WELCOME_AUTHENTICATED;
    memset(w->proof, 0xA5, sizeof w->proof);
    snprintf(w->host.hostname, sizeof w->host.hostname, "vm1");
    snprintf(w->host.kernel, sizeof w->host.kernel, "6.1.0-27-cloud-amd64");
    w->host.ncpu = 4;
    w->host.vsock_cid_known = 1;
    w->host.vsock_cid = 3;
    w->host.wmem_max = 1ull << 40;
    w->host.vsock_loopback = 1;
    w->host.transport_ok[VS_TR_VSOCK] = 1;
    snprintf(w->host.transport_why[VS_TR_UNIX], VS_HOST_DETAIL_MAX, "not here");
    return w;
}

static void test_welcome_round_trip(void)
{
    uint8_t *buf = malloc(VS_PROTO_MAX_BODY + 4);
    vs_welcome *in = sample_welcome(), *out = calloc(1, sizeof *out);
    vs_err e;
    size_t n = vs_enc_welcome(buf, VS_PROTO_MAX_BODY + 4, in);

    CU_ASSERT_TRUE_FATAL(n > 6);
    CU_ASSERT_EQUAL(vs_dec_welcome(BODY(buf), BODY_LEN(n), out, &e), 0);
    CU_ASSERT_EQUAL(out->cid, 3);
    CU_ASSERT_EQUAL(out->flags, VS_WELCOME_AUTHENTICATED);
    CU_ASSERT_EQUAL(memcmp(out->proof, in->proof, sizeof in->proof), 0);
    CU_ASSERT_EQUAL(memcmp(&out->host, &in->host, sizeof in->host), 0);
    /* every prefix refused, as is a trailing byte */
    for (size_t k = 0; k < BODY_LEN(n); k++)
        CU_ASSERT_EQUAL(vs_dec_welcome(BODY(buf), k, out, &e), -1);
    buf[n] = 0;
    CU_ASSERT_EQUAL(vs_dec_welcome(BODY(buf), BODY_LEN(n) + 1, out, &e), -1);
    /* without authentication no proof travels */
    in->flags = 0;
    CU_ASSERT_EQUAL(vs_enc_welcome(buf, VS_PROTO_MAX_BODY + 4, in), n - VS_PROOF_BYTES);
    /* unknown flags refused; a v1 WELCOME names its version */
    in->flags = 0x80;
    n = vs_enc_welcome(buf, VS_PROTO_MAX_BODY + 4, in);
    CU_ASSERT_EQUAL(vs_dec_welcome(BODY(buf), BODY_LEN(n), out, &e), -1);
    in->version = 1;
    n = vs_enc_welcome(buf, VS_PROTO_MAX_BODY + 4, in);
    CU_ASSERT_EQUAL(vs_dec_welcome(BODY(buf), BODY_LEN(n), out, &e), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, "protocol version 1"));
    free(buf);
    free(in);
    free(out);
}

/* The server's settings in WELCOME and its end of the data path in
 * CONNECTED: optional trailing parts, decoded fact by fact. */
static void test_facts_parts(void)
{
    uint8_t *buf = malloc(VS_PROTO_MAX_BODY + 4);
    vs_welcome *in = sample_welcome(), *out = calloc(1, sizeof *out);
    vs_connected *cn = calloc(1, sizeof *cn), *cn2 = calloc(1, sizeof *cn2);
    size_t bare, n, refused = 0;
    vs_err e;

    bare = vs_enc_welcome(buf, VS_PROTO_MAX_BODY + 4, in);
    in->has_facts = 1;
    vs_fact_set_str(&in->facts, VS_FK_CPU_GOVERNOR, "performance");
    vs_fact_set_num(&in->facts, VS_FK_CPU_COUNT, 4);
    vs_fact_set_unknown(&in->facts, VS_FK_HV_VERSION, "none in CPUID");
    n = vs_enc_welcome(buf, VS_PROTO_MAX_BODY + 4, in);
    CU_ASSERT_TRUE_FATAL(n > bare);
    CU_ASSERT_EQUAL(vs_dec_welcome(BODY(buf), BODY_LEN(n), out, &e), 0);
    CU_ASSERT_TRUE(out->has_facts);
    CU_ASSERT_EQUAL(vs_facts_diff(&in->facts, &out->facts, NULL, 0), 0);
    /* a WELCOME without them (the host part only) is still fine */
    CU_ASSERT_EQUAL(vs_dec_welcome(BODY(buf), BODY_LEN(bare), out, &e), 0);
    CU_ASSERT_FALSE(out->has_facts);
    /* a cut or bad facts part refuses the message */
    for (size_t k = BODY_LEN(bare) + 1; k < BODY_LEN(n); k++)
        refused += vs_dec_welcome(BODY(buf), k, out, &e) == -1;
    CU_ASSERT_EQUAL(refused, BODY_LEN(n) - BODY_LEN(bare) - 1);
    buf[bare] = 99; /* the facts' wire version */
    CU_ASSERT_EQUAL(vs_dec_welcome(BODY(buf), BODY_LEN(n), out, &e), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, "settings in the WELCOME"));
    /* CONNECTED with the server's end of the path */
    cn->count = 1;
    cn->snd[0] = cn->rcv[0] = 262144;
    cn->has_path = 1;
    vs_fact_set_str(&cn->path, VS_FK_PATH_TRANSPORT, "tcp");
    vs_fact_set_str(&cn->path, VS_FK_NET_DRIVER, "vmxnet3\x1b[2J");
    vs_fact_set_num(&cn->path, VS_FK_NET_MTU, 9000);
    n = vs_enc_connected(buf, VS_PROTO_MAX_BODY + 4, cn);
    CU_ASSERT_EQUAL(vs_dec_connected(BODY(buf), BODY_LEN(n), cn2, &e), 0);
    CU_ASSERT_TRUE(cn2->has_path);
    CU_ASSERT_EQUAL(cn2->path.f[VS_FK_NET_MTU].num, 9000);
    CU_ASSERT_STRING_EQUAL(cn2->path.f[VS_FK_NET_DRIVER].text, "vmxnet3?[2J");
    free(buf);
    free(in);
    free(out);
    free(cn);
    free(cn2);
}

static void test_challenge_auth_round_trip(void)
{
    uint8_t buf[128];
    vs_challenge c, co;
    vs_auth_msg a, ao;
    vs_err e;
    size_t n;

    memset(c.nonce, 0x11, sizeof c.nonce);
    n = vs_enc_challenge(buf, sizeof buf, &c);
    CU_ASSERT_EQUAL(n, 6 + VS_NONCE_BYTES);
    CU_ASSERT_EQUAL(vs_dec_challenge(BODY(buf), BODY_LEN(n), &co, &e), 0);
    CU_ASSERT_EQUAL(memcmp(co.nonce, c.nonce, sizeof c.nonce), 0);
    CU_ASSERT_EQUAL(vs_dec_challenge(BODY(buf), BODY_LEN(n) - 1, &co, &e), -1);
    CU_ASSERT_EQUAL(vs_dec_challenge(BODY(buf), BODY_LEN(n) + 1, &co, &e), -1);
    memset(a.nonce, 0x22, sizeof a.nonce);
    memset(a.proof, 0x33, sizeof a.proof);
    n = vs_enc_auth(buf, sizeof buf, &a);
    CU_ASSERT_EQUAL(vs_dec_auth(BODY(buf), BODY_LEN(n), &ao, &e), 0);
    CU_ASSERT_EQUAL(memcmp(&ao, &a, sizeof a), 0);
    for (size_t k = 0; k < BODY_LEN(n); k++)
        CU_ASSERT_EQUAL(vs_dec_auth(BODY(buf), k, &ao, &e), -1);
    CU_ASSERT_EQUAL(vs_enc_auth(buf, 20, &a), 0);
}

static void test_busy_round_trip(void)
{
    uint8_t buf[512];
    vs_busy b = { 2500, "busy: 1 test running" }, bo;
    vs_err e;
    size_t n = vs_enc_busy(buf, sizeof buf, &b);

    CU_ASSERT_EQUAL(vs_dec_busy(BODY(buf), BODY_LEN(n), &bo, &e), 0);
    CU_ASSERT_EQUAL(bo.retry_ms, 2500);
    CU_ASSERT_STRING_EQUAL(bo.text, b.text);
    CU_ASSERT_EQUAL(vs_dec_busy(BODY(buf), BODY_LEN(n) - 1, &bo, &e), -1);
    /* retry hints outside 1 ms - 10 min are nonsense */
    b.retry_ms = 0;
    n = vs_enc_busy(buf, sizeof buf, &b);
    CU_ASSERT_EQUAL(vs_dec_busy(BODY(buf), BODY_LEN(n), &bo, &e), -1);
    b.retry_ms = VS_BUSY_RETRY_MAX_MS + 1;
    n = vs_enc_busy(buf, sizeof buf, &b);
    CU_ASSERT_EQUAL(vs_dec_busy(BODY(buf), BODY_LEN(n), &bo, &e), -1);
    /* control characters in the text are replaced, not passed on */
    b.retry_ms = 10;
    snprintf(b.text, sizeof b.text, "a\x1b[2Jb\nc");
    n = vs_enc_busy(buf, sizeof buf, &b);
    CU_ASSERT_EQUAL(vs_dec_busy(BODY(buf), BODY_LEN(n), &bo, &e), 0);
    CU_ASSERT_STRING_EQUAL(bo.text, "a?[2Jb?c");
}


static const CU_TestInfo tests[] = {
    { "WELCOME round trip", test_welcome_round_trip },
    { "settings in WELCOME, data path in CONNECTED", test_facts_parts },
    { "CHALLENGE and AUTH round trip", test_challenge_auth_round_trip },
    { "BUSY round trip", test_busy_round_trip },
    CU_TEST_INFO_NULL,
};

VS_UNIT_SUITE("proto handshake", tests)
