/*
 * matrix.h - a profile expanded into matrix points, in the order a sweep
 * visits them: test, burst (rr), sessions, socket size, message size, and
 * transport innermost, so consecutive runs alternate transports and a slow drift
 * of the machine does not land on one configuration. Sweeps go round by
 * round (run 1 of every point, then run 2, ...), which interleaves runs
 * of the same point too.
 */
#ifndef VS_MATRIX_H
#define VS_MATRIX_H

#include "runner/profile.h"
#include "runner/runsfile.h"

typedef struct vs_matrix {
    int n;
    vs_point *pts;
} vs_matrix;

/* Expand the profile, leaving out transports whose `skip[tr]` is set. */
int vs_matrix_expand(const vs_profile *p, const int skip[VS_TR_COUNT], vs_matrix *m,
                     vs_err *e);
void vs_matrix_free(vs_matrix *m);

/* Planned runs (minimum when repeating until a confidence interval) and
 * the measured and total seconds they take (total adds warm-up and a
 * per-run set-up allowance). */
void vs_matrix_estimate(const vs_matrix *m, const vs_profile *p, int *runs,
                        double *measured_s, double *total_s);

#endif
