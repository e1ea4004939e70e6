/* test_facts_net.c - platform/facts_netparse.h on recorded kernel replies
 * (the .bin files of tests/fixtures/facts) and on built, truncated and corrupted ones. */
#include "platform/facts_netparse.h"
#include "tests/unit/unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FIX "tests/fixtures/facts/"

/* The whole file into a malloc'd buffer (NULL on failure). */
static uint8_t *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    uint8_t *buf = malloc(1 << 16);

    *len = 0;
    if (f != NULL && buf != NULL)
        *len = fread(buf, 1, 1 << 16, f);
    if (f != NULL)
        fclose(f);
    if (*len == 0) {
        free(buf);
        return NULL;
    }
    return buf;
}

/* ---- building netlink messages (host byte order, 4-aligned) ---------------- */

typedef struct nlbuf {
    uint8_t b[2048];
    size_t len;
} nlbuf;

static void put(nlbuf *n, const void *p, size_t len)
{
    memcpy(n->b + n->len, p, len);
    n->len += (len + 3) & ~(size_t)3;
}

/* One message: header, `body` bytes, then an attribute (type, data) if
 * adata is not NULL; the length field covers all of it. */
static void msg(nlbuf *n, uint16_t type, const void *body, size_t blen, uint16_t atype,
                const void *adata, uint16_t alen)
{
    size_t start = n->len;
    uint16_t type_flags[2] = { type, 0 };
    uint32_t seq_pid[2] = { 1, 0 }, total;

    n->len += 4; /* the length, filled in last */
    put(n, type_flags, 4);
    put(n, seq_pid, 8);
    if (blen > 0)
        put(n, body, blen);
    if (adata != NULL) {
        uint16_t ah[2] = { (uint16_t)(4 + alen), atype };
        put(n, ah, 4);
        put(n, adata, alen);
    }
    total = (uint32_t)(n->len - start);
    memcpy(n->b + start, &total, 4);
}

static void qdisc_msg(nlbuf *n, int32_t ifindex, uint32_t handle, uint32_t parent,
                      const char *kind)
{
    uint32_t tc[5] = { 0, (uint32_t)ifindex, handle, parent, 1 };
    msg(n, 36, tc, sizeof tc, 1, kind, (uint16_t)(strlen(kind) + 1));
}

static void done_msg(nlbuf *n)
{
    uint32_t zero = 0;
    msg(n, 3, &zero, 4, 0, NULL, 0);
}

/* ---- tests --------------------------------------------------------------------- */

static void qdisc_of_file(const char *file, int ifindex, char *out, size_t n, int *rc)
{
    size_t len;
    uint8_t *buf = slurp(file, &len);
    vs_fp_qdisc q;

    out[0] = '\0';
    *rc = -9;
    CU_ASSERT_PTR_NOT_NULL_FATAL(buf);
    vs_fp_qdisc_init(&q, ifindex);
    if (vs_fp_qdisc_feed(&q, buf, len) == 1)
        *rc = vs_fp_qdisc_text(&q, out, n);
    free(buf);
}

static void test_qdisc_recorded(void)
{
    char out[64];
    int rc;

    qdisc_of_file(FIX "qdisc-dump-kvm.bin", 1, out, sizeof out, &rc);
    CU_ASSERT(rc == 0 && strcmp(out, "noqueue") == 0);
    qdisc_of_file(FIX "qdisc-dump-kvm.bin", 4, out, sizeof out, &rc);
    CU_ASSERT(rc == 0 && strcmp(out, "pfifo_fast") == 0);
    qdisc_of_file(FIX "qdisc-dump-mq-htb-ingress.bin", 3, out, sizeof out, &rc);
    CU_ASSERT(rc == 0 && strcmp(out, "mq (pfifo_fast)") == 0);
    qdisc_of_file(FIX "qdisc-dump-mq-htb-ingress.bin", 2, out, sizeof out, &rc);
    CU_ASSERT(rc == 0 && strcmp(out, "htb") == 0); /* the ingress qdisc is not the root */
    qdisc_of_file(FIX "qdisc-dump-mq-htb-ingress.bin", 99, out, sizeof out, &rc);
    CU_ASSERT_EQUAL(rc, -1);
}

