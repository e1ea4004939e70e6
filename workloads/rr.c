/* rr.c - see rr.h. */
#include "workloads/rr.h"
#include "platform/clock.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define COOKIE_BYTES 8
#define ACCEPT_SLICE_MS 100 /* a crr responder looks at the stop flag this often */

/* A session's buffers, ring of send times and histogram, all allocated
 * before the start gate. */
typedef struct rr_work {
    uint8_t *req;        /* crr: the cookie, then the request */
    size_t req_len;
    uint8_t *resp;
    size_t resp_len;
    uint64_t *sent_at;   /* requester: send time of each request in flight */
    vs_hist *hist;       /* requester */
} rr_work;

static const vs_rr_cfg *cfg_of(const vs_flow *f)
{
    return f->fl->cfg;
}

/* ---- whole messages ----------------------------------------------------- */

/* Send all of buf: 1, or the failing call's result (0 closed, -1 error). */
static long send_all(vs_sock s, const uint8_t *buf, size_t len)
{
    size_t off = 0;

    while (off < len) {
        long n = vs_sock_send(s, buf + off, len - off);
        if (n <= 0)
            return n;
        off += (size_t)n;
    }
    return 1;
}

/* Receive exactly len bytes: len, or fewer when the peer closed (0 at a
 * message boundary), or -1 on an error. */
static long recv_all(vs_sock s, uint8_t *buf, size_t len)
{
    size_t off = 0;

    while (off < len) {
        long n = vs_sock_recv(s, buf + off, len - off);
        if (n < 0)
            return -1;
        if (n == 0)
            break;
        off += (size_t)n;
    }
    return (long)off;
}

/* A receive that did not bring a whole message, as the flow's failure. */
static void fail_recv(vs_flow *f, const char *what, long got)
{
    char text[128];

    if (got <= 0) {
        vs_flow_fail(f, what, got);
        return;
    }
    snprintf(text, sizeof text, "%s: the peer closed the connection %ld bytes into it", what,
             got);
    vs_flow_fail_text(f, text);
}

/* ---- set-up -------------------------------------------------------------- */

static void put_cookie(uint8_t *out, uint64_t cookie)
{
    for (int i = 0; i < COOKIE_BYTES; i++)
        out[i] = (uint8_t)(cookie >> (56 - 8 * i));
}

static int rr_prepare(vs_flow *f)
{
    const vs_rr_cfg *c = cfg_of(f);
    size_t pre = c->crr ? COOKIE_BYTES : 0;
    rr_work *w = calloc(1, sizeof *w);
    vs_err e;

    if (w == NULL)
        return vs_flow_fail_text(f, "out of memory"), -1;
    f->work = w;
    w->req_len = pre + c->req_size;
    w->resp_len = c->resp_size;
    w->req = malloc(w->req_len);
    w->resp = malloc(w->resp_len);
    w->sent_at = calloc((size_t)c->burst + 1, sizeof *w->sent_at);
    if (w->req == NULL || w->resp == NULL || w->sent_at == NULL)
        return vs_flow_fail_text(f, "out of memory (request and response buffers)"), -1;
    for (size_t i = 0; i < w->req_len; i++)
        w->req[i] = (uint8_t)(i * 131u + 7u); /* not all zeros: no compression */
    for (size_t i = 0; i < w->resp_len; i++)
        w->resp[i] = (uint8_t)(i * 137u + 11u);
    if (c->crr)
        put_cookie(w->req, c->cookie);
    if (c->part == VS_RR_REQUESTER && vs_hist_new(&w->hist, &e) != 0)
        return vs_flow_fail_text(f, e.msg), -1;
    return 0;
}

static void rr_release(vs_flow *f)
{
    rr_work *w = f->work;

    if (w != NULL) {
        free(w->req);
        free(w->resp);
        free(w->sent_at);
        vs_hist_free(w->hist);
    }
    free(w);
    f->work = NULL;
}

