/* server.c - see server.h. */
#include "runner/server.h"
#include "runner/info.h"
#include "runner/log.h"
#include "runner/measure.h"
#include "runner/proto.h"
#include "core/size.h"
#include "platform/fs.h"
#include "platform/net.h"
#include "platform/sysinfo.h"
#include "platform/thread.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ACCEPT_TIMEOUT_MS 15000
#define COOKIE_TIMEOUT_MS 5000
#define START_TIMEOUT_MS 15000

/* What every client thread shares. */
typedef struct server {
    const vs_serve_opts *o;
    vs_host host; /* what WELCOME tells clients */
    uint32_t cid;
    _Atomic int active;
    _Atomic unsigned seq;
} server;

/* One control connection. */
typedef struct conn {
    server *srv;
    vs_sock ctl;
    vs_addr ctl_local;       /* where the client reached us */
    char peer[128];
    unsigned seq;
    vs_test_req req;
    vs_sock lsn[VS_MAX_SESSIONS];
    vs_addr lsn_addr[VS_MAX_SESSIONS];
    vs_sock data[VS_MAX_SESSIONS];
    int nlsn, ndata;
    int tested;              /* a TEST was accepted */
    uint8_t buf[VS_PROTO_MAX_BODY];
} conn;

static int reply(conn *k, const uint8_t *frame, size_t n, vs_err *e)
{
    if (n == 0)
        return vs_err_set(e, VS_ERR_RUNTIME, "internal error: message too large");
    return vs_frame_send(k->ctl, frame, n, e);
}

/* Receive a frame of type `want`; anything else is a protocol error. */
static int expect(conn *k, uint16_t want, int timeout_ms, const uint8_t **rest,
                  size_t *rest_n, vs_err *e)
{
    size_t n;
    uint16_t type;

    if (vs_frame_recv(k->ctl, timeout_ms, k->buf, sizeof k->buf, &n, e) != 0 ||
        vs_frame_split(k->buf, n, &type, rest, rest_n, e) != 0)
        return -1;
    if (type != want)
        return vs_err_set(e, VS_ERR_PROTOCOL, "expected message %u, got %u", want, type);
    return 0;
}

static int greet(conn *k, vs_err *e)
{
    const uint8_t *rest;
    size_t rest_n;
    vs_hello h;
    vs_welcome *w = calloc(1, sizeof *w);
    uint8_t *frame = malloc(VS_PROTO_MAX_BODY);
    int rc = -1;

    if (w == NULL || frame == NULL) {
        vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
        goto out;
    }
    if (expect(k, VS_MSG_HELLO, k->srv->o->handshake_timeout_ms, &rest, &rest_n, e) != 0 ||
        vs_dec_hello(rest, rest_n, &h, e) != 0)
        goto out;
    w->version = VS_PROTO_VERSION;
    w->cid = k->srv->cid;
    w->host = k->srv->host;
    rc = reply(k, frame, vs_enc_welcome(frame, VS_PROTO_MAX_BODY, w), e);
out:
    free(w);
    free(frame);
    return rc;
}

/* The address a data listener binds for session i. */
static int data_addr(conn *k, int i, vs_addr *a, int wildcard_v4, vs_err *e)
{
    memset(a, 0, sizeof *a);
    a->tr = (enum vs_transport)k->req.transport;
    a->has_port = 1;
    switch (a->tr) {
    case VS_TR_TCP:
        if (k->req.any_host || k->ctl_local.tr != VS_TR_TCP)
            snprintf(a->host, sizeof a->host, "%s", wildcard_v4 ? "0.0.0.0" : "::");
        else
            snprintf(a->host, sizeof a->host, "%s", k->ctl_local.host);
        a->port = 0;
        return 0;
    case VS_TR_UNIX:
        if (snprintf(a->path, sizeof a->path, "%s/vsbench-%ld-%u-%d.sock", vs_temp_dir(),
                     vs_pid(), k->seq, i) >= (int)sizeof a->path)
            return vs_err_set(e, VS_ERR_RUNTIME, "temporary directory path is too long "
                              "for a unix socket; set TMPDIR to a shorter one");
        vs_sock_unlink_path(a);
        return 0;
    case VS_TR_VSOCK:
        a->cid = VS_CID_ANY;
        a->port = 0xFFFFFFFFu; /* VMADDR_PORT_ANY */
        return 0;
    default:
        return vs_err_set(e, VS_ERR_UNSUPPORTED,
                          "hvsock: Hyper-V sockets are only available on Windows");
    }
}

