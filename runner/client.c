/* client.c - see client.h. */
#include "runner/client.h"
#include "runner/tune.h"
#include "runner/measure.h"
#include "runner/rrstats.h"
#include "core/label.h"
#include "core/size.h"
#include "core/version.h"
#include "platform/clock.h"
#include "platform/crypto.h"
#include "platform/facts.h"
#include "platform/fs.h"
#include "workloads/rr.h"
#include "workloads/stream.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HANDSHAKE_TIMEOUT_MS 10000
#define SETUP_TIMEOUT_MS 20000
#define RESULT_TIMEOUT_MS 30000

typedef struct client {
    const vs_run_opts *o;
    vs_sock ctl;
    vs_sock data[VS_MAX_SESSIONS];
    int ndata;
    vs_welcome welcome;
    vs_endpoints ep;
    vs_connected conn;
    int authenticated;              /* we answered a CHALLENGE */
    uint8_t sn[VS_NONCE_BYTES];     /* the server's nonce */
    uint8_t cn[VS_NONCE_BYTES];     /* ours */
    int busy;                       /* the server said BUSY */
    vs_busy busy_msg;
    vs_cpulist pin;                   /* --cpu */
    vs_dialer *dialer[VS_MAX_SESSIONS]; /* crr: one per session */
    vs_latency lat[VS_MAX_SESSIONS + 1]; /* rr, crr: per session, then all */
    uint8_t buf[VS_PROTO_MAX_BODY];
} client;

/* Receive one frame; an ERROR from the server becomes our error (refused,
 * or protocol for version problems), BUSY too (remembered for a retry). */
static int receive(client *c, int timeout_ms, uint16_t *type, const uint8_t **rest,
                   size_t *rest_n, vs_err *e)
{
    size_t n;
    vs_error_msg em;

    if (vs_frame_recv(c->ctl, timeout_ms, c->buf, sizeof c->buf, &n, e) != 0 ||
        vs_frame_split(c->buf, n, type, rest, rest_n, e) != 0)
        return -1;
    if (*type == VS_MSG_ERROR) {
        if (vs_dec_error(*rest, *rest_n, &em, e) != 0)
            return -1;
        return vs_err_set(e, em.code == VS_ERR_PROTOCOL ? VS_ERR_PROTOCOL : VS_ERR_REFUSED,
                          "server: %s", em.text);
    }
    if (*type == VS_MSG_BUSY) {
        if (vs_dec_busy(*rest, *rest_n, &c->busy_msg, e) != 0)
            return -1;
        c->busy = 1;
        return vs_err_set(e, VS_ERR_REFUSED, "server %s", c->busy_msg.text);
    }
    return 0;
}

/* Receive one frame of type `want`. */
static int expect(client *c, uint16_t want, int timeout_ms, const uint8_t **rest,
                  size_t *rest_n, vs_err *e)
{
    uint16_t type;

    if (receive(c, timeout_ms, &type, rest, rest_n, e) != 0)
        return -1;
    if (type != want)
        return vs_err_set(e, VS_ERR_PROTOCOL, "server sent message %u, expected %u",
                          type, want);
    return 0;
}

static int send_frame(client *c, const uint8_t *frame, size_t n, vs_err *e)
{
    if (n == 0)
        return vs_err_set(e, VS_ERR_RUNTIME, "internal error: message too large");
    return vs_frame_send(c->ctl, frame, n, e);
}

/* Answer the server's CHALLENGE with our nonce and proof. */
static int answer_challenge(client *c, const uint8_t *b, size_t n, vs_err *e)
{
    uint8_t frame[128];
    vs_challenge ch;
    vs_auth_msg a;

    if (vs_dec_challenge(b, n, &ch, e) != 0)
        return vs_err_prefix(e, "server");
    if (c->o->key == NULL)
        return vs_err_set(e, VS_ERR_REFUSED, "the server requires authentication: give the "
                          "key it was started with (--auth-key FILE, or %s=FILE)",
                          VS_AUTH_KEY_ENV);
    memcpy(c->sn, ch.nonce, sizeof c->sn);
    if (vs_random_bytes(c->cn, sizeof c->cn, e) != 0 ||
        vs_auth_prove(c->o->key, VS_AUTH_CLIENT, c->sn, c->cn, a.proof, e) != 0)
        return -1;
    memcpy(a.nonce, c->cn, sizeof a.nonce);
    c->authenticated = 1;
    return send_frame(c, frame, vs_enc_auth(frame, sizeof frame, &a), e);
}

