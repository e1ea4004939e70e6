/*
 * gpframe.h - the frame every report chart shares, written as gnuplot
 * commands: message sizes as categories on x; a y-range from 0 that holds
 * every interval drawn, except one reaching far above the data (more than
 * VS_GP_CLIP times the tallest value), which is cut at the top and marked
 * with an arrow and its upper value; a short title; a caption under the
 * plot (host pair, what the whiskers are); the key outside the plot, so
 * it never covers data; UTF-8 text (µs); and the outputs: PNG (cairo),
 * SVG and PDF (cairo).
 *
 * With `paper`, a figure for one column of a two-column paper as it is:
 * 3.5 in wide, a serif font at 8 pt, thin lines, no title and no caption
 * inside (the paper's caption says it; the script keeps it as a comment).
 */
#ifndef VS_GPFRAME_H
#define VS_GPFRAME_H

#include <stdio.h>

#include "platform/err.h"

/* An interval reaching above this many times the tallest value is cut. */
#define VS_GP_CLIP 1.6

typedef struct vs_chart_opts {
    int paper;        /* two-column paper figures (see above) */
} vs_chart_opts;

/* A drawn value with its interval (lo = hi = y: none), at x. */
typedef struct vs_gp_mark {
    double x, y, lo, hi;
} vs_gp_mark;

typedef struct vs_gp_frame {
    const vs_chart_opts *o;
    const char *title;      /* short, e.g. "Throughput, stream, 1 session" */
    const char *caption;    /* may hold text from files: escaped when written */
    const char *ylabel;     /* UTF-8 */
    const char *xlabel;     /* NULL: "Message size (bytes)" */
    double ref_line;        /* a y the range includes, drawn dashed (0: none) */
    int nkey;               /* entries of the key (for its rows) */
    int ncat;
    const char *const *cat; /* category labels, x = 0 .. ncat-1 */
    int n, cap;
    vs_gp_mark *m;          /* every value drawn */
} vs_gp_frame;

/* An empty frame (the strings are borrowed, not copied). */
void vs_gp_init(vs_gp_frame *f, const vs_chart_opts *o, const char *title,
                const char *caption, const char *ylabel);

/* Record a value drawn at x with its interval; -1 when out of memory. */
int vs_gp_add(vs_gp_frame *f, double x, double y, double lo, double hi);

/* The top of the y-range: every interval up to VS_GP_CLIP times the
 * tallest value (or the reference line), with a margin. */
double vs_gp_top(const vs_gp_frame *f);

/* Everything before the plot command: encoding, title, caption, key,
 * axes, y-range, and an arrow with its value for each interval cut. */
void vs_gp_write_head(FILE *out, const vs_gp_frame *f);

/* The plot command once per output: PNG, SVG, PDF named after `base`. */
void vs_gp_write_outputs(FILE *out, const vs_gp_frame *f, const char *base, const char *plot);

void vs_gp_free(vs_gp_frame *f);

#endif