static int open_listeners(conn *k, vs_endpoints *ep, vs_err *e)
{
    ep->count = k->req.sessions;
    for (int i = 0; i < k->req.sessions; i++) {
        vs_addr a, bound;
        int rc;
        if (data_addr(k, i, &a, 0, e) != 0)
            return -1;
        rc = vs_sock_listen(&a, k->req.sock_size, &k->lsn[i], e);
        if (rc != 0 && a.tr == VS_TR_TCP && strcmp(a.host, "::") == 0) {
            data_addr(k, i, &a, 1, e); /* no IPv6 here: fall back to IPv4 */
            rc = vs_sock_listen(&a, k->req.sock_size, &k->lsn[i], e);
        }
        if (rc != 0)
            return -1;
        k->lsn_addr[i] = a;
        k->nlsn = i + 1;
        if (vs_sock_bound_addr(k->lsn[i], a.tr, &bound, e) != 0)
            return -1;
        ep->port[i] = bound.port;
        snprintf(ep->path[i], sizeof ep->path[i], "%s", a.tr == VS_TR_UNIX ? a.path : "");
    }
    return 0;
}

static void close_listeners(conn *k)
{
    for (int i = 0; i < k->nlsn; i++) {
        vs_sock_close(k->lsn[i]);
        vs_sock_unlink_path(&k->lsn_addr[i]);
    }
    k->nlsn = 0;
}

static uint64_t read_cookie(const uint8_t b[8])
{
    uint64_t v = 0;

    for (int i = 0; i < 8; i++)
        v = (v << 8) | b[i];
    return v;
}

/* Accept one data connection per listener; each must present the cookie. */
static int accept_data(conn *k, vs_connected *cn, vs_err *e)
{
    enum vs_transport tr = (enum vs_transport)k->req.transport;

    cn->count = k->req.sessions;
    for (int i = 0; i < k->req.sessions; i++) {
        uint8_t tag[VS_SESSION_TAG_BYTES];
        size_t got = 0;
        vs_bufsize b;
        if (vs_sock_accept(k->lsn[i], ACCEPT_TIMEOUT_MS, &k->data[i], e) != 0)
            return vs_err_prefix(e, "data connection %d", i + 1);
        k->ndata = i + 1;
        if (vs_sock_set_timeouts(k->data[i], COOKIE_TIMEOUT_MS, e) != 0)
            return -1;
        while (got < sizeof tag) {
            long n = vs_sock_recv(k->data[i], tag + got, sizeof tag - got);
            if (n <= 0)
                return vs_err_set(e, VS_ERR_PROTOCOL,
                                  "data connection %d closed before identifying itself",
                                  i + 1);
            got += (size_t)n;
        }
        if (read_cookie(tag) != k->req.cookie)
            return vs_err_set(e, VS_ERR_PROTOCOL,
                              "data connection %d is not from this client (bad cookie)",
                              i + 1);
        if (vs_sock_set_bufsize(k->data[i], tr, k->req.sock_size, e) != 0 ||
            vs_sock_get_bufsize(k->data[i], tr, &b, e) != 0)
            return -1;
        cn->snd[i] = b.snd;
        cn->rcv[i] = b.rcv;
    }
    close_listeners(k);
    return 0;
}

static void log_result(conn *k, const vs_side_result *r, enum vs_role role)
{
    uint64_t bytes = 0, ns = 0;
    char m[32];

    for (int i = 0; i < r->count; i++) {
        bytes += r->flow[i].window_bytes;
        ns = r->flow[i].window_ns;
    }
    vs_log("%s: %s %s %ux%s done: %.3f Gbit/s %s, CPU %.1f%%", k->peer,
           vs_test_name((enum vs_test)k->req.test),
           vs_transport_name((enum vs_transport)k->req.transport), k->req.sessions,
           vs_size_format(k->req.msg_size, m, sizeof m),
           ns ? (double)bytes * 8.0 / (double)ns : 0.0,
           role == VS_ROLE_RECV ? "received" : "sent", r->util_pct);
}

