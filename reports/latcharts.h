/*
 * latcharts.h - the charts of an rr or crr panel (charts.c calls it), in
 * the style of the throughput charts (data file and gnuplot script in
 * OUT/charts, PNG/SVG/PDF, colours and fills per transport):
 *
 *   NAME-tps          transactions/s: request size on x, one bar per
 *                     (transport, socket size), 95% CI error bars
 *   NAME-p50, NAME-p99, NAME-p999
 *                     latency percentiles in microseconds, the same bars
 *                     (a run's percentile from its histogram; the mean
 *                     over runs, with its CI)
 *   NAME-cpu          service demand per transaction (CPU us, both ends)
 *   NAME-nines-SIZE   one per request size: latency against percentile on
 *                     a log "nines" axis (90%, 99%, 99.9%, ...), one curve
 *                     per series, from the runs' interval logs added
 *                     together (DIR/latency/, docs/files.md); left out
 *                     when no run of that size has its log
 */
#ifndef VS_LATCHARTS_H
#define VS_LATCHARTS_H

#include "reports/charts.h"

/* How many charts panel p can get (for sizing a chart set). */
int vs_latcharts_count(const vs_summary *s);

/* Write panel p's charts into `dir`, appending them to `out` (which has
 * room for vs_latcharts_count more). */
int vs_latcharts_write(const vs_summary *s, const vs_dataset *d, int p, const char *dir,
                       const vs_chart_opts *o, vs_chart_set *out, vs_err *e);

#endif
