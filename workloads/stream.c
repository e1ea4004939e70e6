/* stream.c - see stream.h. */
#include "workloads/stream.h"
#include "platform/clock.h"
#include "platform/thread.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Seconds a blocked data send/recv may stall before the run fails. */
#define DATA_TIMEOUT_MS 30000

typedef struct flow {
    /* Hot: written by this flow's thread on every iteration. Flows are
     * larger than a cache line, so counters of two flows never share one. */
    _Atomic uint64_t bytes;
    _Atomic int done;
    struct vs_stream *st;
    vs_sock sock;
    vs_thread *thread;
    vs_flow_info info;
} flow;

struct vs_stream {
    vs_stream_cfg cfg;
    int n;
    _Atomic int stop;
    _Atomic int aborted;
    _Atomic int started; /* flows past the gate */
    _Atomic int marks;   /* vs_stream_mark calls so far */
    vs_gate *gate;
    flow *flows;
};

static void flow_fail(flow *f, const char *what, long rc)
{
    char why[128];

    if (f->info.failed)
        return;
    f->info.failed = 1;
    if (rc == 0)
        snprintf(f->info.error, sizeof f->info.error, "%s: peer closed the connection",
                 what);
    else
        snprintf(f->info.error, sizeof f->info.error, "%s: %s", what,
                 vs_sock_strerror(vs_sock_errno(), why, sizeof why));
}

/* Out of the hot path: the first counter update after mark number `m`. */
static int note_mark(flow *f, int m)
{
    if (m >= 1 && m <= VS_STREAM_MARKS)
        f->info.mark_ns[m - 1] = vs_now_ns();
    return m;
}

static void send_loop(flow *f, const uint8_t *buf, size_t len)
{
    vs_stream *st = f->st;
    uint64_t total = 0;
    int seen = 0, m;

    while (!atomic_load_explicit(&st->stop, memory_order_relaxed)) {
        long n = vs_sock_send(f->sock, buf, len);
        if (n <= 0) {
            if (!atomic_load_explicit(&st->aborted, memory_order_relaxed))
                flow_fail(f, "send", n);
            break;
        }
        total += (uint64_t)n;
        atomic_store_explicit(&f->bytes, total, memory_order_relaxed);
        if ((m = atomic_load_explicit(&st->marks, memory_order_relaxed)) != seen)
            seen = note_mark(f, m);
    }
    f->info.total_bytes = total;
}

static void recv_loop(flow *f, uint8_t *buf, size_t len)
{
    vs_stream *st = f->st;
    uint64_t total = 0;
    int seen = 0, m;

    for (;;) {
        long n = vs_sock_recv(f->sock, buf, len);
        if (n == 0)
            break; /* end of stream: the sender is done */
        if (n < 0) {
            if (!atomic_load_explicit(&st->aborted, memory_order_relaxed))
                flow_fail(f, "recv", n);
            break;
        }
        total += (uint64_t)n;
        atomic_store_explicit(&f->bytes, total, memory_order_relaxed);
        if ((m = atomic_load_explicit(&st->marks, memory_order_relaxed)) != seen)
            seen = note_mark(f, m);
    }
    f->info.total_bytes = total;
}

/* After a sender stops: close our direction, wait for the receiver's end
 * of stream (it has then read everything), read the kernel's counters. */
/* The kernel counts sequence space: a FIN is one byte once received
 * (receiver) or acknowledged (sender), and the connecting side's SYN is
 * one byte of tcpi_bytes_acked. The session tag went before the stream.
 * Take those out so the figures are the stream's data bytes. */
