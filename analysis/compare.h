/*
 * compare.h - regression verdicts between a baseline and a candidate:
 * per matrix point, the relative change of the mean headline figure
 * (throughput; transactions/s for rr and crr), of service demand (both
 * ends together, where both sides have CPU data) and for rr and crr of the
 * p50 and p99 latency (means of the runs' percentiles), and a verdict
 * (docs/nightly.md explains the design):
 *
 *   regression    worse by more than min-effect, significantly: the
 *                 one-sided Welch test of "the change is at most
 *                 min-effect" rejects at alpha (an equivalence margin,
 *                 not a test against zero)
 *   improvement   better by more than min-effect, significantly
 *   no change     the change is smaller than min-effect
 *   inconclusive  a change of at least min-effect that is not significantly
 *                 beyond it (too noisy), or fewer than 2 successful runs
 *   missing       the point exists on one side only
 *
 * Machine drift. A baseline of one sweep: the candidate's sweep-wide
 * shift (the median of the points' relative changes, from 4 points up) is
 * estimated; when it is within the drift allowance (default +/-10%), the
 * baseline is scaled by it, so each point is judged on what it did beyond
 * the whole sweep's shift; beyond the allowance nothing is scaled and a
 * warning says the whole sweep moved. A baseline of 3 sweeps or more (a
 * history window): a point's baseline is the sweeps' means, and the
 * candidate must leave the spread those sweeps show between themselves
 * (the standard error of a new sweep's mean, s * sqrt(1 + 1/N), N - 1
 * degrees of freedom), so drift between sweeps is part of the noise.
 *
 * Many points at once. Every point is tested, and each of its measures:
 * a sweep of 48 points makes about a hundred tests, and at alpha 0.01 each
 * an identical pair would now and then show a "regression" by chance. So
 * a regression (or an improvement) stands only when its p passes the
 * Benjamini-Hochberg step-up over all the measures tested (analysis/fdr.h):
 * for identical sweeps the chance of any false alarm stays at alpha, and a
 * sweep-wide regression keeps its power. The others become inconclusive,
 * with a note.
 *
 * Worse means lower throughput or transactions/s, higher service demand,
 * higher latency. A point is a regression when any measure is; otherwise
 * its verdict is the headline figure's. The drift allowance applies to
 * the headline figure and service demand. Defaults: alpha 0.01,
 * min-effect 5%, drift 10%.
 */
#ifndef VS_COMPARE_H
#define VS_COMPARE_H

#include "analysis/summary.h"
#include "analysis/env.h"
#include "analysis/welch.h"

enum vs_verdict {
    VS_V_NO_CHANGE,
    VS_V_IMPROVEMENT,
    VS_V_INCONCLUSIVE,
    VS_V_MISSING,
    VS_V_REGRESSION,
};

typedef struct vs_compare_opts {
    double alpha;       /* default 0.01 */
    double min_effect;  /* relative, default 0.05 */
    double drift;       /* sweep-wide shift taken as machine drift, default 0.10; 0: none */
} vs_compare_opts;

/* The default drift allowance. */
#define VS_DEFAULT_DRIFT 0.10
/* Points needed to estimate a sweep-wide shift. */
#define VS_DRIFT_MIN_POINTS 4
/* Baseline sweeps from which their own spread is the noise. */
#define VS_MIN_SWEEPS 3

/* The candidate's sweep-wide shift of one measure. */
typedef struct vs_drift {
    int valid;          /* estimated (enough points) */
    int points;         /* from how many points */
    double shift;       /* relative: the median of the points' changes */
    int applied;        /* within the allowance: baselines were scaled by it */
} vs_drift;

/* One measure of one point on both sides. */
typedef struct vs_measure_cmp {
    int present;        /* both sides have the measure */
    double base, cand;  /* means */
    int n_base, n_cand; /* runs (the baseline's sweeps, by_sweeps) */
    int by_sweeps;      /* the baseline is the means of VS_MIN_SWEEPS+ sweeps */
    double delta;       /* (cand - base) / base */
    double adjusted;    /* the change beyond the sweep-wide shift (= delta without) */
    double p;           /* one-sided p of the verdict's test: the change is beyond
                         * min-effect in its direction (1 when not tested) */
    enum vs_verdict verdict;
} vs_measure_cmp;

typedef struct vs_point_cmp {
    vs_point pt;
    int in_base, in_cand;
    vs_measure_cmp fig; /* Gbit/s; transactions/s for rr and crr */
    vs_measure_cmp sd;  /* service demand, local + remote (per KB; per transaction) */
    vs_measure_cmp p50, p99; /* rr, crr: latency in us (present 0 otherwise) */
    enum vs_verdict verdict; /* regression when any measure is, else fig's */
    char note[160];     /* why inconclusive or missing */
} vs_point_cmp;

typedef struct vs_comparison {
    vs_compare_opts opts;
    int n;
    vs_point_cmp *p;
    int counts[VS_V_REGRESSION + 1];
    vs_drift drift_fig, drift_sd;  /* the sweep-wide shifts */
    int ntests;         /* measures tested, over which the correction ran */
    int nwarn;
    char warn[8][256];  /* different environments, etc. */
    char base_label[256], cand_label[256];
    vs_env_diff *env;   /* the settings that differ (analysis/env.h); NULL: none loaded */
} vs_comparison;

/* Samples of one point on one side: successful runs' aggregate figures. */
typedef struct vs_sample {
    int n;
    double *fig;       /* the headline figure per run (vs_row_figure) */
    double *sd;        /* local + remote service demand per run; may be 0 */
    double *p50, *p99; /* rr, crr: latency percentiles per run */
    int *src;          /* the sweep (dataset source) of each run */
    int failed;
} vs_sample;

/* What one side knows of a measure: its mean, the squared standard error
 * of that mean, and the degrees of freedom of the error. */
typedef struct vs_side {
    double mean, se2, df;
    int n;
} vs_side;

/* A side from runs (n values): se2 = sd^2 / n, df = n - 1. */
void vs_side_from_runs(const double *v, int n, vs_side *s);

/* A baseline side from the means of n sweeps (n >= VS_MIN_SWEEPS): the
 * error of predicting a new sweep's mean, se2 = sd^2 * (1 + 1/n). */
void vs_side_from_sweeps(const double *means, int n, vs_side *s);

/* The verdict of one measure (higher_is_better for throughput); `scale`
 * multiplies the baseline (1 + the sweep-wide shift, or 1). */
void vs_compare_sides(const vs_side *base, const vs_side *cand, int higher_is_better,
                      double scale, const vs_compare_opts *o, vs_measure_cmp *out);

/* The same from the runs of both sides, unscaled. */
void vs_compare_measure(const double *base, int nb, const double *cand, int nc,
                        int higher_is_better, const vs_compare_opts *o, vs_measure_cmp *out);

/* Compare two datasets point by point (all host pairs pooled per point).
 * Environment differences (kernel, CPU, hypervisor) become warnings. */
int vs_compare_datasets(const vs_dataset *base, const vs_dataset *cand,
                        const vs_compare_opts *o, vs_comparison *out, vs_err *e);

void vs_comparison_free(vs_comparison *c);

const char *vs_verdict_name(enum vs_verdict v);

/* Exit status: VS_ERR_RUNTIME (1) when a point regressed, else VS_OK. */
int vs_comparison_status(const vs_comparison *c);

#endif
