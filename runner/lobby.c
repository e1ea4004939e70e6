/* lobby.c - see lobby.h. */
#include "runner/lobby.h"
#include "runner/tally.h"
#include "platform/clock.h"
#include "platform/crypto.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SEND_TIMEOUT_MS 500   /* a frame to a connection that does not read */
#define BUSY_RETRY_MS 1000    /* what a refused newcomer is told */

enum phase { WANT_HELLO, WANT_AUTH, WANT_TEST };

typedef struct pending {
    int used;
    vs_sock s;
    enum vs_transport tr;
    enum phase phase;
    int source;                  /* index into the lobby's sources */
    char peer[128];
    uint64_t born_ns;
    uint8_t nonce[VS_NONCE_BYTES]; /* the challenge we sent */
    size_t have;                 /* bytes of the current frame in buf */
    uint8_t buf[4 + VS_LOBBY_MAX_BODY];
} pending;

typedef struct source {
    char name[VS_LOBBY_SOURCE_MAX];
    int count;                   /* 0: a free entry */
} source;

struct vs_lobby {
    const vs_lobby_cfg *cfg;
    int n;                       /* connections waiting */
    pending *slot;               /* cfg->max_pending of them */
    source *src;                 /* as many */
    int polled[VS_LOBBY_MAX_PENDING]; /* slot of each entry of the last pollset */
    uint8_t *frame;              /* scratch for outgoing frames */
};

vs_lobby *vs_lobby_new(const vs_lobby_cfg *cfg)
{
    vs_lobby *g = calloc(1, sizeof *g);

    if (g == NULL)
        return NULL;
    g->cfg = cfg;
    g->slot = calloc((size_t)cfg->max_pending, sizeof *g->slot);
    g->src = calloc((size_t)cfg->max_pending, sizeof *g->src);
    g->frame = malloc(VS_PROTO_MAX_BODY);
    if (g->slot == NULL || g->src == NULL || g->frame == NULL) {
        vs_lobby_free(g);
        return NULL;
    }
    return g;
}

/* ---- sources and slots ---------------------------------------------------- */

/* The entry of `name`, made if needed (there is always room: every
 * waiting connection has one source and the table is as long as the
 * lobby). */
static int source_of(vs_lobby *g, const char *name)
{
    int free_one = -1;

    for (int i = 0; i < g->cfg->max_pending; i++) {
        if (g->src[i].count > 0 && strcmp(g->src[i].name, name) == 0)
            return i;
        if (g->src[i].count == 0 && free_one < 0)
            free_one = i;
    }
    if (free_one < 0) /* cannot happen: never more sources than connections */
        free_one = 0;
    snprintf(g->src[free_one].name, sizeof g->src[free_one].name, "%s", name);
    return free_one;
}

static int source_count(const vs_lobby *g, const char *name)
{
    for (int i = 0; i < g->cfg->max_pending; i++)
        if (g->src[i].count > 0 && strcmp(g->src[i].name, name) == 0)
            return g->src[i].count;
    return 0;
}

/* Forget a slot; its socket is the caller's (closed or handed over). */
static void release(vs_lobby *g, pending *p)
{
    g->src[p->source].count--;
    p->used = 0;
    g->n--;
}

static void drop(vs_lobby *g, pending *p)
{
    vs_sock_close(p->s);
    release(g, p);
}

/* Tell the peer why (best effort: it may be gone) and drop it. */
static void refuse(vs_lobby *g, pending *p, int code, const char *why, enum vs_tally_event ev)
{
    (void)vs_send_error(p->s, code, why);
    vs_tally(ev);
    drop(g, p);
}

void vs_lobby_free(vs_lobby *g)
{
    if (g == NULL)
        return;
    for (int i = 0; g->slot != NULL && i < g->cfg->max_pending; i++)
        if (g->slot[i].used)
            drop(g, &g->slot[i]);
    free(g->slot);
    free(g->src);
    free(g->frame);
    free(g);
}

int vs_lobby_count(const vs_lobby *g)
{
    return g->n;
}

/* ---- admission ------------------------------------------------------------ */

/* Tell a newcomer that does not get in to come back later, and close it
 * (what it already sent is read first, so that the close does not reset
 * the connection before it reads the answer). */