/* Streams data, keeps time, reports. */
static int run_phase(conn *k, const vs_connected *cn, vs_err *e)
{
    enum vs_role role = k->req.test == VS_TEST_STREAM ? VS_ROLE_RECV : VS_ROLE_SEND;
    vs_stream_cfg sc = { role, (enum vs_transport)k->req.transport, k->req.msg_size,
                         vs_stream_recv_chunk(k->req.recv_size, k->req.msg_size,
                                              cn->rcv[0]),
                         role == VS_ROLE_RECV ? VS_SESSION_TAG_BYTES : 0, 0 };
    vs_measure_cfg mc;
    vs_side_result *res = calloc(1, sizeof *res);
    uint8_t *frame = malloc(VS_PROTO_MAX_BODY);
    const uint8_t *rest;
    size_t rest_n;
    vs_stream *st = NULL;
    int rc = -1;

    if (res == NULL || frame == NULL) {
        vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
        goto out;
    }
    if (vs_stream_create(&st, k->data, k->ndata, &sc, e) != 0) {
        k->ndata = 0;
        goto out;
    }
    k->ndata = 0; /* the stream owns the sockets */
    if (expect(k, VS_MSG_START, START_TIMEOUT_MS, &rest, &rest_n, e) != 0) {
        vs_stream_abort(st);
        goto out;
    }
    memset(&mc, 0, sizeof mc);
    mc.role = role;
    mc.control = k->ctl;
    mc.n = k->req.sessions;
    mc.duration_ms = k->req.duration_ms;
    mc.warmup_ms = k->req.warmup_ms;
    mc.interval_ms = k->req.interval_ms;
    mc.send_interims = role == VS_ROLE_RECV && k->req.interval_ms != 0;
    if (vs_measure(st, &mc, res, e) != 0)
        goto out;
    log_result(k, res, role);
    rc = reply(k, frame, vs_enc_result(frame, VS_PROTO_MAX_BODY, res), e);
out:
    vs_stream_free(st);
    free(res);
    free(frame);
    return rc;
}

/* The whole conversation with one client. */
static int converse(conn *k, vs_err *e)
{
    const uint8_t *rest;
    size_t rest_n;
    vs_endpoints *ep = calloc(1, sizeof *ep);
    vs_connected cn;
    uint8_t *frame = malloc(VS_PROTO_MAX_BODY);
    char m[32], s[32];
    int rc = -1;

    if (ep == NULL || frame == NULL) {
        vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
        goto out;
    }
    if (greet(k, e) != 0 ||
        expect(k, VS_MSG_TEST, k->srv->o->handshake_timeout_ms, &rest, &rest_n, e) != 0 ||
        vs_dec_test(rest, rest_n, &k->req, e) != 0)
        goto out;
    k->tested = 1;
    vs_log("%s: %s over %s, %u session(s), msg %s, sock %s, %.1f s", k->peer,
           vs_test_name((enum vs_test)k->req.test),
           vs_transport_name((enum vs_transport)k->req.transport), k->req.sessions,
           vs_size_format(k->req.msg_size, m, sizeof m),
           k->req.sock_size ? vs_size_format(k->req.sock_size, s, sizeof s) : "default",
           k->req.duration_ms / 1000.0);
    if (open_listeners(k, ep, e) != 0 ||
        reply(k, frame, vs_enc_endpoints(frame, VS_PROTO_MAX_BODY, ep), e) != 0 ||
        accept_data(k, &cn, e) != 0 ||
        reply(k, frame, vs_enc_connected(frame, VS_PROTO_MAX_BODY, &cn), e) != 0)
        goto out;
    rc = run_phase(k, &cn, e);
out:
    free(ep);
    free(frame);
    return rc;
}

/* Serve one client to the end; returns the test's status (0 = ok). */
static int serve_client(conn *k)
{
    vs_err e;
    int rc;

    vs_err_clear(&e);
    vs_sock_peer_text(k->ctl, k->peer, sizeof k->peer);
    if (vs_sock_bound_addr(k->ctl, k->ctl_local.tr, &k->ctl_local, &e) != 0)
        k->ctl_local.tr = VS_TR_UNIX; /* unknown: data listeners use wildcards */
    rc = converse(k, &e);
    if (rc != 0) {
        vs_log("%s: %s", k->peer, e.msg);
        (void)vs_send_error(k->ctl, e.code, e.msg); /* best effort: peer may be gone */
    }
    close_listeners(k);
    for (int i = 0; i < k->ndata; i++)
        vs_sock_close(k->data[i]);
    vs_sock_close(k->ctl);
    return rc;
}

