/*
 * stream.h - the timed bulk-transfer loops (netperf's TCP_STREAM and its
 * reverse, maerts), one thread per data connection.
 *
 * The hot loops do one send() or recv() per iteration, a relaxed store of
 * the running byte count and a relaxed load of the mark count: no clock
 * reads, no allocation, no extra syscalls. Time is kept by the caller
 * (measure.h), which samples the counters at the edges of the measured
 * interval and marks each edge (vs_stream_mark); a flow reads the clock
 * once after a mark, at its next counter update, so the caller learns how
 * exact its edges are.
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
#define VS_STREAM_MARKS 2 /* the start and the end of the measured interval */

typedef struct vs_flow_info {
    uint64_t total_bytes; /* whole connection, this side's count */
    uint64_t start_ns;    /* loop began */
    uint64_t end_ns;      /* loop ended (stop, end of stream or error) */
    uint64_t mark_ns[VS_STREAM_MARKS]; /* first counter update after each
                                          vs_stream_mark; 0: none */
    int tcp_ok;           /* kernel counters below are valid: data bytes,
                             less the preamble, SYN and FIN */
    uint64_t tcp_received;
    uint64_t tcp_acked;
    int failed;
    char error[256];
} vs_flow_info;

typedef struct vs_stream vs_stream;

/* Bytes per recv() for a receiver: `recv_size` when the user chose one
 * (-M, netperf's -M), else the largest of
 *   - the message size: one recv per send at least, never a message split
 *     over several calls (at 64K sockets, 64K messages read in 16K pieces
 *     took 4.2 recvfrom per send, 64k calls per GB against netperf's 15k,
 *     and reached half of netperf's throughput);
 *   - a quarter of the effective receive buffer: draining the whole
 *     buffer in one call makes sender and receiver take turns on small
 *     windows (the window reopens only when the call returns);
 *   - 16 KiB, so that small messages are read many at a time;
 * at most 16 MiB. The evidence, measured with `make bench` against
 * netperf at every point of the study's matrix, is in docs/bench.md. */
size_t vs_stream_recv_chunk(uint32_t recv_size, uint32_t msg_size, uint64_t eff_rcv);

/* Start one thread per socket (ownership of the sockets passes to the
 * stream, which closes them). The threads wait for vs_stream_go. */
int vs_stream_create(vs_stream **out, const vs_sock *socks, int n,
                     const vs_stream_cfg *cfg, vs_err *e);

/* Release all sessions at once. */
void vs_stream_go(vs_stream *st);

/* Snapshot the byte counters (n entries). */
void vs_stream_counters(vs_stream *st, uint64_t *bytes);

/* Mark an edge of the measured interval, right after sampling the counters:
 * each flow notes the time of its next counter update in mark_ns (the
 * first VS_STREAM_MARKS marks). */
void vs_stream_mark(vs_stream *st);

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
