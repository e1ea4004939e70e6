/*
 * report.h - `vsreport report DIR... -o OUT`: everything at once.
 *   OUT/index.html        the page (html.h)
 *   OUT/report.xlsx       the workbook (workbook.h)
 *   OUT/charts/           gnuplot data, scripts, PNG, SVG, PDF (charts.h)
 *   OUT/data/N-NAME/      copies of each directory's runs.csv and meta.json
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
} vs_report_opts;

int vs_report_run(const vs_report_opts *o, vs_err *e);

#endif
