/*
 * render.h - running gnuplot on the scripts of a chart set (charts.h):
 * finding the program, then drawing each chart so that its PNG, SVG and
 * PDF appear whole or not at all. gnuplot runs in a private folder of the
 * charts folder (DIR/.render-PID, with a copy of the chart's data), on
 * the script DIR/BASE.gp; the files it drew are renamed into DIR, and a
 * chart it fails on leaves nothing behind. The folder name reaches
 * gnuplot as a string literal (markup.h vs_gnuplot_string); one holding a
 * backtick is refused.
 */
#ifndef VS_RENDER_H
#define VS_RENDER_H

#include <stddef.h>

#include "reports/charts.h"

/* The gnuplot to draw with: `given` (--gnuplot PATH), which must be a
 * program (else -1 with a usage error), or else gnuplot on PATH. 0 with
 * its path in path[n]; 1 when there is none, with a sentence in why[wn]
 * saying so and how to get the charts. */
int vs_charts_find_gnuplot(const char *given, char *path, size_t n, char *why, size_t wn,
                           vs_err *e);

/* Run `gnuplot` (a program path, or NULL for gnuplot on PATH) on every
 * script of the set in `dir`, as above. */
int vs_charts_render(const char *dir, const vs_chart_set *set, const char *gnuplot, vs_err *e);

#endif