static void test_qdisc_built(void)
{
    nlbuf a = { .len = 0 }, b = { .len = 0 };
    vs_fp_qdisc q;
    char out[64];

    /* a dump over two buffers, children before their root, mixed kinds */
    qdisc_msg(&a, 7, 0, 0x10001, "fq");
    qdisc_msg(&a, 8, 0, 0xFFFFFFFF, "noqueue");
    qdisc_msg(&b, 7, 0x10000, 0xFFFFFFFF, "mq");
    qdisc_msg(&b, 7, 0, 0x10002, "fq_codel");
    qdisc_msg(&b, 7, 0, 0x10003, "fq");
    qdisc_msg(&b, 7, 0xFFFF0000, 0xFFFFFFF1, "ingress");
    done_msg(&b);
    vs_fp_qdisc_init(&q, 7);
    CU_ASSERT_EQUAL(vs_fp_qdisc_feed(&q, a.b, a.len), 0);
    CU_ASSERT_EQUAL(vs_fp_qdisc_feed(&q, b.b, b.len), 1);
    CU_ASSERT_EQUAL(vs_fp_qdisc_text(&q, out, sizeof out), 0);
    CU_ASSERT_STRING_EQUAL(out, "mq (fq, fq_codel)");
    /* a kind full of control bytes is sanitized */
    a.len = 0;
    qdisc_msg(&a, 7, 0, 0xFFFFFFFF, "\033]0;pwned\007");
    done_msg(&a);
    vs_fp_qdisc_init(&q, 7);
    CU_ASSERT_EQUAL(vs_fp_qdisc_feed(&q, a.b, a.len), 1);
    vs_fp_qdisc_text(&q, out, sizeof out);
    CU_ASSERT_STRING_EQUAL(out, "?]0;pwned?");
}

static void test_qdisc_malformed(void)
{
    nlbuf a = { .len = 0 };
    vs_fp_qdisc q;
    int32_t eperm[5] = { -1, 0, 0, 0, 0 };
    uint32_t tc[5] = { 0, 7, 0, 0xFFFFFFFF, 0 };
    uint16_t bad_attr[2] = { 200, 1 };
    char out[64];

    qdisc_msg(&a, 7, 0, 0xFFFFFFFF, "fq");
    for (size_t cut = 1; cut < a.len; cut++) { /* every truncation */
        vs_fp_qdisc_init(&q, 7);
        CU_ASSERT_EQUAL(vs_fp_qdisc_feed(&q, a.b, cut), -1);
    }
    a.len = 0;
    msg(&a, 2, eperm, sizeof eperm, 0, NULL, 0); /* NLMSG_ERROR -EPERM */
    vs_fp_qdisc_init(&q, 7);
    CU_ASSERT_EQUAL(vs_fp_qdisc_feed(&q, a.b, a.len), -1);
    a.len = 0;
    msg(&a, 36, tc, sizeof tc, 0, NULL, 0); /* no TCA_KIND */
    vs_fp_qdisc_init(&q, 7);
    CU_ASSERT_EQUAL(vs_fp_qdisc_feed(&q, a.b, a.len), -1);
    a.len = 0;
    msg(&a, 36, tc, sizeof tc, 1, "fq", 3);
    memcpy(a.b + 16 + 20, bad_attr, 4); /* an attribute longer than its message */
    vs_fp_qdisc_init(&q, 7);
    CU_ASSERT_EQUAL(vs_fp_qdisc_feed(&q, a.b, a.len), -1);
    /* binary garbage */
    for (size_t i = 0; i < sizeof a.b; i++)
        a.b[i] = (uint8_t)(i * 37 + 11);
    vs_fp_qdisc_init(&q, 7);
    CU_ASSERT_EQUAL(vs_fp_qdisc_feed(&q, a.b, sizeof a.b), -1);
    CU_ASSERT_EQUAL(vs_fp_qdisc_text(&q, out, sizeof out), -1);
}

