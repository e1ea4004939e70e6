/* stats.c - see stats.h. */
#include "analysis/stats.h"

#include "analysis/tdist.h"

#include <math.h>
#include <string.h>

double vs_t_quantile(double level, int df)
{
    if (df < 1 || !(level > 0 && level < 1))
        return 0.0;
    return -vs_tdist_quantile((1.0 - level) / 2.0, (double)df);
}

void vs_stats_compute(const double *v, int n, double level, vs_stats *s)
{
    double sum = 0, ss = 0;

    memset(s, 0, sizeof *s);
    s->n = n;
    if (n <= 0)
        return;
    s->min = s->max = v[0];
    for (int i = 0; i < n; i++) {
        sum += v[i];
        if (v[i] < s->min)
            s->min = v[i];
        if (v[i] > s->max)
            s->max = v[i];
    }
    s->mean = sum / n;
    if (n < 2)
        return;
    for (int i = 0; i < n; i++)
        ss += (v[i] - s->mean) * (v[i] - s->mean);
    s->sd = sqrt(ss / (n - 1));
    s->cv = s->mean != 0 ? 100.0 * s->sd / fabs(s->mean) : 0.0;
    s->ci_half = vs_t_quantile(level, n - 1) * s->sd / sqrt((double)n);
    s->ci_valid = 1;
}

void vs_ratio_compute(const vs_stats *a, const vs_stats *b, double level, vs_ratio *r)
{
    memset(r, 0, sizeof *r);
    if (a->n < 1 || b->n < 1 || a->mean <= 0 || b->mean <= 0)
        return;
    r->valid = 1;
    r->r = a->mean / b->mean;
    if (a->n < 2 || b->n < 2)
        return;
    double ra = a->sd / sqrt((double)a->n) / a->mean;
    double rb = b->sd / sqrt((double)b->n) / b->mean;
    int df = (a->n < b->n ? a->n : b->n) - 1;
    r->ci_half = vs_t_quantile(level, df) * r->r * sqrt(ra * ra + rb * rb);
    r->ci_valid = 1;
}
