/*
 * net_win.c - net.h with Winsock 2.
 *
 * vsock means the VMware VMCI socket provider: its address family is not
 * a constant but is asked of the VMCI driver (\\.\VMCI) with
 * DeviceIoControl; its sockaddr_vm has no flags byte. hvsock means
 * Hyper-V sockets (AF_HYPERV, HV_PROTOCOL_RAW, GUID addresses).
 */
#include "platform/net.h"
#include "platform/hvsock.h"

#include <winsock2.h>
#include <ws2tcpip.h>
#include <afunix.h>
#include <windows.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SK(s) ((SOCKET)(s))

#define VMCI_DEVICE "\\\\.\\VMCI"
#define VMCI_IOCTL_VERSION 0x81032058
#define VMCI_IOCTL_GET_AF 0x81032068
#define VMCI_IOCTL_GET_CID 0x8103206c
#define SO_VMCI_BUFFER_SIZE 0
#define SO_VMCI_BUFFER_MAX_SIZE 2

#define VS_AF_HYPERV 34
#define VS_HV_PROTOCOL_RAW 1

/* VMCI's sockaddr on Windows: like Linux's sockaddr_vm without flags. */
struct vmci_sockaddr {
    unsigned short svm_family;
    unsigned short svm_reserved1;
    unsigned int svm_port;
    unsigned int svm_cid;
    unsigned char svm_zero[4];
};

/* Hyper-V's SOCKADDR_HV. */
struct hv_sockaddr {
    unsigned short family;
    unsigned short reserved;
    vs_guid vm_id;
    vs_guid service_id;
};

static int vsock_disabled(void)
{
    const char *v = getenv("VSBENCH_NO_VSOCK");
    return v != NULL && v[0] != '\0' && strcmp(v, "0") != 0;
}

int vs_net_init(vs_err *e)
{
    static int done;
    WSADATA wsa;
    int rc;

    if (done)
        return 0;
    rc = WSAStartup(MAKEWORD(2, 2), &wsa);
    if (rc != 0)
        return vs_err_set(e, VS_ERR_RUNTIME, "WSAStartup failed (error %d)", rc);
    done = 1;
    return 0;
}

int vs_sock_errno(void)
{
    return WSAGetLastError();
}

const char *vs_sock_strerror(int code, char *buf, size_t n)
{
    DWORD len = FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS,
                               NULL, (DWORD)code, 0, buf, (DWORD)n, NULL);

    while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == '\r' || buf[len - 1] == '.'))
        buf[--len] = '\0';
    if (len == 0)
        snprintf(buf, n, "Winsock error %d", code);
    return buf;
}

/* Ask the VMCI driver something; -1 when the driver is absent. */
static int vmci_ioctl(DWORD code, unsigned *value)
{
    HANDLE h = CreateFileA(VMCI_DEVICE, GENERIC_READ, 0, NULL, OPEN_EXISTING,
                           FILE_ATTRIBUTE_NORMAL, NULL);
    DWORD got = 0;
    unsigned v = 0;
    BOOL ok;

    if (h == INVALID_HANDLE_VALUE)
        return -1;
    ok = DeviceIoControl(h, code, &v, sizeof v, &v, sizeof v, &got, NULL);
    CloseHandle(h);
    if (!ok)
        return -1;
    *value = v;
    return 0;
}

static int vmci_family(int *af, vs_err *e)
{
    unsigned v;

    if (vsock_disabled())
        return vs_err_set(e, VS_ERR_UNSUPPORTED, "vsock: disabled by VSBENCH_NO_VSOCK");
    if (vmci_ioctl(VMCI_IOCTL_GET_AF, &v) != 0 || (int)v <= 0)
        return vs_err_set(e, VS_ERR_UNSUPPORTED,
                          "vsock: VMware Tools' VMCI driver not found (\\\\.\\VMCI); "
                          "install VMware Tools in this VM or use tcp");
    *af = (int)v;
    return 0;
}