/* ---- requester ------------------------------------------------------------ */

/* One transaction ended at t after starting at `since`: into the
 * histogram when it ended inside the measured window. */
static inline void record(vs_flow *f, rr_work *w, uint64_t t, uint64_t since)
{
    if (t >= atomic_load_explicit(&f->fl->win_start, memory_order_relaxed) &&
        t < atomic_load_explicit(&f->fl->win_end, memory_order_relaxed))
        vs_hist_record(w->hist, (int64_t)(t - since));
}

/* rr: fill the ring with requests, then one response in, one request out,
 * until stopped; then collect the responses still in flight. */
static void rr_request(vs_flow *f, rr_work *w, int ring)
{
    uint64_t done = 0, t;
    int head = 0, inflight = 0;
    long rc;

    for (; inflight < ring && !vs_flow_stopping(f); inflight++) {
        w->sent_at[inflight] = vs_now_ns();
        if ((rc = send_all(f->sock, w->req, w->req_len)) != 1) {
            vs_flow_fail(f, "sending a request", rc);
            return;
        }
    }
    while (inflight > 0) {
        if ((rc = recv_all(f->sock, w->resp, w->resp_len)) != (long)w->resp_len) {
            fail_recv(f, "waiting for a response", rc);
            break;
        }
        t = vs_now_ns();
        record(f, w, t, w->sent_at[head]);
        atomic_store_explicit(&f->count, ++done, memory_order_relaxed);
        f->info.transactions = done;
        if (vs_flow_stopping(f)) {
            inflight--;
        } else {
            w->sent_at[head] = t;
            if ((rc = send_all(f->sock, w->req, w->req_len)) != 1) {
                vs_flow_fail(f, "sending a request", rc);
                break;
            }
        }
        head = head + 1 == ring ? 0 : head + 1;
    }
}

/* The rest of a crr transaction on its own connection: request out,
 * response in, then the responder's end of stream. 0, or -1 failed. */
static int crr_exchange(vs_flow *f, rr_work *w, vs_sock s)
{
    long rc = send_all(s, w->req, w->req_len);

    if (rc != 1)
        return vs_flow_fail(f, "sending a request", rc), -1;
    rc = recv_all(s, w->resp, w->resp_len);
    if (rc != (long)w->resp_len)
        return fail_recv(f, "waiting for a response", rc), -1;
    rc = vs_sock_recv(s, w->resp, 1);
    if (rc != 0) {
        if (rc > 0)
            vs_flow_fail_text(f, "the server sent more than the response");
        else
            vs_flow_fail(f, "waiting for the server to close", rc);
        return -1;
    }
    return 0;
}

/* crr: connect, request, response, end of stream, close; timed from the
 * end of the previous transaction (the connect is part of each). */
static void crr_request(vs_flow *f, rr_work *w, const vs_dialer *d)
{
    uint64_t done = 0, since = vs_now_ns(), t;
    vs_err e;

    while (!vs_flow_stopping(f)) {
        vs_sock s;
        int rc;
        if (vs_dialer_connect(d, &s, &e) != 0) {
            if (!vs_flow_aborted(f))
                vs_flow_fail_text(f, e.msg);
            break;
        }
        rc = crr_exchange(f, w, s);
        vs_sock_close(s);
        if (rc != 0)
            break;
        t = vs_now_ns();
        record(f, w, t, since);
        since = t;
        atomic_store_explicit(&f->count, ++done, memory_order_relaxed);
        f->info.transactions = done;
    }
}

/* ---- responder ------------------------------------------------------------ */

