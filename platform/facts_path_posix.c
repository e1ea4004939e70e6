/* facts_path_posix.c - vs_facts_path of facts.h on Linux: the interface a
 * TCP connection uses (route to the peer), ethtool, rtnetlink, sysfs; the
 * vsock transport from /sys/module. No packet is sent on the socket. */
#include "platform/facts.h"
#include "platform/facts_netparse.h"
#include "platform/facts_parse.h"
#include "platform/facts_posix.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/utsname.h>

#ifdef __linux__
#include <net/if.h> /* before the linux/ headers: they defer to it */
#include <net/if_arp.h>
#include <dirent.h>
#include <ifaddrs.h>
#include <linux/ethtool.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sockios.h>
#include <linux/vm_sockets.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/ioctl.h>
#include <sys/time.h>
#include <unistd.h>

/* ---- rtnetlink ------------------------------------------------------------ */

#define NL_BUF 32768

/* Feeds one received buffer to a parser: 1 done, 0 more, -1 failed. */
typedef int (*nl_feed_fn)(void *ctx, const void *buf, size_t len);

/* Send one request on a fresh NETLINK_ROUTE socket and feed the replies
 * (at most 64 buffers, 500 ms each) until the parser is done. */
static int nl_query(const void *req, size_t len, nl_feed_fn feed, void *ctx, char *why,
                    size_t wn)
{
    struct timeval tv = { 0, 500000 };
    char *buf;
    int fd, rc = 0;

    if ((buf = malloc(NL_BUF)) == NULL) {
        snprintf(why, wn, "out of memory");
        return -1;
    }
    fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
    if (fd < 0) {
        snprintf(why, wn, "netlink socket: %s", strerror(errno));
        free(buf);
        return -1;
    }
    if (setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv) != 0 ||
        send(fd, req, len, 0) != (ssize_t)len) {
        snprintf(why, wn, "netlink request: %s", strerror(errno));
        close(fd);
        free(buf);
        return -1;
    }
    for (int i = 0; i < 64 && rc == 0; i++) {
        ssize_t got = recv(fd, buf, NL_BUF, 0);
        if (got <= 0) {
            snprintf(why, wn, "netlink reply: %s", got < 0 ? strerror(errno) : "closed");
            rc = -1;
            break;
        }
        rc = feed(ctx, buf, (size_t)got);
    }
    close(fd);
    free(buf);
    if (rc == 0)
        snprintf(why, wn, "netlink reply did not end");
    else if (rc < 0 && why[0] == '\0')
        snprintf(why, wn, "netlink reply malformed or refused");
    return rc == 1 ? 0 : -1;
}

static int route_feed(void *ctx, const void *buf, size_t len)
{
    return vs_fp_route_oif(buf, len, ctx) == 0 ? 1 : -1;
}

/* The interface the kernel routes to `peer` through (lo for a local
 * address); 0 with *ifindex, or -1. */
static int route_ifindex(const struct sockaddr_storage *peer, int *ifindex, char *why,
                         size_t wn)
{
    struct {
        struct nlmsghdr nh;
        struct rtmsg rt;
        char attrs[64];
    } req;
    const struct sockaddr_in *v4 = (const struct sockaddr_in *)peer;
    const struct sockaddr_in6 *v6 = (const struct sockaddr_in6 *)peer;
    int family = peer->ss_family;
    const void *addr = family == AF_INET ? (const void *)&v4->sin_addr
                                         : (const void *)&v6->sin6_addr;
    size_t alen = family == AF_INET ? 4 : 16;
    struct rtattr *rta;

    if (family == AF_INET6 && IN6_IS_ADDR_V4MAPPED(&v6->sin6_addr)) {
        family = AF_INET;
        addr = v6->sin6_addr.s6_addr + 12;
        alen = 4;
    }
    memset(&req, 0, sizeof req);
    req.nh.nlmsg_type = RTM_GETROUTE;
    req.nh.nlmsg_flags = NLM_F_REQUEST;
    req.rt.rtm_family = (unsigned char)family;
    req.rt.rtm_dst_len = (unsigned char)(alen * 8);
    rta = (struct rtattr *)((char *)&req + NLMSG_ALIGN(sizeof req.nh) +
                            NLMSG_ALIGN(sizeof req.rt));
    rta->rta_type = RTA_DST;
    rta->rta_len = (unsigned short)RTA_LENGTH(alen);
    memcpy(RTA_DATA(rta), addr, alen);
    req.nh.nlmsg_len = NLMSG_ALIGN(sizeof req.nh) + NLMSG_ALIGN(sizeof req.rt) +
                       RTA_ALIGN(rta->rta_len);
    why[0] = '\0';
    return nl_query(&req, req.nh.nlmsg_len, route_feed, ifindex, why, wn);
}

