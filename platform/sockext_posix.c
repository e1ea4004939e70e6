/* sockext_posix.c - the OS half of sockext.h (sockext_os.h) on POSIX:
 * Linux's socket options; other POSIX systems refuse. */
#include "platform/sockext_os.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#ifdef __linux__
#include <linux/errqueue.h>
#endif

#define FD(s) ((int)(s))

/* How long a send that found the error queue full waits for a completion. */
#define ZC_WAIT_MS 30000

void vs_congestion_available(char *out, size_t n)
{
    FILE *f = fopen("/proc/sys/net/ipv4/tcp_available_congestion_control", "r");
    size_t len;

    out[0] = '\0';
    if (f == NULL)
        return;
    if (fgets(out, (int)n, f) == NULL)
        out[0] = '\0';
    fclose(f);
    len = strlen(out);
    while (len > 0 && (out[len - 1] == '\n' || out[len - 1] == ' '))
        out[--len] = '\0';
}

#if defined(__linux__) && defined(TCP_CONGESTION)
int vs_sock_get_congestion(vs_sock s, char *out, size_t n, vs_err *e)
{
    char name[VS_CC_NAME_MAX + 1] = "";
    socklen_t len = VS_CC_NAME_MAX;

    if (getsockopt(FD(s), IPPROTO_TCP, TCP_CONGESTION, name, &len) != 0)
        return vs_err_set(e, VS_ERR_RUNTIME, "reading TCP_CONGESTION: %s", strerror(errno));
    name[len < VS_CC_NAME_MAX ? len : VS_CC_NAME_MAX] = '\0';
    snprintf(out, n, "%s", name);
    return 0;
}

int vs_os_set_congestion(vs_sock s, const char *name, vs_err *e)
{
    char avail[256];

    if (setsockopt(FD(s), IPPROTO_TCP, TCP_CONGESTION, name, (socklen_t)strlen(name)) != 0) {
        int err = errno;
        vs_congestion_available(avail, sizeof avail);
        return vs_err_set(e, VS_ERR_UNSUPPORTED, "congestion control '%s' refused (%s); this "
                          "machine offers: %s", name, strerror(err),
                          avail[0] ? avail : "(unknown)");
    }
    return 0;
}
#else
int vs_sock_get_congestion(vs_sock s, char *out, size_t n, vs_err *e)
{
    (void)s;
    (void)out;
    (void)n;
    return vs_err_set(e, VS_ERR_UNSUPPORTED, "this system cannot name TCP congestion control");
}

int vs_os_set_congestion(vs_sock s, const char *name, vs_err *e)
{
    (void)s;
    (void)name;
    return vs_err_set(e, VS_ERR_UNSUPPORTED, "this system cannot choose TCP congestion "
                      "control (TCP_CONGESTION is Linux's)");
}
#endif

#if VS_OS_ZEROCOPY
int vs_os_zc_enable(vs_sock s, enum vs_transport tr, vs_err *e)
{
    int one = 1;

    if (setsockopt(FD(s), SOL_SOCKET, SO_ZEROCOPY, &one, sizeof one) != 0)
        return vs_err_set(e, VS_ERR_UNSUPPORTED, "this kernel refuses zero-copy sends on %s "
                          "(SO_ZEROCOPY: %s)", vs_transport_name(tr), strerror(errno));
    return 0;
}

/* One control message: a zero-copy completion for sends lo..hi. */
static void note_completion(const struct cmsghdr *cm, vs_zc *z)
{
    struct sock_extended_err ee;
    uint64_t k;

    if (cm->cmsg_len < CMSG_LEN(sizeof ee))
        return;
    memcpy(&ee, CMSG_DATA(cm), sizeof ee);
    if (ee.ee_errno != 0 || ee.ee_origin != SO_EE_ORIGIN_ZEROCOPY)
        return;
    k = (uint64_t)(uint32_t)(ee.ee_data - ee.ee_info) + 1; /* the range wraps at 2^32 */
    z->completed += k;
    if (ee.ee_code & SO_EE_CODE_ZEROCOPY_COPIED)
        z->copied += k;
}

int vs_zc_drain(vs_sock s, vs_zc *z)
{
    for (;;) {
        union {
            char buf[CMSG_SPACE(sizeof(struct sock_extended_err) + 64)];
            struct cmsghdr align;
        } ctl;
        struct msghdr m;
        struct cmsghdr *cm;

        memset(&m, 0, sizeof m);
        m.msg_control = ctl.buf;
        m.msg_controllen = sizeof ctl.buf;
        if (recvmsg(FD(s), &m, MSG_ERRQUEUE | MSG_DONTWAIT) < 0)
            return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ? 0 : -1;
        for (cm = CMSG_FIRSTHDR(&m); cm != NULL; cm = CMSG_NXTHDR(&m, cm))
            note_completion(cm, z);
    }
}

/* The error queue is full: read it, waiting for an entry if it is empty. */
static int wait_completions(vs_sock s, vs_zc *z)
{
    uint64_t before = z->completed;
    struct pollfd p = { FD(s), 0, 0 }; /* POLLERR is always reported */

    if (vs_zc_drain(s, z) != 0)
        return -1;
    if (z->completed != before)
        return 0;
    if (poll(&p, 1, ZC_WAIT_MS) <= 0) {
        errno = ENOBUFS;
        return -1;
    }
    return vs_zc_drain(s, z);
}

long vs_zc_send(vs_sock s, const void *buf, size_t len, vs_zc *z)
{
    for (;;) {
        ssize_t n = send(FD(s), buf, len, MSG_NOSIGNAL | MSG_ZEROCOPY);
        if (n >= 0) {
            z->sends++;
            return (long)n;
        }
        if (errno == EINTR)
            continue;
        if (errno != ENOBUFS || wait_completions(s, z) != 0)
            return -1;
        z->retries++;
    }
}
#else
int vs_os_zc_enable(vs_sock s, enum vs_transport tr, vs_err *e)
{
    (void)s;
    (void)tr;
    return vs_err_set(e, VS_ERR_UNSUPPORTED, "this system has no zero-copy sends "
                      "(MSG_ZEROCOPY is Linux's)");
}
#endif

int vs_os_set_rcvlowat(vs_sock s, uint32_t bytes, vs_err *e)
{
    int v = (int)bytes;

    if (setsockopt(FD(s), SOL_SOCKET, SO_RCVLOWAT, &v, sizeof v) != 0)
        return vs_err_set(e, VS_ERR_RUNTIME, "SO_RCVLOWAT %lu: %s", (unsigned long)bytes,
                          strerror(errno));
    return 0;
}

uint32_t vs_sock_tcp_mss(vs_sock s, enum vs_transport tr)
{
    int mss = 0;
    socklen_t len = sizeof mss;

    if (tr != VS_TR_TCP || getsockopt(FD(s), IPPROTO_TCP, TCP_MAXSEG, &mss, &len) != 0 ||
        mss < 0)
        return 0;
    return (uint32_t)mss;
}
