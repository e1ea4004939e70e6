/* ibeta.c - see ibeta.h. */
#include "analysis/ibeta.h"

#include <float.h>
#include <math.h>

#define INV_SQRT_2PI 0.39894228040143267794 /* 1 / sqrt(2 pi) */
#define LN_SQRT_2PI 0.91893853320467274178  /* ln sqrt(2 pi) */
#define CF_MAX_TERMS 200000
#define CF_TOLERANCE (3 * DBL_EPSILON)
#define LENTZ_TINY 1e-300
#define INV_MAX_STEPS 100
#define INV_TOLERANCE (4 * DBL_EPSILON)

/*
 * Stirling's correction: delta(z) = ln G(z) - [(z - 1/2) ln z - z + ln sqrt(2 pi)].
 * For z >= 10 from its asymptotic series, sum of B_2k / (2k (2k-1) z^(2k-1))
 * (Abramowitz & Stegun 6.1.41), whose first omitted term is below 2e-18
 * there; below 10 from lgamma (the parts are then small enough that the
 * difference keeps an absolute precision near 1e-15).
 */
static double stirling_delta(double z)
{
    static const double c[] = { 1.0 / 12,    -1.0 / 360,       1.0 / 1260, -1.0 / 1680,
                                1.0 / 1188,  -691.0 / 360360,  1.0 / 156,  -3617.0 / 122400 };
    double r = 1 / z, r2 = r * r, sum = 0;

    if (z < 10)
        return lgamma(z) - ((z - 0.5) * log(z) - z + LN_SQRT_2PI);
    for (int k = (int)(sizeof c / sizeof c[0]) - 1; k >= 0; k--)
        sum = sum * r2 + c[k];
    return sum * r;
}

/*
 * ln(1 + u) - u for u > -1, without the cancellation of the difference
 * near 0: with r = u / (2 + u), ln(1 + u) = 2 artanh(r) and 2r - u = -r u,
 * so ln(1 + u) - u = -r u + 2 (r^3/3 + r^5/5 + ...), a series in
 * r^2 <= 1/9 for |u| <= 1/2. Beyond, the plain difference loses < 3 bits.
 */
static double log1pmx(double u)
{
    double r, r2, power, sum = 0;

    if (fabs(u) > 0.5)
        return log1p(u) - u;
    r = u / (2 + u);
    r2 = r * r;
    power = r * r2;
    for (int k = 3; k < 80; k += 2) {
        double term = power / k;
        sum += term;
        if (fabs(term) <= 0.25 * DBL_EPSILON * fabs(sum))
            break;
        power *= r2;
    }
    return 2 * sum - r * u;
}

/*
 * a (ln z - (z - 1)) with z = 1 + d/a: one term of the exponent of
 * ibeta_power. z comes from x or y by one product, d = a (z - 1) exactly
 * from the caller, so either form is free of cancellation: the series
 * where z is near 1, the logarithm of z where it is not.
 */
static double exponent_term(double a, double d, double z)
{
    double u = d / a;

    if (fabs(u) <= 0.5)
        return a * log1pmx(u);
    return a * log(z) - d;
}

/*
 * x^a y^b / B(a, b), with y = 1 - x. Stirling's formula for the three
 * gamma functions of B(a, b) = G(a) G(b) / G(a + b) gives
 *   ln[x^a y^b / B] = a ln(x (a+b)/a) + b ln(y (a+b)/b)
 *                     + ln sqrt(ab / (2 pi (a+b))) + delta(a+b) - delta(a) - delta(b).
 * With d = x b - y a, x (a+b)/a = 1 + d/a and y (a+b)/b = 1 - d/b, and
 * since a (d/a) + b (-d/b) = 0 the first two terms equal
 * a (ln(1 + d/a) - d/a) + b (ln(1 - d/b) + d/b): the large linear parts
 * cancel exactly rather than numerically (DiDonato & Morris 1992, their
 * function brcomp). The result keeps its relative precision for a or b
 * near 1e6, where a difference of lgamma values loses six digits.
 */
static double ibeta_power(double a, double b, double x, double y)
{
    double c = a + b, d = x * b - y * a, e;

    if (x <= 0 || y <= 0)
        return 0;
    e = exponent_term(a, d, x * c / a) + exponent_term(b, -d, y * c / b) + stirling_delta(c) -
        stirling_delta(a) - stirling_delta(b);
    return INV_SQRT_2PI * sqrt(a * b / c) * exp(e);
}

