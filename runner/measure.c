/* measure.c - see measure.h. */
#include "runner/measure.h"
#include "runner/interval.h"
#include "platform/clock.h"
#include "platform/cpu.h"
#include "platform/fs.h"
#include "workloads/stream.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MS (1000000ull)
#define POLL_SLICE_MS 100    /* how often flows and signals are checked */
#define STOP_GRACE_MS 30000  /* sender: longest wait for STOP after its end */

typedef struct snapshot {
    int taken;
    uint64_t at;
    uint64_t bytes[VS_MAX_SESSIONS];
    vs_cpu_sample cpu;
} snapshot;

typedef struct phase {
    const vs_measure_cfg *cfg;
    vs_flows *st;     /* the sessions */
    uint64_t t0, t1, next_interim;
    snapshot s0, s1;
    uint32_t last_interim_ms;
    int peer_stopped;
    uint8_t buf[VS_PROTO_MAX_BODY];
} phase;

/* CPU first, so that the timestamp and the counters are read back to back
 * (a /proc/stat read between them would blur the edge). */
static void take(phase *p, snapshot *s)
{
    vs_cpu_sample_now(&s->cpu);
    s->at = vs_now_ns();
    vs_flows_counters(p->st, s->bytes);
    s->taken = 1;
}

/* A snapshot at an edge of the measured interval, told to the sessions:
 * loops that time transactions count those ending inside the window; the
 * stream loops note when their counters next move (vs_flows_mark), which
 * measures how exact the edge is without a clock read per message. */
static void take_edge(phase *p, snapshot *s)
{
    take(p, s);
    vs_flows_mark(p->st);
    if (s == &p->s0)
        vs_flows_window_open(p->st, s->at);
    else
        vs_flows_window_close(p->st, s->at);
}

/* Interim figures up to `at` (bytes counted since the interval began,
 * read at `at`); the last one, at the interval's end, covers the final
 * (maybe partial) slice. */
static void interim(phase *p, uint64_t at, const uint64_t *now)
{
    vs_interim m;
    uint8_t frame[16 + 8 * VS_MAX_SESSIONS];
    size_t n;

    m.elapsed_ms = (uint32_t)((at - p->s0.at) / MS);
    m.count = (uint16_t)p->cfg->n;
    for (int i = 0; i < p->cfg->n; i++)
        m.bytes[i] = now[i] - p->s0.bytes[i];
    p->last_interim_ms = m.elapsed_ms;
    if (p->cfg->on_interim != NULL)
        p->cfg->on_interim(p->cfg->ctx, &m);
    if (p->cfg->send_interims) {
        n = vs_enc_interim(frame, sizeof frame, &m);
        if (n > 0 && vs_frame_send(p->cfg->control, frame, n, NULL) != 0)
            p->peer_stopped = 1; /* peer gone; the control read reports it */
    }
}

/* Handle one control frame from the peer during the phase. */
static int on_frame(phase *p, vs_err *e)
{
    size_t n, rest_n;
    const uint8_t *rest;
    uint16_t type;
    vs_error_msg em;
    vs_interim im;

    if (vs_frame_recv(p->cfg->control, 5000, p->buf, sizeof p->buf, &n, e) != 0 ||
        vs_frame_split(p->buf, n, &type, &rest, &rest_n, e) != 0)
        return -1;
    switch (type) {
    case VS_MSG_STOP:
        p->peer_stopped = 1;
        return 0;
    case VS_MSG_INTERIM:
        if (vs_dec_interim(rest, rest_n, &im, e) != 0)
            return -1;
        if (p->cfg->on_interim != NULL)
            p->cfg->on_interim(p->cfg->ctx, &im);
        return 0;
    case VS_MSG_ERROR:
        if (vs_dec_error(rest, rest_n, &em, e) != 0)
            return -1;
        return vs_err_set(e, VS_ERR_RUNTIME, "peer reported: %s", em.text);
    default:
        return vs_err_set(e, VS_ERR_PROTOCOL, "unexpected message %u during a test",
                          type);
    }
}