static int handshake(client *c, vs_err *e)
{
    const vs_run_opts *o = c->o;
    uint8_t frame[32];
    vs_hello h = { VS_PROTO_MAGIC, VS_PROTO_VERSION };
    const uint8_t *rest;
    size_t rest_n;
    uint16_t type;

    if (vs_sock_connect(&o->control, 0, o->connect_timeout_ms, &c->ctl, e) != 0 ||
        vs_sock_set_nodelay(c->ctl, o->control.tr, e) != 0)
        return -1;
    if (send_frame(c, frame, vs_enc_hello(frame, sizeof frame, &h), e) != 0 ||
        receive(c, HANDSHAKE_TIMEOUT_MS, &type, &rest, &rest_n, e) != 0)
        return -1;
    if (type == VS_MSG_CHALLENGE &&
        (answer_challenge(c, rest, rest_n, e) != 0 ||
         receive(c, HANDSHAKE_TIMEOUT_MS, &type, &rest, &rest_n, e) != 0))
        return -1;
    if (type != VS_MSG_WELCOME)
        return vs_err_set(e, VS_ERR_PROTOCOL, "server sent message %u, expected %u",
                          type, VS_MSG_WELCOME);
    if (vs_dec_welcome(rest, rest_n, &c->welcome, e) != 0)
        return vs_err_prefix(e, "server");
    return vs_auth_check_server(c->o->key, c->authenticated, &c->welcome, c->sn, c->cn, e);
}

/* Where data connections go (ports filled in later). */
static int data_base(client *c, vs_addr *base, vs_err *e)
{
    const vs_run_opts *o = c->o;
    enum vs_transport tr = (enum vs_transport)o->req.transport;

    if (o->has_data) {
        *base = o->data;
    } else if (tr == VS_TR_TCP) {
        if (o->control.tr != VS_TR_TCP)
            return vs_err_set(e, VS_ERR_USAGE,
                              "the control channel is %s, so give the data host: "
                              "--data tcp:HOST", vs_transport_name(o->control.tr));
        *base = o->control;
    } else if (tr == VS_TR_VSOCK) {
        memset(base, 0, sizeof *base);
        base->tr = VS_TR_VSOCK;
        base->cid = c->welcome.cid;
        if (base->cid == VS_CID_ANY)
            return vs_err_set(e, VS_ERR_UNSUPPORTED,
                              "the server has no vsock transport (it reports no CID); "
                              "give --data vsock:CID if you know better");
    } else if (tr == VS_TR_UNIX) {
        memset(base, 0, sizeof *base);
        base->tr = VS_TR_UNIX;
    } else {
        return vs_err_set(e, VS_ERR_UNSUPPORTED,
                          "hvsock: Hyper-V sockets are only available on Windows");
    }
    if (base->tr == VS_TR_VSOCK)
        return vs_vsock_peer_check(base->cid, e);
    return 0;
}

static void put_cookie(uint8_t out[8], uint64_t cookie)
{
    for (int i = 0; i < 8; i++)
        out[i] = (uint8_t)(cookie >> (56 - 8 * i));
}

static int connect_data(client *c, const vs_addr *base, uint64_t cookie, vs_err *e)
{
    uint8_t tag[VS_SESSION_TAG_BYTES];

    put_cookie(tag, cookie);
    for (int i = 0; i < c->ep.count; i++) {
        vs_addr a = *base;
        if (a.tr == VS_TR_UNIX)
            snprintf(a.path, sizeof a.path, "%s", c->ep.path[i]);
        else
            a.port = c->ep.port[i];
        if (vs_sock_connect(&a, c->o->req.sock_size, c->o->connect_timeout_ms,
                            &c->data[i], e) != 0)
            return vs_err_prefix(e, "data connection %d", i + 1);
        c->ndata = i + 1;
        if (vs_tune_data_socket(c->data[i], &c->o->req, c->o->req.test == VS_TEST_STREAM,
                                e) != 0)
            return -1;
        if (vs_frame_send(c->data[i], tag, sizeof tag, e) != 0)
            return vs_err_prefix(e, "data connection %d", i + 1);
    }
    return 0;
}

