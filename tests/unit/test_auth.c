/* test_auth.c - platform/crypto.h against RFC 4231's vectors, the proofs
 * of runner/auth.h, key files, and platform/cidr.h. (The POSIX mode bits
 * of key files: test_auth_mode.c.) */
#include "platform/cidr.h"
#include "platform/crypto.h"
#include "platform/fs.h"
#include "platform/net.h"
#include "runner/auth.h"
#include "tests/unit/unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void hex(const uint8_t *b, size_t n, char *out)
{
    for (size_t i = 0; i < n; i++)
        sprintf(out + 2 * i, "%02x", b[i]);
}

static void check_hmac(const void *key, size_t kn, const void *msg, size_t mn, const char *want)
{
    uint8_t mac[VS_HMAC_SHA256_BYTES];
    char text[2 * VS_HMAC_SHA256_BYTES + 1];
    vs_err e;

    CU_ASSERT_EQUAL_FATAL(vs_hmac_sha256(key, kn, msg, mn, mac, &e), 0);
    hex(mac, sizeof mac, text);
    CU_ASSERT_STRING_EQUAL(text, want);
}

static void test_hmac_rfc4231(void)
{
    uint8_t k1[20], k3[20], d3[50], k6[131];

    memset(k1, 0x0b, sizeof k1);
    check_hmac(k1, sizeof k1, "Hi There", 8,
               "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    check_hmac("Jefe", 4, "what do ya want for nothing?", 28,
               "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    memset(k3, 0xaa, sizeof k3);
    memset(d3, 0xdd, sizeof d3);
    check_hmac(k3, sizeof k3, d3, sizeof d3,
               "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
    memset(k6, 0xaa, sizeof k6); /* a key longer than the block */
    check_hmac(k6, sizeof k6, "Test Using Larger Than Block-Size Key - Hash Key First", 54,
               "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

static void test_random_and_compare(void)
{
    uint8_t a[32], b[32];
    vs_err e;

    CU_ASSERT_EQUAL(vs_random_bytes(a, sizeof a, &e), 0);
    CU_ASSERT_EQUAL(vs_random_bytes(b, sizeof b, &e), 0);
    CU_ASSERT_NOT_EQUAL(memcmp(a, b, sizeof a), 0); /* 2^-256 */
    CU_ASSERT_TRUE(vs_equal_consttime(a, a, sizeof a));
    memcpy(b, a, sizeof a);
    b[31] ^= 1;
    CU_ASSERT_FALSE(vs_equal_consttime(a, b, sizeof a));
    b[31] ^= 1;
    b[0] ^= 0x80;
    CU_ASSERT_FALSE(vs_equal_consttime(a, b, sizeof a));
}

static void test_proofs(void)
{
    vs_auth_key k = { 20, "0123456789abcdefghij" }, other = { 20, "0123456789abcdefghiJ" };
    uint8_t sn[VS_NONCE_BYTES], cn[VS_NONCE_BYTES], pc[VS_PROOF_BYTES], ps[VS_PROOF_BYTES];
    vs_err e;

    memset(sn, 1, sizeof sn);
    memset(cn, 2, sizeof cn);
    CU_ASSERT_EQUAL(vs_auth_prove(&k, VS_AUTH_CLIENT, sn, cn, pc, &e), 0);
    CU_ASSERT_EQUAL(vs_auth_prove(&k, VS_AUTH_SERVER, sn, cn, ps, &e), 0);
    CU_ASSERT_NOT_EQUAL(memcmp(pc, ps, sizeof pc), 0); /* one side's proof is not the other's */
    CU_ASSERT_EQUAL(vs_auth_verify(&k, VS_AUTH_CLIENT, sn, cn, pc, &e), 0);
    CU_ASSERT_EQUAL(vs_auth_verify(&k, VS_AUTH_SERVER, sn, cn, pc, &e), -1);
    CU_ASSERT_EQUAL(vs_auth_verify(&other, VS_AUTH_CLIENT, sn, cn, pc, &e), -1);
    CU_ASSERT_EQUAL(e.code, VS_ERR_REFUSED);
    cn[0] ^= 1; /* another nonce: the old proof does not replay */
    CU_ASSERT_EQUAL(vs_auth_verify(&k, VS_AUTH_CLIENT, sn, cn, pc, &e), -1);
}

/* The client's rule for the server's WELCOME, case by case. */
static void test_client_checks_server(void)
{
    vs_auth_key k = { 20, "0123456789abcdefghij" }, other = { 20, "0123456789abcdefghiJ" };
    uint8_t sn[VS_NONCE_BYTES], cn[VS_NONCE_BYTES];
    vs_welcome *w = calloc(1, sizeof *w);
    vs_err e;

    CU_ASSERT_PTR_NOT_NULL_FATAL(w);
    memset(sn, 3, sizeof sn);
    memset(cn, 4, sizeof cn);
    /* no key on either side */
    CU_ASSERT_EQUAL(vs_auth_check_server(NULL, 0, w, sn, cn, &e), 0);
    /* a key here, none asked for there: refused */
    CU_ASSERT_EQUAL(vs_auth_check_server(&k, 0, w, sn, cn, &e), -1);
    CU_ASSERT_EQUAL(e.code, VS_ERR_REFUSED);
    CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, "did not ask for authentication"));
    /* asked, but no proof came: a protocol error */
    CU_ASSERT_EQUAL(vs_auth_check_server(&k, 1, w, sn, cn, &e), -1);
    CU_ASSERT_EQUAL(e.code, VS_ERR_PROTOCOL);
    /* a proof nobody asked for: a protocol error too */
    w->flags = VS_WELCOME_AUTHENTICATED;
    CU_ASSERT_EQUAL(vs_auth_check_server(NULL, 0, w, sn, cn, &e), -1);
    CU_ASSERT_EQUAL(e.code, VS_ERR_PROTOCOL);
    /* the right proof, then one of another key, then the client's own */
    CU_ASSERT_EQUAL_FATAL(vs_auth_prove(&k, VS_AUTH_SERVER, sn, cn, w->proof, &e), 0);
    CU_ASSERT_EQUAL(vs_auth_check_server(&k, 1, w, sn, cn, &e), 0);
    CU_ASSERT_EQUAL(vs_auth_check_server(&other, 1, w, sn, cn, &e), -1);
    CU_ASSERT_EQUAL(e.code, VS_ERR_REFUSED);
    CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, "could not prove"));
    CU_ASSERT_EQUAL_FATAL(vs_auth_prove(&k, VS_AUTH_CLIENT, sn, cn, w->proof, &e), 0);
    CU_ASSERT_EQUAL(vs_auth_check_server(&k, 1, w, sn, cn, &e), -1);
    free(w);
}

