/* welch.c - see welch.h. */
#include "analysis/welch.h"

#include "analysis/tdist.h"

#include <math.h>
#include <string.h>

void vs_welch_test(double mean_a, double sd_a, int n_a, double mean_b, double sd_b, int n_b,
                   vs_welch *out)
{
    memset(out, 0, sizeof *out);
    if (n_a < 2 || n_b < 2)
        return;
    out->valid = 1;
    double va = sd_a * sd_a / n_a, vb = sd_b * sd_b / n_b, se2 = va + vb;
    if (se2 <= 0) {
        out->p = mean_a == mean_b ? 1.0 : 0.0;
        out->df = n_a + n_b - 2;
        out->t = mean_a == mean_b ? 0.0 : (mean_b > mean_a ? INFINITY : -INFINITY);
        return;
    }
    out->t = (mean_b - mean_a) / sqrt(se2);
    out->df = se2 * se2 / (va * va / (n_a - 1) + vb * vb / (n_b - 1));
    out->p = 2.0 * vs_tdist_sf(fabs(out->t), out->df);
    if (out->p > 1.0)
        out->p = 1.0;
}