static void read_tcp_counters(flow *f)
{
    const vs_stream_cfg *c = &f->st->cfg;
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

static void sender_finish(flow *f, uint8_t *buf, size_t len)
{
    long n;

    if (vs_sock_shutdown(f->sock, VS_SHUT_WR) != 0) {
        flow_fail(f, "shutdown", -1);
        return;
    }
    do {
        n = vs_sock_recv(f->sock, buf, len);
    } while (n > 0);
    if (n < 0 && !atomic_load_explicit(&f->st->aborted, memory_order_relaxed))
        flow_fail(f, "waiting for the receiver to finish", n);
    else
        read_tcp_counters(f);
}

static void receiver_finish(flow *f)
{
    read_tcp_counters(f);
    if (vs_sock_shutdown(f->sock, VS_SHUT_WR) != 0)
        flow_fail(f, "shutdown", -1);
}

static void flow_main(void *arg)
{
    flow *f = arg;
    vs_stream *st = f->st;
    size_t len = st->cfg.role == VS_ROLE_SEND ? st->cfg.msg_size : st->cfg.recv_chunk;
    uint8_t *buf = malloc(len);

    if (buf == NULL) {
        snprintf(f->info.error, sizeof f->info.error, "out of memory (%lu bytes)",
                 (unsigned long)len);
        f->info.failed = 1;
    } else {
        for (size_t i = 0; i < len; i++)
            buf[i] = (uint8_t)(i * 131u + 7u); /* not all zeros: no compression */
    }
    vs_gate_wait(st->gate);
    f->info.start_ns = vs_now_ns();
    atomic_fetch_add(&st->started, 1);
    if (buf != NULL && !atomic_load(&st->aborted)) {
        if (st->cfg.role == VS_ROLE_SEND)
            send_loop(f, buf, len);
        else
            recv_loop(f, buf, len);
    }
    f->info.end_ns = vs_now_ns();
    atomic_store(&f->done, 1);
    if (buf != NULL && !f->info.failed && !atomic_load(&st->aborted)) {
        if (st->cfg.role == VS_ROLE_SEND)
            sender_finish(f, buf, len);
        else
            receiver_finish(f);
    }
    free(buf);
}

int vs_stream_create(vs_stream **out, const vs_sock *socks, int n,
                     const vs_stream_cfg *cfg, vs_err *e)
{
    vs_stream *st = calloc(1, sizeof *st);

    if (st == NULL || (st->flows = calloc((size_t)n, sizeof(flow))) == NULL ||
        (st->gate = vs_gate_new()) == NULL) {
        if (st != NULL) {
            free(st->flows);
            free(st);
        }
        for (int i = 0; i < n; i++)
            vs_sock_close(socks[i]);
        return vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
    }
    st->cfg = *cfg;
    st->n = n;
    for (int i = 0; i < n; i++) {
        st->flows[i].st = st;
        st->flows[i].sock = socks[i];
        if (vs_sock_set_timeouts(socks[i], DATA_TIMEOUT_MS, e) != 0)
            goto fail;
    }
    for (int i = 0; i < n; i++) {
        if (vs_thread_start(&st->flows[i].thread, flow_main, &st->flows[i], e) != 0)
            goto fail;
    }
    *out = st;
    return 0;
fail:
    vs_stream_abort(st);
    vs_stream_free(st);
    return -1;
}

void vs_stream_go(vs_stream *st)
{
    vs_gate_open(st->gate);
}

void vs_stream_counters(vs_stream *st, uint64_t *bytes)
{
    for (int i = 0; i < st->n; i++)
        bytes[i] = atomic_load_explicit(&st->flows[i].bytes, memory_order_relaxed);
}

int vs_stream_started(vs_stream *st)
{
    return atomic_load(&st->started);
}

int vs_stream_ended(vs_stream *st)
{
    int k = 0;

    for (int i = 0; i < st->n; i++)
        k += atomic_load(&st->flows[i].done) != 0;
    return k;
}

int vs_stream_failures(vs_stream *st)
{
    int k = 0;

    for (int i = 0; i < st->n; i++)
        k += atomic_load(&st->flows[i].done) && st->flows[i].info.failed;
    return k;
}

void vs_stream_mark(vs_stream *st)
{
    atomic_fetch_add(&st->marks, 1);
}

void vs_stream_stop(vs_stream *st)
{
    atomic_store(&st->stop, 1);
}

void vs_stream_abort(vs_stream *st)
{
    atomic_store(&st->aborted, 1);
    atomic_store(&st->stop, 1);
    for (int i = 0; i < st->n; i++)
        (void)vs_sock_shutdown(st->flows[i].sock, VS_SHUT_RDWR); /* wake-up only */
    vs_gate_open(st->gate);
}

void vs_stream_join(vs_stream *st, vs_flow_info *out)
{
    for (int i = 0; i < st->n; i++) {
        vs_thread_join(st->flows[i].thread);
        st->flows[i].thread = NULL;
        if (out != NULL)
            out[i] = st->flows[i].info;
    }
}

void vs_stream_free(vs_stream *st)
{
    if (st == NULL)
        return;
    for (int i = 0; i < st->n; i++) {
        if (st->flows[i].thread != NULL)
            vs_thread_join(st->flows[i].thread);
        vs_sock_close(st->flows[i].sock);
    }
    vs_gate_free(st->gate);
    free(st->flows);
    free(st);
}

size_t vs_stream_recv_chunk(uint32_t recv_size, uint32_t msg_size, uint64_t eff_rcv)
{
    const uint64_t floor = 16 * 1024, max = 16 * 1024 * 1024;
    uint64_t c = eff_rcv / 4;

    if (recv_size != 0)
        return recv_size;
    if (c < floor)
        c = floor;
    if (c < msg_size)
        c = msg_size;
    return (size_t)(c > max ? max : c);
}
