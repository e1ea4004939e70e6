/* tdist.c - see tdist.h. */
#include "analysis/tdist.h"

#include "analysis/ibeta.h"

#include <math.h>

/* Below this x = df / (df + t^2) the far-tail formula takes over (small
 * df can put x beyond the double range: df = 0.1, t = 1e100). */
#define FAR_X 1e-280

/* x = df / (df + t^2) and y = t^2 / (df + t^2), each by a division (not
 * 1 - the other), without overflow of t^2 for huge t. */
static void t_to_xy(double t, double df, double *x, double *y)
{
    double t2 = t * t, r;

    if (t2 < df) {
        *x = df / (df + t2);
        *y = t2 / (df + t2);
    } else {
        r = df / fabs(t) / fabs(t);
        *x = r / (1 + r);
        *y = 1 / (1 + r);
    }
}

/* ln(a B(a, 1/2)) */
static double log_a_beta_half(double a)
{
    return log(a) + lgamma(a) + lgamma(0.5) - lgamma(a + 0.5);
}

/* ln of the leading term of I_x(a, 1/2) = x^a / (a B(a, 1/2)) (1 + O(x))
 * (A&S 26.5.4), given ln x: the far tail, to double precision once x is
 * below FAR_X. */
static double far_tail_log(double a, double log_x)
{
    return a * log_x - log_a_beta_half(a);
}

/* The two tails of T at t: P(T <= t) into *lower, P(T > t) into *upper. */
static int t_tails(double t, double df, double *lower, double *upper)
{
    double x, y, outside, inside, log_x = log(df) - 2 * log(fabs(t));

    if (!(df > 0 && isfinite(df)) || isnan(t)) {
        *lower = *upper = NAN;
        return -1;
    }
    /* outside = P(|T| > |t|) = I_x(df/2, 1/2), inside = P(|T| < |t|) */
    if (log_x < log(FAR_X)) {
        outside = exp(far_tail_log(df / 2, log_x));
        inside = 1 - outside;
    } else {
        t_to_xy(t, df, &x, &y);
        if (vs_ibeta(df / 2, 0.5, x, y, &outside, &inside) != 0) {
            *lower = *upper = NAN;
            return -1;
        }
    }
    *lower = t < 0 ? outside / 2 : 0.5 + inside / 2;
    *upper = t < 0 ? 0.5 + inside / 2 : outside / 2;
    return 0;
}

double vs_tdist_cdf(double t, double df)
{
    double lower, upper;

    t_tails(t, df, &lower, &upper);
    return lower;
}

double vs_tdist_sf(double t, double df)
{
    double lower, upper;

    t_tails(t, df, &lower, &upper);
    return upper;
}

/*
 * Invert P(|T| > |t|) = I_x(df/2, 1/2) = 2 min(p, 1 - p), whose complement
 * 2 |p - 1/2| is exact in floating point for p >= 1/4 (Sterbenz): the
 * quantile keeps its relative precision both in the far tails and next
 * to the median. Then t^2 = df y / x (= df / x in the far tail).
 */
double vs_tdist_quantile(double p, double df)
{
    double tail, centre, x, y, t, log_x;

    if (!(df > 0 && isfinite(df)) || !(p >= 0 && p <= 1))
        return NAN;
    if (p == 0 || p == 1)
        return p == 0 ? -INFINITY : INFINITY;
    if (p == 0.5)
        return 0;
    tail = p < 0.5 ? p : 1 - p;
    centre = fabs(p - 0.5);
    /* the far-tail formula solved for ln x */
    log_x = (log(2 * tail) + log_a_beta_half(df / 2)) / (df / 2);
    if (log_x < log(FAR_X)) {
        t = sqrt(df) * exp(-log_x / 2);
    } else {
        if (vs_ibeta_inv(df / 2, 0.5, 2 * tail, 2 * centre, &x, &y) != 0)
            return NAN;
        t = sqrt(df) * sqrt(y) / sqrt(x);
    }
    return p < 0.5 ? -t : t;
}