/*
 * The partial numerators of the continued fraction (k >= 1)
 *   I_x(a, b) = x^a y^b / (a B(a, b)) * 1 / (1 + d1 / (1 + d2 / (1 + ...)))
 * (Abramowitz & Stegun 26.5.8):
 *   d(2m+1) = -(a + m)(a + b + m) x / ((a + 2m)(a + 2m + 1)),
 *   d(2m)   =  m (b - m) x / ((a + 2m - 1)(a + 2m)),
 * and e(m) = 1 + d(2m+1) without its cancellation (d(2m+1) is near -1
 * when x is near 1 and a is large): with x = 1 - y, the numerator
 * (a + 2m)(a + 2m + 1) - (a + m)(a + b + m) x expands to
 *   a (1 - b + 2m) + m (3m + 2 - b) + (a + m)(a + b + m) y,
 * a sum of positive terms unless b > 1, when the plain form is kept.
 */
static double odd_term(double a, double b, double x, double m)
{
    return -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1));
}

static double even_term(double a, double b, double x, double m)
{
    return m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m));
}

static double one_plus_odd_term(double a, double b, double x, double y, double m)
{
    double constant = a * (1 - b + 2 * m) + m * (3 * m + 2 - b);

    if (constant < 0) /* b > 1: the expanded form would cancel instead */
        return 1 + odd_term(a, b, x, m);
    return (constant + (a + m) * (a + b + m) * y) / ((a + 2 * m) * (a + 2 * m + 1));
}

/*
 * 1 / (1 + d1 / (1 + d2 / (1 + ...))) for x < (a + 1) / (a + b + 2).
 * Its even part (the contraction that keeps every second convergent;
 * Lorentzen & Waadeland, Continued Fractions, 1992, 1.4) is
 *   1 + d1 / (1 + d2 - d2 d3 / (1 + d3 + d4 - d4 d5 / (1 + d5 + d6 - ...)))
 * whose denominators hold 1 + d(2m+1) = e(m), taken from its exact form.
 * With T' = e(0) + d2 - d2 d3 / (e(1) + d4 - d4 d5 / (e(2) + d6 - ...))
 * and T = T' - d1, the value is T / T': no difference of nearly equal
 * numbers anywhere, which keeps full precision for large a with x near
 * 1 (large degrees of freedom), where the plain fraction loses the
 * digits of 1 - x. T' is evaluated forwards by the modified Lentz
 * algorithm (Lentz 1976, Thompson & Barnett 1986; Numerical Recipes
 * 5.2). NaN if it has not converged after CF_MAX_TERMS steps.
 */
static double beta_fraction(double a, double b, double x, double y)
{
    double f = one_plus_odd_term(a, b, x, y, 0) + even_term(a, b, x, 1), c, d = 0;

    if (fabs(f) < LENTZ_TINY)
        f = LENTZ_TINY;
    c = f;
    for (int m = 2; m <= CF_MAX_TERMS; m++) {
        double num = -even_term(a, b, x, m - 1) * odd_term(a, b, x, m - 1);
        double den = one_plus_odd_term(a, b, x, y, m - 1) + even_term(a, b, x, m), ratio;

        d = den + num * d;
        c = den + num / c;
        if (fabs(d) < LENTZ_TINY)
            d = LENTZ_TINY;
        if (fabs(c) < LENTZ_TINY)
            c = LENTZ_TINY;
        d = 1 / d;
        ratio = c * d;
        f *= ratio;
        if (fabs(ratio - 1) <= CF_TOLERANCE)
            return (f - odd_term(a, b, x, 0)) / f;
    }
    return NAN;
}


/* I_x(a, b), its complement and x^a y^b / B(a, b): the fraction runs on
 * the side of the mean where it converges, and gives the smaller of the
 * two tails directly (I_x(a, b) = 1 - I_y(b, a)). */
static int ibeta_eval(double a, double b, double x, double y, double *p, double *q, double *power)
{
    double f;

    *power = ibeta_power(a, b, x, y);
    if (x <= 0 || y <= 0) {
        *p = x <= 0 ? 0 : 1;
        *q = 1 - *p;
        return 0;
    }
    if (x < (a + 1) / (a + b + 2)) {
        f = beta_fraction(a, b, x, y);
        *p = *power * f / a;
        *q = 1 - *p;
    } else {
        f = beta_fraction(b, a, y, x);
        *q = *power * f / b;
        *p = 1 - *q;
    }
    return isnan(f) ? -1 : 0;
}