static int qdisc_feed(void *ctx, const void *buf, size_t len)
{
    return vs_fp_qdisc_feed(ctx, buf, len);
}

static void qdisc_fact(int ifindex, vs_facts *fs)
{
    struct {
        struct nlmsghdr nh;
        struct tcmsg tc;
    } req;
    vs_fp_qdisc q;
    char why[128], out[VS_FACT_TEXT_MAX];

    memset(&req, 0, sizeof req);
    req.nh.nlmsg_len = sizeof req;
    req.nh.nlmsg_type = RTM_GETQDISC;
    req.nh.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
    req.tc.tcm_family = AF_UNSPEC;
    req.tc.tcm_ifindex = ifindex;
    vs_fp_qdisc_init(&q, ifindex);
    why[0] = '\0';
    if (nl_query(&req, sizeof req, qdisc_feed, &q, why, sizeof why) != 0)
        vs_fact_set_unknown(fs, VS_FK_NET_QDISC, "RTM_GETQDISC: %s", why);
    else if (vs_fp_qdisc_text(&q, out, sizeof out) != 0)
        vs_fact_set_unknown(fs, VS_FK_NET_QDISC, "no root qdisc reported");
    else
        vs_fact_set_str(fs, VS_FK_NET_QDISC, out);
}

/* ---- the interface ------------------------------------------------------------- */

/* The interface holding the socket's local address (getifaddrs). */
static int local_ifname(const struct sockaddr_storage *local, char *name, size_t n)
{
    struct ifaddrs *all, *i;
    int found = -1;

    if (getifaddrs(&all) != 0)
        return -1;
    for (i = all; i != NULL && found != 0; i = i->ifa_next) {
        const struct sockaddr *a = i->ifa_addr;
        if (a == NULL || a->sa_family != local->ss_family)
            continue;
        if ((a->sa_family == AF_INET &&
             ((const struct sockaddr_in *)a)->sin_addr.s_addr ==
                 ((const struct sockaddr_in *)local)->sin_addr.s_addr) ||
            (a->sa_family == AF_INET6 &&
             memcmp(&((const struct sockaddr_in6 *)a)->sin6_addr,
                    &((const struct sockaddr_in6 *)local)->sin6_addr, 16) == 0)) {
            snprintf(name, n, "%s", i->ifa_name);
            found = 0;
        }
    }
    freeifaddrs(all);
    return found;
}

/* Find the interface of TCP socket fd: route to the peer, else the
 * local address. Sets net.if; 0 with name and index, or -1. */
static int tcp_interface(int fd, vs_facts *fs, char *name, size_t n, int *ifindex)
{
    struct sockaddr_storage local, peer;
    socklen_t ll = sizeof local, pl = sizeof peer;
    char why[160] = "";

    if (getsockname(fd, (struct sockaddr *)&local, &ll) != 0 ||
        getpeername(fd, (struct sockaddr *)&peer, &pl) != 0) {
        vs_fact_set_unknown(fs, VS_FK_NET_IF, "socket not connected: %s", strerror(errno));
        return -1;
    }
    if (route_ifindex(&peer, ifindex, why, sizeof why) == 0 &&
        if_indextoname((unsigned)*ifindex, name) != NULL) {
        vs_fact_set_str(fs, VS_FK_NET_IF, name);
        return 0;
    }
    if (local_ifname(&local, name, n) == 0 && (*ifindex = (int)if_nametoindex(name)) > 0) {
        vs_fact_set_str(fs, VS_FK_NET_IF, name);
        return 0;
    }
    vs_fact_set_unknown(fs, VS_FK_NET_IF, "no route to the peer (%s) and no interface "
                        "holds the local address", why[0] ? why : "?");
    return -1;
}

/* SIOCETHTOOL with `data` on interface `name`; 0 or -1 (errno set). */
static int ethtool(int fd, const char *name, void *data)
{
    struct ifreq ifr;

    memset(&ifr, 0, sizeof ifr);
    snprintf(ifr.ifr_name, sizeof ifr.ifr_name, "%s", name);
    ifr.ifr_data = data;
    return ioctl(fd, SIOCETHTOOL, &ifr);
}

