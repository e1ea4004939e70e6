/* server.c - see server.h. */
#include "runner/server.h"
#include "runner/info.h"
#include "runner/lobby.h"
#include "runner/log.h"
#include "runner/servetest.h"
#include "runner/slots.h"
#include "runner/tally.h"
#include "platform/clock.h"
#include "platform/facts.h"
#include "platform/fs.h"
#include "platform/net.h"
#include "platform/thread.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define POLL_WAIT_MS 200
#define ACCEPT_BURST 32          /* connections taken per listener per round */
#define BACKOFF_FIRST_MS 100     /* out of descriptors: first pause */
#define BACKOFF_MAX_MS 1600
#define BACKOFF_LOG_NS (60 * 1000000000ull) /* one such line a minute at most */
#define AUTH_TIMEOUT_MS 1000     /* from accept to a verified AUTH */

typedef struct server {
    const vs_serve_opts *o;
    vs_welcome welcome;          /* what every client is told */
    vs_lobby_cfg lcfg;
    vs_lobby *lobby;
    vs_slots *slots;
    vs_sock ls[VS_MAX_LISTEN];
    unsigned seq;                /* names unix socket files */
    uint64_t paused_until_ns;    /* accepting pauses until then */
    int backoff_ms;              /* 0: not paused */
    uint64_t backoff_logged_ns;
    int backoff_said;            /* the pause was logged */
    int done, status;            /* --once */
} server;

/* A test on its own thread. */
typedef struct test_job {
    vs_admitted a;
    vs_slots *slots;
    int slot;
    unsigned seq;
} test_job;

void vs_serve_defaults(vs_serve_opts *o)
{
    memset(o, 0, sizeof *o);
    o->handshake_timeout_ms = 2000;
    o->max_pending = 64;
    o->max_pending_source = 8;
    o->max_tests = 1;
    o->max_duration_ms = VS_MAX_DURATION_MS + VS_MAX_WARMUP_MS;
    o->max_sessions = VS_MAX_SESSIONS;
}

/* ---- tests ---------------------------------------------------------------- */

static void test_thread(void *arg)
{
    test_job *j = arg;

    (void)vs_servetest_run(&j->a, j->slots, j->slot, j->seq);
    vs_slots_release(j->slots, j->slot);
    free(j);
}

/* Every slot is taken: say when to come back, and close. */
static void say_busy(server *srv, vs_admitted *a, uint32_t retry_ms)
{
    uint8_t buf[VS_ERRTEXT_MAX + 32];
    vs_busy b;
    size_t n;

    b.retry_ms = retry_ms > VS_BUSY_RETRY_MAX_MS ? VS_BUSY_RETRY_MAX_MS : retry_ms;
    snprintf(b.text, sizeof b.text, "busy: %d test(s) running (serve --max-tests %d); the "
             "first should end in about %.0f s", vs_slots_busy(srv->slots),
             vs_slots_max(srv->slots), retry_ms / 1000.0 + 0.5);
    n = vs_enc_busy(buf, sizeof buf, &b);
    if (n > 0)
        (void)vs_frame_send(a->sock, buf, n, NULL); /* best effort */
    vs_sock_close(a->sock);
    vs_tally(VS_TALLY_BUSY);
}

/* The lobby's hand-over: a slot and a thread (inline with --once). */
static int start_test(void *ctx, vs_admitted *a)
{
    server *srv = ctx;
    uint32_t retry_ms = 0;
    int slot = vs_slots_take(srv->slots, a->req.warmup_ms + a->req.duration_ms, &retry_ms);
    test_job *j;
    vs_err e;

    if (slot < 0) {
        say_busy(srv, a, retry_ms);
        return -1;
    }
    if (srv->o->once) {
        srv->status = vs_servetest_run(a, srv->slots, slot, srv->seq++);
        vs_slots_release(srv->slots, slot);
        srv->done = 1;
        return 0;
    }
    j = malloc(sizeof *j);
    if (j != NULL) {
        *j = (test_job){ *a, srv->slots, slot, srv->seq++ };
        if (vs_thread_spawn_detached(test_thread, j, &e) == 0)
            return 0;
        vs_log("%s: %s", a->peer, e.msg);
        free(j);
    }
    vs_sock_close(a->sock);
    vs_slots_release(srv->slots, slot);
    return -1;
}

/* ---- accepting ------------------------------------------------------------ */

/* Who a connection comes from, for the per-source limit: the address
 * without its port (an IPv4 client of an IPv6 listener as IPv4). */
