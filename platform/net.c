/*
 * net.c - the flows of net.h, written once for every OS and transport.
 *
 * Resolving an address into socket names, listening, accepting,
 * connecting within a timeout, setting and reading back buffer sizes, and
 * every message a user reads live here; the system calls they make are
 * the primitives of net_os.h (net_posix.c, net_win.c). One path
 * (open_any) listens or connects for tcp (IPv4, IPv6), unix, vsock and hvsock.
 *
 * Error policy, the same on every OS (the tables bind_policy and
 * connect_policy below; every message names the address):
 *   listen: address in use, permission denied, not an address of this
 *           machine, or a missing directory of a unix socket are the
 *           user's choice -> VS_ERR_USAGE, saying what to change; any
 *           other failure -> VS_ERR_RUNTIME.
 *   socket: the address family missing for vsock, unix or hvsock ->
 *           VS_ERR_UNSUPPORTED.
 *   connect: VS_ERR_CONNECT (refused, no socket file, timed out and
 *           unreachable each with their advice), except a vsock CID that
 *           no transport reaches -> VS_ERR_UNSUPPORTED.
 */
#include "platform/net.h"
#include "platform/fs.h"
#include "platform/net_os.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The resolver (getaddrinfo, getnameinfo) and the option names SO_SNDBUF,
 * SO_RCVBUF, SO_ERROR and TCP_NODELAY, and struct pollfd are BSD's on both
 * systems (Winsock 2 took them over); only the headers differ. The system
 * calls themselves are the primitives of net_os.h. */
#ifdef _WIN32
#include <winsock2.h>
#include <ws2tcpip.h>
#else
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#endif

#define MAX_NAMES 8   /* socket names tried for one address */
#define BACKLOG 128
#define TEXT_MAX (VS_HOST_MAX + 32)

int vs_net_vsock_disabled(void)
{
    const char *v = getenv("VSBENCH_NO_VSOCK");
    return v != NULL && v[0] != '\0' && strcmp(v, "0") != 0;
}

/* ---- names ------------------------------------------------------------- */

/* Resolve a tcp address into at most `max` socket names, in the order
 * getaddrinfo gives them (callers try each until one works). */
static int tcp_names(const vs_addr *a, int passive, vs_os_name *names, int max,
                     int *n, vs_err *e)
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
    for (ai = res; ai != NULL && *n < max; ai = ai->ai_next) {
        vs_os_name *sn = &names[*n];
        if (ai->ai_addrlen > sizeof sn->sa.bytes)
            continue;
        memset(sn, 0, sizeof *sn);
        memcpy(sn->sa.bytes, ai->ai_addr, ai->ai_addrlen);
        sn->len = (int)ai->ai_addrlen;
        sn->family = ai->ai_family;
        (*n)++;
    }
    freeaddrinfo(res);
    if (*n == 0)
        return vs_err_set(e, VS_ERR_CONNECT, "host '%s' has no usable address",
                          a->host);
    return 0;
}

/* Every socket name an address stands for: one for unix, vsock and
 * hvsock, one per resolved address for tcp. VSBENCH_NO_VSOCK is checked
 * here, before any vsock socket exists. */
static int names_of(const vs_addr *a, int passive, vs_os_name *names, int *n,
                    vs_err *e)
{
    if (a->tr == VS_TR_TCP)
        return tcp_names(a, passive, names, MAX_NAMES, n, e);
    if (a->tr == VS_TR_VSOCK && vs_net_vsock_disabled())
        return vs_err_set(e, VS_ERR_UNSUPPORTED, "vsock: disabled by VSBENCH_NO_VSOCK");
    *n = 1;
    return vs_os_name_of(a, &names[0], e);
}

/* A socket name as an address: tcp through getnameinfo, the rest through
 * the OS's decoder. -1 for a family none of them knows. */
