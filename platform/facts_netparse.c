/* facts_netparse.c - see facts_netparse.h. */
#include "platform/facts_netparse.h"
#include "platform/facts_parse.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- ethtool ------------------------------------------------------------------ */

#define FEATURES_MAX 4096 /* the kernel has ~70; more is garbage */

int vs_fp_features(const char *names, uint32_t count, const uint32_t *active,
                   uint32_t nwords, vs_fp_offloads *out)
{
    static const char *const want[4] = { "tx-tcp-segmentation", "tx-generic-segmentation",
                                         "rx-gro", "rx-lro" };
    int *slot[4] = { &out->tso, &out->gso, &out->gro, &out->lro };

    out->tso = out->gso = out->gro = out->lro = -1;
    if (count > FEATURES_MAX || nwords < (count + 31) / 32)
        return -1;
    for (uint32_t i = 0; i < count; i++) {
        const char *name = names + (size_t)i * VS_FP_GSTRING_LEN;
        size_t len = vs_fp_field_len(name, VS_FP_GSTRING_LEN);
        for (int k = 0; k < 4; k++)
            if (len == strlen(want[k]) && memcmp(name, want[k], len) == 0)
                *slot[k] = (int)((active[i / 32] >> (i % 32)) & 1u);
    }
    return 0;
}

/* 1 if s is "PREFIX" followed by one or more digits only. */
static int prefixed_number(const char *s, const char *prefix)
{
    size_t n = strlen(prefix);

    if (strncmp(s, prefix, n) != 0 || s[n] == '\0')
        return 0;
    for (s += n; *s != '\0'; s++)
        if (*s < '0' || *s > '9')
            return 0;
    return 1;
}

int vs_fp_queue_kind(const char *name)
{
    if (prefixed_number(name, "rx-"))
        return 1;
    if (prefixed_number(name, "tx-"))
        return 2;
    return 0;
}

/* ---- rtnetlink --------------------------------------------------------------------- */

/* Kernel ABI (host byte order): struct nlmsghdr is 16 bytes (len u32,
 * type u16, flags u16, seq, pid); payloads and attributes are 4-aligned;
 * struct rtattr is len u16, type u16. */
#define NLH_LEN 16
#define NLMSG_ERROR_T 2
#define NLMSG_DONE_T 3
#define RTM_NEWROUTE_T 24
#define RTM_NEWQDISC_T 36
#define TCMSG_LEN 20   /* family, pad, pad, ifindex i32, handle, parent, info */
#define RTMSG_LEN 12   /* 8 one-byte fields, flags u32 */
#define TCA_KIND_T 1
#define RTA_OIF_T 4
#define TC_H_ROOT_V 0xFFFFFFFFu
#define ALIGN4(x) (((x) + 3u) & ~(size_t)3u)

static uint32_t rd32(const uint8_t *p)
{
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}

static uint16_t rd16(const uint8_t *p)
{
    uint16_t v;
    memcpy(&v, p, 2);
    return v;
}

/* One netlink message of a buffer. */
typedef struct nl_msg {
    uint16_t type;
    const uint8_t *body; /* payload after the header */
    size_t len;          /* payload length */
} nl_msg;

/* The message at *off; advances *off. 1 found, 0 end of buffer, -1
 * malformed. */
static int nl_next(const uint8_t *buf, size_t len, size_t *off, nl_msg *m)
{
    uint32_t mlen;

    if (*off >= len)
        return 0;
    if (len - *off < NLH_LEN)
        return -1;
    mlen = rd32(buf + *off);
    if (mlen < NLH_LEN || mlen > len - *off)
        return -1;
    m->type = rd16(buf + *off + 4);
    m->body = buf + *off + NLH_LEN;
    m->len = mlen - NLH_LEN;
    *off += ALIGN4(mlen);
    return 1;
}

/* The attribute `type` among those in [p, p+len): its data and length,
 * or NULL (also when the attributes are malformed: *bad is set). */