/* 1 when sysfs shows this network namespace's interface `name`. */
static int sysfs_matches(const char *name, int ifindex)
{
    char path[128], buf[32], why[160];
    uint64_t v;

    snprintf(path, sizeof path, "/sys/class/net/%s/ifindex", name);
    return vs_fx_read("", path, buf, sizeof buf, why, sizeof why) == 0 &&
           vs_fp_u64(buf, &v) == 0 && v == (uint64_t)ifindex;
}

/* The driver's name when ethtool has none: lo, or the sysfs link. */
static void driver_fallback(int fd, const char *name, int ifindex, int err, vs_facts *fs)
{
    struct ifreq ifr;
    char path[128], link[256];
    ssize_t len;

    memset(&ifr, 0, sizeof ifr);
    snprintf(ifr.ifr_name, sizeof ifr.ifr_name, "%s", name);
    if (ioctl(fd, SIOCGIFHWADDR, &ifr) == 0 && ifr.ifr_hwaddr.sa_family == ARPHRD_LOOPBACK) {
        vs_fact_set_str(fs, VS_FK_NET_DRIVER, "loopback");
        return;
    }
    snprintf(path, sizeof path, "/sys/class/net/%s/device/driver", name);
    if (sysfs_matches(name, ifindex) && (len = readlink(path, link, sizeof link - 1)) > 0) {
        link[len] = '\0';
        vs_fact_set_str(fs, VS_FK_NET_DRIVER, strrchr(link, '/') ? strrchr(link, '/') + 1
                                                                 : link);
        return;
    }
    vs_fact_set_unknown(fs, VS_FK_NET_DRIVER, "ETHTOOL_GDRVINFO: %s, and no device driver "
                        "in sysfs", strerror(err));
}

static void driver_facts(int fd, const char *name, int ifindex, vs_facts *fs)
{
    struct ethtool_drvinfo di;

    memset(&di, 0, sizeof di);
    di.cmd = ETHTOOL_GDRVINFO;
    if (ethtool(fd, name, &di) != 0) {
        int err = errno;
        driver_fallback(fd, name, ifindex, err, fs);
        vs_fact_set_unknown(fs, VS_FK_NET_DRIVER_VERSION, "ETHTOOL_GDRVINFO: %s",
                            strerror(err));
        vs_fact_set_unknown(fs, VS_FK_NET_FIRMWARE, "ETHTOOL_GDRVINFO: %s", strerror(err));
        return;
    }
    vs_fact_set_text(fs, VS_FK_NET_DRIVER, di.driver, vs_fp_field_len(di.driver, 32));
    vs_fact_set_text(fs, VS_FK_NET_DRIVER_VERSION, di.version,
                     vs_fp_field_len(di.version, 32));
    if (vs_fp_field_len(di.fw_version, 32) == 0)
        vs_fact_set_unknown(fs, VS_FK_NET_FIRMWARE, "the driver reports none");
    else
        vs_fact_set_text(fs, VS_FK_NET_FIRMWARE, di.fw_version,
                         vs_fp_field_len(di.fw_version, 32));
}

static void mtu_fact(int fd, const char *name, vs_facts *fs)
{
    struct ifreq ifr;

    memset(&ifr, 0, sizeof ifr);
    snprintf(ifr.ifr_name, sizeof ifr.ifr_name, "%s", name);
    if (ioctl(fd, SIOCGIFMTU, &ifr) != 0)
        vs_fact_set_unknown(fs, VS_FK_NET_MTU, "SIOCGIFMTU: %s", strerror(errno));
    else if (ifr.ifr_mtu < 68 || ifr.ifr_mtu > 1048576)
        vs_fact_set_unknown(fs, VS_FK_NET_MTU, "implausible MTU %d", ifr.ifr_mtu);
    else
        vs_fact_set_num(fs, VS_FK_NET_MTU, (uint64_t)ifr.ifr_mtu);
}

/* ---- offloads and queues ----------------------------------------------------------- */

/* Legacy ETHTOOL_G* value of one offload: -1 unknown, 0, 1. */
static int legacy_offload(int fd, const char *name, uint32_t cmd, uint32_t flag)
{
    struct ethtool_value v = { cmd, 0 };

    if (ethtool(fd, name, &v) != 0)
        return -1;
    return flag != 0 ? (v.data & flag) != 0 : v.data != 0;
}

