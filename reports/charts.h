/*
 * charts.h - study-style figures with gnuplot. For each panel (host pair,
 * test, session count) three charts:
 *   NAME-throughput  clustered bars: message size on x, Gbit/s on y, one
 *                    bar per (transport, socket size), 95% CI error bars
 *   NAME-ratio       each transport over the baseline (tcp) per point,
 *                    with a line at 1.0
 *   NAME-cpu         service demand (CPU us per KB, both ends) per series
 * Each chart is a data file and a gnuplot script kept in OUT/charts, so a
 * user can restyle and re-run it (`gnuplot NAME.gp` in that folder); the
 * script writes PNG (cairo), SVG and PDF. Colours follow the transport in
 * every chart; fill patterns follow it too, so grayscale prints stay
 * readable; lighter shades are smaller sockets.
 *
 * Panels of rr and crr tests get the charts of reports/latcharts.h
 * instead (transactions/s, latency percentiles, the percentile curve).
 */
#ifndef VS_CHARTS_H
#define VS_CHARTS_H

#include "analysis/summary.h"

enum vs_chart_kind {
    VS_CHART_THROUGHPUT, VS_CHART_RATIO, VS_CHART_CPU,
    VS_CHART_TPS, VS_CHART_LATENCY, VS_CHART_NINES  /* rr, crr (latcharts.h) */
};

typedef struct vs_chart {
    char base[128];   /* file name without extension */
    char title[256];
    int panel;        /* index into the summary's panels */
    enum vs_chart_kind kind;
} vs_chart;

typedef struct vs_chart_set {
    int n;
    vs_chart *c;
    char skipped[400]; /* why the charts were not drawn; "" when they were */
} vs_chart_set;

typedef struct vs_chart_opts {
    int paper;        /* 3.5 in wide, serif fonts, for two-column papers */
} vs_chart_opts;

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

/* The head of a script: style, title (a string from a file, quoted for
 * gnuplot), axis labels (literal text of ours). */
void vs_chart_head(FILE *f, const char *title, const char *xlabel, const char *ylabel,
                   const vs_chart_opts *o);

/* The terminals (PNG, SVG, PDF) around the plot command. */
void vs_chart_outputs(FILE *f, const char *base, const vs_chart_opts *o, const char *plot);

/* A panel's data file: one row per message size, `columns` per series
 * written by `cells` (NULL for a point without successful runs). */
typedef void (*vs_chart_cells)(FILE *f, const vs_point_summary *ps);
void vs_chart_table(FILE *f, const vs_summary *s, int p, const char *comment,
                    const char *columns, vs_chart_cells cells);

/* Series i's clause of a bar chart (columns `cols` of BASE.dat). */
void vs_chart_bar_clause(char *plot, size_t cap, const vs_summary *s, int i, const char *base,
                         const char *cols);

/* "WHAT, PANEL - PAIR", and the file-name stem of panel p. */
void vs_chart_panel_title(const vs_summary *s, const vs_dataset *d, int p, const char *what,
                          char *buf, size_t n);
void vs_chart_panel_base(const vs_summary *s, const vs_dataset *d, int p, char *buf, size_t n);

#endif
