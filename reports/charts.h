/*
 * charts.h - study-style figures with gnuplot. For each panel (host pair,
 * test, session count; NAME is e.g. "stream-x5", "pair2-stream-x1") three
 * charts:
 *   NAME-throughput  clustered bars: message size on x, Gbit/s on y, one
 *                    bar per (transport, socket size), with whiskers
 *   NAME-ratio       each transport over the baseline (tcp) per point,
 *                    with whiskers and a dashed line at 1.0
 *   NAME-cpu         service demand (CPU µs per KB, both ends) per series,
 *                    with whiskers
 * Whiskers are the 95% confidence interval of the mean from
 * VS_MIN_CI_RUNS runs, the min-max range of the runs below that, none for
 * one run; the caption says which (summary.h: vs_summary_interval). The
 * frame (y-range holding every interval, arrows for one cut at the top,
 * key outside, caption, outputs, --paper) is gpframe.h's.
 * Each chart is a data file and a gnuplot script kept in OUT/charts, so a
 * user can restyle and re-run it (`gnuplot NAME.gp` in that folder); the
 * script writes PNG (cairo), SVG and PDF. Colours follow the transport in
 * every chart; fill patterns follow it too, so grayscale prints stay
 * readable; lighter shades are smaller sockets.
 *
 * Panels of rr and crr tests get instead, with the same whiskers:
 *   NAME-tps, NAME-p50, NAME-p99, NAME-p999   transactions/s and latency
 *                    percentiles (the mean of the runs' percentiles)
 *   NAME-cpu         service demand per transaction (CPU µs, both ends)
 * and the percentile curves of reports/latcharts.h.
 */
#ifndef VS_CHARTS_H
#define VS_CHARTS_H

#include "analysis/summary.h"
#include "reports/gpframe.h"

enum vs_chart_kind {
    VS_CHART_THROUGHPUT, VS_CHART_RATIO, VS_CHART_CPU,
    VS_CHART_TPS, VS_CHART_LATENCY, VS_CHART_NINES  /* rr, crr (latcharts.h) */
};

typedef struct vs_chart {
    char base[128];   /* file name without extension */
    char title[256];  /* short: "Throughput, stream, 1 session" */
    int panel;        /* index into the summary's panels */
    enum vs_chart_kind kind;
} vs_chart;

typedef struct vs_chart_set {
    int n;
    vs_chart *c;
    char skipped[400]; /* why the charts were not drawn; "" when they were */
} vs_chart_set;

/* Write data files and scripts into `dir` (which must exist). */
int vs_charts_write(const vs_summary *s, const vs_dataset *d, const char *dir,
                    const vs_chart_opts *o, vs_chart_set *out, vs_err *e);

/* The gnuplot to draw with: `given` (--gnuplot PATH), which must be a
 * program (else -1 with a usage error), or else gnuplot on PATH. 0 with
 * its path in path[n]; 1 when there is none, with a sentence in why[wn]
 * saying so and how to get the charts. */
int vs_charts_find_gnuplot(const char *given, char *path, size_t n, char *why, size_t wn,
                           vs_err *e);

/* Run `gnuplot` (a program path, or NULL for gnuplot on PATH) on every
 * script of the set. */
int vs_charts_render(const char *dir, const vs_chart_set *set, const char *gnuplot, vs_err *e);

void vs_chart_set_free(vs_chart_set *set);

/* The colour of a transport's largest socket size, "#rrggbb". */
const char *vs_transport_color(enum vs_transport tr);

/* The colour of series i: its transport's, lighter for smaller sockets. */
void vs_series_color(const vs_summary *s, int i, char *buf, size_t n);

/* ---- for the chart writers of reports/ (latcharts.c) ---------------------- */

/* OUT/charts/BASE.EXT for writing; NULL with `e` set. */
FILE *vs_chart_open(const char *dir, const char *base, const char *ext, vs_err *e);

/* Close it; an I/O error of any write is reported naming `what`. */
int vs_chart_close(FILE *f, const char *what, vs_err *e);

/* The file-name stem of panel p: "stream-x1", "pair2-maerts-x5",
 * "rr-x1-resp64-b4". */
void vs_chart_panel_base(const vs_summary *s, const vs_dataset *d, int p, char *buf, size_t n);

/* The next chart of `out` (not yet counted: out->n++ once it is written)
 * for panel p: BASE-SUFFIX, titled "HEAD, PANEL". */
vs_chart *vs_chart_next(const vs_summary *s, const vs_dataset *d, int p, const char *suffix,
                        const char *head, enum vs_chart_kind kind, vs_chart_set *out);

#endif