static const uint8_t *attr_find(const uint8_t *p, size_t len, uint16_t type, size_t *dlen,
                                int *bad)
{
    size_t off = 0;

    while (off + 4 <= len) {
        uint16_t alen = rd16(p + off), atype = rd16(p + off + 2);
        if (alen < 4 || alen > len - off) {
            *bad = 1;
            return NULL;
        }
        if ((atype & 0x3FFF) == type) {
            *dlen = alen - 4u;
            return p + off + 4;
        }
        off += ALIGN4(alen);
    }
    return NULL;
}

/* An NLMSG_ERROR body's error code (0 is an acknowledgement). */
static int nl_error_code(const nl_msg *m)
{
    return m->len >= 4 ? (int)rd32(m->body) : -1;
}

void vs_fp_qdisc_init(vs_fp_qdisc *q, int ifindex)
{
    memset(q, 0, sizeof *q);
    q->ifindex = ifindex;
}

/* Record one RTM_NEWQDISC message; -1 if malformed. */
static int qdisc_add(vs_fp_qdisc *q, const nl_msg *m)
{
    const uint8_t *kind;
    size_t klen = 0;
    int bad = 0;
    uint32_t parent;
    char text[VS_FP_KIND_MAX];

    if (m->len < TCMSG_LEN)
        return -1;
    if ((int)rd32(m->body + 4) != q->ifindex)
        return 0;
    kind = attr_find(m->body + TCMSG_LEN, m->len - TCMSG_LEN, TCA_KIND_T, &klen, &bad);
    if (bad || kind == NULL)
        return -1;
    vs_clean_text(text, sizeof text, (const char *)kind, klen);
    parent = rd32(m->body + 12);
    if (parent == TC_H_ROOT_V) {
        q->has_root = 1;
        q->root_handle = rd32(m->body + 8);
        memcpy(q->root, text, sizeof text);
    } else if (q->nchild < VS_FP_QDISC_CHILDREN && (parent >> 16) != 0xFFFFu) {
        q->child_parent[q->nchild] = parent;
        memcpy(q->child[q->nchild++], text, sizeof text);
    }
    return 0;
}

int vs_fp_qdisc_feed(vs_fp_qdisc *q, const void *buf, size_t len)
{
    size_t off = 0;
    nl_msg m;
    int rc;

    while (!q->done && !q->error && (rc = nl_next(buf, len, &off, &m)) != 0) {
        if (rc < 0)
            q->error = 1;
        else if (m.type == NLMSG_DONE_T)
            q->done = 1;
        else if (m.type == NLMSG_ERROR_T)
            q->error = nl_error_code(&m) != 0;
        else if (m.type == RTM_NEWQDISC_T && qdisc_add(q, &m) != 0)
            q->error = 1;
    }
    return q->error ? -1 : q->done;
}

static int cmp_kind(const void *a, const void *b)
{
    return strcmp((const char *)a, (const char *)b);
}

int vs_fp_qdisc_text(const vs_fp_qdisc *q, char *out, size_t n)
{
    char kinds[VS_FP_QDISC_CHILDREN][VS_FP_KIND_MAX], list[200];
    int nk = 0;
    size_t len = 0;

    if (!q->has_root)
        return -1;
    for (int i = 0; i < q->nchild; i++)
        if ((q->child_parent[i] >> 16) == (q->root_handle >> 16))
            memcpy(kinds[nk++], q->child[i], VS_FP_KIND_MAX);
    qsort(kinds, (size_t)nk, VS_FP_KIND_MAX, cmp_kind);
    list[0] = '\0';
    for (int i = 0; i < nk; i++)
        if (i == 0 || strcmp(kinds[i], kinds[i - 1]) != 0)
            len += (size_t)snprintf(list + len, sizeof list - len, "%s%s",
                                    len > 0 ? ", " : "", kinds[i]);
    if (len >= sizeof list)
        len = sizeof list - 1;
    if (nk == 0)
        snprintf(out, n, "%s", q->root);
    else
        snprintf(out, n, "%s (%s)", q->root, list);
    return 0;
}

