/* net_posix.c - net.h for POSIX systems (AF_VSOCK and TCP_INFO on Linux). */
#include "platform/net.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
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

static int path_exists(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0;
}

static int vsock_disabled(void)
{
    const char *v = getenv("VSBENCH_NO_VSOCK");
    return v != NULL && v[0] != '\0' && strcmp(v, "0") != 0;
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

int vs_transport_probe(enum vs_transport tr, char *why, size_t n)
{
    switch (tr) {
    case VS_TR_TCP:
    case VS_TR_UNIX:
        snprintf(why, n, "available");
        return 1;
    case VS_TR_VSOCK:
        if (!HAVE_VSOCK) {
            snprintf(why, n, "AF_VSOCK is a Linux transport");
            return 0;
        }
        if (vsock_disabled()) {
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
    default:
        snprintf(why, n, "Hyper-V sockets are a Windows transport; Linux guests "
                 "reach Hyper-V hosts with vsock:");
        return 0;
    }
}

/* ---- address conversion ------------------------------------------------ */

typedef struct sockname {
    struct sockaddr_storage ss;
    socklen_t len;
    int family;
} sockname;

static int unix_name(const vs_addr *a, sockname *sn)
{
    struct sockaddr_un *un = (struct sockaddr_un *)&sn->ss;

    memset(sn, 0, sizeof *sn);
    un->sun_family = AF_UNIX;
    snprintf(un->sun_path, sizeof un->sun_path, "%s", a->path);
    sn->len = (socklen_t)sizeof *un;
    sn->family = AF_UNIX;
    return 0;
}

static int vsock_name(const vs_addr *a, sockname *sn, vs_err *e)
{
#if HAVE_VSOCK
    struct sockaddr_vm *vm = (struct sockaddr_vm *)&sn->ss;

    if (vsock_disabled())
        return vs_err_set(e, VS_ERR_UNSUPPORTED,
                          "vsock: disabled by VSBENCH_NO_VSOCK");
    memset(sn, 0, sizeof *sn);
    vm->svm_family = AF_VSOCK;
    vm->svm_cid = a->cid;
    vm->svm_port = a->port;
    sn->len = (socklen_t)sizeof *vm;
    sn->family = AF_VSOCK;
    return 0;
#else
    (void)a;
    (void)sn;
    return vs_err_set(e, VS_ERR_UNSUPPORTED,
                      "vsock: address family not supported on this OS");
#endif
}

#define MAX_TCP_NAMES 8

/* Resolve a tcp address into at most MAX_TCP_NAMES socket names, in the
 * order getaddrinfo gives them (callers try each until one works). */
static int tcp_names(const vs_addr *a, int passive, sockname *names, int *n, vs_err *e)
{
    struct addrinfo hints, *res, *ai;
    char port[16];
    int rc;

    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICSERV | (passive ? AI_PASSIVE : 0);
    snprintf(port, sizeof port, "%lu", (unsigned long)a->port);
    rc = getaddrinfo(a->host, port, &hints, &res);
    if (rc != 0)
        return vs_err_set(e, VS_ERR_CONNECT, "cannot resolve host '%s': %s",
                          a->host, gai_strerror(rc));
    *n = 0;
    for (ai = res; ai != NULL && *n < MAX_TCP_NAMES; ai = ai->ai_next) {
        sockname *sn = &names[(*n)++];
        memset(sn, 0, sizeof *sn);
        memcpy(&sn->ss, ai->ai_addr, ai->ai_addrlen);
        sn->len = ai->ai_addrlen;
        sn->family = ai->ai_family;
    }
    freeaddrinfo(res);
    return 0;
}

/* ---- buffer sizes ------------------------------------------------------ */

int vs_sock_set_bufsize(vs_sock s, enum vs_transport tr, uint64_t size, vs_err *e)
{
    if (size == 0)
        return 0;
    if (tr == VS_TR_VSOCK) {
#if HAVE_VSOCK
        unsigned long long v = size;
        if (setsockopt(FD(s), AF_VSOCK, SO_VM_SOCKETS_BUFFER_MAX_SIZE, &v,
                       sizeof v) != 0)
            return vs_err_set(e, VS_ERR_RUNTIME,
                              "setsockopt(SO_VM_SOCKETS_BUFFER_MAX_SIZE, %llu): %s",
                              v, strerror(errno));
        if (setsockopt(FD(s), AF_VSOCK, SO_VM_SOCKETS_BUFFER_SIZE, &v,
                       sizeof v) != 0)
            return vs_err_set(e, VS_ERR_RUNTIME,
                              "setsockopt(SO_VM_SOCKETS_BUFFER_SIZE, %llu): %s",
                              v, strerror(errno));
        return 0;
#else
        return vs_err_set(e, VS_ERR_UNSUPPORTED, "vsock not supported");
#endif
    }
    int v = size > (uint64_t)0x3FFFFFFF ? 0x3FFFFFFF : (int)size;
    if (setsockopt(FD(s), SOL_SOCKET, SO_SNDBUF, &v, sizeof v) != 0)
        return vs_err_set(e, VS_ERR_RUNTIME, "setsockopt(SO_SNDBUF, %d): %s", v,
                          strerror(errno));
    if (setsockopt(FD(s), SOL_SOCKET, SO_RCVBUF, &v, sizeof v) != 0)
        return vs_err_set(e, VS_ERR_RUNTIME, "setsockopt(SO_RCVBUF, %d): %s", v,
                          strerror(errno));
    return 0;
}

static int get_int_opt(int fd, int opt, uint64_t *out, vs_err *e, const char *name)
{
    int v = 0;
    socklen_t len = sizeof v;

    if (getsockopt(fd, SOL_SOCKET, opt, &v, &len) != 0)
        return vs_err_set(e, VS_ERR_RUNTIME, "getsockopt(%s): %s", name,
                          strerror(errno));
#ifdef __linux__
    v /= 2; /* Linux doubles the request for bookkeeping; see net.h */
#endif
    *out = (uint64_t)v;
    return 0;
}

int vs_sock_get_bufsize(vs_sock s, enum vs_transport tr, vs_bufsize *out, vs_err *e)
{
    if (tr == VS_TR_VSOCK) {
#if HAVE_VSOCK
        unsigned long long v = 0;
        socklen_t len = sizeof v;
        if (getsockopt(FD(s), AF_VSOCK, SO_VM_SOCKETS_BUFFER_SIZE, &v, &len) != 0)
            return vs_err_set(e, VS_ERR_RUNTIME,
                              "getsockopt(SO_VM_SOCKETS_BUFFER_SIZE): %s",
                              strerror(errno));
        out->snd = out->rcv = v;
        return 0;
#else
        return vs_err_set(e, VS_ERR_UNSUPPORTED, "vsock not supported");
#endif
    }
    if (get_int_opt(FD(s), SO_SNDBUF, &out->snd, e, "SO_SNDBUF") != 0)
        return -1;
    return get_int_opt(FD(s), SO_RCVBUF, &out->rcv, e, "SO_RCVBUF");
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

/* ---- listen / accept / connect ---------------------------------------- */

static int open_socket(int family, vs_err *e)
{
    int fd = socket(family, SOCK_STREAM | SOCK_CLOEXEC, 0);

    if (fd >= 0)
        return fd;
    if (errno == EAFNOSUPPORT && family != AF_INET && family != AF_INET6)
        vs_err_set(e, VS_ERR_UNSUPPORTED,
                   family == AF_UNIX ? "unix: address family not supported"
                   : "vsock: address family not supported - load vsock_loopback "
                     "or run inside a VM");
    else
        vs_err_set(e, VS_ERR_RUNTIME, "socket(): %s", strerror(errno));
    return -1;
}

static int listen_on(const sockname *sn, enum vs_transport tr, uint64_t bufsize,
                     const char *text, vs_sock *out, vs_err *e)
{
    int one = 1;
    int fd = open_socket(sn->family, e);

    if (fd < 0)
        return -1;
    if (sn->family == AF_INET || sn->family == AF_INET6) {
        if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) != 0) {
            vs_err_set(e, VS_ERR_RUNTIME, "SO_REUSEADDR: %s", strerror(errno));
            goto fail;
        }
    }
    if (vs_sock_set_bufsize(fd, tr, bufsize, e) != 0)
        goto fail;
    if (bind(fd, (const struct sockaddr *)&sn->ss, sn->len) != 0) {
        vs_err_set(e, errno == EADDRINUSE ? VS_ERR_USAGE : VS_ERR_RUNTIME,
                   "cannot listen on %s: %s", text, strerror(errno));
        goto fail;
    }
    if (listen(fd, 128) != 0) {
        vs_err_set(e, VS_ERR_RUNTIME, "listen on %s: %s", text, strerror(errno));
        goto fail;
    }
    *out = fd;
    return 0;
fail:
    close(fd);
    return -1;
}

int vs_sock_listen(const vs_addr *a, uint64_t bufsize, vs_sock *out, vs_err *e)
{
    char text[VS_HOST_MAX + 32];
    sockname sn;

    vs_addr_format(a, text, sizeof text);
    switch (a->tr) {
    case VS_TR_UNIX:
        unix_name(a, &sn);
        return listen_on(&sn, a->tr, bufsize, text, out, e);
    case VS_TR_VSOCK:
        if (vsock_name(a, &sn, e) != 0)
            return -1;
        return listen_on(&sn, a->tr, bufsize, text, out, e);
    case VS_TR_TCP: {
        sockname names[MAX_TCP_NAMES];
        int n, rc = -1;
        if (tcp_names(a, 1, names, &n, e) != 0)
            return -1;
        for (int i = 0; i < n && rc != 0; i++)
            rc = listen_on(&names[i], a->tr, bufsize, text, out, e);
        return rc;
    }
    default:
        return vs_err_set(e, VS_ERR_UNSUPPORTED,
                          "hvsock: Hyper-V sockets are only available on Windows");
    }
}

int vs_sock_accept(vs_sock l, int timeout_ms, vs_sock *out, vs_err *e)
{
    struct pollfd p = { FD(l), POLLIN, 0 };
    int fd, rc;

    do {
        rc = poll(&p, 1, timeout_ms);
    } while (rc < 0 && errno == EINTR);
    if (rc == 0)
        return vs_err_set(e, VS_ERR_RUNTIME, "no connection within %d ms",
                          timeout_ms);
    if (rc < 0)
        return vs_err_set(e, VS_ERR_RUNTIME, "poll: %s", strerror(errno));
    fd = accept4(FD(l), NULL, NULL, SOCK_CLOEXEC);
    if (fd < 0)
        return vs_err_set(e, VS_ERR_RUNTIME, "accept: %s", strerror(errno));
    *out = fd;
    return 0;
}

/* Explain a failed connect the way a user can act on it. */
static int connect_error(int err, const char *text, int timeout_ms, vs_err *e)
{
    switch (err) {
    case ECONNREFUSED:
        return vs_err_set(e, VS_ERR_CONNECT,
                          "connection refused by %s: is 'vsbench serve' running "
                          "and listening there?", text);
    case ENOENT:
        return vs_err_set(e, VS_ERR_CONNECT,
                          "no socket at %s: is 'vsbench serve' listening there?",
                          text);
    case ETIMEDOUT:
        return vs_err_set(e, VS_ERR_CONNECT,
                          "no answer from %s within %d ms (host down, unreachable "
                          "or filtered)", text, timeout_ms);
    case EHOSTUNREACH:
    case ENETUNREACH:
        return vs_err_set(e, VS_ERR_CONNECT, "%s is unreachable: %s", text,
                          strerror(err));
    case ENODEV:
    case EAFNOSUPPORT:
        return vs_err_set(e, VS_ERR_UNSUPPORTED,
                          "%s: no vsock transport reaches that CID - load "
                          "vsock_loopback or run inside a VM", text);
    default:
        return vs_err_set(e, VS_ERR_CONNECT, "cannot connect to %s: %s", text,
                          strerror(err));
    }
}

static int set_nonblocking(int fd, int on)
{
    int fl = fcntl(fd, F_GETFL);

    if (fl < 0)
        return -1;
    return fcntl(fd, F_SETFL, on ? (fl | O_NONBLOCK) : (fl & ~O_NONBLOCK));
}

/* Non-blocking connect bounded by timeout_ms; returns 0 or an errno. */
static int connect_bounded(int fd, const sockname *sn, int timeout_ms)
{
    struct pollfd p = { fd, POLLOUT, 0 };
    int err = 0, rc;
    socklen_t len = sizeof err;

    if (set_nonblocking(fd, 1) != 0)
        return errno;
    if (connect(fd, (const struct sockaddr *)&sn->ss, sn->len) == 0)
        return set_nonblocking(fd, 0) == 0 ? 0 : errno;
    if (errno != EINPROGRESS)
        return errno;
    do {
        rc = poll(&p, 1, timeout_ms);
    } while (rc < 0 && errno == EINTR);
    if (rc == 0)
        return ETIMEDOUT;
    if (rc < 0)
        return errno;
    if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) != 0)
        return errno;
    if (err != 0)
        return err;
    return set_nonblocking(fd, 0) == 0 ? 0 : errno;
}

