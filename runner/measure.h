/*
 * measure.h - the measured phase of one test, run by both sides at once.
 *
 * Each side releases its sessions together, keeps time on its own
 * monotonic clock and samples the byte counters and CPU at the edges of
 * the measured interval [start + warmup, start + warmup + duration).
 * The interval begins only when every session runs (after the warm-up).
 * The receiving side owns the interval: it sends interim figures if
 * asked and, at its end, STOP to the sender; the sender stops, both
 * drain to end of stream. Throughput is what the receiver counted over
 * the part of the interval in which all sessions ran (interval.h).
 */
#ifndef VS_MEASURE_H
#define VS_MEASURE_H

#include "runner/proto.h"
#include "workloads/stream.h"

typedef struct vs_measure_cfg {
    enum vs_role role;      /* this side's role */
    vs_sock control;        /* the control connection to the peer */
    int n;                  /* sessions */
    uint32_t duration_ms;
    uint32_t warmup_ms;
    uint32_t interval_ms;   /* 0: no interim figures */
    int send_interims;      /* receiver: send INTERIM frames to the peer */
    int watch_stop_signal;  /* give up when vs_stop_requested() */
    /* Called with interim figures: computed here (receiver) or received
     * from the peer (sender). May be NULL. */
    void (*on_interim)(void *ctx, const vs_interim *m);
    void *ctx;
} vs_measure_cfg;

/* Run the phase; fills this side's figures (flows marked failed where
 * they did not last the interval). Returns -1 when the peer or the
 * control connection failed; `out` then holds what was measured. */
int vs_measure(vs_stream *st, const vs_measure_cfg *cfg, vs_side_result *out,
               vs_err *e);

#endif
