/*
 * test_tdist_gsl.c - analysis/tdist.c against GSL over a dense grid: df
 * from 1 to 1e6 (61 values, 10 per decade, and a few fractional ones) and
 * p from 1e-12 to 1 - 1e-12 (tails 10 per decade, and 1/2 +- 1e-12 ..
 * 0.25); t from 1e-10 to 1e6 for the distribution function. Linux only:
 * GSL is GPL-3 and is linked into this test binary, never into a shipped
 * one (make gsl-check). Elsewhere the Makefile leaves this suite out.
 *
 * No single GSL function is accurate everywhere, so each value is
 * compared with several GSL formulations of the same quantity and must
 * agree with at least one of them to 1e-10 (relative):
 *   - gsl_cdf_tdist_P/Q and their inverses: they lose up to 4e-7 in far
 *     tails of moderate df (P(T > 11.09) at df = 31.6 by 1e-8, checked
 *     with bc) and, for the inverse, next to the median (the input p
 *     cannot carry the digits of p - 1/2) and at df = 1;
 *   - the same through gsl_sf_beta_inc and gsl_cdf_beta_Pinv, which lose
 *     digits for a = df/2 near 5e5 but not in those places;
 *   - at df = 1 the exact Cauchy quantile (tan).
 * The largest differences seen are printed.
 */
#include "analysis/tdist.h"
#include "tests/unit/unit.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_sf_gamma.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define TOLERANCE 1e-10
#define PI 3.14159265358979323846

static double rel_err(double got, double want)
{
    return got == want ? 0 : fabs(got - want) / fabs(want);
}

static int grid_dfs(double *df)
{
    static const double fractional[] = { 1.5, 2.5, 3.7, 12.34, 57.9 };
    int n = 0;

    for (int k = 0; k <= 60; k++)
        df[n++] = pow(10, k / 10.0);
    for (int k = 0; k < 5; k++)
        df[n++] = fractional[k];
    return n;
}

static int grid_ps(double *p)
{
    int n = 0;

    for (int k = 0; k < 120; k++) { /* tails 1e-12 .. 0.5 */
        double tail = pow(10, -12 + k * (12 - log10(2)) / 120);

        p[n++] = tail;
        p[n++] = 1 - tail;
    }
    for (int k = 0; k <= 20; k++) { /* the median +- 1e-12 .. 0.25 */
        double d = pow(10, -12 + k * 0.57);

        p[n++] = 0.5 + d;
        p[n++] = 0.5 - d;
    }
    return n;
}

/* the smallest error against GSL's formulations of the quantile */
static double quantile_error(double p, double df)
{
    double t = vs_tdist_quantile(p, df), sign = p < 0.5 ? -1 : 1;
    double tail = p < 0.5 ? p : 1 - p, centre = fabs(p - 0.5);
    double x = gsl_cdf_beta_Pinv(2 * tail, df / 2, 0.5), y = gsl_cdf_beta_Pinv(2 * centre, 0.5, df / 2);
    double e1 = rel_err(t, p < 0.5 ? gsl_cdf_tdist_Pinv(p, df) : gsl_cdf_tdist_Qinv(1 - p, df));
    double e2 = rel_err(t, sign * sqrt(df * (1 - x) / x));
    double e3 = rel_err(t, sign * sqrt(df * y / (1 - y)));
    double e = fmin(e1, fmin(e2, e3));

    if (df == 1)
        e = rel_err(t, centre < 0.25 ? tan(PI * (p - 0.5)) : sign / tan(PI * tail));
    return e;
}

static void test_quantile_grid(void)
{
    double dfs[70], ps[300], worst = 0, worst_df = 0, worst_p = 0;
    int ndf = grid_dfs(dfs), np = grid_ps(ps), bad = 0;

    for (int i = 0; i < ndf; i++)
        for (int j = 0; j < np; j++) {
            double e = quantile_error(ps[j], dfs[i]);

            if (!(e <= TOLERANCE) && bad++ < 5)
                printf("\n    quantile(%.17g, %g): relative error %.3g", ps[j], dfs[i], e);
            if (e > worst) {
                worst = e;
                worst_df = dfs[i];
                worst_p = ps[j];
            }
        }
    printf("\n    %d quantiles, largest relative difference %.2g (df %g, p %.17g) ", ndf * np, worst,
           worst_df, worst_p);
    CU_ASSERT_EQUAL(bad, 0);
}

/* the smallest errors of P(T <= t) and P(T > t) against GSL's formulations */
static double cdf_error(double t, double df)
{
    double lo = vs_tdist_cdf(t, df), up = vs_tdist_sf(t, df);
    double x = df / (df + t * t), y = t * t / (df + t * t);
    double outside = gsl_sf_beta_inc(df / 2, 0.5, x) / 2, inside = gsl_sf_beta_inc(0.5, df / 2, y) / 2;
    double want_lo[3] = { gsl_cdf_tdist_P(t, df), t < 0 ? outside : 0.5 + inside,
                          t < 0 ? 0.5 - inside : 1 - outside };
    double want_up[3] = { gsl_cdf_tdist_Q(t, df), t < 0 ? 0.5 + inside : outside,
                          t < 0 ? 1 - outside : 0.5 - inside };
    double e_lo = INFINITY, e_up = INFINITY;

    for (int k = 0; k < 3; k++) {
        e_lo = fmin(e_lo, rel_err(lo, want_lo[k]));
        e_up = fmin(e_up, rel_err(up, want_up[k]));
    }
    return fmax(e_lo, e_up);
}

static void test_cdf_grid(void)
{
    double dfs[70], worst = 0, worst_df = 0, worst_t = 0;
    int ndf = grid_dfs(dfs), n = 0, bad = 0;

    for (int i = 0; i < ndf; i++)
        for (int k = -161; k <= 161; k++) {
            double t = k == 0 ? 0 : (k < 0 ? -1 : 1) * pow(10, -10 + (abs(k) - 1) * 0.1), e;

            if (vs_tdist_cdf(-fabs(t), dfs[i]) < 1e-290) /* GSL underflows sooner */
                continue;
            e = cdf_error(t, dfs[i]);
            n++;
            if (!(e <= TOLERANCE) && bad++ < 5)
                printf("\n    cdf(%g, %g): relative error %.3g", t, dfs[i], e);
            if (e > worst) {
                worst = e;
                worst_df = dfs[i];
                worst_t = t;
            }
        }
    printf("\n    %d values of P and Q, largest relative difference %.2g (df %g, t %g) ", n, worst,
           worst_df, worst_t);
    CU_ASSERT_EQUAL(bad, 0);
    CU_ASSERT(n > 15000);
}

static const CU_TestInfo tests[] = {
    { "t quantile agrees with GSL over the grid", test_quantile_grid },
    { "t distribution agrees with GSL over the grid", test_cdf_grid },
    CU_TEST_INFO_NULL,
};

/* GSL must not abort on its own failures. */
static int suite_init(void)
{
    gsl_set_error_handler_off();
    return 0;
}

VS_UNIT_SUITE_INIT("tdist against GSL", tests, suite_init)
