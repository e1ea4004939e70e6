/* servetest.c - see servetest.h. */
#include "runner/servetest.h"
#include "runner/log.h"
#include "runner/measure.h"
#include "runner/tally.h"
#include "runner/tune.h"
#include "core/size.h"
#include "platform/clock.h"
#include "platform/facts.h"
#include "platform/fs.h"
#include "platform/net.h"
#include "workloads/rr.h"
#include "workloads/stream.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ACCEPT_TIMEOUT_MS 15000 /* for all data connections of a test */
#define COOKIE_TIMEOUT_MS 2000  /* for one connection to say whose it is */
#define START_TIMEOUT_MS 15000
#define MAX_CANDIDATES 16       /* data connections not yet identified */

/* One test's control connection and data sockets. */
typedef struct conn {
    vs_sock ctl;
    vs_addr ctl_local;       /* where the client reached us */
    char peer[128];
    unsigned seq;
    vs_test_req req;
    vs_slots *slots;
    int slot;
    vs_sock lsn[VS_MAX_SESSIONS];
    vs_addr lsn_addr[VS_MAX_SESSIONS];
    vs_sock data[VS_MAX_SESSIONS]; /* by session; VS_SOCK_NONE until identified */
    int nlsn;
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

/* ---- data listeners -------------------------------------------------------- */

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

/* ---- data connections: each presents the cookie --------------------------- */

/* A data connection that has not yet said whose it is. */
typedef struct candidate {
    vs_sock s;
    int session;             /* the listener it came in on */
    uint64_t deadline_ns;
    size_t got;
    uint8_t tag[VS_SESSION_TAG_BYTES];
} candidate;

typedef struct arrivals {
    candidate c[MAX_CANDIDATES];
    int n;                   /* candidates */
    int found;               /* sessions identified */
} arrivals;

static uint64_t read_cookie(const uint8_t b[8])
{
    uint64_t v = 0;

    for (int i = 0; i < 8; i++)
        v = (v << 8) | b[i];
    return v;
}

static void drop_candidate(arrivals *ar, int i)
{
    vs_sock_close(ar->c[i].s);
    vs_tally(VS_TALLY_STRAY);
    ar->c[i] = ar->c[--ar->n];
}

/* Accept what waits on listener `i` as a candidate; -1 when the system
 * is out of descriptors. */
static int take_arrival(conn *k, arrivals *ar, int i, vs_err *e)
{
    vs_sock s;
    int rc = vs_sock_accept_ready(k->lsn[i], &s, e);

    if (rc != 0)
        return rc < 0 ? vs_err_prefix(e, "data connection %d", i + 1) : 0;
    if (ar->n == MAX_CANDIDATES) /* a flood: make room */
        drop_candidate(ar, 0);
    ar->c[ar->n++] = (candidate){ s, i, vs_now_ns() + COOKIE_TIMEOUT_MS * 1000000ull, 0, { 0 } };
    return 0;
}

/* Read candidate `i`'s cookie; identified, it becomes its session's
 * socket; a wrong cookie, a session already taken or a closed
 * connection is dropped. Returns 1 when the candidate left the table. */
static int read_candidate(conn *k, arrivals *ar, int i)
{
    candidate *c = &ar->c[i];
    long n = vs_sock_recv(c->s, c->tag + c->got, sizeof c->tag - c->got);

    if (n <= 0) {
        drop_candidate(ar, i);
        return 1;
    }
    c->got += (size_t)n;
    if (c->got < sizeof c->tag)
        return 0;
    if (read_cookie(c->tag) != k->req.cookie || k->data[c->session] != VS_SOCK_NONE) {
        drop_candidate(ar, i);
        return 1;
    }
    k->data[c->session] = c->s;
    ar->found++;
    ar->c[i] = ar->c[--ar->n];
    return 1;
}

/* One round: poll the listeners still waiting and the candidates. */
static int arrivals_round(conn *k, arrivals *ar, int wait_ms, vs_err *e)
{
    vs_pollent pe[VS_MAX_SESSIONS + MAX_CANDIDATES];
    int who[VS_MAX_SESSIONS + MAX_CANDIDATES], np = 0, nl, nc = ar->n;
    uint64_t now;

    for (int i = 0; i < k->req.sessions; i++)
        if (k->data[i] == VS_SOCK_NONE) {
            who[np] = i;
            pe[np++] = (vs_pollent){ k->lsn[i], 1, 0 };
        }
    nl = np;
    for (int i = 0; i < nc; i++)
        pe[np++] = (vs_pollent){ ar->c[i].s, 1, 0 };
    if (vs_sock_poll(pe, np, wait_ms) <= 0)
        return 0;
    for (int i = nc - 1; i >= 0; i--) /* candidates first: the table shifts */
        if (pe[nl + i].ready)
            read_candidate(k, ar, i);
    for (int i = 0; i < nl; i++)
        if (pe[i].ready && take_arrival(k, ar, who[i], e) != 0)
            return -1;
    now = vs_now_ns();
    for (int i = ar->n - 1; i >= 0; i--)
        if (now >= ar->c[i].deadline_ns)
            drop_candidate(ar, i);
    return 0;
}

/* Every session's data connection, identified by the cookie, within
 * ACCEPT_TIMEOUT_MS; strays are dropped (and counted) on the way. */
static int accept_data(conn *k, vs_connected *cn, vs_err *e)
{
    enum vs_transport tr = (enum vs_transport)k->req.transport;
    uint64_t deadline = vs_now_ns() + ACCEPT_TIMEOUT_MS * 1000000ull;
    arrivals ar;
    int rc = 0;

    memset(&ar, 0, sizeof ar);
    while (rc == 0 && ar.found < k->req.sessions) {
        uint64_t now = vs_now_ns();
        if (now >= deadline) {
            int i = 0;
            while (k->data[i] != VS_SOCK_NONE)
                i++;
            rc = vs_err_set(e, VS_ERR_RUNTIME, "data connection %d: none with this test's "
                            "cookie within %d ms", i + 1, ACCEPT_TIMEOUT_MS);
            break;
        }
        rc = arrivals_round(k, &ar, (int)((deadline - now) / 1000000u) + 1 > 100 ? 100
                                    : (int)((deadline - now) / 1000000u) + 1, e);
    }
    while (ar.n > 0)
        drop_candidate(&ar, ar.n - 1);
    if (k->req.test != VS_TEST_CRR) /* crr keeps accepting, a connection per transaction */
        close_listeners(k);
    cn->count = k->req.sessions;
    for (int i = 0; rc == 0 && i < k->req.sessions; i++) {
        vs_bufsize b;
        if (vs_sock_set_bufsize(k->data[i], tr, k->req.sock_size, e) != 0 ||
            vs_sock_get_bufsize(k->data[i], tr, &b, e) != 0 ||
            vs_tune_data_socket(k->data[i], &k->req, k->req.test == VS_TEST_MAERTS, e) != 0)
            return -1;
        cn->snd[i] = b.snd;
        cn->rcv[i] = b.rcv;
    }
    /* this end of the data path, for the client's results */
    vs_facts_init(&cn->path);
    cn->has_path = rc == 0;
    if (rc == 0)
        vs_facts_path(k->data[0], tr, &cn->path);
    return rc;
}

/* ---- the measured phase ---------------------------------------------------- */

static void log_result(conn *k, const vs_side_result *r)
{
    const char *overlap = r->overlap ? " (overlapped another test)" : "";
    uint64_t count = 0, ns = 0;
    char m[32];

    for (int i = 0; i < r->count; i++) {
        count += r->flow[i].window_count;
        ns = r->flow[i].window_ns;
    }
    if (vs_test_is_rr((enum vs_test)k->req.test)) {
        vs_log("%s: %s %s %ux%s done: %.0f transactions/s answered, CPU %.1f%%%s", k->peer,
               vs_test_name((enum vs_test)k->req.test),
               vs_transport_name((enum vs_transport)k->req.transport), k->req.sessions,
               vs_size_format(k->req.msg_size, m, sizeof m),
               ns ? (double)count * 1e9 / (double)ns : 0.0, r->util_pct, overlap);
        return;
    }
    vs_log("%s: %s %s %ux%s done: %.3f Gbit/s %s, CPU %.1f%%%s", k->peer,
           vs_test_name((enum vs_test)k->req.test),
           vs_transport_name((enum vs_transport)k->req.transport), k->req.sessions,
           vs_size_format(k->req.msg_size, m, sizeof m),
           ns ? (double)count * 8.0 / (double)ns : 0.0,
           k->req.test == VS_TEST_STREAM ? "received" : "sent", r->util_pct, overlap);
}

/* The sockets the sessions use, owned by them from here: for rr the data
 * connections (small writes leave at once), for crr the listeners (each
 * accepted connection inherits their options; the set-up connections are
 * closed, their work done). */
static int session_sockets(conn *k, vs_sock *socks, vs_err *e)
{
    enum vs_transport tr = (enum vs_transport)k->req.transport;
    int crr = k->req.test == VS_TEST_CRR;

    for (int i = 0; i < k->req.sessions; i++) {
        socks[i] = crr ? k->lsn[i] : k->data[i];
        if (vs_sock_set_nodelay(socks[i], tr, e) != 0)
            return -1;
    }
    for (int i = 0; i < k->req.sessions; i++) {
        if (crr) {
            vs_sock_close(k->data[i]);
            k->lsn[i] = VS_SOCK_NONE; /* the path stays, for close_listeners to remove */
        }
        k->data[i] = VS_SOCK_NONE;
    }
    return 0;
}

/* The sessions of this side: the stream's receivers or senders, or the
 * responders of rr and crr. `sc` and `rc` must outlive them. */
static int start_sessions(conn *k, const vs_connected *cn, vs_stream_cfg *sc, vs_rr_cfg *rc,
                          vs_flows **fl, vs_err *e)
{
    const vs_test_req *q = &k->req;
    vs_sock socks[VS_MAX_SESSIONS];
    vs_cpulist pin;
    int n = q->sessions;

    if (vs_cpulist_parse(q->server_cpus, &pin, e) != 0)
        return -1;
    if (!vs_test_is_rr((enum vs_test)q->test)) {
        sc->role = q->test == VS_TEST_STREAM ? VS_ROLE_RECV : VS_ROLE_SEND;
        sc->tr = (enum vs_transport)q->transport;
        sc->msg_size = q->msg_size;
        sc->preamble_bytes = sc->role == VS_ROLE_RECV ? VS_SESSION_TAG_BYTES : 0;
        sc->zerocopy = q->zerocopy && sc->role == VS_ROLE_SEND;
        sc->recv_size = q->recv_size;
        sc->eff_rcv = cn->rcv[0];
        for (int i = 0; i < n; i++) {
            socks[i] = k->data[i];
            k->data[i] = VS_SOCK_NONE; /* the flows own (or closed) the sockets */
        }
        return vs_stream_create(fl, socks, n, sc, &pin, e);
    }
    rc->part = VS_RR_RESPONDER;
    rc->crr = q->test == VS_TEST_CRR;
    rc->req_size = q->msg_size;
    rc->resp_size = q->resp_size;
    rc->cookie = q->cookie;
    if (session_sockets(k, socks, e) != 0)
        return -1;
    return vs_rr_create(fl, socks, n, rc, &pin, e);
}

/* A zero-copy sender's completions: how many sends the kernel reports
 * done, and how many of those it had to copy after all (loopback, veth). */
static void log_zerocopy(conn *k, vs_flows *fl, const vs_stream_cfg *sc)
{
    vs_zc z;

    if (!sc->zerocopy)
        return;
    vs_stream_zc_stats(fl, &z);
    vs_log("%s: zero-copy sends %llu, completed %llu, copied by the kernel %llu, retried "
           "after ENOBUFS %llu", k->peer, (unsigned long long)z.sends,
           (unsigned long long)z.completed, (unsigned long long)z.copied,
           (unsigned long long)z.retries);
}

/* Runs the sessions, keeps time, reports. */
static int run_phase(conn *k, const vs_connected *cn, vs_err *e)
{
    vs_stream_cfg sc = { 0 };
    vs_rr_cfg rc = { 0 };
    vs_measure_cfg mc;
    vs_side_result *res = calloc(1, sizeof *res);
    uint8_t *frame = malloc(VS_PROTO_MAX_BODY);
    const uint8_t *rest;
    size_t rest_n;
    vs_flows *fl = NULL;
    int st = -1;

    if (res == NULL || frame == NULL) {
        vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
        goto out;
    }
    if (start_sessions(k, cn, &sc, &rc, &fl, e) != 0) {
        fl = NULL;
        goto out;
    }
    if (expect(k, VS_MSG_START, START_TIMEOUT_MS, &rest, &rest_n, e) != 0) {
        vs_flows_abort(fl);
        goto out;
    }
    memset(&mc, 0, sizeof mc);
    mc.owner = k->req.test == VS_TEST_STREAM; /* the receiver of a stream */
    mc.control = k->ctl;
    mc.n = k->req.sessions;
    mc.duration_ms = k->req.duration_ms;
    mc.warmup_ms = k->req.warmup_ms;
    mc.interval_ms = k->req.interval_ms;
    mc.send_interims = mc.owner && k->req.interval_ms != 0;
    if (vs_measure(fl, &mc, res, e) != 0)
        goto out;
    res->overlap = (uint8_t)vs_slots_overlapped(k->slots, k->slot);
    if (!vs_test_is_rr((enum vs_test)k->req.test))
        vs_measure_note_recv(fl, res);
    log_result(k, res);
    log_zerocopy(k, fl, &sc);
    st = reply(k, frame, vs_enc_result(frame, VS_PROTO_MAX_BODY, res), e);
out:
    vs_flows_free(fl);
    free(res);
    free(frame);
    return st;
}

/* ---- the conversation ------------------------------------------------------ */

/* The test a client asked for, in the log. */
static void log_test(const conn *k)
{
    const vs_test_req *q = &k->req;
    char m[32], s[32], r[32], pin[VS_CPULIST_TEXT_MAX + 16] = "";
    char tune[64];

    if (q->server_cpus[0] != '\0')
        snprintf(pin, sizeof pin, ", CPUs %s", q->server_cpus);
    if (vs_test_is_rr((enum vs_test)q->test))
        snprintf(r, sizeof r, ", response %s", vs_size_format(q->resp_size, s, sizeof s));
    else
        r[0] = '\0';
    vs_log("%s: %s over %s, %u session(s), %s %s%s, sock %s, %.1f s%s%s", k->peer,
           vs_test_name((enum vs_test)q->test), vs_transport_name((enum vs_transport)q->transport),
           q->sessions, vs_test_is_rr((enum vs_test)q->test) ? "request" : "msg",
           vs_size_format(q->msg_size, m, sizeof m), r,
           q->sock_size ? vs_size_format(q->sock_size, s, sizeof s) : "default",
           q->duration_ms / 1000.0, pin, vs_tune_text(q, tune, sizeof tune));
}

/* The server's CPUs the client asked for exist here and may be used. */
static int pin_check(const conn *k, vs_err *e)
{
    vs_cpulist pin;

    if (vs_cpulist_parse(k->req.server_cpus, &pin, e) != 0 || vs_flows_pin_check(&pin, e) != 0)
        return vs_err_prefix(e, "--server-cpu");
    return 0;
}

static int converse(conn *k, vs_err *e)
{
    vs_endpoints *ep = calloc(1, sizeof *ep);
    vs_connected cn;
    uint8_t *frame = malloc(VS_PROTO_MAX_BODY);
    int rc = -1;

    if (ep == NULL || frame == NULL) {
        vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
        goto out;
    }
    if (pin_check(k, e) != 0)
        goto out;
    log_test(k);
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

int vs_servetest_run(const vs_admitted *a, vs_slots *slots, int slot, unsigned seq)
{
    conn *k = calloc(1, sizeof *k);
    vs_err e;
    int rc;

    if (k == NULL) {
        vs_log("%s: out of memory", a->peer);
        vs_sock_close(a->sock);
        return -1;
    }
    k->ctl = a->sock;
    snprintf(k->peer, sizeof k->peer, "%s", a->peer);
    k->req = a->req;
    k->seq = seq;
    k->slots = slots;
    k->slot = slot;
    for (int i = 0; i < VS_MAX_SESSIONS; i++)
        k->data[i] = VS_SOCK_NONE;
    vs_err_clear(&e);
    if (vs_sock_bound_addr(k->ctl, a->tr, &k->ctl_local, &e) != 0)
        k->ctl_local.tr = VS_TR_UNIX; /* unknown: data listeners use wildcards */
    rc = converse(k, &e);
    if (rc != 0) {
        vs_log("%s: %s", k->peer, e.msg);
        (void)vs_send_error(k->ctl, e.code, e.msg); /* best effort: peer may be gone */
    }
    close_listeners(k);
    for (int i = 0; i < VS_MAX_SESSIONS; i++)
        vs_sock_close(k->data[i]);
    vs_sock_close(k->ctl);
    free(k);
    return rc;
}
