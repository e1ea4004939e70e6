/*
 * runsfile.h - DIR/runs.csv, the contract between runner and reports
 * (docs/files.md): one row per session per run plus an aggregate row
 * (session "all"). A run's rows are appended in one write, flushed and
 * fsync'd when the run ends, so a killed sweep loses at most the run in
 * progress. Reopening for --resume drops a run cut short by a crash and
 * tells which runs are already recorded.
 */
#ifndef VS_RUNSFILE_H
#define VS_RUNSFILE_H

#include <stdio.h>

#include "runner/result.h"

#define VS_RUNS_HEADER                                                              \
    "transport,test,sock_req,sock_eff_local,sock_eff_remote,msg,sessions,session,run," \
    "seconds,bytes,gbps,cpu_local,cpu_remote,sd_local,sd_remote,status,error"

/* One matrix point. */
typedef struct vs_point {
    enum vs_transport tr;
    enum vs_test test;
    uint64_t sock;
    uint32_t msg;
    int sessions;
} vs_point;

typedef struct vs_done_run {
    vs_point pt;
    int run;
    int ok;
    double gbps; /* aggregate */
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
 * aggregate Gbit/s of successful ones go to gbps[0..*n_ok). */
int vs_runsfile_runs(const vs_runsfile *rf, const vs_point *pt, double *gbps, int max,
                     int *n_ok);

void vs_runsfile_close(vs_runsfile *rf);

/* Write one row as a CSV line (no flush). */
void vs_row_write_csv(FILE *f, const vs_row *row);

/* 1 when two points are the same. */
int vs_point_equal(const vs_point *a, const vs_point *b);

#endif
