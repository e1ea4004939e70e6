/*
 * flows.h - the session threads of a test, whatever they do: one thread
 * per session, started behind a gate so that all begin together, with
 * the flags and counters the measuring side (runner/measure.c) reads
 * while they run. The loops are the workloads' (stream.c: bulk transfer;
 * rr.c: request/response and connect/request/response/close).
 *
 * Life cycle: create (each thread runs the workload's `prepare`, then
 * waits at the gate) -> go (all start together) -> window open/close
 * (the measured interval's edges, for workloads that time transactions)
 * -> stop (end cleanly: senders and requesters stop, receivers and
 * responders run to end of stream) or abort (everything unblocks now)
 * -> join -> free.
 *
 * Each thread may be pinned to a CPU (core/cpulist.h: session i on the
 * i-th CPU of the list, wrapping), before it runs anything.
 */
#ifndef VS_FLOWS_H
#define VS_FLOWS_H

#include <stdatomic.h>
#include <stdint.h>

#include "core/cpulist.h"
#include "platform/err.h"
#include "platform/net.h"
#include "platform/thread.h"

/* How long a blocked data send or recv may stall before the run fails
 * (every session socket gets it, see vs_flows_create). */
#define VS_DATA_TIMEOUT_MS 30000

#define VS_FLOW_MARKS 2 /* the start and the end of the measured interval */

/* What a finished session reports (its side's view). */
typedef struct vs_flow_info {
    uint64_t total_bytes;   /* stream: whole connection, this side's count */
    uint64_t transactions;  /* rr, crr: whole test, this side's count */
    uint64_t start_ns;      /* loop began */
    uint64_t end_ns;        /* loop ended (stop, end of stream or error) */
    uint64_t mark_ns[VS_FLOW_MARKS]; /* stream: first counter update after each
                                        vs_flows_mark; 0: none */
    int tcp_ok;             /* stream over tcp: the kernel counters below are
                               valid: data bytes, less the preamble, SYN and FIN */
    uint64_t tcp_received;
    uint64_t tcp_acked;
    int failed;
    char error[256];
} vs_flow_info;

typedef struct vs_flows vs_flows;

/* One session. The workload's loop reads and writes these directly. */
typedef struct vs_flow {
    /* Hot: the running count (bytes or transactions), stored relaxed by
     * the loop on every iteration. A flow is larger than a cache line,
     * so the counters of two flows never share one. */
    _Atomic uint64_t count;
    _Atomic int done;
    vs_flows *fl;
    int index;              /* 0-based session number */
    vs_sock sock;           /* owned: closed by vs_flows_free */
    vs_thread *thread;
    void *work;             /* the workload's state (prepare/release) */
    vs_flow_info info;
} vs_flow;

/* What a workload does on each session's thread. */
typedef struct vs_flow_ops {
    /* Before the gate: allocate and fill buffers, histograms. 0, or -1
     * after vs_flow_fail. */
    int (*prepare)(vs_flow *f);
    /* After the gate: the loop, until stop, end of stream or failure. */
    void (*run)(vs_flow *f);
    /* After the loop, when it neither failed nor was aborted: finish the
     * connection (may be NULL). */
    void (*finish)(vs_flow *f);
    /* Free what prepare allocated; called by vs_flows_free after join,
     * so the caller can read results between join and free (may be NULL). */
    void (*release)(vs_flow *f);
} vs_flow_ops;

struct vs_flows {
    const vs_flow_ops *ops;
    const void *cfg;        /* the workload's configuration (not copied) */
    int n;
    _Atomic int stop;
    _Atomic int aborted;
    _Atomic int started;    /* flows past the gate */
    _Atomic int marks;      /* vs_flows_mark calls so far */
    /* The measured interval on the monotonic clock (vs_now_ns): a loop
     * that times its transactions counts those that end inside it.
     * UINT64_MAX until set. */
    _Atomic uint64_t win_start, win_end;
    vs_gate *gate;
    vs_flow *flows;
};

/* Start one thread per socket (ownership of the sockets passes to the
 * flows, which close them; VS_SOCK_NONE for a session without one). On
 * failure the sockets are closed too. */
int vs_flows_create(vs_flows **out, const vs_sock *socks, int n, const vs_flow_ops *ops,
                    const void *cfg, const vs_cpulist *pin, vs_err *e);

/* Can this process pin threads to every CPU of the list? (Checked before
 * a test is accepted, so a bad list is refused with its reason.) */
int vs_flows_pin_check(const vs_cpulist *pin, vs_err *e);

/* Release all sessions at once. */
void vs_flows_go(vs_flows *fl);

/* The edges of the measured interval (see win_start). */
void vs_flows_window_open(vs_flows *fl, uint64_t at_ns);
void vs_flows_window_close(vs_flows *fl, uint64_t at_ns);

/* Snapshot the running counts (n entries). */
void vs_flows_counters(vs_flows *fl, uint64_t *counts);

/* Mark an edge of the measured interval, right after sampling the
 * counters: a loop that takes part (stream's) notes the time of its next
 * counter update in mark_ns (the first VS_FLOW_MARKS marks), which tells
 * how exact the edge is without a clock read per message. */
void vs_flows_mark(vs_flows *fl);

/* Sessions whose loop has begun; that have ended; that ended failed. */
int vs_flows_started(vs_flows *fl);
int vs_flows_ended(vs_flows *fl);
int vs_flows_failures(vs_flows *fl);

/* End cleanly (see above). */
void vs_flows_stop(vs_flows *fl);

/* Unblock every thread now (peer gone, user interrupt). */
void vs_flows_abort(vs_flows *fl);

/* Wait for all threads; fill n entries of `out` (may be NULL). */
void vs_flows_join(vs_flows *fl, vs_flow_info *out);

/* Join if needed, release the workload's state, close the sockets. */
void vs_flows_free(vs_flows *fl);

/* ---- for the loops ------------------------------------------------------ */

static inline int vs_flow_stopping(const vs_flow *f)
{
    return atomic_load_explicit(&f->fl->stop, memory_order_relaxed);
}

static inline int vs_flow_aborted(const vs_flow *f)
{
    return atomic_load_explicit(&f->fl->aborted, memory_order_relaxed);
}

/* After a counter update: when a new mark came since `*seen`, note the
 * time (outside the hot path: once per mark). */
void vs_flow_note_mark(vs_flow *f, int m);

static inline void vs_flow_check_mark(vs_flow *f, int *seen)
{
    int m = atomic_load_explicit(&f->fl->marks, memory_order_relaxed);

    if (m != *seen) {
        vs_flow_note_mark(f, m);
        *seen = m;
    }
}

/* Mark the flow failed (the first failure wins): "WHAT: peer closed the
 * connection" for rc == 0, else "WHAT: " and the socket error of this
 * thread. Does nothing while aborting (the abort is the cause). */
void vs_flow_fail(vs_flow *f, const char *what, long rc);

/* Mark it failed with a message of its own. */
void vs_flow_fail_text(vs_flow *f, const char *text);

#endif
