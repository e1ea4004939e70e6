/* fdr.c - see fdr.h. */
#include "analysis/fdr.h"

#include <stdlib.h>
#include <string.h>

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

double vs_bh_threshold(const double *p, int n, double alpha)
{
    double *s, thr = -1;

    if (n <= 0 || (s = malloc(sizeof *s * (size_t)n)) == NULL)
        return -1;
    memcpy(s, p, sizeof *s * (size_t)n);
    qsort(s, (size_t)n, sizeof *s, cmp_double);
    for (int k = n; k >= 1; k--)
        if (s[k - 1] <= k * alpha / n) {
            thr = s[k - 1];
            break;
        }
    free(s);
    return thr;
}
