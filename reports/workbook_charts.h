/*
 * workbook_charts.h - the workbook's native charts. Per panel (host pair,
 * test, sessions) a clustered column chart of mean throughput per
 * (transport, socket size) over the message sizes, with whiskers, on the
 * "Charts" sheet: one chart per printed page (landscape, fit to the page
 * width), a caption above it (host pair, what the whiskers are). The
 * figures, readable, are on "Chart data" (mean and whisker half-width).
 *
 * Whiskers: libxlsxwriter 1.1.4 has no custom (per-point) error bars, only
 * one fixed, percentage, standard-deviation or standard-error value per
 * series. So each bar is a series of its own whose fixed error bar is its
 * point's half-width (95% CI from 3 runs; half the min-max range of 2
 * runs, which is symmetric about their mean; none for 1 run), laid over
 * two-level categories (message size, then the series) with the series
 * overlapping fully: the chart reads as clustered bars with a whisker per
 * point, in Excel and in LibreOffice. The sparse table those series read
 * is the hidden sheet "Chart series"; the legend keeps one entry per
 * (transport, socket size).
 */
#ifndef VS_WORKBOOK_CHARTS_H
#define VS_WORKBOOK_CHARTS_H

#include <xlsxwriter.h>

#include "analysis/summary.h"

/* Add the "Charts", "Chart data" and (hidden) "Chart series" sheets. */
void vs_workbook_charts(lxw_workbook *wb, lxw_format *head, lxw_format *num,
                        const vs_dataset *d, const vs_summary *s);

#endif
