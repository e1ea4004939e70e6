/*
 * verdict.h - a comparison (analysis/compare.h) written for people and CI
 * systems: a terminal table, Markdown for a CI comment, JUnit XML (one
 * testcase per point; regressions are failures, inconclusive and missing
 * points are skipped with the reason) and JSON. Environment warnings
 * appear in every form.
 */
#ifndef VS_VERDICT_H
#define VS_VERDICT_H

#include <stdio.h>

#include "analysis/compare.h"

void vs_verdict_table(FILE *f, const vs_comparison *c);
void vs_verdict_markdown(FILE *f, const vs_comparison *c);
void vs_verdict_junit(FILE *f, const vs_comparison *c);
void vs_verdict_json(FILE *f, const vs_comparison *c);

#endif