/* Warn about every buffer the OS did not give as requested. */
static void check_sizes(vs_run_report *r, uint64_t req, enum vs_transport tr)
{
    char lim[64], a[32], b[32];
    uint64_t limit = 0;

    if (req == 0)
        return;
    for (int i = 0; i < r->nrows - 1; i++) {
        const vs_bufsize *l = &r->local_buf[i], *m = &r->remote_buf[i];
        if (l->snd < req || l->rcv < req) {
            int snd = l->snd < req;
            if (vs_sock_buf_limit(tr, snd, lim, sizeof lim, &limit))
                vs_report_warn(r, "local %s buffer is %s, not the %s requested: "
                               "clamped by %s = %llu (raise it: sysctl -w %s=%llu)",
                               snd ? "send" : "receive",
                               vs_size_format(snd ? l->snd : l->rcv, a, sizeof a),
                               vs_size_format(req, b, sizeof b), lim,
                               (unsigned long long)limit, lim,
                               (unsigned long long)req);
            else
                vs_report_warn(r, "local %s buffer is %s, not the %s requested",
                               snd ? "send" : "receive",
                               vs_size_format(snd ? l->snd : l->rcv, a, sizeof a),
                               vs_size_format(req, b, sizeof b));
            break;
        }
        if (m->snd < req || m->rcv < req) {
            int snd = m->snd < req;
            vs_report_warn(r, "remote %s buffer is %s, not the %s requested%s%s",
                           snd ? "send" : "receive",
                           vs_size_format(snd ? m->snd : m->rcv, a, sizeof a),
                           vs_size_format(req, b, sizeof b),
                           tr == VS_TR_TCP || tr == VS_TR_UNIX ? ": clamped by the "
                           "server's " : "",
                           tr == VS_TR_TCP || tr == VS_TR_UNIX
                               ? (snd ? "net.core.wmem_max" : "net.core.rmem_max") : "");
            break;
        }
    }
}

/* A cookie no stray connection can guess: 64 bits from the OS's CSPRNG. */
static int new_cookie(uint64_t *cookie, vs_err *e)
{
    uint8_t b[8];

    if (vs_random_bytes(b, sizeof b, e) != 0)
        return -1;
    *cookie = 0;
    for (int i = 0; i < 8; i++)
        *cookie = (*cookie << 8) | b[i];
    return 0;
}

/* The server's message covers every session of the request. */
static int sessions_match(const char *what, unsigned got, unsigned want, vs_err *e)
{
    if (got != want)
        return vs_err_set(e, VS_ERR_PROTOCOL, "server %s %u of %u sessions", what, got, want);
    return 0;
}

/* Phase 1: handshake, then the TEST request; the server names endpoints. */
static int negotiate(client *c, vs_test_req *req, vs_addr *base, vs_run_report *r, vs_err *e)
{
    const vs_run_opts *o = c->o;
    uint8_t frame[320];
    const uint8_t *rest;
    size_t rest_n;

    if (handshake(c, e) != 0)
        return -1;
    r->server_cid = c->welcome.cid;
    if (data_base(c, base, e) != 0 || new_cookie(&req->cookie, e) != 0)
        return -1;
    vs_addr_host_text(base, r->data, sizeof r->data);
    req->any_host = (uint8_t)(o->has_data != 0);
    if (send_frame(c, frame, vs_enc_test(frame, sizeof frame, req), e) != 0 ||
        expect(c, VS_MSG_ENDPOINTS, SETUP_TIMEOUT_MS, &rest, &rest_n, e) != 0 ||
        vs_dec_endpoints(rest, rest_n, &c->ep, e) != 0)
        return -1;
    return sessions_match("offered endpoints for", c->ep.count, req->sessions, e);
}

