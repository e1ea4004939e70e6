/*
 * measure.h - the measured phase of one test, run by both sides at once.
 *
 * Each side releases its sessions together, keeps time on its own
 * monotonic clock and samples the counters (bytes or transactions) and
 * CPU at the edges of the measured interval [start + warmup, start +
 * warmup + duration). The interval begins only when every session runs
 * (after the warm-up); its edges also go to the sessions
 * (vs_flows_window_*), so that loops timing transactions count those
 * that end inside it. One side owns the interval: the receiver of a
 * stream, the requester (client) of rr and crr. It sends interim figures
 * if asked and, at its end, STOP to the other side, which then stops
 * too. Throughput is what the receiver counted over the part of the
 * interval in which all sessions ran (interval.h).
 */
#ifndef VS_MEASURE_H
#define VS_MEASURE_H

#include "runner/proto.h"
#include "workloads/flows.h"

typedef struct vs_measure_cfg {
    int owner;              /* 1: this side owns the interval (see above) */
    int drain_first;        /* owner: its sessions finish (stop, join) before
                               STOP goes out - rr and crr, whose other side
                               must answer every transaction begun */
    vs_sock control;        /* the control connection to the peer */
    int n;                  /* sessions */
    uint32_t duration_ms;
    uint32_t warmup_ms;
    uint32_t interval_ms;   /* 0: no interim figures */
    int send_interims;      /* owner: send INTERIM frames to the peer */
    int watch_stop_signal;  /* give up when vs_stop_requested() */
    /* Called with interim figures: computed here (owner) or received
     * from the peer. May be NULL. */
    void (*on_interim)(void *ctx, const vs_interim *m);
    void *ctx;
} vs_measure_cfg;

/* Run the phase; fills this side's figures (flows marked failed where
 * they did not last the interval). The flows are joined on return (the
 * caller frees them, after reading what the workload kept). Returns -1
 * when the peer or the control connection failed; `out` then holds what
 * was measured. */
int vs_measure(vs_flows *fl, const vs_measure_cfg *cfg, vs_side_result *out, vs_err *e);

/* After vs_measure of a stream: note in `out` how its receiving sessions
 * read (vs_stream_recv_used; zeros for a sender), for RESULT's optional
 * tail. */
void vs_measure_note_recv(vs_flows *fl, vs_side_result *out);

#endif
