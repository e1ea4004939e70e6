/* test_wire.c - the wire's strings (cut or refused; test_clean.c cleans
 * them) and host facts on the wire (runner/hostwire.h): known keys only,
 * typed, bounded. */
#include "runner/hostwire.h"
#include "runner/wire.h"
#include "tests/unit/unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A reader over one wire string holding `s` (n bytes). */
static vs_rbuf one_string(uint8_t *buf, const char *s, size_t n)
{
    vs_rbuf r;

    buf[0] = (uint8_t)(n >> 8);
    buf[1] = (uint8_t)n;
    memcpy(buf + 2, s, n);
    vs_rbuf_init(&r, buf, n + 2);
    return r;
}

static void test_strings_cut_or_refused(void)
{
    uint8_t buf[64];
    char out[6];
    vs_rbuf r;

    r = one_string(buf, "abcdefgh", 8);
    vs_get_str(&r, out, sizeof out);
    CU_ASSERT_TRUE(r.bad); /* strict: too long */
    r = one_string(buf, "abcdefgh", 8);
    vs_get_text(&r, out, sizeof out);
    CU_ASSERT_TRUE(vs_rbuf_done(&r));
    CU_ASSERT_STRING_EQUAL(out, "abcde");
    r = one_string(buf, "abcd\xc3\xa9xyz", 9); /* the cut would split the e-acute */
    vs_get_text(&r, out, sizeof out);
    CU_ASSERT_STRING_EQUAL(out, "abcd");
    r = one_string(buf, "a\0b", 3);
    vs_get_text(&r, out, sizeof out);
    CU_ASSERT_TRUE(r.bad); /* NUL refused */
    r = one_string(buf, "p\x01th", 4);
    vs_get_raw(&r, out, sizeof out);
    CU_ASSERT_EQUAL(memcmp(out, "p\x01th", 5), 0); /* paths stay as they are */
    /* A C1 control (two bytes) becomes one '?': the bytes that frees are
     * zeroed, so the field holds the same bytes after another round. */
    r = one_string(buf, "\xc2\x85\xc2\x85z", 5);
    vs_get_str(&r, out, sizeof out);
    CU_ASSERT_EQUAL(memcmp(out, "??z\0\0", 6), 0);
}

static void sample_host(vs_host *h)
{
    memset(h, 0, sizeof *h);
    vs_host_set_tool(h);
    snprintf(h->hostname, sizeof h->hostname, "vm1");
    snprintf(h->os, sizeof h->os, "Linux");
    snprintf(h->cpu_model, sizeof h->cpu_model, "AMD EPYC");
    h->ncpu = 16;
    h->vsock_cid_known = 1;
    h->vsock_cid = 42;
    h->wmem_max = 4194304;
    h->transport_ok[VS_TR_TCP] = 1;
    snprintf(h->transport_why[VS_TR_VSOCK], VS_HOST_DETAIL_MAX, "no /dev/vsock");
}

static void test_host_round_trip(void)
{
    uint8_t *buf = malloc(65536);
    vs_host *in = malloc(sizeof *in), *out = malloc(sizeof *out);
    vs_wbuf w;
    vs_rbuf r;
    vs_err e;

    sample_host(in);
    vs_wbuf_init(&w, buf, 65536);
    vs_host_put(&w, in);
    CU_ASSERT_FALSE_FATAL(w.overflow);
    vs_rbuf_init(&r, buf, w.len);
    CU_ASSERT_EQUAL(vs_host_get(&r, out, &e), 0);
    CU_ASSERT_TRUE(vs_rbuf_done(&r));
    CU_ASSERT_EQUAL(memcmp(in, out, sizeof *in), 0);
    in->vsock_cid_known = 0; /* null travels as null */
    in->vsock_cid = 0;
    vs_wbuf_init(&w, buf, 65536);
    vs_host_put(&w, in);
    vs_rbuf_init(&r, buf, w.len);
    CU_ASSERT_EQUAL(vs_host_get(&r, out, &e), 0);
    CU_ASSERT_EQUAL(memcmp(in, out, sizeof *in), 0);
    free(buf);
    free(in);
    free(out);
}

/* Facts written by hand, as a hostile or newer peer would. */
typedef struct facts {
    uint8_t buf[8192];
    vs_wbuf w;
} facts;

static void fact_text(facts *f, const char *name, const char *value)
{
    vs_put_str(&f->w, name);
    vs_put_u8(&f->w, VS_HK_TEXT);
    vs_put_block(&f->w, value, strlen(value));
}

static void fact_raw(facts *f, const char *name, uint8_t kind, const void *v, size_t n)
{
    vs_put_str(&f->w, name);
    vs_put_u8(&f->w, kind);
    vs_put_block(&f->w, v, n);
}

/* Decode facts of which `count` were written, then no transports. */
static int decode(facts *f, unsigned count, vs_host *h, vs_err *e)
{
    vs_rbuf r;
    int rc;

    vs_put_u16(&f->w, 0); /* transports */
    f->buf[0] = (uint8_t)(count >> 8);
    f->buf[1] = (uint8_t)count;
    vs_rbuf_init(&r, f->buf, f->w.len);
    rc = vs_host_get(&r, h, e);
    return rc == 0 && !vs_rbuf_done(&r) ? -2 : rc;
}

static void begin(facts *f)
{
    vs_wbuf_init(&f->w, f->buf, sizeof f->buf);
    vs_put_u16(&f->w, 0); /* count, patched by decode */
}