static void source_of(const vs_addr *peer, char *buf, size_t n)
{
    const char *host = peer->host;

    if (strncmp(host, "::ffff:", 7) == 0 && strchr(host + 7, ':') == NULL)
        host += 7;
    switch (peer->tr) {
    case VS_TR_TCP: snprintf(buf, n, "%s", host); break;
    case VS_TR_VSOCK: snprintf(buf, n, "vsock:%lu", (unsigned long)peer->cid); break;
    case VS_TR_UNIX: snprintf(buf, n, "unix"); break;
    default: snprintf(buf, n, "%s:%s", vs_transport_name(peer->tr), host); break;
    }
}

/* --allow: tcp clients must come from one of the ranges. */
static int allowed(const vs_serve_opts *o, const vs_addr *peer)
{
    if (o->nallow == 0 || peer->tr != VS_TR_TCP)
        return 1;
    for (int i = 0; i < o->nallow; i++)
        if (vs_cidr_match(&o->allow[i], peer->host))
            return 1;
    return 0;
}

static void admit(server *srv, vs_sock s, enum vs_transport tr)
{
    char source[VS_LOBBY_SOURCE_MAX], text[128];
    vs_addr peer;
    vs_err e;

    if (vs_sock_peer_addr(s, tr, &peer, &e) != 0 || vs_sock_set_nodelay(s, tr, &e) != 0) {
        vs_sock_close(s); /* gone already */
        return;
    }
    if (!allowed(srv->o, &peer)) {
        vs_sock_close(s);
        vs_tally(VS_TALLY_NOT_ALLOWED);
        return;
    }
    source_of(&peer, source, sizeof source);
    vs_lobby_admit(srv->lobby, s, tr, source, vs_sock_peer_text(s, text, sizeof text));
}

/* Out of descriptors: stop polling the listeners for a while, longer
 * each time, and say so (once a minute at most). */
static void pause_accepting(server *srv, uint64_t now, const vs_err *e)
{
    srv->backoff_ms = srv->backoff_ms == 0 ? BACKOFF_FIRST_MS
                      : srv->backoff_ms * 2 > BACKOFF_MAX_MS ? BACKOFF_MAX_MS
                                                             : srv->backoff_ms * 2;
    srv->paused_until_ns = now + (uint64_t)srv->backoff_ms * 1000000u;
    if (srv->backoff_said || (srv->backoff_logged_ns != 0 &&
                              now - srv->backoff_logged_ns < BACKOFF_LOG_NS))
        return;
    vs_log("%s: accepting pauses (%d ms, growing to %d ms) until connections end; "
           "those in progress go on (raise the limit: ulimit -n)", e->msg, BACKOFF_FIRST_MS,
           BACKOFF_MAX_MS);
    srv->backoff_logged_ns = now;
    srv->backoff_said = 1;
}

static void accept_from(server *srv, int li, uint64_t now)
{
    for (int i = 0; i < ACCEPT_BURST; i++) {
        vs_sock s;
        vs_err e;
        int rc = vs_sock_accept_ready(srv->ls[li], &s, &e);
        if (rc > 0)
            return;
        if (rc < 0) {
            pause_accepting(srv, now, &e);
            return;
        }
        if (srv->backoff_said)
            vs_log("accepting connections again");
        srv->backoff_ms = 0;
        srv->backoff_said = 0;
        admit(srv, s, srv->o->listen[li].tr);
    }
}

/* One round of the accept loop: the lobby's deadlines, one poll, then
 * what it found. */
static void serve_round(server *srv)
{
    vs_pollent pe[VS_MAX_LISTEN + VS_LOBBY_MAX_PENDING];
    int nl = 0, np, rc, wait = POLL_WAIT_MS, next;
    uint64_t now = vs_now_ns();

    next = vs_lobby_expire(srv->lobby, now);
    if (next >= 0 && next < wait)
        wait = next;
    if (now >= srv->paused_until_ns) {
        for (int i = 0; i < srv->o->nlisten; i++)
            pe[nl++] = (vs_pollent){ srv->ls[i], 1, 0 };
    } else if ((srv->paused_until_ns - now) / 1000000u < (uint64_t)wait) {
        wait = (int)((srv->paused_until_ns - now) / 1000000u) + 1;
    }
    np = nl + vs_lobby_pollset(srv->lobby, pe + nl, VS_LOBBY_MAX_PENDING);
    if (np == 0) {
        vs_sleep_ms(wait); /* nothing to poll (Winsock refuses an empty poll) */
    } else if ((rc = vs_sock_poll(pe, np, wait)) < 0) {
        vs_sleep_ms(wait); /* never spin on a failing poll */
    } else if (rc > 0) {
        vs_lobby_serve(srv->lobby, pe + nl, np - nl, start_test, srv);
        for (int i = 0; i < nl && !srv->done; i++)
            if (pe[i].ready)
                accept_from(srv, i, vs_now_ns());
    }
    vs_tally_flush(vs_now_ns(), 0);
}

