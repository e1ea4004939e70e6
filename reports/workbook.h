/*
 * workbook.h - report.xlsx with libxlsxwriter:
 *   Summary      one row per point: n, failures, mean, sd, CV, CI, min,
 *                max, CPU and service demand of both ends, ratio to the
 *                baseline transport with its CI
 *   Charts       native Excel column charts like the gnuplot ones (means;
 *                the CI is in Summary: libxlsxwriter 1.1 cannot write
 *                per-point custom error bars)
 *   Chart data   the pivot tables the charts read
 *   Runs         every raw row of every runs.csv
 *   Environment  both hosts, profile and versions of every directory
 * Header rows are frozen, columns sized, numbers formatted.
 */
#ifndef VS_WORKBOOK_H
#define VS_WORKBOOK_H

#include "analysis/summary.h"

int vs_workbook_write(const char *path, const vs_dataset *d, const vs_summary *s,
                      vs_err *e);

#endif
