/*
 * net_posix.c - the socket primitives of net_os.h and the OS-only parts of
 * net.h for POSIX systems (AF_VSOCK and TCP_INFO on Linux). The flows
 * (listen, connect, buffer sizes) are in net.c.
 */
#include "platform/net.h"
#include "platform/net_os.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/un.h>
#include <unistd.h>

#ifdef __linux__
#include <linux/tcp.h>
#include <linux/vm_sockets.h>
#define HAVE_VSOCK 1
#else
#include <netinet/tcp.h>
#define HAVE_VSOCK 0
#endif

#define FD(s) ((int)(s))

_Static_assert(sizeof(struct sockaddr_storage) <= sizeof(((vs_os_name *)0)->sa),
               "vs_os_name holds any sockaddr");

int vs_net_init(vs_err *e)
{
    (void)e;
    signal(SIGPIPE, SIG_IGN); /* a vanished peer is an error code, not a kill */
    return 0;
}

int vs_sock_errno(void)
{
    return errno;
}

const char *vs_sock_strerror(int code, char *buf, size_t n)
{
    snprintf(buf, n, "%s", strerror(code));
    return buf;
}

/* ---- vsock: what this machine has --------------------------------------- */

static int path_exists(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0;
}

int vs_vsock_loopback_present(void)
{
    return path_exists("/sys/module/vsock_loopback");
}

int vs_vsock_local_cid(uint32_t *cid)
{
#if HAVE_VSOCK
    unsigned int v = 0;
    int fd = open("/dev/vsock", O_RDONLY | O_CLOEXEC);
    int rc;

    if (fd < 0)
        return -1;
    rc = ioctl(fd, IOCTL_VM_SOCKETS_GET_LOCAL_CID, &v);
    close(fd);
    /* With only the loopback transport the kernel knows no CID of its own;
     * this machine is then reachable at VMADDR_CID_LOCAL. */
    if (rc == 0 && v == VMADDR_CID_ANY && vs_vsock_loopback_present())
        v = VMADDR_CID_LOCAL;
    if (rc != 0 || v == VMADDR_CID_ANY)
        return -1;
    *cid = v;
    return 0;
#else
    (void)cid;
    return -1;
#endif
}

/* Refuse a vsock connection that would leave this machine through the
 * host transport although it is meant for this machine. */
int vs_vsock_peer_check(uint32_t cid, vs_err *e)
{
    uint32_t self;

    if (vs_net_vsock_disabled())
        return vs_err_set(e, VS_ERR_UNSUPPORTED, "vsock: disabled by VSBENCH_NO_VSOCK");
    if (vs_vsock_loopback_present())
        return 0;
    if (cid == VS_CID_LOCAL || (vs_vsock_local_cid(&self) == 0 && self == cid))
        return vs_err_set(e, VS_ERR_UNSUPPORTED,
                          "vsock CID %lu is this machine, which has no vsock "
                          "loopback transport: load vsock_loopback (modprobe "
                          "vsock_loopback) or use a peer VM", (unsigned long)cid);
    return 0;
}

static int vsock_probe(char *why, size_t n)
{
    if (!HAVE_VSOCK) {
        snprintf(why, n, "AF_VSOCK is a Linux transport");
        return 0;
    }
    if (vs_net_vsock_disabled()) {
        snprintf(why, n, "disabled by VSBENCH_NO_VSOCK");
        return 0;
    }
    if (!path_exists("/dev/vsock") && !path_exists("/sys/module/vsock")) {
        snprintf(why, n, "address family not supported: load vsock_loopback "
                 "or run inside a VM with a vsock device");
        return 0;
    }
    snprintf(why, n, "available%s", vs_vsock_loopback_present()
             ? ", loopback transport loaded"
             : "; no loopback transport (vsock:local unusable)");
    return 1;
}

int vs_transport_probe(enum vs_transport tr, char *why, size_t n)
{
    switch (tr) {
    case VS_TR_TCP:
    case VS_TR_UNIX:
        snprintf(why, n, "available");
        return 1;
    case VS_TR_VSOCK:
        return vsock_probe(why, n);
    default:
        snprintf(why, n, "Hyper-V sockets are a Windows transport; Linux guests "
                 "reach Hyper-V hosts with vsock:");
        return 0;
    }
}

/* ---- error translation -------------------------------------------------- */