/* ETHTOOL_GSSET_INFO + GSTRINGS + GFEATURES; 0 with out filled or -1. */
static int features(int fd, const char *name, vs_fp_offloads *out)
{
    struct {
        struct ethtool_sset_info hdr;
        uint32_t count;
    } ss;
    struct ethtool_gstrings *names = NULL;
    struct ethtool_gfeatures *feat = NULL;
    uint32_t n, words, active[128];
    int rc = -1;

    memset(&ss, 0, sizeof ss);
    ss.hdr.cmd = ETHTOOL_GSSET_INFO;
    ss.hdr.sset_mask = 1ull << ETH_SS_FEATURES;
    if (ethtool(fd, name, &ss) != 0 || !(ss.hdr.sset_mask & (1ull << ETH_SS_FEATURES)))
        return -1;
    n = ss.count;
    words = (n + 31) / 32;
    if (n == 0 || words > 128)
        return -1;
    names = calloc(1, sizeof *names + (size_t)n * ETH_GSTRING_LEN);
    feat = calloc(1, sizeof *feat + words * sizeof feat->features[0]);
    if (names != NULL && feat != NULL) {
        names->cmd = ETHTOOL_GSTRINGS;
        names->string_set = ETH_SS_FEATURES;
        names->len = n;
        feat->cmd = ETHTOOL_GFEATURES;
        feat->size = words;
        if (ethtool(fd, name, names) == 0 && ethtool(fd, name, feat) == 0 &&
            names->len == n && feat->size >= words) {
            for (uint32_t i = 0; i < words; i++)
                active[i] = feat->features[i].active;
            rc = vs_fp_features((const char *)names->data, n, active, words, out);
        }
    }
    free(names);
    free(feat);
    return rc;
}

static void offload_facts(int fd, const char *name, vs_facts *fs)
{
    vs_fp_offloads o;
    const struct {
        enum vs_fact_key k;
        int *v;
        const char *what;
    } map[4] = {
        { VS_FK_NET_TSO, &o.tso, "TSO" }, { VS_FK_NET_GSO, &o.gso, "GSO" },
        { VS_FK_NET_GRO, &o.gro, "GRO" }, { VS_FK_NET_LRO, &o.lro, "LRO" },
    };
    const char *how = "ETHTOOL_GFEATURES";

    if (features(fd, name, &o) != 0) {
        how = "legacy ETHTOOL_G* ioctls";
        o.tso = legacy_offload(fd, name, ETHTOOL_GTSO, 0);
        o.gso = legacy_offload(fd, name, ETHTOOL_GGSO, 0);
        o.gro = legacy_offload(fd, name, ETHTOOL_GGRO, 0);
        o.lro = legacy_offload(fd, name, ETHTOOL_GFLAGS, ETH_FLAG_LRO);
    }
    for (int i = 0; i < 4; i++) {
        if (*map[i].v >= 0)
            vs_fact_set_num(fs, map[i].k, (uint64_t)*map[i].v);
        else
            vs_fact_set_unknown(fs, map[i].k, "%s did not report %s", how, map[i].what);
    }
}

static void queue_facts(const char *name, int ifindex, vs_facts *fs)
{
    char path[128];
    uint64_t rx = 0, tx = 0;
    struct dirent *de;
    DIR *d;

    snprintf(path, sizeof path, "/sys/class/net/%s/queues", name);
    if (!sysfs_matches(name, ifindex) || (d = opendir(path)) == NULL) {
        vs_fact_set_unknown(fs, VS_FK_NET_RX_QUEUES, "%s not readable in this namespace",
                            path);
        vs_fact_set_unknown(fs, VS_FK_NET_TX_QUEUES, "%s not readable in this namespace",
                            path);
        return;
    }
    while ((de = readdir(d)) != NULL) {
        int kind = vs_fp_queue_kind(de->d_name);
        rx += kind == 1;
        tx += kind == 2;
    }
    closedir(d);
    vs_fact_set_num(fs, VS_FK_NET_RX_QUEUES, rx);
    vs_fact_set_num(fs, VS_FK_NET_TX_QUEUES, tx);
}

static void congestion_fact(int fd, vs_facts *fs)
{
    char cc[32];
    socklen_t len = sizeof cc - 1;

    memset(cc, 0, sizeof cc);
    if (getsockopt(fd, IPPROTO_TCP, TCP_CONGESTION, cc, &len) != 0)
        vs_fact_set_unknown(fs, VS_FK_TCP_CC, "TCP_CONGESTION: %s", strerror(errno));
    else
        vs_fact_set_text(fs, VS_FK_TCP_CC, cc, vs_fp_field_len(cc, len));
}

