/*
 * progress.h - what a sweep shows while it runs. On a terminal: one live
 * line (run k/N, the point, the latest figure, elapsed and ETA) rewritten
 * in place. Otherwise (CI logs): one plain line per finished run.
 */
#ifndef VS_PROGRESS_H
#define VS_PROGRESS_H

#include <stdio.h>

#include "runner/result.h"
#include "runner/runsfile.h"

typedef struct vs_progress {
    FILE *out;
    int tty;
    int done, planned;
    double nominal_done_s, nominal_total_s; /* planned seconds, for the ETA */
    unsigned long long start_ns;
    char current[96];
    double last_gbps;
    int upper;          /* planned and ETA are upper bounds */
} vs_progress;

void vs_progress_begin(vs_progress *p, FILE *out, int planned, double nominal_total_s);

/* A run starts (and, on a terminal, its interim figures while it runs). */
void vs_progress_run_start(vs_progress *p, const vs_point *pt, int run);
void vs_progress_interim(vs_progress *p, double gbps);

/* A run ended; `nominal_s` is what it was planned to take. */
void vs_progress_run_end(vs_progress *p, const vs_row *all, double nominal_s);

/* More runs than planned (repetition until a confidence interval): from
 * now on `planned` and the ETA are upper bounds, shown with "<=". */
void vs_progress_replan(vs_progress *p, int planned, double nominal_total_s);

void vs_progress_end(vs_progress *p);

#endif