/* Phase 2: open the data connections; both ends report their buffers. */
static int open_sessions(client *c, const vs_test_req *req, const vs_addr *base,
                         vs_run_report *r, vs_err *e)
{
    const uint8_t *rest;
    size_t rest_n;

    if (connect_data(c, base, req->cookie, e) != 0 ||
        expect(c, VS_MSG_CONNECTED, SETUP_TIMEOUT_MS, &rest, &rest_n, e) != 0 ||
        vs_dec_connected(rest, rest_n, &c->conn, e) != 0)
        return -1;
    if (sessions_match("confirmed", c->conn.count, req->sessions, e) != 0)
        return -1;
    for (int i = 0; i < c->ndata; i++) {
        if (vs_sock_get_bufsize(c->data[i], base->tr, &r->local_buf[i], e) != 0)
            return -1;
        r->remote_buf[i].snd = c->conn.snd[i];
        r->remote_buf[i].rcv = c->conn.rcv[i];
    }
    check_sizes(r, req->sock_size, base->tr);
    vs_facts_path(c->data[0], base->tr, &r->path);
    if (c->conn.has_path)
        r->remote_path = c->conn.path;
    /* What the receiving end of a stream reads per call, until it says
     * (RESULT; a server of before that reads by the rule without the
     * segment size); rr and crr read whole messages. */
    if (!vs_test_is_rr((enum vs_test)req->test))
        r->recv_size = vs_stream_recv_plan(base->tr, req->recv_size, req->msg_size,
                                           req->test == VS_TEST_MAERTS ? r->local_buf[0].rcv
                                                                       : r->remote_buf[0].rcv,
                                           0).chunk;
    return 0;
}

/* START, then measure this side until the interval ends; the flows are
 * joined on return (the caller frees them). */
static int start_and_measure(client *c, vs_flows *fl, const vs_test_req *req, int owner,
                             vs_side_result *local, vs_err *e)
{
    const vs_run_opts *o = c->o;
    vs_measure_cfg mc = { 0 };
    uint8_t frame[16];

    if (send_frame(c, frame, vs_enc_empty(frame, sizeof frame, VS_MSG_START), e) != 0) {
        vs_flows_abort(fl);
        vs_flows_join(fl, NULL);
        return -1;
    }
    mc.owner = owner;
    mc.drain_first = vs_test_is_rr((enum vs_test)req->test);
    mc.control = c->ctl;
    mc.n = req->sessions;
    mc.duration_ms = req->duration_ms;
    mc.warmup_ms = req->warmup_ms;
    mc.interval_ms = req->interval_ms;
    mc.watch_stop_signal = o->watch_stop_signal;
    mc.on_interim = o->on_interim;
    mc.ctx = o->ctx;
    return vs_measure(fl, &mc, local, e);
}

/* Phase 3, stream and maerts. */
static int measure_stream(client *c, const vs_test_req *req, enum vs_transport tr,
                          vs_run_report *r, vs_side_result *local, vs_err *e)
{
    enum vs_role role = req->test == VS_TEST_STREAM ? VS_ROLE_SEND : VS_ROLE_RECV;
    vs_stream_cfg sc = { 0 };
    vs_flows *fl;
    int rc;

    sc.role = role;
    sc.tr = tr;
    sc.msg_size = req->msg_size;
    sc.preamble_bytes = role == VS_ROLE_SEND ? VS_SESSION_TAG_BYTES : 0;
    sc.active_open = 1;
    sc.zerocopy = req->zerocopy && role == VS_ROLE_SEND;
    sc.recv_size = req->recv_size;
    sc.eff_rcv = r->local_buf[0].rcv;
    rc = vs_stream_create(&fl, c->data, c->ndata, &sc, &c->pin, e);
    c->ndata = 0; /* the flows own the sockets now */
    if (rc != 0)
        return -1;
    rc = start_and_measure(c, fl, req, role == VS_ROLE_RECV, local, e);
    vs_stream_zc_stats(fl, &r->zc_local);
    vs_measure_note_recv(fl, local);
    vs_flows_free(fl);
    return rc;
}

/* The data sockets as an rr test uses them: small writes leave at once
 * (rr); for crr each becomes a dialer for that session's listener and is
 * closed (the sessions dial their own connections). */
