/*
 * history.h - a results history: every night's sweep, in the embedded
 * SQLite file or a shared PostgreSQL database (analysis/db.h: the
 * location picks the engine; the tables are in history_schema.h). This
 * module is the history's logic, written once for every engine: what a
 * night is, how it is added, and how nights are read back for compare,
 * trend and fleet.
 *
 * A night is one sweep of one host pair, keyed by (start time, pair,
 * profile); its runs' aggregate figures are kept per matrix point. Each
 * night is added in one transaction: readers see all of it or nothing,
 * many writers may add at once, and adding a night that is there already
 * changes nothing. The pair is the label vsreport makes from meta.json
 * ("Linux 6.1 / Linux 6.1 (KVM)"), or a name the caller gives (a CI
 * matrix entry), so that pairs with the same systems stay apart.
 */
#ifndef VS_HISTORY_H
#define VS_HISTORY_H

#include <stdio.h>

#include "analysis/dataset.h"

typedef struct vs_history vs_history;

#define VS_HISTORY_PAIR_MAX 128

/* Open a history location (db.h), creating or migrating its tables
 * (history_schema.h). Errors carry the codes of db.h and the masked
 * location. */
int vs_history_open(const char *location, vs_history **h, vs_err *e);
void vs_history_close(vs_history *h);

/* The location with any password masked, for messages. */
const char *vs_history_shown(const vs_history *h);

/* The schema version the history had when it was opened: 0 when its
 * tables were created then, less than VS_SCHEMA_VERSION when migrated. */
int vs_history_schema_was(const vs_history *h);

/* The pair a night of source `si` is filed under: `name` when given
 * (non-empty), else the pair label of the dataset. */
const char *vs_history_pair(const vs_dataset *d, int si, const char *name);

/* Add source `si` of a dataset as one night of `pair` (vs_history_pair).
 * *added is 0 when that night was there already. On a failure nothing of
 * the night is kept, except when the connection broke during the commit
 * (the message says so; adding again is safe). */
int vs_history_add(vs_history *h, const vs_dataset *d, int si, const char *pair, int *added,
                   vs_err *e);

/* List the nights, oldest first; only those of `pair` when it is not NULL. */
int vs_history_show(vs_history *h, const char *pair, FILE *out, vs_err *e);

/* The host pairs, sorted byte by byte. *pairs is malloc'ed (free it). */
int vs_history_pairs(vs_history *h, char (**pairs)[VS_HISTORY_PAIR_MAX], int *n, vs_err *e);

/* The last `window` nights of a host pair (all pairs when pair is NULL or
 * empty) as a dataset, newest first, for `compare --history`. */
int vs_history_window(vs_history *h, const char *pair, int window, vs_dataset *out, vs_err *e);

/* One night of one point: the mean of its successful runs' headline
 * figure (Gbit/s; transactions/s for rr and crr). */
typedef struct vs_night {
    int sweep;
    char started[32];
    int n;
    double mean, ci_half;
} vs_night;

/* Every (pair, point) in the history, in byte order of pair, then by
 * transport, test, sessions, socket and message size (only those of
 * `pair` when it is not NULL); calls fn with its nights, oldest first.
 * Nights where the point has no successful run are left out. */
int vs_history_each_point(vs_history *h, const char *pair,
                          int (*fn)(void *ctx, const char *pair, const vs_point *pt,
                                    const vs_night *nights, int n),
                          void *ctx, vs_err *e);

#endif
