/* changepoint.c - see changepoint.h. */
#include "analysis/changepoint.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void vs_cp_defaults(vs_cp_opts *o)
{
    o->alpha = 0.01;
    o->min_effect = 0.05;
    o->permutations = 999;
    o->min_segment = 3;
    o->seed = 20141;
}

/* The best split of x[0, n) with at least m points a side: its index and Q. */
static double best_split(const double *x, int n, int m, int *at)
{
    double total = 0, left = 0, best = -1;

    for (int i = 0; i < n; i++)
        total += x[i];
    *at = -1;
    for (int t = 1; t < n; t++) {
        left += x[t - 1];
        if (t < m || n - t < m)
            continue;
        double ml = left / t, mr = (total - left) / (n - t);
        double q = (double)t * (n - t) / n * (ml - mr) * (ml - mr);
        if (q > best) {
            best = q;
            *at = t;
        }
    }
    return best;
}

/* xorshift32: small, fast, repeatable. */
static unsigned next_rand(unsigned *s)
{
    unsigned x = *s;

    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return *s = x ? x : 0x9E3779B9u;
}

static double permutation_p(const double *x, int n, int m, double observed, const vs_cp_opts *o,
                            unsigned seed, double *work)
{
    int as_extreme = 0, at;

    memcpy(work, x, sizeof *work * (size_t)n);
    for (int r = 0; r < o->permutations; r++) {
        for (int i = n - 1; i > 0; i--) { /* Fisher-Yates */
            int j = (int)(next_rand(&seed) % (unsigned)(i + 1));
            double tmp = work[i];
            work[i] = work[j];
            work[j] = tmp;
        }
        if (best_split(work, n, m, &at) >= observed * (1 - 1e-12))
            as_extreme++;
    }
    return (1.0 + as_extreme) / (1.0 + o->permutations);
}

static double mean_of(const double *x, int n)
{
    double s = 0;

    for (int i = 0; i < n; i++)
        s += x[i];
    return n ? s / n : 0;
}

typedef struct search {
    const double *x;
    const vs_cp_opts *o;
    vs_changepoint *out;
    int max, count;
    double *work;
} search;

static void segment(search *s, int lo, int hi)
{
    const vs_cp_opts *o = s->o;
    int n = hi - lo, t;

    if (s->count >= s->max || n < 2 * o->min_segment)
        return;
    double q = best_split(s->x + lo, n, o->min_segment, &t);
    if (t < 0 || q <= 0)
        return;
    double p = permutation_p(s->x + lo, n, o->min_segment, q, o, o->seed ^ (unsigned)(lo * 7919 + hi),
                             s->work);
    double before = mean_of(s->x + lo, t), after = mean_of(s->x + lo + t, n - t);
    double shift = before != 0 ? (after - before) / fabs(before) : 0;
    if (p >= o->alpha || fabs(shift) < o->min_effect)
        return;
    s->out[s->count++] = (vs_changepoint){ lo + t, before, after, shift, p };
    segment(s, lo, lo + t);
    segment(s, lo + t, hi);
}

static int by_index(const void *a, const void *b)
{
    return ((const vs_changepoint *)a)->index - ((const vs_changepoint *)b)->index;
}

int vs_changepoints(const double *x, int n, const vs_cp_opts *o, vs_changepoint *out, int max)
{
    search s = { x, o, out, max, 0, malloc(sizeof(double) * (size_t)(n > 0 ? n : 1)) };

    if (s.work == NULL)
        return 0;
    segment(&s, 0, n);
    free(s.work);
    qsort(out, (size_t)s.count, sizeof *out, by_index);
    return s.count;
}