int vs_fp_route_oif(const void *buf, size_t len, int *ifindex)
{
    size_t off = 0, dlen = 0;
    nl_msg m;
    int rc, bad = 0;

    while ((rc = nl_next(buf, len, &off, &m)) == 1) {
        const uint8_t *oif;
        if (m.type == NLMSG_ERROR_T && nl_error_code(&m) != 0)
            return -1;
        if (m.type != RTM_NEWROUTE_T || m.len < RTMSG_LEN)
            continue;
        oif = attr_find(m.body + RTMSG_LEN, m.len - RTMSG_LEN, RTA_OIF_T, &dlen, &bad);
        if (bad || oif == NULL || dlen != 4)
            return -1;
        if (rd32(oif) == 0 || rd32(oif) > 0x7FFFFFFFu)
            return -1;
        *ifindex = (int)rd32(oif);
        return 0;
    }
    return -1;
}

/* ---- vsock --------------------------------------------------------------------------- */

const char *vs_fp_vsock_module(int mod)
{
    static const char *const names[VS_FP_VSOCK_MODS] = {
        "vsock_loopback", "vmw_vsock_virtio_transport", "vmw_vsock_vmci_transport",
        "hv_sock", "vhost_vsock",
    };

    return mod >= 0 && mod < VS_FP_VSOCK_MODS ? names[mod] : "?";
}

#define HAS(m) ((loaded >> (m)) & 1u)

int vs_fp_vsock_pick(unsigned loaded, uint32_t local_cid, uint32_t peer_cid)
{
    int g2h = HAS(VS_FP_VSOCK_VIRTIO)  ? VS_FP_VSOCK_VIRTIO
              : HAS(VS_FP_VSOCK_HYPERV) ? VS_FP_VSOCK_HYPERV
              : HAS(VS_FP_VSOCK_VMCI)   ? VS_FP_VSOCK_VMCI
                                        : -1;
    int h2g = HAS(VS_FP_VSOCK_VHOST) ? VS_FP_VSOCK_VHOST
              : HAS(VS_FP_VSOCK_VMCI) ? VS_FP_VSOCK_VMCI
                                      : -1;
    int local;

    /* vsock_use_local_transport(): CID 1, the guest's own CID, or the host
     * CID on a machine without a guest-to-host transport */
    local = peer_cid == 1u || (g2h >= 0 && peer_cid == local_cid) ||
            (g2h < 0 && peer_cid == 2u);
    if (local && HAS(VS_FP_VSOCK_LOOPBACK))
        return VS_FP_VSOCK_LOOPBACK;
    if (peer_cid <= 2u || h2g < 0)
        return g2h;
    return h2g;
}

int vs_fp_module_version(const char *version, const char *srcversion, int builtin,
                         const char *taint, const char *kernel, char *out, size_t n)
{
    char clean[96], k[96];

    if (version != NULL && vs_clean_text(clean, sizeof clean, version, strlen(version)) > 0) {
        snprintf(out, n, "%s", clean);
        return 0;
    }
    if (srcversion != NULL &&
        vs_clean_text(clean, sizeof clean, srcversion, strlen(srcversion)) > 0) {
        snprintf(out, n, "srcversion %s", clean);
        return 0;
    }
    if (kernel == NULL || vs_clean_text(k, sizeof k, kernel, strlen(kernel)) == 0)
        return -1;
    if (builtin) {
        snprintf(out, n, "built-in (kernel %s)", k);
        return 0;
    }
    if (taint != NULL && strchr(taint, 'O') == NULL) {
        snprintf(out, n, "in-tree module (kernel %s)", k);
        return 0;
    }
    return -1;
}
