/*
 * welch.h - Welch's unequal-variance t-test, the significance test of
 * `vsreport compare`. It suits the 3-30 runs per side a nightly sweep
 * has: it does not assume equal variances (a regression often changes the
 * spread too) and, unlike a permutation test, gives usable p-values with
 * three runs a side (a permutation test of 3 vs 3 cannot go below
 * p = 0.1). See docs/nightly.md.
 */
#ifndef VS_WELCH_H
#define VS_WELCH_H

typedef struct vs_welch {
    int valid;      /* both sides have n >= 2 */
    double t;       /* (mean_b - mean_a) / se */
    double df;      /* Welch-Satterthwaite degrees of freedom */
    double p;       /* two-sided p-value */
} vs_welch;

/* Compare sample b against sample a (means, sds, sizes). With zero
 * variance on both sides the test degenerates: equal means give p = 1,
 * different means p = 0. */
void vs_welch_test(double mean_a, double sd_a, int n_a, double mean_b, double sd_b, int n_b,
                   vs_welch *out);

#endif
