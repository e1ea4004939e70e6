/*
 * net.h - sockets for every transport, behind one interface.
 *
 * Implementations: net_posix.c (Linux and other POSIX systems; vsock via
 * AF_VSOCK) and net_win.c (Winsock 2). Handles are opaque integers so that
 * no caller needs OS headers.
 *
 * Safety: connecting over vsock to this machine's own CID (or to CID 1)
 * goes through the host's transport unless a loopback transport is loaded;
 * vs_sock_connect refuses that case (see vs_vsock_loopback_present), and
 * the environment variable VSBENCH_NO_VSOCK=1 refuses every vsock socket.
 */
#ifndef VS_NET_H
#define VS_NET_H

#include <stddef.h>
#include <stdint.h>

#include "platform/addr.h"
#include "platform/err.h"

typedef intptr_t vs_sock;
#define VS_SOCK_NONE ((vs_sock)-1)

/* Effective buffer sizes as the application can use them. On Linux the
 * kernel reports twice the requested SO_SNDBUF/SO_RCVBUF (bookkeeping
 * overhead); we report half of that so the figure compares with the
 * request. For vsock both fields hold SO_VM_SOCKETS_BUFFER_SIZE. */
typedef struct vs_bufsize {
    uint64_t snd;
    uint64_t rcv;
} vs_bufsize;

/* One entry for vs_sock_poll. */
typedef struct vs_pollent {
    vs_sock sock;
    int want_read;  /* 1: wait for readable / acceptable */
    int ready;      /* out: 1 when readable, closed or in error */
} vs_pollent;

enum vs_shut { VS_SHUT_WR = 1, VS_SHUT_RDWR = 2 };

/* Process-wide socket setup (WSAStartup; ignore SIGPIPE). Idempotent. */
int vs_net_init(vs_err *e);

/* Is `tr` usable on this machine? 1 yes, 0 no with a reason in `why`.
 * Never opens a connection. */
int vs_transport_probe(enum vs_transport tr, char *why, size_t n);

/* Bind and listen. `bufsize` (0 = system default) is applied before
 * listen so accepted sockets inherit it (TCP window scaling needs that).
 * Port 0 picks an ephemeral port (see vs_sock_bound_addr). */
int vs_sock_listen(const vs_addr *a, uint64_t bufsize, vs_sock *out, vs_err *e);

/* Connect with a timeout; `bufsize` (0 = default) is applied before
 * connecting. Errors distinguish refused, unreachable, timed out and
 * unsupported transports (VS_ERR_CONNECT / VS_ERR_UNSUPPORTED). */
int vs_sock_connect(const vs_addr *a, uint64_t bufsize, int timeout_ms,
                    vs_sock *out, vs_err *e);

/* Accept one connection, waiting at most timeout_ms (-1 = forever). */
int vs_sock_accept(vs_sock l, int timeout_ms, vs_sock *out, vs_err *e);

/* Accept a connection that is waiting, without ever blocking (for an
 * accept loop, after vs_sock_poll found the listener ready; the listener
 * is made non-blocking, the accepted socket is blocking). 0 with *out;
 * 1 when there was none after all (the client gave up); -1 when the
 * system is out of descriptors or memory (EMFILE, ENFILE, ENOBUFS,
 * ENOMEM; WSAEMFILE, WSAENOBUFS): the connection stays queued, so the
 * caller should wait before trying again; `e` has the OS's words. */
int vs_sock_accept_ready(vs_sock l, vs_sock *out, vs_err *e);

/* Accept one connection if one arrives within timeout_ms: 1 accepted (a
 * blocking socket), 0 none arrived (or it gave up before it was taken),
 * -1 out of descriptors or memory (as vs_sock_accept_ready, which it
 * uses: the listener is left non-blocking). For a loop that checks a stop
 * flag between waits (the connect/request/response/close test's server). */
int vs_sock_accept_wait(vs_sock l, int timeout_ms, vs_sock *out, vs_err *e);

/* A dialer connects again and again to where a connected socket is
 * connected (the address that worked, resolved once): the client of the
 * connect/request/response/close test opens one connection per
 * transaction with it. Each connection gets `bufsize` (0 = default),
 * send and receive timeouts of timeout_ms, TCP_NODELAY on tcp, and a
 * plain blocking connect (the timeout bounds it where the OS applies
 * SO_SNDTIMEO to connect, as Linux does). */
