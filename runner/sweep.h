/*
 * sweep.h - `vsbench sweep`: every point of a profile's matrix against one
 * server, results appended durably to DIR/runs.csv and DIR/meta.json.
 *
 * Nothing is lost: a failed run is recorded with its error and the sweep
 * goes on; a killed sweep loses at most the run in progress; --resume
 * runs only what is missing (and refuses a different profile); Ctrl-C
 * stops after the last complete run. Transports this machine or the
 * server cannot use are skipped with the reason recorded in meta.json.
 */
#ifndef VS_SWEEP_H
#define VS_SWEEP_H

#include <stdio.h>

#include "runner/auth.h"
#include "runner/profile.h"

typedef struct vs_sweep_opts {
    vs_addr control;
    const char *out_dir;
    const vs_profile *profile;
    int resume;
    int connect_timeout_ms;
    const vs_auth_key *key;   /* --auth-key; NULL: none */
} vs_sweep_opts;

/* Print the transports this machine would skip (with `control`, the
 * server's address, when known: unix needs it here, vsock to this machine
 * a loopback transport), the expanded matrix without them and the
 * estimated time, then the time with them. `control` may be NULL. */
void vs_sweep_dry_run(const vs_profile *p, const vs_addr *control, FILE *out);

/* Run the sweep. 0 when complete with every run ok; -1 otherwise, with
 * VS_ERR_RUNTIME when runs failed or the sweep was interrupted. */
int vs_sweep_run(const vs_sweep_opts *o, vs_err *e);

#endif
