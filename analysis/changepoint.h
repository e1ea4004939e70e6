/*
 * changepoint.h - change points in a series of nightly means, found the
 * way E-divisive (Matteson & James 2014; used by Apache Otava/hunter)
 * finds them: binary segmentation, each candidate split tested with a
 * permutation test, so no distribution is assumed.
 *
 * For a segment x[lo, hi) the statistic of a split at t is
 *     Q(t) = (nl * nr / n) * (mean(x[lo,t)) - mean(x[t,hi)))^2
 * (E-divisive's divergence with exponent 2, i.e. a mean shift). The best
 * split's Q is compared with the best Q of `permutations` shuffles of the
 * segment; p = (1 + #shuffles at least as extreme) / (1 + permutations).
 * A split is a change point when p < alpha and the shift is at least
 * min_effect of the earlier mean; then both halves are searched again.
 * Shuffles come from a fixed-seed generator, so results are repeatable.
 */
#ifndef VS_CHANGEPOINT_H
#define VS_CHANGEPOINT_H

typedef struct vs_cp_opts {
    double alpha;       /* default 0.01 */
    double min_effect;  /* relative shift, default 0.05 */
    int permutations;   /* default 999 */
    int min_segment;    /* points on each side, default 3 */
    unsigned seed;
} vs_cp_opts;

typedef struct vs_changepoint {
    int index;          /* first point after the change */
    double before;      /* mean of the segment before */
    double after;       /* mean of the segment after */
    double shift;       /* (after - before) / before */
    double p;
} vs_changepoint;

void vs_cp_defaults(vs_cp_opts *o);

/* Find change points in x[0, n); returns how many (at most max), sorted
 * by index. */
int vs_changepoints(const double *x, int n, const vs_cp_opts *o, vs_changepoint *out, int max);

#endif