static int name_decode(const vs_os_name *sn, vs_addr *out)
{
    char port[16];

    memset(out, 0, sizeof *out);
    out->has_port = 1;
    if (sn->family != AF_INET && sn->family != AF_INET6)
        return vs_os_name_decode(sn, out);
    out->tr = VS_TR_TCP;
    if (getnameinfo((const struct sockaddr *)sn->sa.bytes, (socklen_t)sn->len,
                    out->host, sizeof out->host, port, sizeof port,
                    NI_NUMERICHOST | NI_NUMERICSERV) != 0)
        return -1;
    out->port = (uint32_t)strtoul(port, NULL, 10);
    return 0;
}

/* ---- options ----------------------------------------------------------- */

/* Where an option lives: the BSD names every OS shares, the others from
 * the OS. */
static int opt_where(enum vs_os_opt opt, vs_os_optdef *out)
{
    switch (opt) {
    case VS_OPT_SNDBUF:
        *out = (vs_os_optdef){ SOL_SOCKET, SO_SNDBUF, "SO_SNDBUF" };
        return 0;
    case VS_OPT_RCVBUF:
        *out = (vs_os_optdef){ SOL_SOCKET, SO_RCVBUF, "SO_RCVBUF" };
        return 0;
    case VS_OPT_NODELAY:
        *out = (vs_os_optdef){ IPPROTO_TCP, TCP_NODELAY, "TCP_NODELAY" };
        return 0;
    case VS_OPT_ERROR:
        *out = (vs_os_optdef){ SOL_SOCKET, SO_ERROR, "SO_ERROR" };
        return 0;
    default:
        *out = (vs_os_optdef){ 0, 0, "vsock buffer size" }; /* if the OS has none */
        return vs_os_opt_where(opt, out);
    }
}

/* The vsock buffer options take 64-bit values, every other one an int. */
static int opt_is_wide(enum vs_os_opt opt)
{
    return opt == VS_OPT_VSOCK_BUF || opt == VS_OPT_VSOCK_BUF_MAX;
}

/* Set (get = 0) or read (get = 1) an option; 0 or an OS error code. */
static int opt_io(vs_sock s, enum vs_os_opt opt, int get, uint64_t *v,
                  const char **name)
{
    int narrow = *v > 0x3FFFFFFFu ? 0x3FFFFFFF : (int)*v; /* what an int takes */
    int len = opt_is_wide(opt) ? (int)sizeof *v : (int)sizeof narrow;
    vs_os_optdef where;
    int err = opt_where(opt, &where);

    *name = where.text;
    if (err == 0)
        err = vs_os_sockopt(s, &where, get, opt_is_wide(opt) ? (void *)v : (void *)&narrow,
                            &len);
    if (err == 0 && get && !opt_is_wide(opt))
        *v = narrow < 0 ? 0 : (uint64_t)narrow;
    return err;
}

static int set_opt(vs_sock s, enum vs_os_opt opt, uint64_t v, vs_err *e)
{
    char why[128];
    const char *name;
    int err = opt_io(s, opt, 0, &v, &name);

    if (err != 0)
        return vs_err_set(e, VS_ERR_RUNTIME, "setsockopt(%s, %llu): %s", name,
                          (unsigned long long)v, vs_sock_strerror(err, why, sizeof why));
    return 0;
}

static int get_opt(vs_sock s, enum vs_os_opt opt, uint64_t *v, vs_err *e)
{
    char why[128];
    const char *name;
    int err;

    *v = 0;
    err = opt_io(s, opt, 1, v, &name);
    if (err != 0)
        return vs_err_set(e, VS_ERR_RUNTIME, "getsockopt(%s): %s", name,
                          vs_sock_strerror(err, why, sizeof why));
    return 0;
}

int vs_sock_set_bufsize(vs_sock s, enum vs_transport tr, uint64_t size, vs_err *e)
{
    if (size == 0)
        return 0;
    if (tr == VS_TR_VSOCK) /* the maximum first, or the size is clamped */
        return set_opt(s, VS_OPT_VSOCK_BUF_MAX, size, e) != 0 ||
               set_opt(s, VS_OPT_VSOCK_BUF, size, e) != 0 ? -1 : 0;
    return set_opt(s, VS_OPT_SNDBUF, size, e) != 0 ||
           set_opt(s, VS_OPT_RCVBUF, size, e) != 0 ? -1 : 0;
}

