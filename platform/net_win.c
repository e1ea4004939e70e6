/*
 * net_win.c - the socket primitives of net_os.h and the OS-only parts of
 * net.h with Winsock 2. The flows (listen, connect, buffer sizes) are in
 * net.c.
 *
 * vsock means the VMware VMCI socket provider: its address family is not
 * a constant but is asked of the VMCI driver (\\.\VMCI) with
 * DeviceIoControl; its sockaddr_vm has no flags byte. hvsock means
 * Hyper-V sockets (AF_HYPERV, HV_PROTOCOL_RAW, GUID addresses).
 */
#include "platform/net.h"
#include "platform/net_os.h"
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

_Static_assert(sizeof(struct sockaddr_storage) <= sizeof(((vs_os_name *)0)->sa) &&
               sizeof(struct hv_sockaddr) <= sizeof(((vs_os_name *)0)->sa),
               "vs_os_name holds any sockaddr");

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

/* ---- VMCI and Hyper-V: what this machine has ----------------------------- */

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

    if (vs_net_vsock_disabled())
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
        if (vs_net_vsock_disabled()) { /* the same answer as on Linux */
            snprintf(why, n, "disabled by VSBENCH_NO_VSOCK");
            return 0;
        }
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

/* ---- error translation -------------------------------------------------- */

enum vs_os_err vs_os_err_kind(int err)
{
    switch (err) {
    case WSAEWOULDBLOCK:
    case WSAEINPROGRESS:
        return VS_OSE_IN_PROGRESS;
    case WSAECONNREFUSED:
        return VS_OSE_REFUSED;
    case ERROR_FILE_NOT_FOUND:
    case ERROR_PATH_NOT_FOUND:
        return VS_OSE_NO_ENTRY;
    case WSAETIMEDOUT:
        return VS_OSE_TIMED_OUT;
    case WSAEHOSTUNREACH:
    case WSAENETUNREACH:
        return VS_OSE_UNREACHABLE;
    case WSAEAFNOSUPPORT:
    case WSAEPFNOSUPPORT:
        return VS_OSE_NO_FAMILY;
    case WSAEADDRINUSE:
        return VS_OSE_ADDR_IN_USE;
    case WSAEACCES:
        return VS_OSE_ACCESS;
    case WSAEADDRNOTAVAIL:
        return VS_OSE_ADDR_NOT_AVAIL;
    case WSAEINTR:
        return VS_OSE_INTERRUPTED;
    case WSAEMFILE:
    case WSAENOBUFS:
        return VS_OSE_NO_RESOURCES;
    default:
        return VS_OSE_OTHER;
    }
}

/* ---- names -------------------------------------------------------------- */

static void unix_name(const vs_addr *a, vs_os_name *out)
{
    struct sockaddr_un *un = (struct sockaddr_un *)out->sa.bytes;

    un->sun_family = AF_UNIX;
    snprintf(un->sun_path, sizeof un->sun_path, "%s", a->path);
    out->len = (int)sizeof *un;
    out->family = AF_UNIX;
}

static int vmci_name(const vs_addr *a, vs_os_name *out, vs_err *e)
{
    struct vmci_sockaddr *vm = (struct vmci_sockaddr *)out->sa.bytes;

    if (vmci_family(&out->family, e) != 0)
        return -1;
    vm->svm_family = (unsigned short)out->family;
    vm->svm_cid = a->cid;
    vm->svm_port = a->port;
    out->len = (int)sizeof *vm;
    return 0;
}

static int hyperv_name(const vs_addr *a, vs_os_name *out, vs_err *e)
{
    struct hv_sockaddr *hv = (struct hv_sockaddr *)out->sa.bytes;

    hv->family = VS_AF_HYPERV;
    if (vs_hvsock_vmid_parse(a->host, &hv->vm_id, e) != 0)
        return -1;
    vs_hvsock_service_guid(a->port, &hv->service_id);
    out->len = (int)sizeof *hv;
    out->family = VS_AF_HYPERV;
    out->proto = VS_HV_PROTOCOL_RAW;
    return 0;
}

int vs_os_name_of(const vs_addr *a, vs_os_name *out, vs_err *e)
{
    memset(out, 0, sizeof *out);
    switch (a->tr) {
    case VS_TR_UNIX:
        unix_name(a, out);
        return 0;
    case VS_TR_VSOCK:
        return vmci_name(a, out, e);
    case VS_TR_HVSOCK:
        return hyperv_name(a, out, e);
    default:
        return vs_err_set(e, VS_ERR_RUNTIME, "internal error: not a tcp address");
    }
}