static void client_thread(void *arg)
{
    conn *k = arg;
    server *srv = k->srv;

    serve_client(k);
    free(k);
    atomic_fetch_sub(&srv->active, 1);
}

static int open_control_listeners(const vs_serve_opts *o, vs_sock *ls, vs_err *e)
{
    char text[300];
    vs_addr bound;

    for (int i = 0; i < o->nlisten; i++) {
        vs_addr a = o->listen[i];
        if (a.tr == VS_TR_UNIX)
            vs_sock_unlink_path(&a); /* a stale file from a killed server */
        if (vs_sock_listen(&a, 0, &ls[i], e) != 0) {
            for (int j = 0; j < i; j++)
                vs_sock_close(ls[j]);
            return -1;
        }
        if (a.tr != VS_TR_UNIX && vs_sock_bound_addr(ls[i], a.tr, &bound, e) == 0) {
            bound.has_port = 1;
            a.port = bound.port; /* the real port when 0 was asked */
        }
        vs_log("listening on %s", vs_addr_format(&a, text, sizeof text));
    }
    return 0;
}

/* Hand an accepted control connection to a thread (or serve it inline
 * with --once). Returns 1 when a --once server is done. */
static int dispatch(server *srv, vs_sock s, enum vs_transport tr, int *status)
{
    conn *k = calloc(1, sizeof *k);
    vs_err e;

    if (k == NULL) {
        vs_sock_close(s);
        return 0;
    }
    k->srv = srv;
    k->ctl = s;
    k->ctl_local.tr = tr;
    k->seq = atomic_fetch_add(&srv->seq, 1);
    if (srv->o->once) {
        *status = serve_client(k);
        int done = k->tested;
        free(k);
        return done;
    }
    if (atomic_fetch_add(&srv->active, 1) >= VS_MAX_CLIENTS) {
        atomic_fetch_sub(&srv->active, 1);
        (void)vs_send_error(s, VS_ERR_REFUSED, "server busy: too many clients, try later");
        vs_sock_close(s);
        free(k);
        return 0;
    }
    if (vs_thread_spawn_detached(client_thread, k, &e) != 0) {
        atomic_fetch_sub(&srv->active, 1);
        vs_log("%s", e.msg);
        vs_sock_close(s);
        free(k);
    }
    return 0;
}

static void server_init(server *srv, const vs_serve_opts *o)
{
    memset(srv, 0, sizeof *srv);
    srv->o = o;
    vs_info_read(&srv->host);
    srv->cid = srv->host.vsock_cid_known ? srv->host.vsock_cid : VS_CID_ANY;
}

int vs_serve(const vs_serve_opts *o, vs_err *e)
{
    static server srv; /* shared with detached client threads */
    vs_sock ls[VS_MAX_LISTEN];
    vs_pollent pe[VS_MAX_LISTEN];
    int status = 0, done = 0;

    server_init(&srv, o);
    if (vs_stop_signals_install(e) != 0 || open_control_listeners(o, ls, e) != 0)
        return -1;
    while (!done && !vs_stop_requested()) {
        for (int i = 0; i < o->nlisten; i++)
            pe[i] = (vs_pollent){ ls[i], 1, 0 };
        if (vs_sock_poll(pe, o->nlisten, 200) <= 0)
            continue;
        for (int i = 0; i < o->nlisten && !done; i++) {
            vs_sock s;
            vs_err ae;
            if (!pe[i].ready)
                continue;
            if (vs_sock_accept(ls[i], 0, &s, &ae) != 0)
                continue; /* the client gave up already */
            if (vs_sock_set_nodelay(s, o->listen[i].tr, &ae) != 0) {
                vs_log("control connection: %s", ae.msg);
                vs_sock_close(s);
                continue;
            }
            done = dispatch(&srv, s, o->listen[i].tr, &status);
        }
    }
    for (int i = 0; i < o->nlisten; i++) {
        vs_sock_close(ls[i]);
        vs_sock_unlink_path(&o->listen[i]);
    }
    if (!done)
        vs_log("stopping (%d test(s) in progress abandoned)", atomic_load(&srv.active));
    if (status != 0)
        return vs_err_set(e, VS_ERR_RUNTIME, "the test failed");
    return 0;
}