int vs_vsock_local_cid(uint32_t *cid)
{
    unsigned v;

    if (vmci_ioctl(VMCI_IOCTL_GET_CID, &v) != 0 || v == 0xFFFFFFFFu)
        return -1;
    *cid = v;
    return 0;
}

int vs_vsock_loopback_present(void)
{
    return 0; /* VMCI routes to the local CID itself */
}

int vs_vsock_peer_check(uint32_t cid, vs_err *e)
{
    int af;

    (void)cid;
    return vmci_family(&af, e);
}

/* Can a socket of this family be created? */
static int family_works(int af, int proto)
{
    SOCKET s = socket(af, SOCK_STREAM, proto);

    if (s == INVALID_SOCKET)
        return 0;
    closesocket(s);
    return 1;
}

int vs_transport_probe(enum vs_transport tr, char *why, size_t n)
{
    int af;
    vs_err e;

    switch (tr) {
    case VS_TR_TCP:
        snprintf(why, n, "available");
        return 1;
    case VS_TR_UNIX:
        if (family_works(AF_UNIX, 0)) {
            snprintf(why, n, "available (AF_UNIX)");
            return 1;
        }
        snprintf(why, n, "AF_UNIX needs Windows 10 version 1803 or later");
        return 0;
    case VS_TR_VSOCK:
        if (vmci_family(&af, &e) != 0) {
            snprintf(why, n, "%s", e.msg);
            return 0;
        }
        snprintf(why, n, "available (VMware VMCI, address family %d)", af);
        return 1;
    default:
        if (family_works(VS_AF_HYPERV, VS_HV_PROTOCOL_RAW)) {
            snprintf(why, n, "available (AF_HYPERV)");
            return 1;
        }
        snprintf(why, n, "Hyper-V sockets not available: not a Hyper-V host or guest "
                 "(AF_HYPERV refused)");
        return 0;
    }
}

/* ---- address conversion ------------------------------------------------ */

typedef struct sockname {
    struct sockaddr_storage ss;
    int len;
    int family;
    int proto;
} sockname;

static int build_name(const vs_addr *a, sockname *sn, vs_err *e)
{
    memset(sn, 0, sizeof *sn);
    switch (a->tr) {
    case VS_TR_UNIX: {
        struct sockaddr_un *un = (struct sockaddr_un *)&sn->ss;
        un->sun_family = AF_UNIX;
        snprintf(un->sun_path, sizeof un->sun_path, "%s", a->path);
        sn->len = (int)sizeof *un;
        sn->family = AF_UNIX;
        return 0;
    }
    case VS_TR_VSOCK: {
        struct vmci_sockaddr *vm = (struct vmci_sockaddr *)&sn->ss;
        if (vmci_family(&sn->family, e) != 0)
            return -1;
        vm->svm_family = (unsigned short)sn->family;
        vm->svm_cid = a->cid;
        vm->svm_port = a->port;
        sn->len = (int)sizeof *vm;
        return 0;
    }
    case VS_TR_HVSOCK: {
        struct hv_sockaddr *hv = (struct hv_sockaddr *)&sn->ss;
        hv->family = VS_AF_HYPERV;
        if (vs_hvsock_vmid_parse(a->host, &hv->vm_id, e) != 0)
            return -1;
        vs_hvsock_service_guid(a->port, &hv->service_id);
        sn->len = (int)sizeof *hv;
        sn->family = VS_AF_HYPERV;
        sn->proto = VS_HV_PROTOCOL_RAW;
        return 0;
    }
    default:
        return vs_err_set(e, VS_ERR_RUNTIME, "internal error: not a tcp address");
    }
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
        return vs_err_set(e, VS_ERR_CONNECT, "cannot resolve host '%s' (error %d)",
                          a->host, rc);
    *n = 0;
    for (ai = res; ai != NULL && *n < MAX_TCP_NAMES; ai = ai->ai_next) {
        sockname *sn = &names[(*n)++];
        memset(sn, 0, sizeof *sn);
        memcpy(&sn->ss, ai->ai_addr, ai->ai_addrlen);
        sn->len = (int)ai->ai_addrlen;
        sn->family = ai->ai_family;
    }
    freeaddrinfo(res);
    return 0;
}