int vs_sock_get_bufsize(vs_sock s, enum vs_transport tr, vs_bufsize *out, vs_err *e)
{
    if (tr == VS_TR_VSOCK) {
        out->snd = 0;
        if (get_opt(s, VS_OPT_VSOCK_BUF, &out->snd, e) != 0)
            return -1;
        out->rcv = out->snd;
        return 0;
    }
    if (get_opt(s, VS_OPT_SNDBUF, &out->snd, e) != 0)
        return -1;
    return get_opt(s, VS_OPT_RCVBUF, &out->rcv, e);
}

int vs_sock_set_nodelay(vs_sock s, enum vs_transport tr, vs_err *e)
{
    /* Only TCP coalesces small writes: AF_UNIX and AF_VSOCK (virtio, VMCI,
     * Hyper-V) queue every write for the peer at once, flow control aside,
     * and have no TCP_NODELAY. */
    return tr == VS_TR_TCP ? set_opt(s, VS_OPT_NODELAY, 1, e) : 0;
}

int vs_sock_get_nodelay(vs_sock s, enum vs_transport tr, int *on, vs_err *e)
{
    uint64_t v = 1;

    if (tr == VS_TR_TCP && get_opt(s, VS_OPT_NODELAY, &v, e) != 0)
        return -1;
    *on = v != 0;
    return 0;
}

/* ---- waiting ------------------------------------------------------------ */

#define POLL_MAX 256 /* the server's listeners and its lobby (runner/lobby.h) */

int vs_sock_poll(vs_pollent *p, int n, int timeout_ms)
{
    struct pollfd fds[POLL_MAX];
    int ready, err;

    if (n > POLL_MAX)
        n = POLL_MAX;
    for (int i = 0; i < n; i++)
        fds[i] = (struct pollfd){ .fd = p[i].sock, .events = p[i].want_read ? POLLIN : 0 };
    err = vs_os_poll(fds, n, timeout_ms, &ready);
    if (err != 0)
        return vs_os_err_kind(err) == VS_OSE_INTERRUPTED ? 0 : -1;
    for (int i = 0; i < n; i++)
        p[i].ready = (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) != 0;
    return ready;
}

/* Wait until `s` has one of `events` (POLLIN, POLLOUT), timeout_ms at most
 * (-1 = forever; a signal restarts the wait): 1 when it has, 0 on timeout,
 * -1 on error with the OS code in *err. */
static int wait_one(vs_sock s, short events, int timeout_ms, int *err)
{
    struct pollfd p = { .fd = s, .events = events };
    int ready = 0;

    do {
        *err = vs_os_poll(&p, 1, timeout_ms, &ready);
    } while (*err != 0 && vs_os_err_kind(*err) == VS_OSE_INTERRUPTED);
    return *err != 0 ? -1 : ready > 0;
}

/* ---- listen and connect: one path ---------------------------------------- */

/* One listen or connect as the caller asked for it. */
typedef struct sock_req {
    const vs_addr *a;
    uint64_t bufsize;    /* 0 = the system's default */
    int timeout_ms;      /* connect only */
    int listen;          /* 1: bind and listen; 0: connect */
    char text[TEXT_MAX]; /* the address, for messages */
} sock_req;

/* A socket for `sn`, with a message naming the transport when its
 * address family is missing on this machine. */
