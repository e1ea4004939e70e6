/*
 * stats.h - descriptive statistics and confidence intervals (Student t
 * quantiles from tdist.h), and the ratio of two means with its uncertainty.
 * Every result is NaN-free: with n = 0 all fields are 0; with n = 1 the
 * spread and the interval are 0 and `ci_valid` says the interval is
 * unknown.
 */
#ifndef VS_STATS_H
#define VS_STATS_H

typedef struct vs_stats {
    int n;
    double mean, sd, cv;  /* cv in percent of the mean */
    double ci_half;       /* half-width of the confidence interval */
    int ci_valid;         /* n >= 2 */
    double min, max;
} vs_stats;

typedef struct vs_ratio {
    int valid;            /* both means > 0 */
    double r;             /* mean A / mean B */
    double ci_half;       /* first-order (delta method) interval */
    int ci_valid;
    double lo, hi;        /* what a report draws (vs_summary_ratio fills them) */
    int kind;             /* enum vs_interval_kind (summary.h) */
} vs_ratio;

/* Two-sided Student-t quantile for a confidence level in (0, 1). */
double vs_t_quantile(double level, int df);

/* Statistics of n values at a confidence level (e.g. 0.95). */
void vs_stats_compute(const double *v, int n, double level, vs_stats *s);

/* A over B. The standard errors combine in relative terms
 * (se_r / r)^2 = (se_a / a)^2 + (se_b / b)^2, with the t quantile of the
 * smaller sample's degrees of freedom (conservative). */
void vs_ratio_compute(const vs_stats *a, const vs_stats *b, double level, vs_ratio *r);

#endif
