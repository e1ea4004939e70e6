/*
 * fleet.h - every host pair of a history with its recent nights, each
 * night judged the way `compare --history --window W` judges tonight:
 * against the W nights of the same pair before it (analysis/compare.h).
 * The night's verdict is its worst point's: regression, then improvement,
 * inconclusive, missing, no change; a pair's first night has nothing to
 * be judged against. Days (the date of a night's start, UTC) are the
 * columns of the fleet view.
 */
#ifndef VS_FLEET_H
#define VS_FLEET_H

#include "analysis/compare.h"
#include "analysis/history.h"

enum vs_fleet_verdict {
    VS_FV_FIRST,          /* no earlier night to compare with */
    VS_FV_NO_CHANGE,
    VS_FV_IMPROVEMENT,
    VS_FV_INCONCLUSIVE,
    VS_FV_MISSING,
    VS_FV_REGRESSION,
};

typedef struct vs_fleet_night {
    char started[32];
    char day[11];         /* YYYY-MM-DD */
    enum vs_fleet_verdict verdict;
    int counts[VS_V_REGRESSION + 1]; /* points per verdict */
} vs_fleet_night;

typedef struct vs_fleet_pair {
    char name[VS_HISTORY_PAIR_MAX];
    int n;
    vs_fleet_night *nights; /* oldest first */
} vs_fleet_pair;

typedef struct vs_fleet_opts {
    int days;             /* columns: the last N days with a night (default 20) */
    int window;           /* nights a night is judged against (default 7) */
    vs_compare_opts cmp;  /* alpha, min-effect */
} vs_fleet_opts;

typedef struct vs_fleet {
    vs_fleet_opts opts;
    int npairs;
    vs_fleet_pair *pairs;  /* in byte order of name */
    int ndays;
    char (*days)[11];      /* oldest first */
} vs_fleet;

/* Read the pairs and judge their last nights. */
int vs_fleet_load(vs_history *h, const vs_fleet_opts *o, vs_fleet *f, vs_err *e);

/* The last night of pair p on day d, or NULL. */
const vs_fleet_night *vs_fleet_cell(const vs_fleet *f, int p, int d);

/* "regression", ..., "first night". */
const char *vs_fleet_verdict_name(enum vs_fleet_verdict v);

void vs_fleet_free(vs_fleet *f);

#endif