static void turn_away(vs_sock s, const char *why, enum vs_tally_event ev)
{
    uint8_t buf[VS_ERRTEXT_MAX + 32], junk[256];
    vs_busy b;
    vs_pollent pe = { s, 1, 0 };
    size_t n;

    b.retry_ms = BUSY_RETRY_MS;
    snprintf(b.text, sizeof b.text, "%s", why);
    n = vs_enc_busy(buf, sizeof buf, &b);
    if (n > 0 && vs_frame_send(s, buf, n, NULL) == 0 && vs_sock_shutdown(s, VS_SHUT_WR) == 0 &&
        vs_sock_poll(&pe, 1, 0) > 0 && pe.ready)
        (void)vs_sock_recv(s, junk, sizeof junk); /* best effort */
    vs_sock_close(s);
    vs_tally(ev);
}

/* Drop the oldest connection of the source holding the most, if that
 * source holds more than a newcomer holding `mine` would. 0 when room
 * was made. */
static int make_room(vs_lobby *g, int mine)
{
    int heavy = -1, victim = -1;

    for (int i = 0; i < g->cfg->max_pending; i++)
        if (g->src[i].count > 0 && (heavy < 0 || g->src[i].count > g->src[heavy].count))
            heavy = i;
    if (heavy < 0 || g->src[heavy].count <= mine + 1)
        return -1;
    for (int i = 0; i < g->cfg->max_pending; i++)
        if (g->slot[i].used && g->slot[i].source == heavy &&
            (victim < 0 || g->slot[i].born_ns < g->slot[victim].born_ns))
            victim = i;
    vs_tally(VS_TALLY_EVICTED);
    drop(g, &g->slot[victim]);
    return 0;
}

void vs_lobby_admit(vs_lobby *g, vs_sock s, enum vs_transport tr, const char *source_name,
                   const char *peer)
{
    int mine = source_count(g, source_name), i;
    pending *p;

    if (mine >= g->cfg->max_per_source) {
        turn_away(s, "busy: too many connections from your address are waiting for their "
                  "handshake", VS_TALLY_SOURCE_FULL);
        return;
    }
    if (g->n >= g->cfg->max_pending && make_room(g, mine) != 0) {
        turn_away(s, "busy: too many connections are waiting for their handshake",
                  VS_TALLY_POOL_FULL);
        return;
    }
    if (vs_sock_set_timeouts(s, SEND_TIMEOUT_MS, NULL) != 0) {
        vs_sock_close(s);
        return;
    }
    for (i = 0; g->slot[i].used; i++)
        ;
    p = &g->slot[i];
    memset(p, 0, offsetof(pending, buf));
    p->used = 1;
    p->s = s;
    p->tr = tr;
    p->phase = WANT_HELLO;
    p->source = source_of(g, source_name);
    g->src[p->source].count++;
    snprintf(p->peer, sizeof p->peer, "%s", peer);
    p->born_ns = vs_now_ns();
    g->n++;
}

/* ---- the handshake -------------------------------------------------------- */

static uint32_t frame_len(const uint8_t *b)
{
    return ((uint32_t)b[0] << 24) | ((uint32_t)b[1] << 16) | ((uint32_t)b[2] << 8) | b[3];
}

/* Send a frame of n bytes from g->frame; 0, or -1 with p dropped. */
static int send_frame(vs_lobby *g, pending *p, size_t n)
{
    if (n == 0 || vs_frame_send(p->s, g->frame, n, NULL) != 0) {
        drop(g, p);
        return -1;
    }
    return 0;
}

static void send_welcome(vs_lobby *g, pending *p, const uint8_t *proof)
{
    vs_welcome one = *g->cfg->welcome;

    one.flags = proof != NULL ? VS_WELCOME_AUTHENTICATED : 0;
    if (proof != NULL)
        memcpy(one.proof, proof, VS_PROOF_BYTES);
    if (send_frame(g, p, vs_enc_welcome(g->frame, VS_PROTO_MAX_BODY, &one)) == 0)
        p->phase = WANT_TEST;
}

/* 0 when the frame has the type the phase wants; else p is refused. */
static int want(vs_lobby *g, pending *p, uint16_t type, uint16_t wanted)
{
    char why[80];

    if (type == wanted)
        return 0;
    snprintf(why, sizeof why, "expected message %u, got %u", wanted, type);
    refuse(g, p, VS_ERR_PROTOCOL, why, VS_TALLY_MALFORMED);
    return -1;
}