/* ---- buffer sizes ------------------------------------------------------ */

int vs_sock_set_bufsize(vs_sock s, enum vs_transport tr, uint64_t size, vs_err *e)
{
    char why[128];

    if (size == 0)
        return 0;
    if (tr == VS_TR_VSOCK) {
        unsigned long long v = size;
        int af;
        if (vmci_family(&af, e) != 0)
            return -1;
        if (setsockopt(SK(s), af, SO_VMCI_BUFFER_MAX_SIZE, (const char *)&v, sizeof v) != 0 ||
            setsockopt(SK(s), af, SO_VMCI_BUFFER_SIZE, (const char *)&v, sizeof v) != 0)
            return vs_err_set(e, VS_ERR_RUNTIME, "setsockopt(SO_VMCI_BUFFER_SIZE, %llu): %s",
                              v, vs_sock_strerror(WSAGetLastError(), why, sizeof why));
        return 0;
    }
    int v = size > 0x3FFFFFFFull ? 0x3FFFFFFF : (int)size;
    if (setsockopt(SK(s), SOL_SOCKET, SO_SNDBUF, (const char *)&v, sizeof v) != 0 ||
        setsockopt(SK(s), SOL_SOCKET, SO_RCVBUF, (const char *)&v, sizeof v) != 0)
        return vs_err_set(e, VS_ERR_RUNTIME, "setsockopt(SO_SNDBUF/SO_RCVBUF, %d): %s", v,
                          vs_sock_strerror(WSAGetLastError(), why, sizeof why));
    return 0;
}

int vs_sock_get_bufsize(vs_sock s, enum vs_transport tr, vs_bufsize *out, vs_err *e)
{
    char why[128];

    if (tr == VS_TR_VSOCK) {
        unsigned long long v = 0;
        int len = sizeof v, af;
        if (vmci_family(&af, e) != 0)
            return -1;
        if (getsockopt(SK(s), af, SO_VMCI_BUFFER_SIZE, (char *)&v, &len) != 0)
            return vs_err_set(e, VS_ERR_RUNTIME, "getsockopt(SO_VMCI_BUFFER_SIZE): %s",
                              vs_sock_strerror(WSAGetLastError(), why, sizeof why));
        out->snd = out->rcv = v;
        return 0;
    }
    int snd = 0, rcv = 0, l1 = sizeof snd, l2 = sizeof rcv;
    if (getsockopt(SK(s), SOL_SOCKET, SO_SNDBUF, (char *)&snd, &l1) != 0 ||
        getsockopt(SK(s), SOL_SOCKET, SO_RCVBUF, (char *)&rcv, &l2) != 0)
        return vs_err_set(e, VS_ERR_RUNTIME, "getsockopt(SO_SNDBUF/SO_RCVBUF): %s",
                          vs_sock_strerror(WSAGetLastError(), why, sizeof why));
    out->snd = (uint64_t)snd;
    out->rcv = (uint64_t)rcv;
    return 0;
}

int vs_sock_buf_limit(enum vs_transport tr, int snd, char *name, size_t n,
                      uint64_t *value)
{
    (void)tr;
    (void)snd;
    (void)name;
    (void)n;
    *value = 0;
    return 0; /* Windows has no system-wide cap like net.core.wmem_max */
}

int vs_sock_set_timeouts(vs_sock s, int ms, vs_err *e)
{
    DWORD v = (DWORD)ms;

    if (setsockopt(SK(s), SOL_SOCKET, SO_RCVTIMEO, (const char *)&v, sizeof v) != 0 ||
        setsockopt(SK(s), SOL_SOCKET, SO_SNDTIMEO, (const char *)&v, sizeof v) != 0)
        return vs_err_set(e, VS_ERR_RUNTIME, "setting socket timeouts failed (error %d)",
                          WSAGetLastError());
    return 0;
}

