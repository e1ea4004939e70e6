/*
 * tdist.h - Student's t distribution: cumulative distribution, its
 * complement and its quantile, for any real degrees of freedom df > 0
 * (Welch's test has fractional ones). The project's only Student t: the
 * confidence intervals of stats.h and the p-values of welch.h use it on
 * every OS; GSL serves only as the test oracle (test_tdist_gsl.c).
 *
 * With x = df / (df + t^2), P(|T| > |t|) = I_x(df/2, 1/2), the
 * regularized incomplete beta function (Abramowitz & Stegun 26.7.1); its
 * complement comes from the same evaluation (ibeta.h), so both tails keep
 * full relative precision: sf(40, 3) = 1.7e-5 and cdf(-1e6, 1) = 3.2e-7
 * are as exact as values near 1/2.
 *
 * Accuracy, on the unit tests' grid (df 1 to 1e6, p 1e-12 to 1 - 1e-12,
 * t 1e-10 to 1e6): relative differences from GSL below 1e-14 for the
 * quantile and 3e-13 for the distribution function, where GSL itself is
 * right (it is not everywhere: test_tdist_gsl.c); values computed with bc
 * at 80+ digits agree to 1e-15.
 */
#ifndef VS_TDIST_H
#define VS_TDIST_H

/* P(T <= t) for T ~ t(df). NaN unless 0 < df < inf, or for a NaN t.
 * Tested for df up to 1e15, where T is normal to double precision. */
double vs_tdist_cdf(double t, double df);

/* P(T > t), without the cancellation of 1 - cdf in the upper tail. */
double vs_tdist_sf(double t, double df);

/* The t with P(T <= t) = p: -inf for p = 0, +inf for p = 1, NaN outside
 * [0, 1] or for a df not in (0, inf). For the upper tail use
 * -vs_tdist_quantile(q, df) with q = P(T > t): the distribution is
 * symmetric and q stays exact. */
double vs_tdist_quantile(double p, double df);

#endif
