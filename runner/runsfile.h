/*
 * runsfile.h - DIR/runs.csv as a sweep keeps it (the rows and columns are
 * core/runs.h). A run's rows are appended in one write, flushed and
 * fsync'd when the run ends, so a killed sweep loses at most the run in
 * progress. Reopening for --resume drops a run cut short by a crash (and
 * rewrites a file of an older vsbench with this build's header), and
 * tells which runs are already recorded.
 */
#ifndef VS_RUNSFILE_H
#define VS_RUNSFILE_H

#include <stdio.h>

#include "core/point.h"
#include "runner/result.h"

typedef struct vs_done_run {
    vs_point pt;
    int run;
    int ok;
    double figure; /* the aggregate row's headline figure (vs_row_figure) */
} vs_done_run;

typedef struct vs_runsfile {
    FILE *f;
    char path[4096];
    int ndone, cap;
    vs_done_run *done;
} vs_runsfile;

/* Open DIR/runs.csv. Without `resume` the file must not hold results
 * yet; with it, recorded runs are loaded (and a cut-off run dropped). */
int vs_runsfile_open(vs_runsfile *rf, const char *dir, int resume, vs_err *e);

/* Append all rows of one run (run number `run`) durably. */
int vs_runsfile_append(vs_runsfile *rf, const vs_run_report *r, int run, vs_err *e);

/* Recorded runs of a point: returns how many (failed included); the
 * headline figures (vs_row_figure) of successful ones go to figure[0..*n_ok). */
int vs_runsfile_runs(const vs_runsfile *rf, const vs_point *pt, double *figure, int max,
                     int *n_ok);

void vs_runsfile_close(vs_runsfile *rf);

#endif