/* ---- listen / accept / connect ---------------------------------------- */

static int open_socket(const sockname *sn, SOCKET *out, vs_err *e)
{
    char why[128];
    SOCKET s = WSASocketW(sn->family, SOCK_STREAM, sn->proto, NULL, 0,
                          WSA_FLAG_OVERLAPPED | WSA_FLAG_NO_HANDLE_INHERIT);

    if (s != INVALID_SOCKET) {
        *out = s;
        return 0;
    }
    if (WSAGetLastError() == WSAEAFNOSUPPORT)
        return vs_err_set(e, VS_ERR_UNSUPPORTED, "address family %d not supported here",
                          sn->family);
    return vs_err_set(e, VS_ERR_RUNTIME, "socket(): %s",
                      vs_sock_strerror(WSAGetLastError(), why, sizeof why));
}

static int listen_on(const sockname *sn, enum vs_transport tr, uint64_t bufsize,
                     const char *text, vs_sock *out, vs_err *e)
{
    char why[128];
    SOCKET s;
    BOOL one = TRUE;

    if (open_socket(sn, &s, e) != 0)
        return -1;
    if (sn->family == AF_INET || sn->family == AF_INET6)
        (void)setsockopt(s, SOL_SOCKET, SO_EXCLUSIVEADDRUSE, (const char *)&one,
                         sizeof one); /* hardening only; bind reports conflicts */
    if (vs_sock_set_bufsize((vs_sock)s, tr, bufsize, e) != 0)
        goto fail;
    if (bind(s, (const struct sockaddr *)&sn->ss, sn->len) != 0) {
        vs_err_set(e, VS_ERR_USAGE, "cannot listen on %s: %s", text,
                   vs_sock_strerror(WSAGetLastError(), why, sizeof why));
        goto fail;
    }
    if (listen(s, 128) != 0) {
        vs_err_set(e, VS_ERR_RUNTIME, "listen on %s: %s", text,
                   vs_sock_strerror(WSAGetLastError(), why, sizeof why));
        goto fail;
    }
    *out = (vs_sock)s;
    return 0;
fail:
    closesocket(s);
    return -1;
}

int vs_sock_listen(const vs_addr *a, uint64_t bufsize, vs_sock *out, vs_err *e)
{
    char text[VS_HOST_MAX + 32];
    sockname sn;

    vs_addr_format(a, text, sizeof text);
    if (a->tr != VS_TR_TCP) {
        if (build_name(a, &sn, e) != 0)
            return -1;
        return listen_on(&sn, a->tr, bufsize, text, out, e);
    }
    sockname names[MAX_TCP_NAMES];
    int n, rc = -1;
    if (tcp_names(a, 1, names, &n, e) != 0)
        return -1;
    for (int i = 0; i < n && rc != 0; i++)
        rc = listen_on(&names[i], a->tr, bufsize, text, out, e);
    return rc;
}

int vs_sock_accept(vs_sock l, int timeout_ms, vs_sock *out, vs_err *e)
{
    WSAPOLLFD p = { SK(l), POLLRDNORM, 0 };
    char why[128];
    SOCKET s;
    int rc = WSAPoll(&p, 1, timeout_ms);

    if (rc == 0)
        return vs_err_set(e, VS_ERR_RUNTIME, "no connection within %d ms", timeout_ms);
    if (rc < 0)
        return vs_err_set(e, VS_ERR_RUNTIME, "poll: %s",
                          vs_sock_strerror(WSAGetLastError(), why, sizeof why));
    s = accept(SK(l), NULL, NULL);
    if (s == INVALID_SOCKET)
        return vs_err_set(e, VS_ERR_RUNTIME, "accept: %s",
                          vs_sock_strerror(WSAGetLastError(), why, sizeof why));
    *out = (vs_sock)s;
    return 0;
}