/* A key file with `text` and mode `mode`; its path in buf. */
static void key_file(char *buf, size_t n, const char *text, int mode)
{
    FILE *f;

    snprintf(buf, n, "%s/vsbench-unit-key-%ld-%o", vs_temp_dir(), vs_pid(), (unsigned)mode);
    f = fopen(buf, "w");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    fputs(text, f);
    fclose(f);
    chmod(buf, (mode_t)mode);
}

static void test_key_files(void)
{
    vs_auth_key k;
    char path[256];
    vs_err e;

    key_file(path, sizeof path, "c2VjcmV0IGtleSBvZiBzb21lIGxlbmd0aA==\n\n", 0600);
    CU_ASSERT_EQUAL(vs_auth_key_load(path, &k, &e), 0);
    CU_ASSERT_EQUAL(k.len, 36); /* trailing newlines are not part of it */
    remove(path);
    key_file(path, sizeof path, "short\n", 0600);
    CU_ASSERT_EQUAL(vs_auth_key_load(path, &k, &e), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, "16 to"));
    remove(path);
    CU_ASSERT_EQUAL(vs_auth_key_load(path, &k, &e), -1); /* gone */
    CU_ASSERT_EQUAL(e.code, VS_ERR_USAGE);
}

static void test_cidr(void)
{
    vs_cidr c;
    vs_err e;

    CU_ASSERT_FATAL(vs_net_init(&e) == 0); /* Winsock's inet_pton */
    CU_ASSERT_EQUAL_FATAL(vs_cidr_parse("10.0.0.0/8", &c, &e), 0);
    CU_ASSERT_TRUE(vs_cidr_match(&c, "10.255.1.2"));
    CU_ASSERT_TRUE(vs_cidr_match(&c, "::ffff:10.1.2.3")); /* IPv4 via an IPv6 listener */
    CU_ASSERT_FALSE(vs_cidr_match(&c, "11.0.0.1"));
    CU_ASSERT_FALSE(vs_cidr_match(&c, "fd00::1"));
    CU_ASSERT_FALSE(vs_cidr_match(&c, "not an address"));
    CU_ASSERT_EQUAL_FATAL(vs_cidr_parse("192.0.2.7", &c, &e), 0);
    CU_ASSERT_EQUAL(c.bits, 32);
    CU_ASSERT_TRUE(vs_cidr_match(&c, "192.0.2.7"));
    CU_ASSERT_FALSE(vs_cidr_match(&c, "192.0.2.8"));
    CU_ASSERT_EQUAL_FATAL(vs_cidr_parse("fd00:1::/33", &c, &e), 0);
    CU_ASSERT_TRUE(vs_cidr_match(&c, "fd00:1:7fff::1"));
    CU_ASSERT_FALSE(vs_cidr_match(&c, "fd00:1:8000::1"));
    CU_ASSERT_EQUAL_FATAL(vs_cidr_parse("0.0.0.0/0", &c, &e), 0);
    CU_ASSERT_TRUE(vs_cidr_match(&c, "203.0.113.9"));
    CU_ASSERT_EQUAL(vs_cidr_parse("10.0.0.1/8", &c, &e), -1); /* host bits set */
    CU_ASSERT_EQUAL(vs_cidr_parse("10.0.0.0/33", &c, &e), -1);
    CU_ASSERT_EQUAL(vs_cidr_parse("10.0.0.0/", &c, &e), -1);
    CU_ASSERT_EQUAL(vs_cidr_parse("host.example/24", &c, &e), -1);
    CU_ASSERT_EQUAL(e.code, VS_ERR_USAGE);
    CU_ASSERT_EQUAL(vs_cidr_parse("::1/129", &c, &e), -1);
}

static const CU_TestInfo tests[] = {
    { "HMAC-SHA256: RFC 4231 vectors", test_hmac_rfc4231 },
    { "random bytes, constant-time comparison", test_random_and_compare },
    { "proofs: per side, per key, per nonce", test_proofs },
    { "the client's rule for the server's proof", test_client_checks_server },
    { "key files: trimmed, long enough", test_key_files },
    { "CIDR ranges (IPv4, IPv6, mapped)", test_cidr },
    CU_TEST_INFO_NULL,
};

VS_UNIT_SUITE("auth", tests)
