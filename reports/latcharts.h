/*
 * latcharts.h - the percentile curves of an rr or crr panel (charts.c
 * calls it; its bar charts, transactions/s, latency percentiles and
 * service demand, are charts.c's): one chart per request size,
 *
 *   NAME-nines-SIZE   latency against percentile on a log "nines" axis
 *                     (90%, 99%, 99.9%, ...), one curve per series, from
 *                     the runs' interval logs added together
 *                     (DIR/latency/, docs/files.md); left out when no run
 *                     of that size has its log
 *
 * in the frame of gpframe.h (caption, key outside, PNG/SVG/PDF, --paper).
 */
#ifndef VS_LATCHARTS_H
#define VS_LATCHARTS_H

#include "reports/charts.h"

/* How many charts panel p can get (for sizing a chart set). */
int vs_latcharts_count(const vs_summary *s);

/* Write panel p's curves into `dir`, appending them to `out` (which has
 * room for vs_latcharts_count more). */
int vs_latcharts_write(const vs_summary *s, const vs_dataset *d, int p, const char *dir,
                       const vs_chart_opts *o, vs_chart_set *out, vs_err *e);

#endif