/* The next moment this side has something to do. */
static uint64_t next_deadline(const phase *p)
{
    if (!p->s0.taken)
        return p->t0 > vs_now_ns() ? p->t0 : vs_now_ns() + MS; /* waiting for a late session */
    if (p->cfg->owner && p->cfg->interval_ms != 0 &&
        p->next_interim < p->t1)
        return p->next_interim;
    if (!p->s1.taken)
        return p->t1;
    return p->t1 + (uint64_t)STOP_GRACE_MS * MS + (p->t1 - p->t0);
}

/* Keep time until this side's part of the phase is over. */
static int run_clock(phase *p, vs_err *e)
{
    const vs_measure_cfg *c = p->cfg;

    for (;;) {
        uint64_t now = vs_now_ns(), due = next_deadline(p);
        int wait = due > now ? (int)((due - now) / MS) + 1 : 0;
        vs_pollent pe = { c->control, 1, 0 };

        if (wait > POLL_SLICE_MS)
            wait = POLL_SLICE_MS;
        if (vs_sock_poll(&pe, 1, wait) > 0 && pe.ready && on_frame(p, e) != 0)
            return -1;
        if (c->watch_stop_signal && vs_stop_requested())
            return vs_err_set(e, VS_ERR_RUNTIME, "interrupted");
        now = vs_now_ns();
        if (!p->s0.taken && now >= p->t0 && vs_flows_started(p->st) == c->n) {
            /* The interval begins once every session runs and lasts exactly
             * the duration from there. */
            take_edge(p, &p->s0);
            p->t1 = p->s0.at + (uint64_t)c->duration_ms * MS;
            p->next_interim = p->s0.at + (uint64_t)c->interval_ms * MS;
        }
        if (c->owner && c->interval_ms != 0 && p->s0.taken &&
            now >= p->next_interim && now < p->t1) {
            /* as of when the counters are read: a late tick says so */
            uint64_t bytes[VS_MAX_SESSIONS];
            vs_flows_counters(p->st, bytes);
            interim(p, vs_now_ns(), bytes);
            while (p->next_interim <= now)
                p->next_interim += (uint64_t)c->interval_ms * MS;
        }
        if (!p->s1.taken && (now >= p->t1 || p->peer_stopped)) {
            if (!p->s0.taken)
                take_edge(p, &p->s0);
            take_edge(p, &p->s1);
            if (c->owner && c->interval_ms != 0 &&
                (p->s1.at - p->s0.at) / MS > p->last_interim_ms)
                interim(p, p->s1.at, p->s1.bytes); /* the final slice, full or partial */
        }
        if (c->owner && p->s1.taken)
            return 0;
        if (!c->owner && p->peer_stopped)
            return 0;
        if (!c->owner && now >= next_deadline(p))
            return vs_err_set(e, VS_ERR_RUNTIME,
                              "the other side never ended the test (no STOP)");
        if (vs_flows_ended(p->st) == c->n && vs_flows_failures(p->st) == c->n)
            return vs_err_set(e, VS_ERR_RUNTIME, "every session failed");
    }
}

/* The longest time from a snapshot to a flow's next counter update (for a
 * steady stream distributed like the time from the last counted byte to the
 * snapshot); 0 when no flow moved after it. */
static uint64_t edge_gap(const vs_flow_info *info, int n, int edge, uint64_t at)
{
    uint64_t gap = 0;

    for (int i = 0; i < n; i++)
        if (info[i].mark_ns[edge] > at && info[i].mark_ns[edge] - at > gap)
            gap = info[i].mark_ns[edge] - at;
    return gap;
}

