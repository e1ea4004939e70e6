/* test_tdist.c - the incomplete beta function and Student's t against
 * closed forms and high-precision values, on every OS (the GSL oracle
 * over a dense grid is test_tdist_gsl.c, Linux only). */
#include "analysis/ibeta.h"
#include "analysis/tdist.h"
#include "tests/unit/unit.h"

#include <math.h>

#define PI 3.14159265358979323846

/* |got - want| <= tol |want| */
#define CU_ASSERT_REL(got, want, tol) CU_ASSERT(fabs((got) - (want)) <= (tol) * fabs(want))

static void test_ibeta_closed_forms(void)
{
    static const double xs[] = { 1e-300, 1e-9, 0.01, 0.3, 0.5, 0.77, 0.999 };
    double p, q;

    for (int i = 0; i < 7; i++) {
        double x = xs[i], y = 1 - x;

        CU_ASSERT_EQUAL(vs_ibeta(1, 1, x, y, &p, &q), 0); /* uniform */
        CU_ASSERT_REL(p, x, 1e-13); /* exp(ln) of 1e-300: about 690 ulp(1) */
        CU_ASSERT_EQUAL(vs_ibeta(3.5, 1, x, y, &p, &q), 0); /* I_x(a, 1) = x^a */
        CU_ASSERT_REL(p, pow(x, 3.5), 1e-13);
        CU_ASSERT_EQUAL(vs_ibeta(1, 2.5, x, y, &p, &q), 0); /* 1 - I = y^b */
        CU_ASSERT_REL(q, pow(y, 2.5), 1e-13);
        CU_ASSERT_EQUAL(vs_ibeta(0.5, 0.5, x, y, &p, &q), 0); /* arcsine law */
        CU_ASSERT_REL(p, 2 / PI * asin(sqrt(x)), 1e-13);
    }
    CU_ASSERT_EQUAL(vs_ibeta(7.25, 7.25, 0.5, 0.5, &p, &q), 0);
    CU_ASSERT_REL(p, 0.5, 1e-14);
    CU_ASSERT_REL(q, 0.5, 1e-14);
}

static void test_ibeta_inverse_round_trip(void)
{
    static const double ab[][2] = { { 0.5, 0.5 }, { 0.5, 500000 }, { 500000, 0.5 },
                                    { 3, 7 },     { 40, 2.5 } };
    static const double ps[] = { 1e-200, 1e-12, 0.001, 0.3, 0.5, 0.9, 1 - 1e-9 };
    double x0, y0;

    for (int i = 0; i < 5; i++)
        for (int j = 0; j < 7; j++) {
            double x, y, p, q;

            CU_ASSERT_EQUAL_FATAL(vs_ibeta_inv(ab[i][0], ab[i][1], ps[j], 1 - ps[j], &x, &y), 0);
            if (x == 0) /* below the double range: checked below */
                continue;
            CU_ASSERT_EQUAL(vs_ibeta(ab[i][0], ab[i][1], x, y, &p, &q), 0);
            CU_ASSERT_REL(p, ps[j], 1e-12);
        }
    /* I_x(1/2, 5e5) = 1e-200 at x near 1e-406: no double but 0 */
    CU_ASSERT_EQUAL(vs_ibeta_inv(0.5, 500000, 1e-200, 1, &x0, &y0), 0);
    CU_ASSERT_TRUE(x0 == 0 && y0 == 1);
}

static void test_ibeta_bad_arguments(void)
{
    double p, q, x, y;

    CU_ASSERT_EQUAL(vs_ibeta(0, 1, 0.5, 0.5, &p, &q), -1);
    CU_ASSERT_TRUE(isnan(p) && isnan(q));
    CU_ASSERT_EQUAL(vs_ibeta(1, 1, 0.5, 0.6, &p, &q), -1); /* x + y != 1 */
    CU_ASSERT_EQUAL(vs_ibeta(1, INFINITY, 0.5, 0.5, &p, &q), -1);
    CU_ASSERT_EQUAL(vs_ibeta_inv(1, 1, -0.1, 1.1, &x, &y), -1);
    CU_ASSERT_TRUE(isnan(x) && isnan(y));
    CU_ASSERT_EQUAL(vs_ibeta_inv(2, 3, 0, 1, &x, &y), 0);
    CU_ASSERT_TRUE(x == 0 && y == 1);
    CU_ASSERT_EQUAL(vs_ibeta_inv(2, 3, 1, 0, &x, &y), 0);
    CU_ASSERT_TRUE(x == 1 && y == 0);
}

/* df = 1 (Cauchy) and df = 2 have closed forms. */
static void test_t_closed_forms(void)
{
    static const double ts[] = { -1e12, -40, -1, -1e-9, 1e-12, 0.5, 3, 1e8 };

    for (int i = 0; i < 8; i++) {
        double t = ts[i];

        CU_ASSERT_REL(vs_tdist_cdf(t, 1), t < 0 ? atan(-1 / t) / PI : 0.5 + atan(t) / PI, 1e-13);
        CU_ASSERT_REL(vs_tdist_sf(t, 2), 0.5 - t / (2 * sqrt(2 + t * t)) > 0.25
                                             ? 0.5 - t / (2 * sqrt(2 + t * t))
                                             : 1 / (sqrt(2 + t * t) * (sqrt(2 + t * t) + t)),
                      1e-13);
    }
    CU_ASSERT_REL(vs_tdist_quantile(1e-12, 1), -1 / tan(PI * 1e-12), 1e-13);
    CU_ASSERT_REL(vs_tdist_quantile(0.5 + 1e-12, 1), tan(PI * (0.5 + 1e-12 - 0.5)), 1e-13);
    CU_ASSERT_REL(vs_tdist_quantile(0.975, 2), 0.95 / sqrt(2 * 0.975 * 0.025), 1e-13);
}