static void tcp_path(int fd, vs_facts *fs)
{
    char name[IF_NAMESIZE + 1];
    int ifindex = 0;

    congestion_fact(fd, fs);
    if (tcp_interface(fd, fs, name, sizeof name, &ifindex) != 0) {
        for (int k = VS_FK_NET_DRIVER; k <= VS_FK_NET_QDISC; k++)
            if (k != VS_FK_NET_RSS)
                vs_fact_set_unknown(fs, (enum vs_fact_key)k, "the interface is unknown");
        return;
    }
    driver_facts(fd, name, ifindex, fs);
    mtu_fact(fd, name, fs);
    offload_facts(fd, name, fs);
    queue_facts(name, ifindex, fs);
    qdisc_fact(ifindex, fs);
}

/* ---- vsock ------------------------------------------------------------------------ */

/* The version of module `name` (see vs_fp_module_version). */
static void module_version_fact(const char *name, vs_facts *fs)
{
    static const char *const files[3] = { "version", "srcversion", "taint" };
    char path[128], v[3][128], why[160], out[VS_FACT_TEXT_MAX];
    const char *got[3];
    struct utsname u;
    int builtin;

    for (int i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "/sys/module/%s/%s", name, files[i]);
        got[i] = vs_fx_read("", path, v[i], sizeof v[i], why, sizeof why) == 0 ? v[i] : NULL;
    }
    snprintf(path, sizeof path, "/sys/module/%s/initstate", name); /* loadable ones */
    builtin = !vs_fx_exists("", path);
    if (vs_fp_module_version(got[0], got[1], builtin, got[2],
                             uname(&u) == 0 ? u.release : NULL, out, sizeof out) == 0)
        vs_fact_set_str(fs, VS_FK_VSOCK_VERSION, out);
    else
        vs_fact_set_unknown(fs, VS_FK_VSOCK_VERSION, "/sys/module/%s has no version", name);
}

static void vsock_path(int fd, vs_facts *fs)
{
    struct sockaddr_vm local, peer;
    socklen_t ll = sizeof local, pl = sizeof peer;
    int mod;

    if (getsockname(fd, (struct sockaddr *)&local, &ll) != 0 ||
        getpeername(fd, (struct sockaddr *)&peer, &pl) != 0) {
        vs_fact_set_unknown(fs, VS_FK_VSOCK_TRANSPORT, "socket not connected: %s",
                            strerror(errno));
        return;
    }
    mod = vs_fp_vsock_pick(vs_fx_vsock_loaded(""), local.svm_cid, peer.svm_cid);
    if (mod < 0) {
        vs_fact_set_unknown(fs, VS_FK_VSOCK_TRANSPORT, "no loaded transport fits CID %u "
                            "to CID %u", local.svm_cid, peer.svm_cid);
        vs_fact_set_unknown(fs, VS_FK_VSOCK_VERSION, "the transport is unknown");
        return;
    }
    vs_fact_set_str(fs, VS_FK_VSOCK_TRANSPORT, vs_fp_vsock_module(mod));
    module_version_fact(vs_fp_vsock_module(mod), fs);
}

void vs_facts_path(vs_sock s, enum vs_transport tr, vs_facts *out)
{
    vs_fact_set_str(out, VS_FK_PATH_TRANSPORT, vs_transport_name(tr));
    if (tr == VS_TR_TCP)
        tcp_path((int)s, out);
    else if (tr == VS_TR_VSOCK)
        vsock_path((int)s, out);
    else if (tr == VS_TR_HVSOCK)
        vs_fact_set_unknown(out, VS_FK_VSOCK_TRANSPORT,
                            "Hyper-V sockets are a Windows transport");
}

#else /* not Linux */

void vs_facts_path(vs_sock s, enum vs_transport tr, vs_facts *out)
{
    (void)s;
    vs_fact_set_str(out, VS_FK_PATH_TRANSPORT, vs_transport_name(tr));
    if (tr == VS_TR_TCP)
        for (int k = VS_FK_NET_IF; k <= VS_FK_TCP_CC; k++)
            if (k != VS_FK_NET_RSS)
                vs_fact_set_unknown(out, (enum vs_fact_key)k, "read on Linux only");
}

#endif