/* Refuse a vsock connection that would leave this machine through the
 * host transport although it is meant for this machine. */
int vs_vsock_peer_check(uint32_t cid, vs_err *e)
{
    uint32_t self;

    if (vsock_disabled())
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

static int connect_one(const sockname *sn, enum vs_transport tr, uint64_t bufsize,
                       int timeout_ms, const char *text, vs_sock *out, vs_err *e)
{
    int fd = open_socket(sn->family, e), err;

    if (fd < 0)
        return -1;
    if (vs_sock_set_bufsize(fd, tr, bufsize, e) != 0) {
        close(fd);
        return -1;
    }
    err = connect_bounded(fd, sn, timeout_ms);
    if (err != 0) {
        close(fd);
        return connect_error(err, text, timeout_ms, e);
    }
    *out = fd;
    return 0;
}

int vs_sock_connect(const vs_addr *a, uint64_t bufsize, int timeout_ms,
                    vs_sock *out, vs_err *e)
{
    char text[VS_HOST_MAX + 32];
    sockname sn;

    vs_addr_format(a, text, sizeof text);
    switch (a->tr) {
    case VS_TR_UNIX:
        unix_name(a, &sn);
        return connect_one(&sn, a->tr, bufsize, timeout_ms, text, out, e);
    case VS_TR_VSOCK:
        if (vsock_name(a, &sn, e) != 0 || vs_vsock_peer_check(a->cid, e) != 0)
            return -1;
        return connect_one(&sn, a->tr, bufsize, timeout_ms, text, out, e);
    case VS_TR_TCP: {
        sockname names[MAX_TCP_NAMES];
        int n, rc = -1;
        if (tcp_names(a, 0, names, &n, e) != 0)
            return -1;
        for (int i = 0; i < n && rc != 0; i++)
            rc = connect_one(&names[i], a->tr, bufsize, timeout_ms, text, out, e);
        return rc;
    }
    default:
        return vs_err_set(e, VS_ERR_UNSUPPORTED,
                          "hvsock: Hyper-V sockets are only available on Windows");
    }
}

int vs_sock_bound_addr(vs_sock s, enum vs_transport tr, vs_addr *out, vs_err *e)
{
    struct sockaddr_storage ss;
    socklen_t len = sizeof ss;

    memset(out, 0, sizeof *out);
    out->tr = tr;
    out->has_port = 1;
    if (getsockname(FD(s), (struct sockaddr *)&ss, &len) != 0)
        return vs_err_set(e, VS_ERR_RUNTIME, "getsockname: %s", strerror(errno));
    if (ss.ss_family == AF_INET) {
        struct sockaddr_in *in = (struct sockaddr_in *)&ss;
        inet_ntop(AF_INET, &in->sin_addr, out->host, sizeof out->host);
        out->port = ntohs(in->sin_port);
    } else if (ss.ss_family == AF_INET6) {
        struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)&ss;
        inet_ntop(AF_INET6, &in6->sin6_addr, out->host, sizeof out->host);
        out->port = ntohs(in6->sin6_port);
    } else if (ss.ss_family == AF_UNIX) {
        struct sockaddr_un *un = (struct sockaddr_un *)&ss;
        snprintf(out->path, sizeof out->path, "%s", un->sun_path);
        out->has_port = 0;
#if HAVE_VSOCK
    } else if (ss.ss_family == AF_VSOCK) {
        struct sockaddr_vm *vm = (struct sockaddr_vm *)&ss;
        out->cid = vm->svm_cid;
        out->port = vm->svm_port;
#endif
    } else {
        return vs_err_set(e, VS_ERR_RUNTIME, "unknown address family %d",
                          ss.ss_family);
    }
    return 0;
}