static int open_socket(const vs_os_name *sn, enum vs_transport tr, vs_sock *out,
                       vs_err *e)
{
    char why[128];
    int err = vs_os_socket(sn, out);

    if (err == 0)
        return 0;
    if (vs_os_err_kind(err) != VS_OSE_NO_FAMILY || tr == VS_TR_TCP)
        return vs_err_set(e, VS_ERR_RUNTIME, "socket(): %s",
                          vs_sock_strerror(err, why, sizeof why));
    if (tr == VS_TR_VSOCK)
        return vs_err_set(e, VS_ERR_UNSUPPORTED,
                          "vsock: address family not supported - load "
                          "vsock_loopback or run inside a VM");
    return vs_err_set(e, VS_ERR_UNSUPPORTED, "%s: address family not supported "
                      "on this machine ('vsbench info' says why)",
                      vs_transport_name(tr));
}

/* The error policy, one table per operation: what a kind of failure means
 * to a user and what to do about it. The last row catches the rest. */
typedef struct policy {
    enum vs_os_err kind;
    int code;           /* enum vs_code */
    const char *advice; /* after the OS's words; NULL: nothing to add */
} policy;

static const policy bind_policy[] = {
    { VS_OSE_ADDR_IN_USE, VS_ERR_USAGE, "another server (or a stale unix socket "
      "file) holds it: stop that or choose another port or path" },
    { VS_OSE_ACCESS, VS_ERR_USAGE, "ports below 1024 need privileges (choose a "
      "higher one); a unix socket needs a directory you may write to" },
    { VS_OSE_ADDR_NOT_AVAIL, VS_ERR_USAGE, "not an address of this machine: use "
      "one of its own, or any" },
    { VS_OSE_NO_ENTRY, VS_ERR_USAGE, "the unix socket's directory does not exist" },
    { VS_OSE_OTHER, VS_ERR_RUNTIME, NULL },
};

static const policy connect_policy[] = {
    { VS_OSE_REFUSED, VS_ERR_CONNECT, "is 'vsbench serve' running and listening there?" },
    { VS_OSE_NO_ENTRY, VS_ERR_CONNECT, "is 'vsbench serve' listening on that path?" },
    { VS_OSE_TIMED_OUT, VS_ERR_CONNECT, "host down, unreachable or filtered "
      "(--timeout waits longer)" },
    { VS_OSE_UNREACHABLE, VS_ERR_CONNECT, "check the address and the route to it" },
    { VS_OSE_NO_FAMILY, VS_ERR_UNSUPPORTED, "no vsock transport reaches that CID: "
      "load vsock_loopback or run inside a VM" },
    { VS_OSE_OTHER, VS_ERR_CONNECT, NULL },
};

/* Report a failure of kind `kind` (the OS's words: `why`) of `what`
 * ("cannot listen on tcp:...") as policy `p` says. */
static int explain(const policy *p, enum vs_os_err kind, const char *why,
                   const char *what, vs_err *e)
{
    while (p->kind != VS_OSE_OTHER && p->kind != kind)
        p++;
    if (p->advice == NULL)
        return vs_err_set(e, p->code, "%s: %s", what, why);
    return vs_err_set(e, p->code, "%s: %s - %s", what, why, p->advice);
}

static int bind_and_listen(vs_sock s, const vs_os_name *sn, const sock_req *r,
                           vs_err *e)
{
    char what[TEXT_MAX + 32], why[128];
    int err = vs_os_listen(s, sn, BACKLOG);

    if (err == 0)
        return 0;
    snprintf(what, sizeof what, "cannot listen on %s", r->text);
    return explain(bind_policy, vs_os_err_kind(err), vs_sock_strerror(err, why, sizeof why),
                   what, e);
}

/* A non-blocking connect bounded by timeout_ms, the socket left blocking
 * again: 1 connected, 0 timed out, -1 failed with an OS code in *err. */
static int connect_within(vs_sock s, const vs_os_name *sn, int timeout_ms, int *err)
{
    uint64_t pending = 0;
    const char *name;
    int rc = 1;

    *err = vs_os_set_nonblocking(s, 1);
    if (*err == 0)
        *err = vs_os_connect(s, sn);
    if (*err != 0 && vs_os_err_kind(*err) == VS_OSE_IN_PROGRESS)
        rc = wait_one(s, POLLOUT, timeout_ms, err);
    if (rc == 0)
        return 0;
    if (*err == 0)
        *err = opt_io(s, VS_OPT_ERROR, 1, &pending, &name);
    if (*err == 0)
        *err = (int)pending; /* how the connect ended */
    if (*err == 0)
        *err = vs_os_set_nonblocking(s, 0);
    return *err == 0 ? 1 : -1;
}