/* ---- start and stop -------------------------------------------------------- */

/* Listen on every control address. A unix path another server answers
 * on is refused; `made[i]` says which socket files this process created
 * (only those are removed at exit). */
static int open_control_listeners(const vs_serve_opts *o, vs_sock *ls, int *made, vs_err *e)
{
    char text[300];
    vs_addr bound;

    for (int i = 0; i < o->nlisten; i++) {
        vs_addr a = o->listen[i];
        made[i] = 0;
        if (vs_sock_unix_claim(&a, e) != 0 || vs_sock_listen(&a, 0, &ls[i], e) != 0) {
            for (int j = 0; j < i; j++) {
                vs_sock_close(ls[j]);
                if (made[j])
                    vs_sock_unlink_path(&o->listen[j]);
            }
            return -1;
        }
        made[i] = a.tr == VS_TR_UNIX;
        if (a.tr != VS_TR_UNIX && vs_sock_bound_addr(ls[i], a.tr, &bound, e) == 0) {
            bound.has_port = 1;
            a.port = bound.port; /* the real port when 0 was asked */
        }
        vs_log("listening on %s", vs_addr_format(&a, text, sizeof text));
    }
    return 0;
}

/* Reachable from other machines: tcp beyond loopback, vsock, hvsock. */
static int exposed(const vs_addr *a)
{
    if (a->tr == VS_TR_UNIX)
        return 0;
    if (a->tr != VS_TR_TCP)
        return 1;
    return strncmp(a->host, "127.", 4) != 0 && strcmp(a->host, "::1") != 0 &&
           strcmp(a->host, "localhost") != 0;
}

/* One line when anyone who reaches the port may run tests. */
static void warn_exposure(const vs_serve_opts *o)
{
    char text[300];

    if (o->key != NULL)
        return;
    for (int i = 0; i < o->nlisten; i++) {
        if (!exposed(&o->listen[i]))
            continue;
        vs_log("warning: %s has no --auth-key: anyone who can reach it%s can make this "
               "machine send at line rate; restrict it with --listen ADDR, --auth-key FILE "
               "or --allow CIDR", vs_addr_format(&o->listen[i], text, sizeof text),
               o->nallow > 0 ? " from an --allow range" : "");
        return;
    }
}

static int server_init(server *srv, const vs_serve_opts *o, vs_err *e)
{
    memset(srv, 0, sizeof *srv);
    srv->o = o;
    srv->welcome.version = VS_PROTO_VERSION;
    vs_info_read(&srv->welcome.host);
    srv->welcome.cid = srv->welcome.host.vsock_cid_known ? srv->welcome.host.vsock_cid
                                                        : VS_CID_ANY;
    vs_facts_machine(&srv->welcome.host, &srv->welcome.facts);
    srv->welcome.has_facts = 1;
    srv->lcfg = (vs_lobby_cfg){ o->max_pending, o->max_pending_source,
                                o->handshake_timeout_ms,
                                o->handshake_timeout_ms < AUTH_TIMEOUT_MS
                                    ? o->handshake_timeout_ms : AUTH_TIMEOUT_MS,
                                o->key, o->max_duration_ms, o->max_sessions, &srv->welcome };
    srv->lobby = vs_lobby_new(&srv->lcfg);
    srv->slots = vs_slots_new(o->max_tests);
    if (srv->lobby == NULL || srv->slots == NULL)
        return vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
    return 0;
}

int vs_serve(const vs_serve_opts *o, vs_err *e)
{
    static server srv; /* its slots are shared with detached test threads */
    int made[VS_MAX_LISTEN];

    if (server_init(&srv, o, e) != 0 || vs_stop_signals_install(e) != 0 ||
        open_control_listeners(o, srv.ls, made, e) != 0)
        return -1;
    warn_exposure(o);
    while (!srv.done && !vs_stop_requested())
        serve_round(&srv);
    for (int i = 0; i < o->nlisten; i++) {
        vs_sock_close(srv.ls[i]);
        if (made[i])
            vs_sock_unlink_path(&o->listen[i]);
    }
    vs_lobby_free(srv.lobby);
    srv.lobby = NULL;
    vs_tally_flush(vs_now_ns(), 1);
    if (!srv.done)
        vs_log("stopping (%d test(s) in progress abandoned)", vs_slots_busy(srv.slots));
    if (srv.status != 0)
        return vs_err_set(e, VS_ERR_RUNTIME, "the test failed");
    return 0;
}
