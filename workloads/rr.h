/*
 * rr.h - the transaction loops on the session threads of flows.h:
 *
 *   rr   request/response over one connection per session (netperf's
 *        TCP_RR): the requester sends `req_size` bytes, the responder
 *        reads them all and answers `resp_size` bytes. With a burst of N
 *        the requester keeps N requests in flight beyond the first
 *        (netperf's -b N: N + 1 outstanding).
 *   crr  connect, request, response, close per transaction (TCP_CRR):
 *        the requester connects (dialer), sends the test's cookie and the
 *        request in one send, reads the response and then the end of
 *        stream; the responder accepts on its listener, checks the cookie,
 *        answers and closes first - the order of netperf's TCP_CRR, so the
 *        TIME_WAIT state of TCP stays with the responder's connections
 *        (docs/files.md and README say what that means for comparisons).
 *
 * Timing: the requester reads the monotonic clock once per transaction,
 * when a response is complete; that reading is both the end of this
 * transaction and the start of the next request sent (with a burst, the
 * send time of each request in flight is kept in a ring). Transactions
 * that end inside the measured window (vs_flows_window_*) go into the
 * session's histogram (core/latency.h, allocated before the start gate;
 * recording allocates nothing and takes no lock). The responder reads no
 * clock. Both count every transaction; the counts of the two sides must
 * agree exactly (the runner checks).
 */
#ifndef VS_RR_H
#define VS_RR_H

#include <stdint.h>

#include "core/latency.h"
#include "core/names.h"
#include "workloads/flows.h"

enum vs_rr_part { VS_RR_REQUESTER, VS_RR_RESPONDER };

typedef struct vs_rr_cfg {
    enum vs_rr_part part;
    int crr;                   /* a connection per transaction */
    uint32_t req_size, resp_size;
    int burst;                 /* rr: requests in flight beyond the first */
    uint64_t cookie;           /* crr: every connection opens with it */
    const vs_dialer *dialer[VS_MAX_SESSIONS]; /* crr requester: where session i
                                                 connects */
} vs_rr_cfg;

/* Start one session per socket (see vs_flows_create): for crr the
 * requester's sockets are VS_SOCK_NONE (it dials) and the responder's are
 * its listeners. `cfg` must outlive the flows. Stopping ends requesters
 * after the transactions in flight (an rr requester then closes its
 * direction and waits for the responder's end of stream); responders run
 * until end of stream (rr) or until stopped (crr). */
int vs_rr_create(vs_flows **out, const vs_sock *socks, int n, const vs_rr_cfg *cfg,
                 const vs_cpulist *pin, vs_err *e);

/* A requester's histogram of session i: the transactions that ended in
 * the measured window (between join and free; NULL for a responder or a
 * session that never started). */
const vs_hist *vs_rr_histogram(vs_flows *fl, int i);

/* The cost of one clock read (vs_now_ns) in nanoseconds, measured now
 * (about a millisecond of calls). */
double vs_rr_clock_cost_ns(void);

#endif
