/*
 * trend.h - `vsreport history trend -o OUT`: for every (host pair, point)
 * in a history, the nightly mean throughput with its 95% CI band, and the
 * change points found over the nights (analysis/changepoint.h) marked with
 * their p-value and shift. gnuplot data and scripts stay in OUT, with PNG
 * and SVG made from them; OUT/changepoints.txt lists what was found.
 */
#ifndef VS_TREND_H
#define VS_TREND_H

#include "analysis/changepoint.h"
#include "analysis/history.h"

typedef struct vs_trend_opts {
    const char *out;
    vs_cp_opts cp;
    int no_render;
} vs_trend_opts;

/* Returns the number of change points found (>= 0), or -1. */
int vs_trend_write(vs_history *h, const vs_trend_opts *o, vs_err *e);

#endif