/* Values computed with bc at 80 to 220 digits (series and continued
 * fraction of I_x), where double-precision libraries disagree: large df,
 * and a far tail GSL's tdist_Q misses by 1e-8. */
static void test_t_high_precision(void)
{
    CU_ASSERT_REL(vs_tdist_sf(1.75, 1e6), 0.040059310208273939519, 1e-13);
    CU_ASSERT_REL(vs_tdist_sf(8, 1e6), 6.2275317166012598048e-16, 1e-13);
    CU_ASSERT_REL(vs_tdist_sf(0.5, 1e5), 0.30853808882720901947, 1e-13);
    CU_ASSERT_REL(vs_tdist_sf(3, 1e5), 0.0013502304420323595950, 1e-13);
    CU_ASSERT_REL(vs_tdist_sf(11.086040372471528, 31.622776601683793), 9.9997787827986637e-13, 1e-13);
    CU_ASSERT_REL(vs_tdist_quantile(1 - 9.999778782798785e-13, 31.622776601683793),
                  11.086040372471528, 1e-13);
    /* df = 1e15: the normal distribution to double precision */
    CU_ASSERT_REL(vs_tdist_sf(2, 1e15), 0.022750131948179207200, 1e-13);
    CU_ASSERT_REL(vs_tdist_quantile(0.025, 1e15), -1.9599639845400542355, 1e-13);
}

/* Symmetry, complements and round trips on a grid (fractional df too). */
static void test_t_round_trip(void)
{
    static const double dfs[] = { 0.7, 1, 2.5, 9.3, 30, 1000, 1e6 };
    static const double ps[] = { 1e-300, 1e-12, 1e-5, 0.025, 0.3, 0.5 - 1e-13 };

    for (int i = 0; i < 7; i++)
        for (int j = 0; j < 6; j++) {
            double df = dfs[i], p = ps[j], t = vs_tdist_quantile(p, df);

            if (isinf(t)) /* beyond the double range (df < 1) */
                continue;
            CU_ASSERT(t < 0);
            CU_ASSERT_REL(vs_tdist_cdf(t, df), p, 1e-12);
            CU_ASSERT_REL(vs_tdist_sf(-t, df), p, 1e-12);
            /* symmetry, exact for q = 1 - p and its exact complement 1 - q */
            if (1 - p < 1)
                CU_ASSERT_REL(vs_tdist_quantile(1 - p, df), -vs_tdist_quantile(1 - (1 - p), df), 1e-13);
            CU_ASSERT_EQUAL(vs_tdist_cdf(t, df), vs_tdist_sf(-t, df));
        }
}

static void test_t_edges(void)
{
    CU_ASSERT_EQUAL(vs_tdist_cdf(0, 5), 0.5);
    CU_ASSERT_EQUAL(vs_tdist_quantile(0.5, 5), 0);
    CU_ASSERT_TRUE(isinf(vs_tdist_quantile(0, 5)) && vs_tdist_quantile(0, 5) < 0);
    CU_ASSERT_TRUE(isinf(vs_tdist_quantile(1, 5)) && vs_tdist_quantile(1, 5) > 0);
    CU_ASSERT_EQUAL(vs_tdist_cdf(INFINITY, 5), 1);
    CU_ASSERT_EQUAL(vs_tdist_sf(INFINITY, 5), 0);
    CU_ASSERT_EQUAL(vs_tdist_cdf(-1e300, 3), 0);
    CU_ASSERT_REL(vs_tdist_quantile(1e-300, 1), -1 / (PI * 1e-300), 1e-12); /* far tail */
    CU_ASSERT_REL(vs_tdist_cdf(-1e200, 1), 1 / (PI * 1e200), 1e-12);
    CU_ASSERT_TRUE(isnan(vs_tdist_cdf(NAN, 3)));
    CU_ASSERT_TRUE(isnan(vs_tdist_cdf(1, 0)));
    CU_ASSERT_TRUE(isnan(vs_tdist_sf(1, -2)));
    CU_ASSERT_TRUE(isnan(vs_tdist_cdf(1, INFINITY)));
    CU_ASSERT_TRUE(isnan(vs_tdist_quantile(1.5, 3)));
    CU_ASSERT_TRUE(isnan(vs_tdist_quantile(0.3, NAN)));
}

static const CU_TestInfo tests[] = {
    { "incomplete beta: closed forms", test_ibeta_closed_forms },
    { "incomplete beta: inverse round trip", test_ibeta_inverse_round_trip },
    { "incomplete beta: bad arguments", test_ibeta_bad_arguments },
    { "t: df 1 and 2 closed forms", test_t_closed_forms },
    { "t: high-precision values (bc)", test_t_high_precision },
    { "t: symmetry and round trips", test_t_round_trip },
    { "t: edges, infinities, NaN", test_t_edges },
    CU_TEST_INFO_NULL,
};

VS_UNIT_SUITE("tdist", tests)