static void on_hello(vs_lobby *g, pending *p, const uint8_t *b, size_t n)
{
    vs_hello h = { 0, 0 };
    vs_challenge c;
    vs_err e;

    if (vs_dec_hello(b, n, &h, &e) != 0) {
        refuse(g, p, e.code, e.msg, h.magic == VS_PROTO_MAGIC && h.version != VS_PROTO_VERSION
                                        ? VS_TALLY_VERSION : VS_TALLY_MALFORMED);
        return;
    }
    if (g->cfg->key == NULL) {
        send_welcome(g, p, NULL);
        return;
    }
    if (vs_random_bytes(p->nonce, sizeof p->nonce, &e) != 0) {
        refuse(g, p, VS_ERR_RUNTIME, e.msg, VS_TALLY_MALFORMED);
        return;
    }
    memcpy(c.nonce, p->nonce, sizeof c.nonce);
    if (send_frame(g, p, vs_enc_challenge(g->frame, VS_PROTO_MAX_BODY, &c)) == 0)
        p->phase = WANT_AUTH;
}

static void on_auth(vs_lobby *g, pending *p, const uint8_t *b, size_t n)
{
    uint8_t proof[VS_PROOF_BYTES];
    vs_auth_msg a;
    vs_err e;

    if (vs_dec_auth(b, n, &a, &e) != 0) {
        refuse(g, p, e.code, e.msg, VS_TALLY_MALFORMED);
        return;
    }
    if (vs_auth_verify(g->cfg->key, VS_AUTH_CLIENT, p->nonce, a.nonce, a.proof, &e) != 0) {
        refuse(g, p, VS_ERR_REFUSED, "authentication failed: the client's key is not the "
               "server's", VS_TALLY_AUTH_FAILED);
        return;
    }
    if (vs_auth_prove(g->cfg->key, VS_AUTH_SERVER, p->nonce, a.nonce, proof, &e) != 0) {
        refuse(g, p, VS_ERR_RUNTIME, e.msg, VS_TALLY_MALFORMED);
        return;
    }
    send_welcome(g, p, proof);
}

/* The server's caps on what a test may ask; 0 when within them. */
static int within_caps(const vs_lobby_cfg *cfg, const vs_test_req *t, char *why, size_t n)
{
    uint64_t asked = (uint64_t)t->warmup_ms + t->duration_ms;

    if (t->sessions > cfg->max_sessions) {
        snprintf(why, n, "this server allows at most %d session(s) per test (serve "
                 "--max-sessions), not %u", cfg->max_sessions, t->sessions);
        return -1;
    }
    if (asked > cfg->max_duration_ms) {
        snprintf(why, n, "this server allows at most %.1f s per test, warm-up included "
                 "(serve --max-duration), not %.1f s", cfg->max_duration_ms / 1000.0,
                 (double)asked / 1000.0);
        return -1;
    }
    return 0;
}

static void on_test_msg(vs_lobby *g, pending *p, const uint8_t *b, size_t n,
                        vs_lobby_on_test on_test, void *ctx)
{
    vs_admitted a;
    char why[VS_ERRTEXT_MAX];
    vs_err e;

    if (vs_dec_test(b, n, &a.req, &e) != 0) {
        refuse(g, p, e.code, e.msg, VS_TALLY_MALFORMED);
        return;
    }
    if (within_caps(g->cfg, &a.req, why, sizeof why) != 0) {
        refuse(g, p, VS_ERR_REFUSED, why, VS_TALLY_CAPPED);
        return;
    }
    if (vs_sock_set_timeouts(p->s, 0, &e) != 0) { /* the test keeps its own time */
        drop(g, p);
        return;
    }
    a.sock = p->s;
    a.tr = p->tr;
    snprintf(a.peer, sizeof a.peer, "%s", p->peer);
    release(g, p);
    (void)on_test(ctx, &a);
}

/* ---- reading -------------------------------------------------------------- */

/* Read what arrived for p: 1 when a whole frame is in p->buf, 0 when not
 * yet, -1 when p is gone (closed by the peer, or refused). One recv per
 * readiness: the accept loop never blocks on one connection. */
