/*
 * history.h - a results history in one SQLite file (queryable by users
 * with any SQLite tool). Each sweep added is keyed by its start time,
 * tool version, host pair and profile; its runs' aggregate figures are
 * kept per matrix point. Schema (PRAGMA user_version = 1):
 *
 *   sweeps(id, started, tool_version, git_revision, pair, profile,
 *          source, meta, added)          UNIQUE(started, pair, profile)
 *   runs(sweep, transport, test, sock, msg, sessions, run, gbps, sd,
 *        ok, error)                      sd = local + remote service demand
 */
#ifndef VS_HISTORY_H
#define VS_HISTORY_H

#include <stdio.h>

#include "analysis/dataset.h"

typedef struct vs_history vs_history;

/* Open (creating the file and schema if needed). */
int vs_history_open(const char *path, vs_history **h, vs_err *e);
void vs_history_close(vs_history *h);

/* Add source `si` of a dataset. *added is 0 when that sweep was there
 * already (nothing is duplicated). */
int vs_history_add(vs_history *h, const vs_dataset *d, int si, int *added, vs_err *e);

/* List the sweeps, oldest first. */
int vs_history_show(vs_history *h, FILE *out, vs_err *e);

/* The last `window` sweeps of a host pair (all pairs when pair is NULL or
 * empty) as a dataset, for `compare --history`. */
int vs_history_window(vs_history *h, const char *pair, int window, vs_dataset *out, vs_err *e);

/* One night of one point: the mean of its successful runs. */
typedef struct vs_night {
    int sweep;
    char started[32];
    int n;
    double mean, ci_half;
} vs_night;

/* Every (pair, point) in the history; calls fn with its nights, oldest
 * first. */
int vs_history_each_point(vs_history *h,
                          int (*fn)(void *ctx, const char *pair, const vs_point *pt,
                                    const vs_night *nights, int n),
                          void *ctx, vs_err *e);

#endif