/* a, b > 0 and finite; u, v >= 0 with u + v = 1 to rounding */
static int valid_pair(double a, double b, double u, double v)
{
    return a > 0 && b > 0 && isfinite(a) && isfinite(b) && u >= 0 && v >= 0 &&
           fabs(u + v - 1) <= 8 * DBL_EPSILON;
}

int vs_ibeta(double a, double b, double x, double y, double *p, double *q)
{
    double power;

    if (!valid_pair(a, b, x, y) || ibeta_eval(a, b, x, y, p, q, &power) != 0) {
        *p = *q = NAN;
        return -1;
    }
    return 0;
}

/*
 * A first x (or y) for I_x(a, b) = p: the leading terms of the two tails,
 * I ~ x^a / (a B) near 0 and 1 - I ~ y^b / (b B) near 1, with B replaced
 * by w, the sum of both at the mean, so that they meet there (Numerical
 * Recipes 3rd ed. 6.4). Computed in logarithms (no underflow for large a
 * or b). Sets *g to x and returns 0, or to y and returns 1.
 */
static int inverse_guess(double a, double b, double p, double q, double *g)
{
    double c = a + b;
    double lt = a * log(a / c) - log(a), lu = b * log(b / c) - log(b);
    double m = fmax(lt, lu), lw = m + log(exp(lt - m) + exp(lu - m));

    if (log(p) < lt - lw) {
        *g = exp((log(p) + log(a) + lw) / a);
        return 0;
    }
    *g = exp((log(q) + log(b) + lw) / b);
    return 1;
}

/*
 * Solve I_x(a, b) = p (q = 1 - p) for x, from x0, by Newton steps on
 *   h(s) = ln I - ln p          if p <= q,
 *   h(s) = ln q - ln(1 - I)     otherwise,
 * as functions of s = ln x: both increase, are nearly linear in s in the
 * tails, and carry the relative precision of the smaller tail.
 * dh/ds = x I'(x) / I (or / (1 - I)), with I'(x) = x^(a-1) y^(b-1) / B.
 * A step that leaves the bracket of the root is replaced by bisection of
 * s. Steps multiply x by exp(-step), so x keeps its relative precision
 * however small it is. NaN if the fraction fails.
 */
static double solve_for_x(double a, double b, double p, double q, double x0)
{
    double lo = DBL_MIN, hi = 1, x = x0 > lo && x0 < hi ? x0 : 0.5;

    for (int i = 0; i < INV_MAX_STEPS; i++) {
        double y = 1 - x, ip, iq, power, h, slope, next;

        if (ibeta_eval(a, b, x, y, &ip, &iq, &power) != 0)
            return NAN;
        h = p <= q ? log(ip / p) : log(q / iq);
        slope = power / (y * (p <= q ? ip : iq));
        if (h == 0)
            return x;
        if (h < 0)
            lo = x;
        else
            hi = x;
        next = x * exp(-h / slope);
        if (!(next > lo && next < hi)) /* also a NaN step */
            next = sqrt(lo) * sqrt(hi);
        if (fabs(next - x) <= INV_TOLERANCE * x)
            return next;
        x = next;
    }
    return x;
}

/* Is the root x below the smallest normal double (then x = 0 is its
 * nearest double)? There the leading term of the lower tail,
 * I ~ x^a / (a B(a, b)), is exact to rounding. */
static int root_underflows(double a, double b, double p)
{
    return (log(p) + log(a) + lgamma(a) + lgamma(b) - lgamma(a + b)) / a < log(DBL_MIN);
}

int vs_ibeta_inv(double a, double b, double p, double q, double *x, double *y)
{
    double g, r;
    int upper;

    *x = *y = NAN;
    if (!valid_pair(a, b, p, q))
        return -1;
    if (p == 0 || q == 0 || root_underflows(a, b, p) || root_underflows(b, a, q)) {
        *x = p == 0 || (q != 0 && root_underflows(a, b, p)) ? 0 : 1;
        *y = 1 - *x;
        return 0;
    }
    /* Solve for whichever of x and y is below 1/2: it carries the digits. */
    upper = inverse_guess(a, b, p, q, &g);
    for (int pass = 0; pass < 2; pass++) {
        if (g > 0.5) {
            upper = !upper;
            g = 1 - g;
        }
        r = upper ? solve_for_x(b, a, q, p, g) : solve_for_x(a, b, p, q, g);
        if (isnan(r))
            return -1;
        if (r <= 0.5)
            break;
        g = r; /* the other side, from this root */
    }
    *x = upper ? 1 - r : r;
    *y = upper ? r : 1 - r;
    return 0;
}