static void test_hostile_facts(void)
{
    facts *f = malloc(sizeof *f);
    vs_host *h = malloc(sizeof *h);
    char longer[400];
    vs_err e;

    begin(f);
    fact_text(f, "status", "complete");                        /* unknown: skipped */
    fact_text(f, "kernel", "x\" ; system(\"id > x\") ; y=\"\n`id`");
    fact_text(f, "os", "<script>alert(1)</script>\x01\x1b[2J");
    fact_raw(f, "future_fact", 99, "\x01\x02\x03", 3);        /* unknown kind: skipped */
    memset(longer, 'h', sizeof longer - 1);
    longer[sizeof longer - 1] = '\0';
    fact_text(f, "hostname", longer);                          /* cut to its field */
    CU_ASSERT_EQUAL_FATAL(decode(f, 5, h, &e), 0);
    CU_ASSERT_STRING_EQUAL(h->kernel, "x\" ; system(\"id > x\") ; y=\"?`id`");
    CU_ASSERT_STRING_EQUAL(h->os, "<script>alert(1)</script>??[2J");
    CU_ASSERT_EQUAL(strlen(h->hostname), sizeof h->hostname - 1);
    CU_ASSERT_EQUAL(h->ncpu, 0); /* not sent: empty */
    free(f);
    free(h);
}

static void test_facts_refused(void)
{
    facts *f = malloc(sizeof *f);
    vs_host *h = malloc(sizeof *h);
    uint8_t eight[8] = { 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF }, two = 2;
    vs_err e;

    begin(f);
    fact_raw(f, "cpus", VS_HK_TEXT, "16", 2); /* a known fact of another type */
    CU_ASSERT_EQUAL(decode(f, 1, h, &e), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, "cpus"));
    begin(f);
    fact_raw(f, "cpus", VS_HK_INT, eight, 8);  /* beyond an int */
    CU_ASSERT_EQUAL(decode(f, 1, h, &e), -1);
    begin(f);
    fact_raw(f, "cpus", VS_HK_INT, eight, 4);  /* a wrong length */
    CU_ASSERT_EQUAL(decode(f, 1, h, &e), -1);
    begin(f);
    fact_raw(f, "vsock_loopback", VS_HK_BOOL, &two, 1);
    CU_ASSERT_EQUAL(decode(f, 1, h, &e), -1);
    begin(f);
    fact_text(f, "os", "Linux");
    fact_text(f, "os", "Windows");             /* twice */
    CU_ASSERT_EQUAL(decode(f, 2, h, &e), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, "twice"));
    begin(f);
    fact_text(f, "os", "Linux");               /* says 3, carries 1 */
    CU_ASSERT_NOT_EQUAL(decode(f, 3, h, &e), 0);
    begin(f);
    CU_ASSERT_EQUAL(decode(f, VS_HOSTWIRE_MAX_FACTS + 1, h, &e), -1);
    free(f);
    free(h);
}

static void test_transports_known_only(void)
{
    facts *f = malloc(sizeof *f);
    vs_host *h = malloc(sizeof *h);
    vs_rbuf r;
    vs_err e;

    vs_wbuf_init(&f->w, f->buf, sizeof f->buf);
    vs_put_u16(&f->w, 0);
    vs_put_u16(&f->w, 2);
    vs_put_str(&f->w, "quantum");               /* unknown: skipped */
    vs_put_u8(&f->w, 1);
    vs_put_str(&f->w, "entangled");
    vs_put_str(&f->w, "vsock");
    vs_put_u8(&f->w, 1);
    vs_put_str(&f->w, "ok\x07\x1b]0;pwned\x07");
    vs_rbuf_init(&r, f->buf, f->w.len);
    CU_ASSERT_EQUAL(vs_host_get(&r, h, &e), 0);
    CU_ASSERT_TRUE(vs_rbuf_done(&r));
    CU_ASSERT_EQUAL(h->transport_ok[VS_TR_VSOCK], 1);
    CU_ASSERT_STRING_EQUAL(h->transport_why[VS_TR_VSOCK], "ok??]0;pwned?");
    free(f);
    free(h);
}

/* What the decoder keeps re-encodes to itself: decode, encode, decode
 * gives the same facts (the property a fuzz target checks). */
static void test_decoded_facts_stable(void)
{
    facts *f = malloc(sizeof *f);
    vs_host *a = malloc(sizeof *a), *b = malloc(sizeof *b);
    uint8_t *buf = malloc(65536);
    char longer[300];
    vs_wbuf w;
    vs_rbuf r;
    vs_err e;

    begin(f);
    fact_text(f, "kernel", "\xff\xfe\x1b[1mcaf\xc3\xa9\xe2\x82");
    memset(longer, 'x', sizeof longer - 3);
    memcpy(longer + sizeof longer - 3, "\xc3\xa9", 3); /* cut inside the last char */
    fact_text(f, "hostname", longer);
    CU_ASSERT_EQUAL_FATAL(decode(f, 2, a, &e), 0);
    vs_wbuf_init(&w, buf, 65536);
    vs_host_put(&w, a);
    vs_rbuf_init(&r, buf, w.len);
    CU_ASSERT_EQUAL(vs_host_get(&r, b, &e), 0);
    CU_ASSERT_EQUAL(memcmp(a, b, sizeof *a), 0);
    free(f);
    free(a);
    free(b);
    free(buf);
}

static const CU_TestInfo tests[] = {
    { "strings cut or refused", test_strings_cut_or_refused },
    { "host facts round trip", test_host_round_trip },
    { "hostile facts: unknown skipped, text cleaned", test_hostile_facts },
    { "facts refused: types, ranges, repeats", test_facts_refused },
    { "transports: known only", test_transports_known_only },
    { "decoded facts re-encode to themselves", test_decoded_facts_stable },
    CU_TEST_INFO_NULL,
};

VS_UNIT_SUITE("wire", tests)