static int rr_sockets(client *c, const vs_test_req *req, enum vs_transport tr, vs_sock *socks,
                      vs_err *e)
{
    for (int i = 0; i < c->ndata; i++) {
        socks[i] = c->data[i];
        if (req->test == VS_TEST_RR) {
            if (vs_sock_set_nodelay(c->data[i], tr, e) != 0)
                return -1;
            continue;
        }
        if (vs_dialer_new(c->data[i], tr, req->sock_size, VS_DATA_TIMEOUT_MS, &c->dialer[i],
                          e) != 0)
            return -1;
        vs_sock_close(c->data[i]);
        socks[i] = VS_SOCK_NONE;
    }
    c->ndata = 0; /* the flows own the sockets now */
    return 0;
}

/* Phase 3, rr and crr: this side requests, times and owns the interval;
 * the latencies go to c->lat (and to the interval log when asked). */
static int measure_rr(client *c, const vs_test_req *req, enum vs_transport tr,
                      vs_run_report *r, vs_side_result *local, vs_err *e)
{
    vs_rr_cfg rc = { VS_RR_REQUESTER, req->test == VS_TEST_CRR, req->msg_size, req->resp_size,
                     req->burst, req->cookie, { NULL } };
    vs_sock socks[VS_MAX_SESSIONS];
    char comment[160];
    vs_flows *fl;
    int n = c->ndata, st;

    if (rr_sockets(c, req, tr, socks, e) != 0)
        return -1;
    memcpy(rc.dialer, c->dialer, sizeof rc.dialer);
    r->clock_ns = vs_rr_clock_cost_ns();
    if (vs_rr_create(&fl, socks, n, &rc, &c->pin, e) != 0)
        return -1;
    st = start_and_measure(c, fl, req, 1, local, e);
    snprintf(comment, sizeof comment, "vsbench %s: ", VS_VERSION);
    vs_label_point(&r->rows[0].pt, comment + strlen(comment), sizeof comment - strlen(comment));
    if (vs_rrstats_collect(fl, n, local, st == 0 ? c->o->hdr_log : NULL, comment, c->lat,
                           st == 0 ? e : NULL) != 0)
        st = -1;
    vs_flows_free(fl);
    return st;
}

static int measure(client *c, const vs_test_req *req, enum vs_transport tr, vs_run_report *r,
                   vs_side_result *local, vs_err *e)
{
    if (vs_test_is_rr((enum vs_test)req->test))
        return measure_rr(c, req, tr, r, local, e);
    return measure_stream(c, req, tr, r, local, e);
}

/* Phase 4: the server's RESULT, combined with ours into rows. */
static int collect(client *c, const vs_test_req *req, const vs_side_result *local,
                   vs_run_report *r, vs_err *e)
{
    enum vs_role role = req->test == VS_TEST_STREAM ? VS_ROLE_SEND : VS_ROLE_RECV;
    vs_side_result remote;
    const uint8_t *rest;
    size_t rest_n;

    if (expect(c, VS_MSG_RESULT, RESULT_TIMEOUT_MS, &rest, &rest_n, e) != 0 ||
        vs_dec_result(rest, rest_n, &remote, e) != 0)
        return -1;
    if (sessions_match("reported figures for", remote.count, req->sessions, e) != 0)
        return -1;
    if (vs_test_is_rr((enum vs_test)req->test))
        vs_report_compose_rr(r, local, &remote, c->lat);
    else
        vs_report_compose(r, role, local, &remote);
    if (remote.overlap)
        vs_report_warn(r, "another test ran on the server during this one (it allows "
                       "several: serve --max-tests): the figures may be lower than alone");
    if (!vs_report_total(r)->ok)
        return vs_err_set(e, VS_ERR_RUNTIME, "%s", vs_report_total(r)->error);
    return 0;
}

/* An empty report of o's test to o's control address. */
static void report_reset(const vs_run_opts *o, vs_run_report *r)
{
    char ctl[300];

    vs_report_init(r, &o->req, "");
    vs_report_pin(r, o->cpus);
    snprintf(r->control, sizeof r->control, "%s", vs_addr_format(&o->control, ctl, sizeof ctl));
}

