/* stream.c - see stream.h. */
#include "workloads/stream.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A flow's buffer: one message (sender) or one read (receiver). */
typedef struct stream_work {
    uint8_t *buf;
    size_t len;
} stream_work;

static const vs_stream_cfg *cfg_of(const vs_flow *f)
{
    return f->fl->cfg;
}

static int stream_prepare(vs_flow *f)
{
    const vs_stream_cfg *c = cfg_of(f);
    stream_work *w = calloc(1, sizeof *w);
    size_t len = c->role == VS_ROLE_SEND ? c->msg_size : c->recv_chunk;
    char text[64];

    if (w == NULL || (w->buf = malloc(len)) == NULL) {
        free(w);
        snprintf(text, sizeof text, "out of memory (%lu bytes)", (unsigned long)len);
        vs_flow_fail_text(f, text);
        return -1;
    }
    w->len = len;
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

    if (cfg_of(f)->role == VS_ROLE_SEND)
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
    if (n < 0)
        vs_flow_fail(f, "waiting for the receiver to finish", n);
    else
        read_tcp_counters(f);
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
