/*
 * report.h - `vsreport report DIR... -o OUT`: everything at once.
 *   OUT/index.html        the page (html.h)
 *   OUT/report.xlsx       the workbook (workbook.h)
 *   OUT/summary.csv       one row per point (table.h, as `vsreport summary --csv`)
 *   OUT/charts/           gnuplot data and scripts, and the PNG, SVG and PDF
 *                         gnuplot draws from them (charts.h)
 *   OUT/data/N-NAME/      copies of each directory's runs.csv and meta.json
 * Everything but the drawings is written on every OS. The charts are
 * drawn with the gnuplot given (--gnuplot) or found on PATH; without one
 * the page and stderr say that they were skipped, why, and how to get
 * them.
 */
#ifndef VS_REPORT_H
#define VS_REPORT_H

#include "reports/charts.h"

typedef struct vs_report_opts {
    const char *const *dirs;
    int ndirs;
    const char *out;
    vs_chart_opts charts;
    int no_render;   /* write scripts but do not run gnuplot (tests) */
    const char *gnuplot; /* the gnuplot program; NULL: gnuplot on PATH */
} vs_report_opts;

int vs_report_run(const vs_report_opts *o, vs_err *e);

#endif