static int read_frame(vs_lobby *g, pending *p)
{
    size_t need = p->have < 4 ? 4 : 4 + frame_len(p->buf);
    long k = vs_sock_recv(p->s, p->buf + p->have, need - p->have);
    char why[96];
    uint32_t len;

    if (k <= 0) {
        if (p->phase == WANT_AUTH)
            vs_tally(VS_TALLY_NO_KEY);
        drop(g, p);
        return -1;
    }
    p->have += (size_t)k;
    if (p->have < need)
        return 0;
    if (p->have > 4)
        return 1;
    len = frame_len(p->buf);
    if (len >= 2 && len <= VS_LOBBY_MAX_BODY)
        return 0;
    snprintf(why, sizeof why, len < 2 ? "message too short (%lu bytes)"
             : "message of %lu bytes exceeds the %u-byte limit before the handshake",
             (unsigned long)len, VS_LOBBY_MAX_BODY);
    refuse(g, p, VS_ERR_PROTOCOL, why, VS_TALLY_MALFORMED);
    return -1;
}

static void handle_frame(vs_lobby *g, pending *p, vs_lobby_on_test on_test, void *ctx)
{
    static const uint16_t wanted[] = { VS_MSG_HELLO, VS_MSG_AUTH, VS_MSG_TEST };
    const uint8_t *rest;
    size_t rest_n, n = p->have - 4;
    uint16_t type;

    p->have = 0;
    type = (uint16_t)((p->buf[4] << 8) | p->buf[5]); /* read_frame saw n >= 2 */
    rest = p->buf + 6;
    rest_n = n - 2;
    if (want(g, p, type, wanted[p->phase]) != 0)
        return;
    if (p->phase == WANT_HELLO)
        on_hello(g, p, rest, rest_n);
    else if (p->phase == WANT_AUTH)
        on_auth(g, p, rest, rest_n);
    else
        on_test_msg(g, p, rest, rest_n, on_test, ctx);
}

int vs_lobby_pollset(vs_lobby *g, vs_pollent *p, int max)
{
    int k = 0;

    for (int i = 0; i < g->cfg->max_pending && k < max; i++) {
        if (!g->slot[i].used)
            continue;
        p[k] = (vs_pollent){ g->slot[i].s, 1, 0 };
        g->polled[k++] = i;
    }
    return k;
}

void vs_lobby_serve(vs_lobby *g, const vs_pollent *p, int n, vs_lobby_on_test on_test,
                   void *ctx)
{
    for (int k = 0; k < n; k++) {
        pending *q = &g->slot[g->polled[k]];
        if (p[k].ready && q->used && q->s == p[k].sock && read_frame(g, q) == 1)
            handle_frame(g, q, on_test, ctx);
    }
}

/* ---- deadlines ------------------------------------------------------------ */

static uint64_t deadline_of(const vs_lobby *g, const pending *p)
{
    int ms = g->cfg->key != NULL && p->phase != WANT_TEST ? g->cfg->auth_ms
                                                          : g->cfg->handshake_ms;
    return p->born_ns + (uint64_t)ms * 1000000u;
}

static void expire_one(vs_lobby *g, pending *p)
{
    char why[96];

    if (g->cfg->key != NULL && p->phase != WANT_TEST) {
        snprintf(why, sizeof why, "not authenticated within %d ms (serve --auth-key)",
                 g->cfg->auth_ms);
        refuse(g, p, VS_ERR_REFUSED, why,
               p->phase == WANT_AUTH ? VS_TALLY_NO_KEY : VS_TALLY_TIMED_OUT);
        return;
    }
    snprintf(why, sizeof why, "handshake not completed within %d ms: timed out",
             g->cfg->handshake_ms);
    refuse(g, p, VS_ERR_PROTOCOL, why, VS_TALLY_TIMED_OUT);
}

int vs_lobby_expire(vs_lobby *g, uint64_t now_ns)
{
    int next = -1;

    for (int i = 0; i < g->cfg->max_pending; i++) {
        pending *p = &g->slot[i];
        uint64_t dl;
        int ms;
        if (!p->used)
            continue;
        dl = deadline_of(g, p);
        if (now_ns >= dl) {
            expire_one(g, p);
            continue;
        }
        ms = (int)((dl - now_ns) / 1000000u) + 1;
        if (next < 0 || ms < next)
            next = ms;
    }
    return next;
}
