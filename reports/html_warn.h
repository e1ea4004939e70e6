/*
 * html_warn.h - the "Warnings" section of index.html and the precision
 * line of each panel.
 *
 * Each kind of warning is one short summary line; where it concerns many
 * points, the points are in a table inside <details> (collapsed: the
 * page opens with the summaries): charts not drawn (no gnuplot), sweeps
 * that did not finish, skipped transports, failed runs, buffers the OS
 * clamped, noisy points.
 *
 * The precision line says how precise a panel's figures are: the median
 * half-width of the 95% confidence intervals relative to the mean, the
 * widest one, and how many points have too few runs for an interval.
 */
#ifndef VS_HTML_WARN_H
#define VS_HTML_WARN_H

#include <stdio.h>

#include "analysis/summary.h"

#define VS_HIGH_CV 10.0 /* percent: a point this noisy gets a warning */

/* The section; `charts_skipped` says why the charts were not drawn ("" when
 * they were). Returns the number of warnings written. */
int vs_html_warnings(FILE *f, const vs_dataset *d, const vs_summary *s,
                     const char *charts_skipped);

/* "How precise is this" for panel p, one paragraph. */
void vs_html_precision(FILE *f, const vs_summary *s, int p);

#endif
