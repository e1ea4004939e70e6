/*
 * html.h - OUT/index.html: one self-contained page (no network access:
 * no scripts, fonts or styles from elsewhere) with the environment,
 * warnings (html_warn.h: short summaries, the points in collapsed
 * tables), per panel a precision line, the summary table and every chart
 * (SVG beside the page, PNG/PDF links), and links to report.xlsx and the
 * raw files.
 */
#ifndef VS_HTML_H
#define VS_HTML_H

#include "analysis/summary.h"
#include "reports/charts.h"

/* `data_dirs[i]` is where source i's raw files were copied (relative to
 * OUT). */
int vs_html_write(const char *path, const vs_dataset *d, const vs_summary *s,
                  const vs_chart_set *charts, const char *const *data_dirs, vs_err *e);

#endif
