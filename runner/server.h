/*
 * server.h - `vsbench serve`: the receiver daemon (netserver's role).
 *
 * Listens on one or more control addresses and serves each client on its
 * own thread, one test per control connection. A client can never take
 * the server down: every message is bounded and validated, every wait
 * has a timeout, and a failing client only ends its own connection.
 * SIGINT/SIGTERM stop the server cleanly (listeners closed, unix socket
 * files removed).
 */
#ifndef VS_SERVER_H
#define VS_SERVER_H

#include "platform/addr.h"
#include "platform/err.h"

#define VS_MAX_LISTEN 8
#define VS_MAX_CLIENTS 64

typedef struct vs_serve_opts {
    int nlisten;
    vs_addr listen[VS_MAX_LISTEN];
    int once;                 /* serve one test, then exit with its status */
    int handshake_timeout_ms; /* a silent client is dropped after this */
} vs_serve_opts;

/* Serve until a stop signal (or, with `once`, one test). Returns 0, or -1
 * when a listener could not be opened (or the single test failed). */
int vs_serve(const vs_serve_opts *o, vs_err *e);

#endif