/* Set up and run; `r` gets rows (afresh on each attempt). */
static int run_test(client *c, void *arg, vs_err *e)
{
    vs_run_report *r = arg;
    vs_test_req req = c->o->req;
    vs_side_result local;
    vs_addr base;

    report_reset(c->o, r);
    if (vs_cpulist_parse(c->o->cpus, &c->pin, e) != 0 || vs_flows_pin_check(&c->pin, e) != 0)
        return vs_err_prefix(e, "--cpu");
    if (negotiate(c, &req, &base, r, e) != 0 || open_sessions(c, &req, &base, r, e) != 0)
        return -1;
    if (c->o->on_ready != NULL)
        c->o->on_ready(c->o->ctx, r);
    if (measure(c, &req, base.tr, r, &local, e) != 0)
        return -1;
    return collect(c, &req, &local, r, e);
}

static void client_free(client *c)
{
    for (int i = 0; i < c->ndata; i++)
        vs_sock_close(c->data[i]);
    for (int i = 0; i < VS_MAX_SESSIONS; i++)
        vs_dialer_free(c->dialer[i]);
    vs_sock_close(c->ctl);
    free(c);
}

/* What one attempt (one control connection) does. */
typedef int (*attempt_fn)(client *c, void *arg, vs_err *e);

/* One attempt on a fresh connection; *busy gets the server's BUSY, if any. */
static int attempt(const vs_run_opts *o, attempt_fn fn, void *arg, vs_busy *busy,
                   int *was_busy, vs_err *e)
{
    client *c = calloc(1, sizeof *c);
    int rc;

    *was_busy = 0;
    if (c == NULL)
        return vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
    c->o = o;
    c->ctl = VS_SOCK_NONE;
    rc = fn(c, arg, e);
    if (rc != 0 && c->busy) {
        *was_busy = 1;
        *busy = c->busy_msg;
    }
    client_free(c);
    return rc;
}

/* Sleep ms (at least 100), or less when a stop is requested: 0 if not. */
static int wait_retry(const vs_run_opts *o, uint32_t ms)
{
    uint64_t end = vs_now_ns() + (uint64_t)(ms < 100 ? 100 : ms) * 1000000u;

    while (vs_now_ns() < end) {
        if (o->watch_stop_signal && vs_stop_requested())
            return -1;
        vs_sleep_ms(100);
    }
    return 0;
}

/* Attempts until one is not told BUSY, within o->busy_wait_ms. */
static int with_retries(const vs_run_opts *o, attempt_fn fn, void *arg, vs_err *e)
{
    uint64_t start = vs_now_ns(), give_up = start + (uint64_t)o->busy_wait_ms * 1000000u;

    for (;;) {
        vs_busy b;
        int busy, rc = attempt(o, fn, arg, &b, &busy, e);
        uint64_t now = vs_now_ns();
        if (rc == 0 || !busy)
            return rc;
        if (o->busy_wait_ms <= 0 || now + (uint64_t)b.retry_ms * 1000000u > give_up)
            return vs_err_set(e, VS_ERR_REFUSED, "server %s; gave up after waiting %.0f s "
                              "(--busy-wait S waits up to S seconds)", b.text,
                              (double)(now - start) / 1e9);
        if (o->on_busy != NULL)
            o->on_busy(o->ctx, &b);
        if (wait_retry(o, b.retry_ms) != 0)
            return vs_err_set(e, VS_ERR_RUNTIME, "interrupted while the server was busy");
    }
}

int vs_client_run(const vs_run_opts *o, vs_run_report *r, vs_err *e)
{
    int rc;

    report_reset(o, r); /* also when no attempt gets as far as run_test */
    rc = with_retries(o, run_test, r, e);
    if (rc != 0) {
        for (int i = 0; i < r->nrows; i++) {
            r->rows[i].ok = 0;
            if (r->error[i][0] == '\0')
                vs_report_fail(r, i, e->msg);
        }
    }
    return rc;
}

static int probe(client *c, void *arg, vs_err *e)
{
    if (handshake(c, e) != 0)
        return -1;
    *(vs_welcome *)arg = c->welcome;
    return 0;
}

int vs_client_probe(const vs_run_opts *o, vs_welcome *w, vs_err *e)
{
    return with_retries(o, probe, w, e);
}