static int connect_error(int err, const char *text, int timeout_ms, vs_err *e)
{
    char why[128];

    switch (err) {
    case WSAECONNREFUSED:
        return vs_err_set(e, VS_ERR_CONNECT, "connection refused by %s: is 'vsbench serve' "
                          "running and listening there?", text);
    case WSAETIMEDOUT:
        return vs_err_set(e, VS_ERR_CONNECT, "no answer from %s within %d ms (host down, "
                          "unreachable or filtered)", text, timeout_ms);
    case WSAEHOSTUNREACH:
    case WSAENETUNREACH:
        return vs_err_set(e, VS_ERR_CONNECT, "%s is unreachable: %s", text,
                          vs_sock_strerror(err, why, sizeof why));
    default:
        return vs_err_set(e, VS_ERR_CONNECT, "cannot connect to %s: %s", text,
                          vs_sock_strerror(err, why, sizeof why));
    }
}

/* Non-blocking connect bounded by timeout_ms; 0 or a Winsock error. */
static int connect_bounded(SOCKET s, const sockname *sn, int timeout_ms)
{
    u_long on = 1, off = 0;
    WSAPOLLFD p = { s, POLLWRNORM, 0 };
    int err = 0, len = sizeof err, rc;

    if (ioctlsocket(s, FIONBIO, &on) != 0)
        return WSAGetLastError();
    if (connect(s, (const struct sockaddr *)&sn->ss, sn->len) != 0) {
        if (WSAGetLastError() != WSAEWOULDBLOCK)
            return WSAGetLastError();
        rc = WSAPoll(&p, 1, timeout_ms);
        if (rc == 0)
            return WSAETIMEDOUT;
        if (rc < 0)
            return WSAGetLastError();
        if (getsockopt(s, SOL_SOCKET, SO_ERROR, (char *)&err, &len) != 0)
            return WSAGetLastError();
        if (err != 0)
            return err;
    }
    return ioctlsocket(s, FIONBIO, &off) == 0 ? 0 : WSAGetLastError();
}

static int connect_one(const sockname *sn, enum vs_transport tr, uint64_t bufsize,
                       int timeout_ms, const char *text, vs_sock *out, vs_err *e)
{
    SOCKET s;
    int err;

    if (open_socket(sn, &s, e) != 0)
        return -1;
    if (vs_sock_set_bufsize((vs_sock)s, tr, bufsize, e) != 0) {
        closesocket(s);
        return -1;
    }
    err = connect_bounded(s, sn, timeout_ms);
    if (err != 0) {
        closesocket(s);
        return connect_error(err, text, timeout_ms, e);
    }
    *out = (vs_sock)s;
    return 0;
}

int vs_sock_connect(const vs_addr *a, uint64_t bufsize, int timeout_ms, vs_sock *out,
                    vs_err *e)
{
    char text[VS_HOST_MAX + 32];
    sockname sn;

    vs_addr_format(a, text, sizeof text);
    if (a->tr != VS_TR_TCP) {
        if (build_name(a, &sn, e) != 0)
            return -1;
        return connect_one(&sn, a->tr, bufsize, timeout_ms, text, out, e);
    }
    sockname names[MAX_TCP_NAMES];
    int n, rc = -1;
    if (tcp_names(a, 0, names, &n, e) != 0)
        return -1;
    for (int i = 0; i < n && rc != 0; i++)
        rc = connect_one(&names[i], a->tr, bufsize, timeout_ms, text, out, e);
    return rc;
}

