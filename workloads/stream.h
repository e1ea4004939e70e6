/*
 * stream.h - the timed bulk-transfer loops (netperf's TCP_STREAM and its
 * reverse, maerts), one thread per data connection.
 *
 * The hot loops do one send() or recv() per iteration and a relaxed
 * store of the running byte count: no clock reads, no allocation, no
 * extra syscalls. Time is kept by the caller (measure.h), which samples
 * the counters at the edges of the measured interval.
 *
 * Life cycle: create (threads wait behind a gate) -> go (all start
 * together) -> stop (senders end cleanly; receivers run to end of
 * stream) or abort (everything unblocks now) -> join -> free.
 */
#ifndef VS_STREAM_H
#define VS_STREAM_H

#include <stddef.h>
#include <stdint.h>

#include "platform/addr.h"
#include "platform/err.h"
#include "platform/net.h"

enum vs_role { VS_ROLE_SEND, VS_ROLE_RECV };

typedef struct vs_stream_cfg {
    enum vs_role role;
    enum vs_transport tr;
    uint32_t msg_size;  /* sender: bytes per send() */
    size_t recv_chunk;  /* receiver: bytes per recv() */
    /* For matching TCP_INFO exactly: bytes that crossed in the data
     * direction before the stream (the session tag), and whether this side
     * connected (its SYN then counts in tcpi_bytes_acked). */
    uint32_t preamble_bytes;
    int active_open;
} vs_stream_cfg;

/* What a finished connection reports. */
typedef struct vs_flow_info {
    uint64_t total_bytes; /* whole connection, this side's count */
    uint64_t start_ns;    /* loop began */
    uint64_t end_ns;      /* loop ended (stop, end of stream or error) */
    int tcp_ok;           /* kernel counters below are valid: data bytes,
                             less the preamble, SYN and FIN */
    uint64_t tcp_received;
    uint64_t tcp_acked;
    int failed;
    char error[256];
} vs_flow_info;

typedef struct vs_stream vs_stream;

/* Bytes per recv() for a receiver: `recv_size` when the user chose one
 * (netperf's -M), else a quarter of the effective receive buffer, at
 * least 16 KiB. Draining the whole buffer in one call would serialise
 * sender and receiver on small windows (measured: 64K/16K on loopback
 * went from 10 to 14 Gbit/s with quarter-buffer reads). */
size_t vs_stream_recv_chunk(uint32_t recv_size, uint64_t eff_rcv);

/* Start one thread per socket (ownership of the sockets passes to the
 * stream, which closes them). The threads wait for vs_stream_go. */
int vs_stream_create(vs_stream **out, const vs_sock *socks, int n,
                     const vs_stream_cfg *cfg, vs_err *e);

/* Release all sessions at once. */
void vs_stream_go(vs_stream *st);

/* Snapshot the byte counters (n entries). */
void vs_stream_counters(vs_stream *st, uint64_t *bytes);

/* Number of connections whose loop has begun. */
int vs_stream_started(vs_stream *st);

/* Number of connections whose loop has ended, and of those that failed. */
int vs_stream_ended(vs_stream *st);
int vs_stream_failures(vs_stream *st);

/* Senders finish their current send, close their direction and drain. */
void vs_stream_stop(vs_stream *st);

/* Unblock every thread now (peer gone, user interrupt). */
void vs_stream_abort(vs_stream *st);

/* Wait for all threads; fill n entries of `out`. */
void vs_stream_join(vs_stream *st, vs_flow_info *out);

void vs_stream_free(vs_stream *st);

#endif