static int connect_bounded(vs_sock s, const vs_os_name *sn, const sock_req *r,
                           vs_err *e)
{
    char what[TEXT_MAX + 32], why[128];
    int err = 0, rc = connect_within(s, sn, r->timeout_ms, &err);

    if (rc == 1)
        return 0;
    snprintf(what, sizeof what, "cannot connect to %s", r->text);
    if (rc == 0) {
        snprintf(why, sizeof why, "no answer within %d ms", r->timeout_ms);
        return explain(connect_policy, VS_OSE_TIMED_OUT, why, what, e);
    }
    return explain(connect_policy, vs_os_err_kind(err), vs_sock_strerror(err, why, sizeof why),
                   what, e);
}

/* Listen or connect on one socket name. Buffer sizes are set before bind
 * (accepted sockets inherit them: TCP window scaling needs that) and
 * before connect. */
static int open_one(const vs_os_name *sn, const sock_req *r, vs_sock *out, vs_err *e)
{
    enum vs_transport tr = r->a->tr;
    vs_sock s;

    if (open_socket(sn, tr, &s, e) != 0)
        return -1;
    if ((r->listen && tr == VS_TR_TCP && set_opt(s, VS_OPT_LISTEN_ADDR, 1, e) != 0) ||
        vs_sock_set_bufsize(s, tr, r->bufsize, e) != 0 ||
        (r->listen ? bind_and_listen(s, sn, r, e) : connect_bounded(s, sn, r, e)) != 0) {
        vs_os_close(s);
        return -1;
    }
    *out = s;
    return 0;
}

/* Every socket name of the address in turn until one works; the last
 * failure is the one reported. A vsock peer is checked first. */
static int open_any(sock_req *r, vs_sock *out, vs_err *e)
{
    vs_os_name names[MAX_NAMES];
    int n, rc = -1;

    vs_addr_format(r->a, r->text, sizeof r->text);
    if (names_of(r->a, r->listen, names, &n, e) != 0)
        return -1;
    if (!r->listen && r->a->tr == VS_TR_VSOCK && vs_vsock_peer_check(r->a->cid, e) != 0)
        return -1;
    for (int i = 0; i < n && rc != 0; i++)
        rc = open_one(&names[i], r, out, e);
    return rc;
}

int vs_sock_listen(const vs_addr *a, uint64_t bufsize, vs_sock *out, vs_err *e)
{
    sock_req r = { a, bufsize, 0, 1, "" };

    return open_any(&r, out, e);
}

int vs_sock_connect(const vs_addr *a, uint64_t bufsize, int timeout_ms,
                    vs_sock *out, vs_err *e)
{
    sock_req r = { a, bufsize, timeout_ms, 0, "" };

    return open_any(&r, out, e);
}

int vs_sock_accept(vs_sock l, int timeout_ms, vs_sock *out, vs_err *e)
{
    char why[128];
    int err = 0, rc = wait_one(l, POLLIN, timeout_ms, &err);

    if (rc == 0)
        return vs_err_set(e, VS_ERR_RUNTIME, "no connection within %d ms", timeout_ms);
    if (rc < 0)
        return vs_err_set(e, VS_ERR_RUNTIME, "poll: %s", vs_sock_strerror(err, why, sizeof why));
    err = vs_os_accept(l, out);
    if (err != 0)
        return vs_err_set(e, VS_ERR_RUNTIME, "accept: %s", vs_sock_strerror(err, why, sizeof why));
    return 0;
}

