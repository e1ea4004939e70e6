/*
 * trend.h - `vsreport history trend -o OUT`: for every (host pair, point)
 * in a history, the nightly mean throughput with its 95% CI band, and the
 * change points found over the nights (analysis/changepoint.h) marked with
 * their p-value and shift. gnuplot data and scripts stay in OUT, with PNG
 * and SVG made from them; OUT/changepoints.txt lists what was found.
 * Charts are named trend-pN-POINT, N numbering the pairs in byte order.
 */
#ifndef VS_TREND_H
#define VS_TREND_H

#include "analysis/changepoint.h"
#include "analysis/history.h"

#define VS_TREND_MAX_CP 32

/* A change point with the night it starts at. */
typedef struct vs_trend_cp {
    vs_changepoint cp;       /* cp.index counts the point's nights */
    char started[32];        /* the first night after the change */
} vs_trend_cp;

/* One chart made: a point of a pair. */
typedef struct vs_trend_chart {
    char pair[VS_HISTORY_PAIR_MAX];
    char label[96];          /* the point, e.g. "tcp stream 256K/16K x1" */
    char base[160];          /* OUT/base.png, .svg, .dat, .gp */
    int nights;
    int ncp;
    vs_trend_cp cp[VS_TREND_MAX_CP];
} vs_trend_chart;

typedef struct vs_trend_list {
    int n, cap;
    vs_trend_chart *c;
} vs_trend_list;

typedef struct vs_trend_opts {
    const char *out;
    const char *pair;        /* only this pair (NULL: all) */
    vs_cp_opts cp;
    int no_render;
    vs_trend_list *list;     /* when not NULL, every chart made is listed */
} vs_trend_opts;

/* Returns the number of change points found (>= 0), or -1. */
int vs_trend_write(vs_history *h, const vs_trend_opts *o, vs_err *e);

void vs_trend_list_free(vs_trend_list *l);

#endif
