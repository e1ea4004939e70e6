/*
 * stoprule.h - when to stop repeating a sweep point (netperf's -I/-i):
 * after `min` runs, stop as soon as the LEVEL% confidence interval of the
 * mean headline figure (Gbit/s; transactions/s for rr and crr) is within
 * +/- WIDTH/2 percent of the mean; never run
 * more than `max`. Without a rule, a point runs exactly `runs` times.
 *
 * Student-t critical values come from a table (two-sided 90, 95 and 99
 * percent), which keeps the static runner free of a maths library; the
 * report side uses GSL and its tests cross-check this table.
 */
#ifndef VS_STOPRULE_H
#define VS_STOPRULE_H

typedef struct vs_stoprule {
    int enabled;     /* 0: fixed number of runs (min == max) */
    int level;       /* 90, 95 or 99 */
    double width;    /* full interval width in percent of the mean */
    int min_runs;
    int max_runs;
} vs_stoprule;

/* Two-sided Student-t critical value for `level` percent and `df`
 * degrees of freedom (df >= 1); 0 for an unsupported level. */
double vs_t_critical(int level, int df);

/* Mean and confidence half-width of n values (half = 0 when n < 2). */
void vs_mean_ci(const double *v, int n, int level, double *mean, double *half);

/* 1 when a point with these successful-run figures (n of them) and
 * `attempts` runs in total (failed ones included) needs no more runs. */
int vs_stoprule_done(const vs_stoprule *r, const double *v, int n, int attempts);

#endif
