/*
 * compare.h - regression verdicts between a baseline and a candidate:
 * per matrix point, the relative change of the mean headline figure
 * (throughput; transactions/s for rr and crr), of service demand (both
 * ends together, where both sides have CPU data) and for rr and crr of the
 * p50 and p99 latency (means of the runs' percentiles), Welch's t-test,
 * and a verdict:
 *
 *   regression    significant (p < alpha) and worse by at least min-effect
 *   improvement   significant and better by at least min-effect
 *   no change     the change is smaller than min-effect (significant or not)
 *   inconclusive  a change of at least min-effect that is not significant
 *                 (too noisy), or fewer than 2 successful runs on a side
 *   missing       the point exists on one side only
 *
 * Worse means lower throughput or transactions/s, higher service demand,
 * higher latency. A point is a regression when any measure is; otherwise
 * its verdict is the headline figure's. Defaults: alpha 0.01, min-effect 5%.
 */
#ifndef VS_COMPARE_H
#define VS_COMPARE_H

#include "analysis/summary.h"
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
} vs_compare_opts;

/* One measure of one point on both sides. */
typedef struct vs_measure_cmp {
    int present;        /* both sides have the measure */
    double base, cand;  /* means */
    int n_base, n_cand;
    double delta;       /* (cand - base) / base */
    vs_welch test;
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
    int nwarn;
    char warn[8][256];  /* different environments, etc. */
    char base_label[256], cand_label[256];
} vs_comparison;

/* Samples of one point on one side: successful runs' aggregate figures. */
typedef struct vs_sample {
    int n;
    double *fig;       /* the headline figure per run (vs_row_figure) */
    double *sd;        /* local + remote service demand per run; may be 0 */
    double *p50, *p99; /* rr, crr: latency percentiles per run */
    int failed;
} vs_sample;

/* The verdict of one measure (higher_is_better for throughput). */
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