int vs_sock_bound_addr(vs_sock s, enum vs_transport tr, vs_addr *out, vs_err *e)
{
    struct sockaddr_storage ss;
    int len = sizeof ss;

    memset(out, 0, sizeof *out);
    out->tr = tr;
    out->has_port = 1;
    if (getsockname(SK(s), (struct sockaddr *)&ss, &len) != 0)
        return vs_err_set(e, VS_ERR_RUNTIME, "getsockname failed (error %d)",
                          WSAGetLastError());
    if (ss.ss_family == AF_INET) {
        struct sockaddr_in *in = (struct sockaddr_in *)&ss;
        inet_ntop(AF_INET, &in->sin_addr, out->host, sizeof out->host);
        out->port = ntohs(in->sin_port);
    } else if (ss.ss_family == AF_INET6) {
        struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)&ss;
        inet_ntop(AF_INET6, &in6->sin6_addr, out->host, sizeof out->host);
        out->port = ntohs(in6->sin6_port);
    } else if (ss.ss_family == AF_UNIX) {
        out->has_port = 0;
    } else if (tr == VS_TR_VSOCK) {
        struct vmci_sockaddr *vm = (struct vmci_sockaddr *)&ss;
        out->cid = vm->svm_cid;
        out->port = vm->svm_port;
    } else if (tr == VS_TR_HVSOCK) {
        struct hv_sockaddr *hv = (struct hv_sockaddr *)&ss;
        vs_guid_format(&hv->vm_id, out->host, sizeof out->host);
        out->port = hv->service_id.d1;
    }
    return 0;
}

const char *vs_sock_peer_text(vs_sock s, char *buf, size_t n)
{
    struct sockaddr_storage ss;
    int len = sizeof ss;
    char host[INET6_ADDRSTRLEN];

    snprintf(buf, n, "?");
    if (getpeername(SK(s), (struct sockaddr *)&ss, &len) != 0)
        return buf;
    if (ss.ss_family == AF_INET) {
        struct sockaddr_in *in = (struct sockaddr_in *)&ss;
        inet_ntop(AF_INET, &in->sin_addr, host, sizeof host);
        snprintf(buf, n, "tcp:%s:%u", host, ntohs(in->sin_port));
    } else if (ss.ss_family == AF_INET6) {
        struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)&ss;
        inet_ntop(AF_INET6, &in6->sin6_addr, host, sizeof host);
        snprintf(buf, n, "tcp:[%s]:%u", host, ntohs(in6->sin6_port));
    } else {
        snprintf(buf, n, "peer (family %d)", ss.ss_family);
    }
    return buf;
}

/* ---- data ------------------------------------------------------------- */

long vs_sock_send(vs_sock s, const void *buf, size_t len)
{
    int n = send(SK(s), (const char *)buf, len > 0x7FFFFFFF ? 0x7FFFFFFF : (int)len, 0);
    return n == SOCKET_ERROR ? -1 : (long)n;
}

long vs_sock_recv(vs_sock s, void *buf, size_t len)
{
    int n = recv(SK(s), (char *)buf, len > 0x7FFFFFFF ? 0x7FFFFFFF : (int)len, 0);
    return n == SOCKET_ERROR ? -1 : (long)n;
}

int vs_sock_poll(vs_pollent *p, int n, int timeout_ms)
{
    WSAPOLLFD fds[64];
    int rc;

    if (n > 64)
        n = 64;
    for (int i = 0; i < n; i++) {
        fds[i].fd = SK(p[i].sock);
        fds[i].events = p[i].want_read ? POLLRDNORM : 0;
        fds[i].revents = 0;
    }
    rc = WSAPoll(fds, (ULONG)n, timeout_ms);
    if (rc < 0)
        return -1;
    for (int i = 0; i < n; i++)
        p[i].ready = (fds[i].revents & (POLLRDNORM | POLLHUP | POLLERR)) != 0;
    return rc;
}

int vs_sock_shutdown(vs_sock s, enum vs_shut how)
{
    return shutdown(SK(s), how == VS_SHUT_WR ? SD_SEND : SD_BOTH);
}

void vs_sock_close(vs_sock s)
{
    if (s != VS_SOCK_NONE)
        closesocket(SK(s));
}

void vs_sock_unlink_path(const vs_addr *a)
{
    if (a->tr == VS_TR_UNIX && a->path[0] != '\0')
        DeleteFileA(a->path);
}

int vs_sock_tcp_counters(vs_sock s, uint64_t *received, uint64_t *acked)
{
    (void)s;
    (void)received;
    (void)acked;
    return -1; /* SIO_TCP_INFO has no acknowledged-bytes figure */
}
