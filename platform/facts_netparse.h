/*
 * facts_netparse.h - pure parsers behind facts.h, network half: ethtool
 * and rtnetlink replies as raw bytes, and the kernel's rule for which
 * vsock transport carries a connection. No OS headers (the few kernel
 * ABI layouts used are read at fixed offsets), so they run and are
 * unit-tested on recorded replies on any OS. Input is untrusted: every
 * length is checked before use.
 */
#ifndef VS_FACTS_NETPARSE_H
#define VS_FACTS_NETPARSE_H

#include <stddef.h>
#include <stdint.h>

/* ---- ethtool ------------------------------------------------------------------ */

#define VS_FP_GSTRING_LEN 32 /* ETH_GSTRING_LEN */

/* The offloads that matter: -1 unknown, 0 off, 1 on. */
typedef struct vs_fp_offloads {
    int tso, gso, gro, lro;
} vs_fp_offloads;

/* From ETHTOOL_GSTRINGS(ETH_SS_FEATURES) (`count` names of 32 bytes each)
 * and the `active` words of ETHTOOL_GFEATURES (`nwords` of them, bit i of
 * word i/32 for name i). TSO is tx-tcp-segmentation, GSO
 * tx-generic-segmentation, GRO rx-gro, LRO rx-lro. -1 when the sizes
 * disagree; otherwise 0 (names not found stay -1). */
int vs_fp_features(const char *names, uint32_t count, const uint32_t *active,
                   uint32_t nwords, vs_fp_offloads *out);

/* A /sys/class/net/IF/queues entry: 1 for "rx-N", 2 for "tx-N", 0 else. */
int vs_fp_queue_kind(const char *name);

/* ---- rtnetlink ------------------------------------------------------------------ */

#define VS_FP_KIND_MAX 32
#define VS_FP_QDISC_CHILDREN 16

/* State of one RTM_GETQDISC dump, fed reply by reply. */
typedef struct vs_fp_qdisc {
    int ifindex;
    int done;     /* NLMSG_DONE seen */
    int error;    /* NLMSG_ERROR or malformed input seen */
    int has_root;
    uint32_t root_handle;
    char root[VS_FP_KIND_MAX];
    int nchild;
    uint32_t child_parent[VS_FP_QDISC_CHILDREN];
    char child[VS_FP_QDISC_CHILDREN][VS_FP_KIND_MAX];
} vs_fp_qdisc;

void vs_fp_qdisc_init(vs_fp_qdisc *q, int ifindex);

/* Feed one received buffer of netlink messages. 1 once the dump is done,
 * 0 when more is expected, -1 on an error reply or malformed messages. */
int vs_fp_qdisc_feed(vs_fp_qdisc *q, const void *buf, size_t len);

/* The root qdisc of the interface ("fq_codel", "noqueue"); a
 * multiqueue root names its children's kind: "mq (fq_codel)". -1 if the
 * dump held no root qdisc for the interface. */
int vs_fp_qdisc_text(const vs_fp_qdisc *q, char *out, size_t n);

/* The output interface (RTA_OIF) of an RTM_GETROUTE reply; -1 on an error
 * reply, malformed input or no RTA_OIF. */
int vs_fp_route_oif(const void *buf, size_t len, int *ifindex);

/* ---- vsock ---------------------------------------------------------------------- */

/* Linux vsock transport modules (bit i of a mask is module i). */
enum vs_fp_vsock_mod {
    VS_FP_VSOCK_LOOPBACK, /* vsock_loopback: CID 1, this machine */
    VS_FP_VSOCK_VIRTIO,   /* vmw_vsock_virtio_transport: guest to host */
    VS_FP_VSOCK_VMCI,     /* vmw_vsock_vmci_transport: VMware, both ways */
    VS_FP_VSOCK_HYPERV,   /* hv_sock: Hyper-V guest to host */
    VS_FP_VSOCK_VHOST,    /* vhost_vsock: host to guest (KVM host) */
    VS_FP_VSOCK_MODS
};

/* The module's name under /sys/module. */
const char *vs_fp_vsock_module(int mod);

/* Which loaded module carries a stream connection between local_cid and
 * peer_cid, by the kernel's rule (af_vsock.c, vsock_assign_transport):
 * loopback for CID 1 or this machine's own CID, guest-to-host for CIDs
 * up to 2 or when no host-to-guest transport is loaded, host-to-guest
 * otherwise. The module, or -1 if none loaded fits. */
int vs_fp_vsock_pick(unsigned loaded, uint32_t local_cid, uint32_t peer_cid);

/* A module's version from /sys/module/X: `version` text, else
 * `srcversion`, else "built-in (kernel K)" when `builtin`, else "in-tree
 * module (kernel K)" when its `taint` flags lack O (out-of-tree): such a
 * module is the kernel's own code. Texts may be NULL. -1 when nothing
 * says. */
int vs_fp_module_version(const char *version, const char *srcversion, int builtin,
                         const char *taint, const char *kernel, char *out, size_t n);

#endif