enum vs_os_err vs_os_err_kind(int err)
{
    switch (err) {
    case EINPROGRESS:
        return VS_OSE_IN_PROGRESS;
    case ECONNREFUSED:
        return VS_OSE_REFUSED;
    case ENOENT:
        return VS_OSE_NO_ENTRY;
    case ETIMEDOUT:
        return VS_OSE_TIMED_OUT;
    case EHOSTUNREACH:
    case ENETUNREACH:
        return VS_OSE_UNREACHABLE;
    case ENODEV:
    case EAFNOSUPPORT:
        return VS_OSE_NO_FAMILY;
    case EADDRINUSE:
        return VS_OSE_ADDR_IN_USE;
    case EACCES:
    case EPERM:
        return VS_OSE_ACCESS;
    case EADDRNOTAVAIL:
        return VS_OSE_ADDR_NOT_AVAIL;
    case EINTR:
        return VS_OSE_INTERRUPTED;
    case EMFILE:
    case ENFILE:
    case ENOBUFS:
    case ENOMEM:
        return VS_OSE_NO_RESOURCES;
    default:
        return VS_OSE_OTHER;
    }
}

/* ---- names -------------------------------------------------------------- */

int vs_os_name_of(const vs_addr *a, vs_os_name *out, vs_err *e)
{
    memset(out, 0, sizeof *out);
    if (a->tr == VS_TR_UNIX) {
        struct sockaddr_un *un = (struct sockaddr_un *)out->sa.bytes;
        un->sun_family = AF_UNIX;
        snprintf(un->sun_path, sizeof un->sun_path, "%s", a->path);
        out->len = (int)sizeof *un;
        out->family = AF_UNIX;
        return 0;
    }
#if HAVE_VSOCK
    if (a->tr == VS_TR_VSOCK) {
        struct sockaddr_vm *vm = (struct sockaddr_vm *)out->sa.bytes;
        vm->svm_family = AF_VSOCK;
        vm->svm_cid = a->cid;
        vm->svm_port = a->port;
        out->len = (int)sizeof *vm;
        out->family = AF_VSOCK;
        return 0;
    }
#endif
    if (a->tr == VS_TR_VSOCK)
        return vs_err_set(e, VS_ERR_UNSUPPORTED,
                          "vsock: address family not supported on this OS");
    return vs_err_set(e, VS_ERR_UNSUPPORTED,
                      "hvsock: Hyper-V sockets are only available on Windows");
}

int vs_os_name_decode(const vs_os_name *sn, vs_addr *out)
{
    if (sn->family == AF_UNIX) {
        const struct sockaddr_un *un = (const struct sockaddr_un *)sn->sa.bytes;
        out->tr = VS_TR_UNIX;
        snprintf(out->path, sizeof out->path, "%s", un->sun_path);
        out->has_port = 0;
        return 0;
    }
#if HAVE_VSOCK
    if (sn->family == AF_VSOCK) {
        const struct sockaddr_vm *vm = (const struct sockaddr_vm *)sn->sa.bytes;
        out->tr = VS_TR_VSOCK;
        out->cid = vm->svm_cid;
        out->port = vm->svm_port;
        return 0;
    }
#endif
    return -1;
}

/* ---- system calls ------------------------------------------------------- */

int vs_os_socket(const vs_os_name *sn, vs_sock *out)
{
    int fd = socket(sn->family, SOCK_STREAM | SOCK_CLOEXEC, sn->proto);

    if (fd < 0)
        return errno;
    *out = fd;
    return 0;
}

int vs_os_listen(vs_sock s, const vs_os_name *sn, int backlog)
{
    if (bind(FD(s), (const struct sockaddr *)sn->sa.bytes, (socklen_t)sn->len) != 0 ||
        listen(FD(s), backlog) != 0)
        return errno;
    return 0;
}

int vs_os_accept(vs_sock l, vs_sock *out)
{
    int fd;

    do {
        fd = accept4(FD(l), NULL, NULL, SOCK_CLOEXEC);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0)
        return errno;
    *out = fd;
    return 0;
}

int vs_os_connect(vs_sock s, const vs_os_name *sn)
{
    return connect(FD(s), (const struct sockaddr *)sn->sa.bytes, (socklen_t)sn->len) == 0
           ? 0 : errno;
}

int vs_os_sockname(vs_sock s, int peer, vs_os_name *out)
{
    socklen_t len = sizeof out->sa.bytes;
    int rc;

    memset(out, 0, sizeof *out);
    rc = peer ? getpeername(FD(s), (struct sockaddr *)out->sa.bytes, &len)
              : getsockname(FD(s), (struct sockaddr *)out->sa.bytes, &len);
    if (rc != 0)
        return errno;
    out->len = (int)len;
    out->family = ((const struct sockaddr *)out->sa.bytes)->sa_family;
    return 0;
}

int vs_os_set_nonblocking(vs_sock s, int on)
{
    int fl = fcntl(FD(s), F_GETFL);

    if (fl < 0)
        return errno;
    if (fcntl(FD(s), F_SETFL, on ? (fl | O_NONBLOCK) : (fl & ~O_NONBLOCK)) != 0)
        return errno;
    return 0;
}

