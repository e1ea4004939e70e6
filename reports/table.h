/*
 * table.h - `vsreport summary`: the per-point statistics as a terminal
 * table per panel (rows: message sizes; columns: transport x socket size;
 * cells: mean +/- 95% CI from 3 runs up, the range [min-max] of 2 runs,
 * "n/a" for 1, with footnotes; sweeps that did not finish noted first),
 * or as CSV or JSON for other tools (ci empty / null for 1 run).
 */
#ifndef VS_TABLE_H
#define VS_TABLE_H

#include <stdio.h>

#include "analysis/summary.h"

void vs_table_print(FILE *f, const vs_dataset *d, const vs_summary *s);
void vs_table_csv(FILE *f, const vs_dataset *d, const vs_summary *s);
void vs_table_json(FILE *f, const vs_dataset *d, const vs_summary *s);

#endif