typedef struct vs_dialer vs_dialer;
int vs_dialer_new(vs_sock connected, enum vs_transport tr, uint64_t bufsize, int timeout_ms,
                  vs_dialer **out, vs_err *e);
int vs_dialer_connect(const vs_dialer *d, vs_sock *out, vs_err *e);
void vs_dialer_free(vs_dialer *d);

/* The local address a socket is bound to (its real port after port 0). */
int vs_sock_bound_addr(vs_sock s, enum vs_transport tr, vs_addr *out, vs_err *e);

/* The peer's address: numeric host and port for tcp (an IPv4 client of
 * an IPv6 listener as ::ffff:a.b.c.d), the CID for vsock, an empty path
 * for an unnamed unix client. */
int vs_sock_peer_addr(vs_sock s, enum vs_transport tr, vs_addr *out, vs_err *e);

/* The peer's address as text, for logs ("?" if unknown). */
const char *vs_sock_peer_text(vs_sock s, char *buf, size_t n);

/* Request send and receive buffer sizes per transport (see SPEC). */
int vs_sock_set_bufsize(vs_sock s, enum vs_transport tr, uint64_t size, vs_err *e);

/* Read back the effective sizes. */
int vs_sock_get_bufsize(vs_sock s, enum vs_transport tr, vs_bufsize *out, vs_err *e);

/* The OS limit that clamps a buffer request and its value, e.g.
 * "net.core.wmem_max" (snd=1) or "net.core.rmem_max"; 0 if none known. */
int vs_sock_buf_limit(enum vs_transport tr, int snd, char *name, size_t n,
                      uint64_t *value);

/* Let small writes leave at once, for control connections: TCP_NODELAY on
 * tcp, so that a frame never waits for the ACK of the one before (Nagle)
 * while the peer delays that ACK (40 ms on Linux). unix, vsock and hvsock
 * hold nothing back: they queue every write at once and have no such
 * option, so there it does nothing. */
int vs_sock_set_nodelay(vs_sock s, enum vs_transport tr, vs_err *e);

/* Read it back: `*on` 1 when small writes leave at once (always for unix,
 * vsock and hvsock). */
int vs_sock_get_nodelay(vs_sock s, enum vs_transport tr, int *on, vs_err *e);

/* Send/receive timeouts for blocking calls (0 = none). */
int vs_sock_set_timeouts(vs_sock s, int ms, vs_err *e);

/* One send()/recv(): bytes moved (recv: 0 at end of stream) or -1; then
 * vs_sock_errno() tells why. Interrupted calls are retried inside. */
long vs_sock_send(vs_sock s, const void *buf, size_t len);
long vs_sock_recv(vs_sock s, void *buf, size_t len);

/* The last socket error of this thread, and its text. */
int vs_sock_errno(void);
const char *vs_sock_strerror(int code, char *buf, size_t n);

/* Wait until some entries are readable; returns the number ready, 0 on
 * timeout (-1 = wait forever), -1 on error (interruption counts as 0). */
int vs_sock_poll(vs_pollent *p, int n, int timeout_ms);

int vs_sock_shutdown(vs_sock s, enum vs_shut how);
void vs_sock_close(vs_sock s);

/* The kernel's own whole-connection byte counts for a TCP socket
 * (TCP_INFO tcpi_bytes_received / tcpi_bytes_acked). -1 if unavailable. */
int vs_sock_tcp_counters(vs_sock s, uint64_t *received, uint64_t *acked);

/* This machine's vsock CID via /dev/vsock (no connection); -1 if none. */
int vs_vsock_local_cid(uint32_t *cid);

/* 1 when a vsock loopback transport is loaded (vsock_loopback). */
int vs_vsock_loopback_present(void);

/* May this machine open a vsock connection to `cid`? Refuses CID 1 and
 * this machine's own CID unless a loopback transport is loaded (they would
 * otherwise leave through the host transport), and everything when
 * VSBENCH_NO_VSOCK is set. Never opens a socket. */
int vs_vsock_peer_check(uint32_t cid, vs_err *e);

/* Remove a unix socket path left by a listener (no-op elsewhere). */
void vs_sock_unlink_path(const vs_addr *a);

/* Before listening on a unix path: 0 when the path is free (nothing
 * there, or a stale socket file of a dead server, which is removed);
 * -1 (VS_ERR_USAGE) when a server answers a connection there, or the path
 * is some other kind of file. A no-op for other transports. */
int vs_sock_unix_claim(const vs_addr *a, vs_err *e);

#endif