int vs_os_poll(struct pollfd *fds, int n, int timeout_ms, int *ready)
{
    *ready = poll(fds, (nfds_t)n, timeout_ms);
    return *ready < 0 ? errno : 0;
}

void vs_os_close(vs_sock s)
{
    close(FD(s));
}

/* ---- options ------------------------------------------------------------ */

int vs_os_opt_where(enum vs_os_opt opt, vs_os_optdef *out)
{
    switch (opt) {
#if HAVE_VSOCK
    case VS_OPT_VSOCK_BUF:
        *out = (vs_os_optdef){ AF_VSOCK, SO_VM_SOCKETS_BUFFER_SIZE,
                               "SO_VM_SOCKETS_BUFFER_SIZE" };
        return 0;
    case VS_OPT_VSOCK_BUF_MAX:
        *out = (vs_os_optdef){ AF_VSOCK, SO_VM_SOCKETS_BUFFER_MAX_SIZE,
                               "SO_VM_SOCKETS_BUFFER_MAX_SIZE" };
        return 0;
#endif
    case VS_OPT_LISTEN_ADDR:
        *out = (vs_os_optdef){ SOL_SOCKET, SO_REUSEADDR, "SO_REUSEADDR" };
        return 0;
    default:
        return EAFNOSUPPORT;
    }
}

int vs_os_sockopt(vs_sock s, const vs_os_optdef *where, int get, void *val, int *len)
{
    socklen_t l = (socklen_t)*len;

    if (get ? getsockopt(FD(s), where->level, where->name, val, &l)
            : setsockopt(FD(s), where->level, where->name, val, l))
        return errno;
    *len = (int)l;
#ifdef __linux__
    if (get && where->level == SOL_SOCKET &&
        (where->name == SO_SNDBUF || where->name == SO_RCVBUF))
        *(int *)val /= 2; /* Linux doubles the request for bookkeeping; see net.h */
#endif
    return 0;
}

static uint64_t read_sysctl(const char *path)
{
    FILE *f = fopen(path, "r");
    unsigned long long v = 0;

    if (f == NULL)
        return 0;
    if (fscanf(f, "%llu", &v) != 1)
        v = 0;
    fclose(f);
    return v;
}

int vs_sock_buf_limit(enum vs_transport tr, int snd, char *name, size_t n,
                      uint64_t *value)
{
    if (tr == VS_TR_VSOCK || tr == VS_TR_HVSOCK)
        return 0;
    snprintf(name, n, "%s", snd ? "net.core.wmem_max" : "net.core.rmem_max");
    *value = read_sysctl(snd ? "/proc/sys/net/core/wmem_max"
                             : "/proc/sys/net/core/rmem_max");
    return *value != 0;
}

int vs_sock_set_timeouts(vs_sock s, int ms, vs_err *e)
{
    struct timeval tv;

    tv.tv_sec = ms / 1000;
    tv.tv_usec = (ms % 1000) * 1000;
    if (setsockopt(FD(s), SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv) != 0 ||
        setsockopt(FD(s), SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv) != 0)
        return vs_err_set(e, VS_ERR_RUNTIME, "setting socket timeouts: %s",
                          strerror(errno));
    return 0;
}

/* ---- data --------------------------------------------------------------- */

long vs_sock_send(vs_sock s, const void *buf, size_t len)
{
    ssize_t n;

    do {
        n = send(FD(s), buf, len, MSG_NOSIGNAL);
    } while (n < 0 && errno == EINTR);
    return (long)n;
}

long vs_sock_recv(vs_sock s, void *buf, size_t len)
{
    ssize_t n;

    do {
        n = recv(FD(s), buf, len, 0);
    } while (n < 0 && errno == EINTR);
    return (long)n;
}

int vs_sock_shutdown(vs_sock s, enum vs_shut how)
{
    return shutdown(FD(s), how == VS_SHUT_WR ? SHUT_WR : SHUT_RDWR);
}

int vs_sock_tcp_counters(vs_sock s, uint64_t *received, uint64_t *acked)
{
#ifdef __linux__
    struct tcp_info ti;
    socklen_t len = sizeof ti;

    memset(&ti, 0, sizeof ti);
    if (getsockopt(FD(s), IPPROTO_TCP, TCP_INFO, &ti, &len) != 0 ||
        len < offsetof(struct tcp_info, tcpi_bytes_received) + sizeof(uint64_t))
        return -1;
    *received = ti.tcpi_bytes_received;
    *acked = ti.tcpi_bytes_acked;
    return 0;
#else
    (void)s;
    (void)received;
    (void)acked;
    return -1;
#endif
}