int vs_os_name_decode(const vs_os_name *sn, vs_addr *out)
{
    int vmci_af;
    vs_err e;

    if (sn->family == AF_UNIX) {
        const struct sockaddr_un *un = (const struct sockaddr_un *)sn->sa.bytes;
        out->tr = VS_TR_UNIX;
        snprintf(out->path, sizeof out->path, "%s", un->sun_path);
        out->has_port = 0;
    } else if (sn->family == VS_AF_HYPERV) {
        const struct hv_sockaddr *hv = (const struct hv_sockaddr *)sn->sa.bytes;
        out->tr = VS_TR_HVSOCK;
        vs_guid_format(&hv->vm_id, out->host, sizeof out->host);
        out->port = hv->service_id.d1;
    } else if (vmci_family(&vmci_af, &e) == 0 && sn->family == vmci_af) {
        const struct vmci_sockaddr *vm = (const struct vmci_sockaddr *)sn->sa.bytes;
        out->tr = VS_TR_VSOCK;
        out->cid = vm->svm_cid;
        out->port = vm->svm_port;
    } else {
        return -1;
    }
    return 0;
}

/* ---- system calls ------------------------------------------------------- */

int vs_os_socket(const vs_os_name *sn, vs_sock *out)
{
    SOCKET s = WSASocketW(sn->family, SOCK_STREAM, sn->proto, NULL, 0,
                          WSA_FLAG_OVERLAPPED | WSA_FLAG_NO_HANDLE_INHERIT);

    if (s == INVALID_SOCKET)
        return WSAGetLastError();
    *out = (vs_sock)s;
    return 0;
}

int vs_os_listen(vs_sock s, const vs_os_name *sn, int backlog)
{
    if (bind(SK(s), (const struct sockaddr *)sn->sa.bytes, sn->len) != 0 ||
        listen(SK(s), backlog) != 0)
        return WSAGetLastError();
    return 0;
}

int vs_os_accept(vs_sock l, vs_sock *out)
{
    SOCKET s = accept(SK(l), NULL, NULL);

    if (s == INVALID_SOCKET)
        return WSAGetLastError();
    *out = (vs_sock)s;
    return 0;
}

int vs_os_connect(vs_sock s, const vs_os_name *sn)
{
    return connect(SK(s), (const struct sockaddr *)sn->sa.bytes, sn->len) == 0
           ? 0 : WSAGetLastError();
}

int vs_os_sockname(vs_sock s, int peer, vs_os_name *out)
{
    int len = (int)sizeof out->sa.bytes, rc;

    memset(out, 0, sizeof *out);
    rc = peer ? getpeername(SK(s), (struct sockaddr *)out->sa.bytes, &len)
              : getsockname(SK(s), (struct sockaddr *)out->sa.bytes, &len);
    if (rc != 0)
        return WSAGetLastError();
    out->len = len;
    out->family = ((const struct sockaddr *)out->sa.bytes)->sa_family;
    return 0;
}

int vs_os_set_nonblocking(vs_sock s, int on)
{
    u_long v = on ? 1 : 0;

    return ioctlsocket(SK(s), FIONBIO, &v) == 0 ? 0 : WSAGetLastError();
}

int vs_os_poll(struct pollfd *fds, int n, int timeout_ms, int *ready)
{
    *ready = WSAPoll(fds, (ULONG)n, timeout_ms);
    return *ready < 0 ? WSAGetLastError() : 0;
}

void vs_os_close(vs_sock s)
{
    closesocket(SK(s));
}

/* ---- options ------------------------------------------------------------ */

int vs_os_opt_where(enum vs_os_opt opt, vs_os_optdef *out)
{
    vs_err e;

    switch (opt) {
    case VS_OPT_VSOCK_BUF: /* VMCI's level is its address family */
        *out = (vs_os_optdef){ 0, SO_VMCI_BUFFER_SIZE, "SO_VMCI_BUFFER_SIZE" };
        return vmci_family(&out->level, &e) == 0 ? 0 : WSAEAFNOSUPPORT;
    case VS_OPT_VSOCK_BUF_MAX:
        *out = (vs_os_optdef){ 0, SO_VMCI_BUFFER_MAX_SIZE, "SO_VMCI_BUFFER_MAX_SIZE" };
        return vmci_family(&out->level, &e) == 0 ? 0 : WSAEAFNOSUPPORT;
    case VS_OPT_LISTEN_ADDR:
        *out = (vs_os_optdef){ SOL_SOCKET, SO_EXCLUSIVEADDRUSE, "SO_EXCLUSIVEADDRUSE" };
        return 0;
    default:
        return WSAEAFNOSUPPORT;
    }
}

int vs_os_sockopt(vs_sock s, const vs_os_optdef *where, int get, void *val, int *len)
{
    if (get ? getsockopt(SK(s), where->level, where->name, (char *)val, len)
            : setsockopt(SK(s), where->level, where->name, (const char *)val, *len))
        return WSAGetLastError();
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

/* ---- data --------------------------------------------------------------- */

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

int vs_sock_shutdown(vs_sock s, enum vs_shut how)
{
    return shutdown(SK(s), how == VS_SHUT_WR ? SD_SEND : SD_BOTH);
}

int vs_sock_tcp_counters(vs_sock s, uint64_t *received, uint64_t *acked)
{
    (void)s;
    (void)received;
    (void)acked;
    return -1; /* SIO_TCP_INFO has no acknowledged-bytes figure */
}
