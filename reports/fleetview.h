/*
 * fleetview.h - `vsreport history fleet -o OUT`: every host pair of a
 * history at a glance (analysis/fleet.h), offline like the report:
 *   OUT/index.html   a row per pair, a column per day with that night's
 *                    verdict, the latest change points, each pair's trend
 *                    charts (fleetview_html.h)
 *   OUT/fleet.md     the same in short, for a CI job summary or comment
 *   OUT/fleet.json   everything, for scripts and dashboards
 *   OUT/trend/       the trend charts of every pair (trend.h)
 * Every string from the history is escaped for the format it goes into.
 */
#ifndef VS_FLEETVIEW_H
#define VS_FLEETVIEW_H

#include "analysis/fleet.h"
#include "reports/trend.h"

typedef struct vs_fleetview_opts {
    const char *out;
    vs_fleet_opts fleet;
    vs_cp_opts cp;
    int no_render;     /* write gnuplot scripts, do not run gnuplot */
} vs_fleetview_opts;

/* Write OUT; returns how many pairs' last night is a regression (>= 0),
 * or -1. */
int vs_fleetview_write(vs_history *h, const vs_fleetview_opts *o, vs_err *e);

/* A change point of one of a pair's charts. */
typedef struct vs_fleet_change {
    const vs_trend_chart *chart;
    const vs_trend_cp *cp;
} vs_fleet_change;

/* The latest change points of `pair`, newest first, at most max of them in
 * out; returns how many the pair has in all. */
int vs_fleetview_changes(const vs_trend_list *charts, const char *pair, vs_fleet_change *out,
                         int max);

/* One character per verdict, the same in every format ('.' no night). */
const char *vs_fleetview_symbol(const vs_fleet_night *n);

#endif