/* rr: answer every request until the requester's end of stream. */
static void rr_respond(vs_flow *f, rr_work *w)
{
    uint64_t done = 0;
    long rc;

    for (;;) {
        rc = recv_all(f->sock, w->req, w->req_len);
        if (rc == 0)
            break; /* the requester is done */
        if (rc != (long)w->req_len) {
            fail_recv(f, "waiting for a request", rc);
            break;
        }
        if ((rc = send_all(f->sock, w->resp, w->resp_len)) != 1) {
            vs_flow_fail(f, "sending a response", rc);
            break;
        }
        atomic_store_explicit(&f->count, ++done, memory_order_relaxed);
        f->info.transactions = done;
    }
}

/* crr: accept, read the cookie and request, answer, close - until
 * stopped. A connection without the cookie is not ours: closed, not
 * counted. */
static void crr_respond(vs_flow *f, rr_work *w, uint64_t cookie)
{
    uint8_t want[COOKIE_BYTES];
    uint64_t done = 0;
    vs_err e;

    put_cookie(want, cookie);
    while (!vs_flow_stopping(f)) {
        vs_sock s;
        long rc;
        int got = vs_sock_accept_wait(f->sock, ACCEPT_SLICE_MS, &s, &e);
        if (got == 0)
            continue;
        if (got < 0) {
            if (!vs_flow_aborted(f))
                vs_flow_fail_text(f, e.msg);
            break;
        }
        rc = recv_all(s, w->req, w->req_len);
        if (rc != (long)w->req_len || memcmp(w->req, want, COOKIE_BYTES) != 0) {
            vs_sock_close(s);
            continue;
        }
        rc = send_all(s, w->resp, w->resp_len);
        vs_sock_close(s); /* first: the TIME_WAIT state stays on this side */
        if (rc != 1) {
            vs_flow_fail(f, "sending a response", rc);
            break;
        }
        atomic_store_explicit(&f->count, ++done, memory_order_relaxed);
        f->info.transactions = done;
    }
}

static void rr_run(vs_flow *f)
{
    const vs_rr_cfg *c = cfg_of(f);
    rr_work *w = f->work;

    if (c->part == VS_RR_REQUESTER && c->crr)
        crr_request(f, w, c->dialer[f->index]);
    else if (c->part == VS_RR_REQUESTER)
        rr_request(f, w, c->burst + 1);
    else if (c->crr)
        crr_respond(f, w, c->cookie);
    else
        rr_respond(f, w);
}

/* rr: the requester closes its direction and waits for the responder's
 * end of stream; the responder closes its own after the requester's. */
static void rr_finish(vs_flow *f)
{
    const vs_rr_cfg *c = cfg_of(f);
    rr_work *w = f->work;
    long n;

    if (c->crr)
        return;
    if (vs_sock_shutdown(f->sock, VS_SHUT_WR) != 0) {
        vs_flow_fail(f, "shutdown", -1);
        return;
    }
    if (c->part == VS_RR_RESPONDER)
        return;
    n = vs_sock_recv(f->sock, w->resp, w->resp_len);
    if (n > 0)
        vs_flow_fail_text(f, "the server sent more responses than requests");
    else if (n < 0)
        vs_flow_fail(f, "waiting for the server to finish", n);
}

static const vs_flow_ops rr_ops = { rr_prepare, rr_run, rr_finish, rr_release };

int vs_rr_create(vs_flows **out, const vs_sock *socks, int n, const vs_rr_cfg *cfg,
                 const vs_cpulist *pin, vs_err *e)
{
    return vs_flows_create(out, socks, n, &rr_ops, cfg, pin, e);
}

const vs_hist *vs_rr_histogram(vs_flows *fl, int i)
{
    const rr_work *w = i >= 0 && i < fl->n ? fl->flows[i].work : NULL;

    return w != NULL ? w->hist : NULL;
}

double vs_rr_clock_cost_ns(void)
{
    const int calls = 100000;
    volatile uint64_t sink = 0;
    uint64_t t0 = vs_now_ns(), t1;

    for (int i = 0; i < calls; i++)
        sink ^= vs_now_ns();
    t1 = vs_now_ns();
    (void)sink;
    return (double)(t1 - t0) / calls;
}
