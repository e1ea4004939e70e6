/*
 * client.h - `vsbench run`: one test against a `vsbench serve`.
 *
 * Opens the control connection, negotiates the test, opens the data
 * connections (the server names ports; the data host is the control host,
 * the server's own vsock CID, or --data), runs the measured phase and
 * combines both sides' figures into rows (result.h).
 *
 * With a key (auth.h) the client proves it to the server and accepts only
 * a server that proves it back. A server that answers BUSY (its test
 * slots or its lobby are full) is asked again after the wait it names,
 * as long as the whole wait stays within busy_wait_ms.
 */
#ifndef VS_CLIENT_H
#define VS_CLIENT_H

#include "runner/auth.h"
#include "runner/proto.h"
#include "runner/result.h"

#define VS_BUSY_WAIT_DEFAULT_MS 60000 /* run --busy-wait, and sweeps */

typedef struct vs_run_opts {
    vs_addr control;
    int has_data;          /* 1: data connections go to `data` */
    vs_addr data;          /* host/CID/path for data; ports come from the server */
    vs_test_req req;       /* the test; the cookie is chosen here */
    char cpus[VS_CPULIST_TEXT_MAX]; /* pin the session threads here (--cpu); "" none */
    const char *hdr_log;   /* rr, crr: write the HdrHistogram interval log here */
    int connect_timeout_ms;
    int watch_stop_signal; /* stop early on Ctrl-C */
    const vs_auth_key *key; /* NULL: no authentication */
    int busy_wait_ms;      /* retry a busy server for this long (0: never) */
    void (*on_interim)(void *ctx, const vs_interim *m);
    void (*on_busy)(void *ctx, const vs_busy *b); /* before each wait; may be NULL */
    /* Called once the data connections are open, just before the measured
     * phase starts: `r` holds the addresses and the buffer warnings (for a
     * header printed before the test runs). May be NULL. */
    void (*on_ready)(void *ctx, const vs_run_report *r);
    void *ctx;
} vs_run_opts;

/* Run the test. `r` is always filled: on failure its rows carry the
 * error. Returns 0 when every session completed, -1 otherwise (`e` says
 * why; its code is the exit status). */
int vs_client_run(const vs_run_opts *o, vs_run_report *r, vs_err *e);

/* Just the handshake with o->control (with o's timeout, key and busy
 * wait): the server's WELCOME, decoded: its CID and host facts (for
 * sweeps that must decide which transports are usable) and its settings
 * (has_facts 0 when the server sent none). */
int vs_client_probe(const vs_run_opts *o, vs_welcome *w, vs_err *e);

#endif
