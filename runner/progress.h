/*
 * progress.h - what a sweep shows while it runs. On a terminal: one live
 * line rewritten in place (cut to the terminal's width): run k/N, the
 * point running with its latest interim figure once one exists, "last:"
 * the last finished run with its own point and figure, elapsed and ETA.
 * Otherwise (CI logs): one plain line per finished run.
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
    int running;        /* a run is in progress */
    char current[96];   /* its point and run number */
    int has_current;    /* it has an interim figure */
    double current_gbps;
    int has_last;       /* a run has finished */
    char last[96];      /* the last finished run: point and run number */
    double last_gbps;
    int last_ok;
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
