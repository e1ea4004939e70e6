/* stoprule.c - see stoprule.h. */
#include "runner/stoprule.h"

#include <math.h>
#include <stddef.h>

/* Two-sided critical values, df 1..30, then 40, 60, 120 and infinity. */
static const double t90[] = {
    6.314, 2.920, 2.353, 2.132, 2.015, 1.943, 1.895, 1.860, 1.833, 1.812,
    1.796, 1.782, 1.771, 1.761, 1.753, 1.746, 1.740, 1.734, 1.729, 1.725,
    1.721, 1.717, 1.714, 1.711, 1.708, 1.706, 1.703, 1.701, 1.699, 1.697,
    1.684, 1.671, 1.658, 1.645,
};
static const double t95[] = {
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
    2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
    2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    2.021, 2.000, 1.980, 1.960,
};
static const double t99[] = {
    63.657, 9.925, 5.841, 4.604, 4.032, 3.707, 3.499, 3.355, 3.250, 3.169,
    3.106, 3.055, 3.012, 2.977, 2.947, 2.921, 2.898, 2.878, 2.861, 2.845,
    2.831, 2.819, 2.807, 2.797, 2.787, 2.779, 2.771, 2.763, 2.756, 2.750,
    2.704, 2.660, 2.617, 2.576,
};
static const int tail_df[] = { 30, 40, 60, 120 }; /* then infinity */

double vs_t_critical(int level, int df)
{
    const double *t = level == 90 ? t90 : level == 95 ? t95 : level == 99 ? t99 : NULL;

    if (t == NULL || df < 1)
        return 0.0;
    if (df <= 30)
        return t[df - 1];
    /* Interpolate linearly in 1/df between the tabulated points. */
    for (int i = 0; i < 3; i++) {
        if (df <= tail_df[i + 1]) {
            double a = 1.0 / tail_df[i], b = 1.0 / tail_df[i + 1], x = 1.0 / df;
            double ta = t[29 + i], tb = t[30 + i];
            return tb + (ta - tb) * (x - b) / (a - b);
        }
    }
    double a = 1.0 / 120, x = 1.0 / df;
    return t[33] + (t[32] - t[33]) * x / a;
}

void vs_mean_ci(const double *v, int n, int level, double *mean, double *half)
{
    double sum = 0, ss = 0, m;

    *mean = 0;
    *half = 0;
    if (n <= 0)
        return;
    for (int i = 0; i < n; i++)
        sum += v[i];
    m = sum / n;
    *mean = m;
    if (n < 2)
        return;
    for (int i = 0; i < n; i++)
        ss += (v[i] - m) * (v[i] - m);
    *half = vs_t_critical(level, n - 1) * sqrt(ss / (n - 1)) / sqrt((double)n);
}

int vs_stoprule_done(const vs_stoprule *r, const double *v, int n, int attempts)
{
    double mean, half;

    if (attempts >= r->max_runs)
        return 1;
    if (!r->enabled || n < r->min_runs || n < 2)
        return 0;
    vs_mean_ci(v, n, r->level, &mean, &half);
    return mean > 0 && half / mean * 100.0 <= r->width / 2.0;
}