static void test_route(void)
{
    size_t len;
    uint8_t *buf = slurp(FIX "route-reply-eth0.bin", &len);
    nlbuf a = { .len = 0 };
    uint32_t rt[3] = { 0, 0, 0 }, oif = 12, zero = 0;
    int32_t enet[5] = { -101, 0, 0, 0, 0 };
    int ifindex = 0;

    CU_ASSERT_PTR_NOT_NULL_FATAL(buf);
    CU_ASSERT(vs_fp_route_oif(buf, len, &ifindex) == 0 && ifindex == 4);
    CU_ASSERT_EQUAL(vs_fp_route_oif(buf, len / 2, &ifindex), -1);
    free(buf);
    msg(&a, 24, rt, sizeof rt, 4, &oif, 4);
    CU_ASSERT(vs_fp_route_oif(a.b, a.len, &ifindex) == 0 && ifindex == 12);
    a.len = 0;
    msg(&a, 24, rt, sizeof rt, 4, &zero, 4); /* oif 0 is no interface */
    CU_ASSERT_EQUAL(vs_fp_route_oif(a.b, a.len, &ifindex), -1);
    a.len = 0;
    msg(&a, 24, rt, sizeof rt, 1, &oif, 4); /* no RTA_OIF */
    CU_ASSERT_EQUAL(vs_fp_route_oif(a.b, a.len, &ifindex), -1);
    a.len = 0;
    msg(&a, 2, enet, sizeof enet, 0, NULL, 0); /* -ENETUNREACH */
    CU_ASSERT_EQUAL(vs_fp_route_oif(a.b, a.len, &ifindex), -1);
    CU_ASSERT_EQUAL(vs_fp_route_oif(a.b, 0, &ifindex), -1);
}

/* Offloads from a recorded features file (see the fixtures' README). */
static int features_of_file(const char *file, vs_fp_offloads *o)
{
    size_t len;
    uint8_t *buf = slurp(file, &len);
    uint32_t count, words, active[128];
    int rc = -9;

    CU_ASSERT_PTR_NOT_NULL_FATAL(buf);
    memcpy(&count, buf, 4);
    if (len >= 8 + (size_t)count * 32 && count < 4096) {
        memcpy(&words, buf + 4 + count * 32, 4);
        if (words <= 128 && len >= 8 + count * 32 + words * 4) {
            memcpy(active, buf + 8 + count * 32, words * 4);
            rc = vs_fp_features((const char *)buf + 4, count, active, words, o);
        }
    }
    free(buf);
    return rc;
}

static void test_features(void)
{
    vs_fp_offloads o;
    char names[40 * VS_FP_GSTRING_LEN];
    uint32_t active[2] = { 0, 0 };

    CU_ASSERT_EQUAL(features_of_file(FIX "features-virtio_net.bin", &o), 0);
    CU_ASSERT(o.tso == 1 && o.gso == 1 && o.gro == 1 && o.lro == 0);
    CU_ASSERT_EQUAL(features_of_file(FIX "features-veth.bin", &o), 0);
    CU_ASSERT(o.tso == 1 && o.gso == 1 && o.gro == 0 && o.lro == 0);
    /* names that fill their 32 bytes without a terminator; bits past word 0 */
    memset(names, 'x', sizeof names);
    memcpy(names + 35 * VS_FP_GSTRING_LEN, "rx-gro", 7);
    memcpy(names + 3 * VS_FP_GSTRING_LEN, "rx-lro", 7);
    active[1] = 1u << 3; /* feature 35 */
    CU_ASSERT_EQUAL(vs_fp_features(names, 40, active, 2, &o), 0);
    CU_ASSERT(o.gro == 1 && o.lro == 0 && o.tso == -1 && o.gso == -1);
    CU_ASSERT_EQUAL(vs_fp_features(names, 40, active, 1, &o), -1); /* too few words */
    CU_ASSERT_EQUAL(vs_fp_features(names, 100000, active, 4000, &o), -1);
    CU_ASSERT_EQUAL(vs_fp_queue_kind("rx-0"), 1);
    CU_ASSERT_EQUAL(vs_fp_queue_kind("tx-15"), 2);
    CU_ASSERT_EQUAL(vs_fp_queue_kind("rx-"), 0);
    CU_ASSERT_EQUAL(vs_fp_queue_kind("rx-1a"), 0);
    CU_ASSERT_EQUAL(vs_fp_queue_kind("."), 0);
}

