/* stream.c - see stream.h. */
#include "workloads/stream.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A flow's buffer: one message (sender) or one read (receiver); a
 * zero-copy sender's completions; a receiver's plan. */
typedef struct stream_work {
    uint8_t *buf;
    size_t len;
    vs_zc zc;
    vs_recv_plan plan;
} stream_work;

static const vs_stream_cfg *cfg_of(const vs_flow *f)
{
    return f->fl->cfg;
}

static int stream_prepare(vs_flow *f)
{
    const vs_stream_cfg *c = cfg_of(f);
    stream_work *w = calloc(1, sizeof *w);
    vs_recv_plan plan = { 0, 0 };
    size_t len = c->msg_size;
    char text[64];
    vs_err e;

    if (c->role == VS_ROLE_RECV) {
        plan = vs_stream_recv_plan(c->tr, c->recv_size, c->msg_size, c->eff_rcv,
                                   vs_sock_tcp_mss(f->sock, c->tr));
        len = plan.chunk;
    }
    if (w == NULL || (w->buf = malloc(len)) == NULL) {
        free(w);
        snprintf(text, sizeof text, "out of memory (%lu bytes)", (unsigned long)len);
        vs_flow_fail_text(f, text);
        return -1;
    }
    w->len = len;
    w->plan = plan;
    if (vs_sock_set_rcvlowat(f->sock, c->tr, plan.lowat, &e) != 0) {
        vs_flow_fail_text(f, e.msg);
        free(w->buf);
        free(w);
        return -1;
    }
    for (size_t i = 0; i < len; i++)
        w->buf[i] = (uint8_t)(i * 131u + 7u); /* not all zeros: no compression */
    f->work = w;
    return 0;
}

static void send_loop(vs_flow *f, const uint8_t *buf, size_t len)
{
    uint64_t total = 0;
    int seen = 0;

    while (!vs_flow_stopping(f)) {
        long n = vs_sock_send(f->sock, buf, len);
        if (n <= 0) {
            vs_flow_fail(f, "send", n);
            break;
        }
        total += (uint64_t)n;
        atomic_store_explicit(&f->count, total, memory_order_relaxed);
        vs_flow_check_mark(f, &seen);
    }
    f->info.total_bytes = total;
}

/* The same with MSG_ZEROCOPY: the buffer never changes, so the loop does
 * not wait for completions; it reads them every VS_ZC_DRAIN_EVERY sends
 * (and vs_zc_send does when the queue is full). */
static void send_loop_zc(vs_flow *f, const uint8_t *buf, size_t len, vs_zc *zc)
{
    uint64_t total = 0;
    int seen = 0;
    unsigned batch = 0;

    while (!vs_flow_stopping(f)) {
        long n = vs_zc_send(f->sock, buf, len, zc);
        if (n <= 0) {
            vs_flow_fail(f, "send (MSG_ZEROCOPY)", n);
            break;
        }
        total += (uint64_t)n;
        atomic_store_explicit(&f->count, total, memory_order_relaxed);
        vs_flow_check_mark(f, &seen);
        if (++batch == VS_ZC_DRAIN_EVERY) {
            batch = 0;
            if (vs_zc_drain(f->sock, zc) != 0) {
                vs_flow_fail(f, "reading zero-copy completions", -1);
                break;
            }
        }
    }
    f->info.total_bytes = total;
}

static void recv_loop(vs_flow *f, uint8_t *buf, size_t len)
{
    uint64_t total = 0;
    int seen = 0;

    for (;;) {
        long n = vs_sock_recv(f->sock, buf, len);
        if (n == 0)
            break; /* end of stream: the sender is done */
        if (n < 0) {
            vs_flow_fail(f, "recv", n);
            break;
        }
        total += (uint64_t)n;
        atomic_store_explicit(&f->count, total, memory_order_relaxed);
        vs_flow_check_mark(f, &seen);
    }
    f->info.total_bytes = total;
}

static void stream_run(vs_flow *f)
{
    stream_work *w = f->work;

    if (cfg_of(f)->role == VS_ROLE_SEND && cfg_of(f)->zerocopy)
        send_loop_zc(f, w->buf, w->len, &w->zc);
    else if (cfg_of(f)->role == VS_ROLE_SEND)
        send_loop(f, w->buf, w->len);
    else
        recv_loop(f, w->buf, w->len);
}

/* The kernel counts sequence space: a FIN is one byte once received
 * (receiver) or acknowledged (sender), and the connecting side's SYN is
 * one byte of tcpi_bytes_acked. The session tag went before the stream.
 * Take those out so the figures are the stream's data bytes. */