int vs_sock_accept_ready(vs_sock l, vs_sock *out, vs_err *e)
{
    char why[128];
    int err = vs_os_set_nonblocking(l, 1);

    if (err == 0)
        err = vs_os_accept(l, out);
    if (err == 0) {
        if (vs_os_set_nonblocking(*out, 0) == 0) /* Winsock inherits the mode */
            return 0;
        vs_os_close(*out);
        return 1;
    }
    if (vs_os_err_kind(err) != VS_OSE_NO_RESOURCES)
        return 1; /* none waiting (EAGAIN), or one that gave up: nothing to do */
    vs_err_set(e, VS_ERR_RUNTIME, "accept: %s", vs_sock_strerror(err, why, sizeof why));
    return -1;
}

/* ---- addresses of a socket ---------------------------------------------- */

int vs_sock_bound_addr(vs_sock s, enum vs_transport tr, vs_addr *out, vs_err *e)
{
    char why[128];
    vs_os_name sn;
    int err = vs_os_sockname(s, 0, &sn);

    memset(out, 0, sizeof *out);
    out->tr = tr;
    out->has_port = 1;
    if (err != 0)
        return vs_err_set(e, VS_ERR_RUNTIME, "getsockname: %s",
                          vs_sock_strerror(err, why, sizeof why));
    if (name_decode(&sn, out) != 0)
        return vs_err_set(e, VS_ERR_RUNTIME, "unknown address family %d", sn.family);
    out->tr = tr;
    return 0;
}

int vs_sock_peer_addr(vs_sock s, enum vs_transport tr, vs_addr *out, vs_err *e)
{
    char why[128];
    vs_os_name sn;
    int err = vs_os_sockname(s, 1, &sn);

    memset(out, 0, sizeof *out);
    out->tr = tr;
    if (err != 0)
        return vs_err_set(e, VS_ERR_RUNTIME, "getpeername: %s",
                          vs_sock_strerror(err, why, sizeof why));
    if (name_decode(&sn, out) != 0)
        return vs_err_set(e, VS_ERR_RUNTIME, "unknown address family %d", sn.family);
    out->tr = tr;
    return 0;
}

const char *vs_sock_peer_text(vs_sock s, char *buf, size_t n)
{
    vs_os_name sn;
    vs_addr a;

    snprintf(buf, n, "?");
    if (vs_os_sockname(s, 1, &sn) != 0)
        return buf;
    if (name_decode(&sn, &a) != 0)
        snprintf(buf, n, "peer (family %d)", sn.family);
    else if (a.tr == VS_TR_UNIX)
        snprintf(buf, n, "unix client");
    else if (a.tr == VS_TR_VSOCK)
        snprintf(buf, n, "vsock:%lu:%lu", (unsigned long)a.cid, (unsigned long)a.port);
    else
        vs_addr_format(&a, buf, n);
    return buf;
}

/* ---- end of a socket ---------------------------------------------------- */

void vs_sock_close(vs_sock s)
{
    if (s != VS_SOCK_NONE)
        vs_os_close(s);
}

void vs_sock_unlink_path(const vs_addr *a)
{
    if (a->tr == VS_TR_UNIX && a->path[0] != '\0')
        remove(a->path); /* a unix socket is a file on every OS */
}

#define UNIX_PROBE_MS 1000

int vs_sock_unix_claim(const vs_addr *a, vs_err *e)
{
    vs_sock s;
    vs_err ce;

    if (a->tr != VS_TR_UNIX || !vs_path_exists(a->path))
        return 0;
    if (!vs_path_is_socket(a->path))
        return vs_err_set(e, VS_ERR_USAGE, "%s exists and is not a socket: refusing to "
                          "replace it (choose another path)", a->path);
    if (vs_sock_connect(a, 0, UNIX_PROBE_MS, &s, &ce) == 0) {
        vs_sock_close(s);
        return vs_err_set(e, VS_ERR_USAGE, "unix:%s is in use: a server answers there "
                          "(stop it, or choose another path)", a->path);
    }
    vs_sock_unlink_path(a); /* nobody answers: a stale file of a dead server */
    return 0;
}