static void test_vsock_transport(void)
{
    unsigned virtio = 1u << VS_FP_VSOCK_VIRTIO, loop = 1u << VS_FP_VSOCK_LOOPBACK;
    unsigned vmci = 1u << VS_FP_VSOCK_VMCI, vhost = 1u << VS_FP_VSOCK_VHOST;
    char out[96];

    CU_ASSERT_EQUAL(vs_fp_vsock_pick(virtio, 3, 2), VS_FP_VSOCK_VIRTIO);
    CU_ASSERT_EQUAL(vs_fp_vsock_pick(virtio | loop, 1, 1), VS_FP_VSOCK_LOOPBACK);
    CU_ASSERT_EQUAL(vs_fp_vsock_pick(virtio | loop, 3, 3), VS_FP_VSOCK_LOOPBACK);
    CU_ASSERT_EQUAL(vs_fp_vsock_pick(virtio | loop, 3, 2), VS_FP_VSOCK_VIRTIO);
    CU_ASSERT_EQUAL(vs_fp_vsock_pick(loop, 1, 2), VS_FP_VSOCK_LOOPBACK);
    CU_ASSERT_EQUAL(vs_fp_vsock_pick(vhost | loop, 2, 5), VS_FP_VSOCK_VHOST);
    CU_ASSERT_EQUAL(vs_fp_vsock_pick(vmci, 2, 5), VS_FP_VSOCK_VMCI);
    CU_ASSERT_EQUAL(vs_fp_vsock_pick(vmci | virtio, 4, 2), VS_FP_VSOCK_VIRTIO);
    CU_ASSERT_EQUAL(vs_fp_vsock_pick(1u << VS_FP_VSOCK_HYPERV, 3, 2), VS_FP_VSOCK_HYPERV);
    CU_ASSERT_EQUAL(vs_fp_vsock_pick(0, 3, 2), -1);
    CU_ASSERT_EQUAL(vs_fp_vsock_pick(vhost, 2, 2), -1);
    CU_ASSERT_STRING_EQUAL(vs_fp_vsock_module(VS_FP_VSOCK_LOOPBACK), "vsock_loopback");
    CU_ASSERT_STRING_EQUAL(vs_fp_vsock_module(99), "?");
    CU_ASSERT(vs_fp_module_version("1.0.2.0-k\n", "ABC\n", 0, "", "6.1", out, sizeof out) == 0 &&
              strcmp(out, "1.0.2.0-k") == 0);
    CU_ASSERT(vs_fp_module_version("\n", "F2C2FA4D\n", 0, NULL, NULL, out, sizeof out) == 0 &&
              strcmp(out, "srcversion F2C2FA4D") == 0);
    CU_ASSERT(vs_fp_module_version(NULL, NULL, 1, NULL, "6.1.0-27-amd64", out, sizeof out) == 0 &&
              strcmp(out, "built-in (kernel 6.1.0-27-amd64)") == 0);
    /* loaded, no version: in-tree unless tainted O (out-of-tree) */
    CU_ASSERT(vs_fp_module_version(NULL, NULL, 0, "\n", "6.1.0-57-cloud-amd64", out, sizeof out) ==
                  0 &&
              strcmp(out, "in-tree module (kernel 6.1.0-57-cloud-amd64)") == 0);
    CU_ASSERT_EQUAL(vs_fp_module_version(NULL, NULL, 0, "OE\n", "6.1", out, sizeof out), -1);
    CU_ASSERT_EQUAL(vs_fp_module_version(NULL, NULL, 0, NULL, "6.1", out, sizeof out), -1);
    CU_ASSERT_EQUAL(vs_fp_module_version(NULL, NULL, 1, NULL, NULL, out, sizeof out), -1);
}

static const CU_TestInfo tests[] = {
    { "qdisc: recorded dumps", test_qdisc_recorded },
    { "qdisc: built dumps", test_qdisc_built },
    { "qdisc: malformed", test_qdisc_malformed },
    { "route reply", test_route },
    { "ethtool features and queues", test_features },
    { "vsock transport", test_vsock_transport },
    CU_TEST_INFO_NULL,
};

VS_UNIT_SUITE("facts_net", tests)
