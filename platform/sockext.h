/*
 * sockext.h - the data-socket options a performance engineer reaches for,
 * beyond buffer sizes: TCP congestion control by name, and MSG_ZEROCOPY
 * sends with their completion notifications.
 *
 * Implementations: sockext.c (what every OS shares: which transports take
 * which option, the congestion control name checked and read back) on
 * the OS halves of sockext_os.h, sockext_posix.c (Linux: TCP_CONGESTION,
 * SO_ZEROCOPY, MSG_ZEROCOPY, MSG_ERRQUEUE, SO_RCVLOWAT; other POSIX
 * systems refuse) and sockext_win.c (Windows has neither option: both
 * refuse with VS_ERR_UNSUPPORTED and a reason).
 *
 * Zero-copy sends (the kernel's Documentation/networking/msg_zerocopy.rst):
 * the kernel pins the pages of the buffer instead of copying them, and
 * tells the sender through the socket's error queue when it has let go of
 * them. The send loop never changes its buffer, so it need not wait for
 * those notifications; it only has to read them now and then, because
 * unread ones hold socket memory (optmem) and a send that finds that
 * budget spent fails with ENOBUFS. vs_zc_send reads them when that
 * happens; the loop also calls vs_zc_drain every VS_ZC_DRAIN_EVERY sends
 * (one non-blocking recvmsg per batch, off the per-message path). Over
 * loopback and veth the kernel must copy anyway when it delivers to a
 * local socket; the notifications then say so (`copied`).
 */
#ifndef VS_SOCKEXT_H
#define VS_SOCKEXT_H

#include <stddef.h>
#include <stdint.h>

#include "platform/addr.h"
#include "platform/err.h"
#include "platform/net.h"

/* How many zero-copy sends between two reads of the error queue. */
#define VS_ZC_DRAIN_EVERY 256

/* Use congestion control `name` on a TCP socket and read it back. Refused
 * for other transports, and with the algorithms this machine offers
 * (tcp_available_congestion_control) when the kernel does not take it. */
int vs_sock_set_congestion(vs_sock s, enum vs_transport tr, const char *name, vs_err *e);

/* The congestion control a TCP socket uses, into `out` (n bytes). */
int vs_sock_get_congestion(vs_sock s, char *out, size_t n, vs_err *e);

/* The algorithms this machine offers, space-separated ("" if unknown). */
void vs_congestion_available(char *out, size_t n);

/* Wake a blocked receiver only once `bytes` are waiting (SO_RCVLOWAT) on a
 * TCP socket: each wake-up then reads that much or more, instead of one
 * segment's worth, and the sender, which pays for waking the receiver,
 * pays less often (Linux caps it at half the receive buffer and still
 * wakes the reader when the window closes). Other transports: nothing is
 * done (unix and vsock wake readers their own way); Windows has no such
 * option for TCP: nothing is done either. */
int vs_sock_set_rcvlowat(vs_sock s, enum vs_transport tr, uint32_t bytes, vs_err *e);

/* The largest segment TCP sends on connected socket `s` now (TCP_MAXSEG:
 * the path's MTU less headers, at most half the peer's largest window),
 * in bytes; 0 when unknown or not TCP. Windows answers 0 (not asked):
 * there the rules that need it, the reads over a NIC's segments and
 * SO_RCVLOWAT (workloads/stream.h), do not apply. */
uint32_t vs_sock_tcp_mss(vs_sock s, enum vs_transport tr);

/* What the zero-copy sends of one socket came to. */
typedef struct vs_zc {
    uint64_t sends;     /* sends made with MSG_ZEROCOPY */
    uint64_t completed; /* sends the kernel has reported done */
    uint64_t copied;    /* of those, sends whose data the kernel copied after all */
    uint64_t retries;   /* sends retried after ENOBUFS (error queue full) */
} vs_zc;

/* Ask for zero-copy sends on a socket (SO_ZEROCOPY): 0 when the kernel
 * takes it for this socket's transport; else VS_ERR_UNSUPPORTED naming
 * what refused it. Never assumed: vsock has it only on some kernels and
 * transports, unix sockets never. */
int vs_zc_enable(vs_sock s, enum vs_transport tr, vs_err *e);

/* One send() with MSG_ZEROCOPY, like vs_sock_send. On ENOBUFS it reads
 * the completions (waiting for one if none is there yet, at most the
 * socket's send timeout) and sends again. `buf` must not change while
 * sends from it are outstanding. */
long vs_zc_send(vs_sock s, const void *buf, size_t len, vs_zc *z);

/* Read the completions the kernel has queued, without waiting. 0, or -1
 * on an error other than an empty queue (vs_sock_errno tells it). */
int vs_zc_drain(vs_sock s, vs_zc *z);

#endif
