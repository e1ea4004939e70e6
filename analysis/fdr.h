/*
 * fdr.h - the Benjamini-Hochberg step-up procedure: which of n p-values
 * are significant when n hypotheses are tested at once, controlling the
 * false discovery rate at `alpha` (Benjamini and Hochberg, J. R. Statist.
 * Soc. B 57 (1995) 289-300). When every hypothesis is true (an A/A
 * comparison), the chance that any is called significant is at most
 * alpha, as with a Bonferroni correction; when many are false (a
 * sweep-wide regression), it keeps far more power than Bonferroni.
 */
#ifndef VS_FDR_H
#define VS_FDR_H

/* The largest p_(k) (the k-th smallest of p[0..n-1]) with
 * p_(k) <= k * alpha / n: every p at or below it is significant. -1 when
 * none is (or n is 0). p is not modified; -1 also when out of memory. */
double vs_bh_threshold(const double *p, int n, double alpha);

#endif