const char *vs_sock_peer_text(vs_sock s, char *buf, size_t n)
{
    struct sockaddr_storage ss;
    socklen_t len = sizeof ss;
    char host[INET6_ADDRSTRLEN];

    snprintf(buf, n, "?");
    if (getpeername(FD(s), (struct sockaddr *)&ss, &len) != 0)
        return buf;
    if (ss.ss_family == AF_INET) {
        struct sockaddr_in *in = (struct sockaddr_in *)&ss;
        inet_ntop(AF_INET, &in->sin_addr, host, sizeof host);
        snprintf(buf, n, "tcp:%s:%u", host, ntohs(in->sin_port));
    } else if (ss.ss_family == AF_INET6) {
        struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)&ss;
        inet_ntop(AF_INET6, &in6->sin6_addr, host, sizeof host);
        snprintf(buf, n, "tcp:[%s]:%u", host, ntohs(in6->sin6_port));
    } else if (ss.ss_family == AF_UNIX) {
        snprintf(buf, n, "unix client");
#if HAVE_VSOCK
    } else if (ss.ss_family == AF_VSOCK) {
        struct sockaddr_vm *vm = (struct sockaddr_vm *)&ss;
        snprintf(buf, n, "vsock:%u:%u", vm->svm_cid, vm->svm_port);
#endif
    }
    return buf;
}

/* ---- data ------------------------------------------------------------- */

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

int vs_sock_poll(vs_pollent *p, int n, int timeout_ms)
{
    struct pollfd fds[64];
    int rc;

    if (n > 64)
        n = 64;
    for (int i = 0; i < n; i++) {
        fds[i].fd = FD(p[i].sock);
        fds[i].events = p[i].want_read ? POLLIN : 0;
        fds[i].revents = 0;
    }
    rc = poll(fds, (nfds_t)n, timeout_ms);
    if (rc < 0)
        return errno == EINTR ? 0 : -1;
    for (int i = 0; i < n; i++)
        p[i].ready = (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) != 0;
    return rc;
}

int vs_sock_shutdown(vs_sock s, enum vs_shut how)
{
    return shutdown(FD(s), how == VS_SHUT_WR ? SHUT_WR : SHUT_RDWR);
}

void vs_sock_close(vs_sock s)
{
    if (s != VS_SOCK_NONE)
        close(FD(s));
}

void vs_sock_unlink_path(const vs_addr *a)
{
    if (a->tr == VS_TR_UNIX && a->path[0] != '\0')
        unlink(a->path);
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