/* Turn snapshots and finished flows into this side's figures. */
static void summarize(phase *p, const vs_flow_info *info, vs_side_result *out)
{
    const vs_measure_cfg *c = p->cfg;
    vs_span spans[VS_MAX_SESSIONS], window = { p->s0.at, p->s1.at }, common;
    vs_cpu_usage cpu;

    memset(out, 0, sizeof *out);
    out->count = (uint16_t)c->n;
    for (int i = 0; i < c->n; i++) {
        spans[i].start = info[i].start_ns;
        spans[i].end = info[i].end_ns;
    }
    vs_span_common(spans, c->n, window, &common);
    vs_cpu_between(&p->s0.cpu, &p->s1.cpu, &cpu);
    out->util_pct = cpu.util_pct;
    out->proc_pct = cpu.proc_pct;
    out->busy_us = cpu.busy_us;
    out->own_cpu_us = cpu.own_us;
    out->edge_start_ns = edge_gap(info, c->n, 0, p->s0.at);
    out->edge_end_ns = edge_gap(info, c->n, 1, p->s1.at);
    for (int i = 0; i < c->n; i++) {
        vs_flow_result *f = &out->flow[i];
        f->window_count = p->s1.bytes[i] - p->s0.bytes[i];
        f->window_ns = vs_span_len(common);
        f->total_bytes = info[i].total_bytes;
        f->transactions = info[i].transactions;
        f->tcp_ok = (uint8_t)info[i].tcp_ok;
        f->tcp_received = info[i].tcp_received;
        f->tcp_acked = info[i].tcp_acked;
        f->failed = (uint8_t)info[i].failed;
        snprintf(f->error, sizeof f->error, "%s", info[i].error);
        if (!f->failed && c->owner && info[i].end_ns < p->s1.at) {
            f->failed = 1;
            snprintf(f->error, sizeof f->error,
                     "session %d ended before the measured interval did", i + 1);
        }
    }
}

static int send_stop(vs_sock control, vs_err *e)
{
    uint8_t frame[16];
    size_t n = vs_enc_empty(frame, sizeof frame, VS_MSG_STOP);

    return vs_frame_send(control, frame, n, e);
}

/* After the clock: the owner tells the other side to stop (after its own
 * sessions finished, with drain_first); the sessions end cleanly, or
 * everything is aborted when the phase failed. */
static int end_phase(vs_flows *fl, const vs_measure_cfg *cfg, int rc, vs_flow_info *info,
                     vs_err *e)
{
    int joined = 0;

    if (rc == 0 && cfg->owner && cfg->drain_first) {
        vs_flows_stop(fl);
        vs_flows_join(fl, info);
        joined = 1;
    }
    if (rc == 0 && cfg->owner)
        rc = send_stop(cfg->control, e);
    if (!joined) {
        if (rc == 0)
            vs_flows_stop(fl);
        else
            vs_flows_abort(fl);
        vs_flows_join(fl, info);
    }
    return rc;
}

int vs_measure(vs_flows *fl, const vs_measure_cfg *cfg, vs_side_result *out, vs_err *e)
{
    vs_flow_info info[VS_MAX_SESSIONS];
    phase *p = calloc(1, sizeof *p); /* holds a 64 KiB frame buffer */
    uint64_t start;
    int rc;

    if (p == NULL) {
        vs_flows_abort(fl);
        vs_flows_join(fl, NULL);
        return vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
    }
    p->cfg = cfg;
    p->st = fl;
    start = vs_now_ns();
    vs_flows_go(fl);
    p->t0 = start + (uint64_t)cfg->warmup_ms * MS;
    p->t1 = p->t0 + (uint64_t)cfg->duration_ms * MS;
    p->next_interim = p->t0 + (uint64_t)cfg->interval_ms * MS;
    rc = end_phase(fl, cfg, run_clock(p, e), info, e);
    if (!p->s0.taken)
        take(p, &p->s0);
    if (!p->s1.taken)
        take(p, &p->s1);
    summarize(p, info, out);
    free(p);
    return rc;
}

void vs_measure_note_recv(vs_flows *fl, vs_side_result *out)
{
    vs_recv_plan used = vs_stream_recv_used(fl);

    out->has_recv = 1;
    out->recv_chunk = used.chunk;
    out->rcvlowat = used.lowat;
}
