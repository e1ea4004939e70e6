/*
 * stream.h - the timed bulk-transfer loops (netperf's TCP_STREAM and its
 * reverse, maerts) on the session threads of flows.h, one per data
 * connection.
 *
 * The hot loops do one send() or recv() per iteration, a relaxed store of
 * the running byte count and a relaxed load of the mark count: no clock
 * reads, no allocation, no extra syscalls. Time is kept by the caller
 * (measure.h), which samples the counters at the edges of the measured
 * interval and marks each edge (vs_flows_mark); a flow reads the clock
 * once after a mark, at its next counter update, so the caller learns how
 * exact its edges are.
 */
#ifndef VS_STREAM_H
#define VS_STREAM_H

#include <stddef.h>
#include <stdint.h>

#include "platform/addr.h"
#include "platform/err.h"
#include "platform/sockext.h"
#include "workloads/flows.h"

enum vs_role { VS_ROLE_SEND, VS_ROLE_RECV };

typedef struct vs_stream_cfg {
    enum vs_role role;
    enum vs_transport tr;
    uint32_t msg_size;  /* sender: bytes per send() */
    /* Receiver: the user's bytes per recv() (-M; 0: the rule's) and the
     * effective receive buffer, from which each session makes its plan
     * with its connection's segment size (vs_stream_recv_plan). */
    uint32_t recv_size;
    uint64_t eff_rcv;
    /* For matching TCP_INFO exactly: bytes that crossed in the data
     * direction before the stream (the session tag), and whether this side
     * connected (its SYN then counts in tcpi_bytes_acked). */
    uint32_t preamble_bytes;
    int active_open;
    /* Sender: send with MSG_ZEROCOPY (the socket has SO_ZEROCOPY on,
     * platform/sockext.h), reading the completions every
     * VS_ZC_DRAIN_EVERY sends and once at the end. */
    int zerocopy;
} vs_stream_cfg;

/* How a receiver reads: bytes per recv() and the wake-up threshold
 * (SO_RCVLOWAT; 0: woken at every arrival). */
typedef struct vs_recv_plan {
    uint32_t chunk;
    uint32_t lowat;
} vs_recv_plan;

/* The receiver's plan over transport `tr` for messages of `msg_size`,
 * with `eff_rcv` bytes of effective receive buffer, on a connection whose
 * segments carry up to `mss` bytes (vs_sock_tcp_mss; 0 unknown). With -M
 * (`recv_size` not 0): those reads, no threshold, as netperf's. Else:
 *
 * Reads: the largest of
 *   - the message size: one recv per send at least, never a message split
 *     over several calls (at 64K sockets, 64K messages read in 16K pieces
 *     took 4.2 recvfrom per send, 64k calls per GB against netperf's 15k,
 *     and reached half of netperf's throughput);
 *   - a quarter of the effective receive buffer: on loopback, draining
 *     the whole buffer in one call makes sender and receiver take turns
 *     on small windows (the window reopens only when the call returns;
 *     64K reads at 64K sockets lost 5-19% at one session);
 *   - over TCP paths whose segments are under 16 KiB (a NIC's MTU: 1448
 *     at 1500), the effective buffer up to 64 KiB: over veth at 64K
 *     sockets and five sessions 64K reads beat 16K ones 1.4-1.9x at 8K-32K
 *     messages, and matched them at one session and at 4K;
 *   - 16 KiB, so that small messages are read many at a time;
 * at most 16 MiB; except over those small-segment TCP paths with messages
 * of 2 KiB or less: the message size (at one session 9-21% more
 * throughput than 16K reads over veth, the same at five).
 *
 * Threshold: 16 KiB for TCP messages of 1 KiB or less on paths whose
 * segments carry 16 KiB (loopback), else none. On loopback a receiver
 * woken per segment drained the queue and slept again, 45-80k context
 * switches per GB, each wake-up paid by the sender, the bottleneck; woken
 * at 16K it took 20-26k (netperf's figure), 10-35% less CPU per KB and up
 * to 1.7x the throughput with 5 sessions. Over smaller segments waiting
 * for 16K, or for one segment's worth, cost 4-40% (512 B-1K). At 8K
 * messages and 64K sockets it cost a third of the throughput, so larger
 * messages go without. The evidence, measured with `make bench` against
 * netperf at every point of the study's matrix, is in docs/bench.md. */
vs_recv_plan vs_stream_recv_plan(enum vs_transport tr, uint32_t recv_size, uint32_t msg_size,
                                 uint64_t eff_rcv, uint32_t mss);

/* The plan the receiving sessions followed (the largest of each figure;
 * zeros for a sender), between join and free. */
vs_recv_plan vs_stream_recv_used(vs_flows *fl);

/* A zero-copy sender's completions, all sessions added (between join and
 * free; zeros for a receiver or without zerocopy). */
void vs_stream_zc_stats(vs_flows *fl, vs_zc *sum);

/* Start one thread per socket (the sockets pass to the flows; see
 * vs_flows_create). `cfg` must outlive the flows. Stopping ends senders
 * cleanly (they close their direction and drain); receivers run to end
 * of stream. */
int vs_stream_create(vs_flows **out, const vs_sock *socks, int n, const vs_stream_cfg *cfg,
                     const vs_cpulist *pin, vs_err *e);

#endif
