/*
 * server.h - `vsbench serve`: the receiver daemon (netserver's role).
 *
 * One thread accepts and drives every control connection through its
 * handshake (lobby.h: time limits, pools per source and in all,
 * authentication); a connection whose TEST is accepted gets a test slot
 * (slots.h: one test at a time by default) and its own thread
 * (servetest.h), or a BUSY answer with a retry hint. A client can never
 * take the server down: every message is bounded and validated, every
 * wait has a timeout, and a failing client only ends its own connection.
 * When the system runs out of file descriptors, accepting pauses with a
 * growing back-off (logged once) while the connections it has go on.
 * SIGINT/SIGTERM stop the server cleanly (listeners closed, unix socket
 * files removed).
 */
#ifndef VS_SERVER_H
#define VS_SERVER_H

#include "platform/addr.h"
#include "platform/cidr.h"
#include "platform/err.h"
#include "runner/auth.h"

#define VS_MAX_LISTEN 8
#define VS_MAX_ALLOW 32

typedef struct vs_serve_opts {
    int nlisten;
    vs_addr listen[VS_MAX_LISTEN];
    int once;                 /* serve one test, then exit with its status */
    int handshake_timeout_ms; /* --handshake-timeout: accept to TEST (2 s) */
    int max_pending;          /* --max-pending: in the lobby, all sources */
    int max_pending_source;   /* --max-pending-per-source */
    int max_tests;            /* --max-tests: concurrent tests (1) */
    uint32_t max_duration_ms; /* --max-duration: warm-up + measured */
    int max_sessions;         /* --max-sessions */
    const vs_auth_key *key;   /* --auth-key; NULL: anyone may test */
    int nallow;               /* --allow: 0 = every address */
    vs_cidr allow[VS_MAX_ALLOW];
} vs_serve_opts;

/* The defaults of every option above (one listener is the caller's). */
void vs_serve_defaults(vs_serve_opts *o);

/* Serve until a stop signal (or, with `once`, one test). Returns 0, or -1
 * when a listener could not be opened (or the single test failed). */
int vs_serve(const vs_serve_opts *o, vs_err *e);

#endif
