/*
 * client.h - `vsbench run`: one test against a `vsbench serve`.
 *
 * Opens the control connection, negotiates the test, opens the data
 * connections (the server names ports; the data host is the control host,
 * the server's own vsock CID, or --data), runs the measured phase and
 * combines both sides' figures into rows (result.h).
 */
#ifndef VS_CLIENT_H
#define VS_CLIENT_H

#include "runner/proto.h"
#include "runner/result.h"

typedef struct vs_run_opts {
    vs_addr control;
    int has_data;          /* 1: data connections go to `data` */
    vs_addr data;          /* host/CID/path for data; ports come from the server */
    vs_test_req req;       /* the test; the cookie is chosen here */
    int connect_timeout_ms;
    int watch_stop_signal; /* stop early on Ctrl-C */
    void (*on_interim)(void *ctx, const vs_interim *m);
    void *ctx;
} vs_run_opts;

/* Run the test. `r` is always filled: on failure its rows carry the
 * error. Returns 0 when every session completed, -1 otherwise (`e` says
 * why; its code is the exit status). */
int vs_client_run(const vs_run_opts *o, vs_run_report *r, vs_err *e);

/* Just the handshake: connect and learn the server's CID and facts (for
 * sweeps that must decide which transports are usable). */
int vs_client_probe(const vs_addr *control, int timeout_ms, uint32_t *cid, vs_host *host,
                    vs_err *e);

#endif