static void read_tcp_counters(vs_flow *f)
{
    const vs_stream_cfg *c = cfg_of(f);
    uint64_t rx, ack, extra;

    f->info.tcp_ok = vs_sock_tcp_counters(f->sock, &rx, &ack) == 0;
    if (!f->info.tcp_ok)
        return;
    if (c->role == VS_ROLE_RECV) {
        extra = 1 + c->preamble_bytes;
        f->info.tcp_ok = rx >= extra;
        f->info.tcp_received = rx - extra;
    } else {
        extra = 1 + (c->active_open ? 1u : 0u) + c->preamble_bytes;
        f->info.tcp_ok = ack >= extra;
        f->info.tcp_acked = ack - extra;
    }
}

/* After a sender stops: close our direction, wait for the receiver's end
 * of stream (it has then read everything), read the kernel's counters.
 * A receiver reads them at end of stream and closes its direction. */
static void stream_finish(vs_flow *f)
{
    stream_work *w = f->work;
    long n;

    if (cfg_of(f)->role == VS_ROLE_RECV) {
        read_tcp_counters(f);
        if (vs_sock_shutdown(f->sock, VS_SHUT_WR) != 0)
            vs_flow_fail(f, "shutdown", -1);
        return;
    }
    if (vs_sock_shutdown(f->sock, VS_SHUT_WR) != 0) {
        vs_flow_fail(f, "shutdown", -1);
        return;
    }
    do {
        n = vs_sock_recv(f->sock, w->buf, w->len);
    } while (n > 0);
    if (n < 0) {
        vs_flow_fail(f, "waiting for the receiver to finish", n);
        return;
    }
    read_tcp_counters(f);
    /* Everything is acknowledged: the last completions are queued. */
    if (cfg_of(f)->zerocopy && vs_zc_drain(f->sock, &w->zc) != 0)
        vs_flow_fail(f, "reading zero-copy completions", -1);
}

static void stream_release(vs_flow *f)
{
    stream_work *w = f->work;

    if (w != NULL)
        free(w->buf);
    free(w);
    f->work = NULL;
}

static const vs_flow_ops stream_ops = { stream_prepare, stream_run, stream_finish,
                                        stream_release };

int vs_stream_create(vs_flows **out, const vs_sock *socks, int n, const vs_stream_cfg *cfg,
                     const vs_cpulist *pin, vs_err *e)
{
    return vs_flows_create(out, socks, n, &stream_ops, cfg, pin, e);
}

void vs_stream_zc_stats(vs_flows *fl, vs_zc *sum)
{
    memset(sum, 0, sizeof *sum);
    for (int i = 0; i < fl->n; i++) {
        const stream_work *w = fl->flows[i].work;
        if (w == NULL)
            continue;
        sum->sends += w->zc.sends;
        sum->completed += w->zc.completed;
        sum->copied += w->zc.copied;
        sum->retries += w->zc.retries;
    }
}

vs_recv_plan vs_stream_recv_plan(enum vs_transport tr, uint32_t recv_size, uint32_t msg_size,
                                 uint64_t eff_rcv, uint32_t mss)
{
    const uint32_t floor = 16 * 1024, nic = 64 * 1024, max = 16 * 1024 * 1024;
    int tcp = tr == VS_TR_TCP && mss != 0;
    vs_recv_plan p = { recv_size, 0 };
    uint64_t c = eff_rcv / 4;

    if (recv_size != 0)
        return p;
    if (tcp && mss < floor && msg_size <= 2048) {
        p.chunk = msg_size;
        return p;
    }
    if (c < floor)
        c = floor;
    if (tcp && mss < floor && c < nic && eff_rcv > c) /* a NIC's segments */
        c = eff_rcv < nic ? eff_rcv : nic;
    if (c < msg_size)
        c = msg_size;
    p.chunk = (uint32_t)(c > max ? max : c);
    p.lowat = tcp && mss >= floor && msg_size <= 1024 ? floor : 0;
    return p;
}

vs_recv_plan vs_stream_recv_used(vs_flows *fl)
{
    vs_recv_plan most = { 0, 0 };

    for (int i = 0; i < fl->n; i++) {
        const stream_work *w = fl->flows[i].work;
        if (w == NULL)
            continue;
        if (w->plan.chunk > most.chunk)
            most.chunk = w->plan.chunk;
        if (w->plan.lowat > most.lowat)
            most.lowat = w->plan.lowat;
    }
    return most;
}
