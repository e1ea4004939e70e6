/*
 * ibeta.h - the regularized incomplete beta function
 *
 *     I_x(a, b) = B(a, b)^-1 * integral from 0 to x of t^(a-1) (1-t)^(b-1) dt
 *
 * and its inverse in x, to near double precision, for the Student t
 * distribution (tdist.h). Both a value and its complement 1 - I_x(a, b)
 * are returned, each with full relative precision: a tail probability of
 * 1e-300 is as exact as one of 0.3. Likewise x and 1 - x travel as a pair
 * (y = 1 - x is given or returned separately), so that a caller that
 * knows 1 - x better than by subtracting loses nothing.
 *
 * Methods (see ibeta.c): the continued fraction of I_x(a, b) (Abramowitz
 * & Stegun 26.5.8) on the side of the mean where it converges (Numerical
 * Recipes 3rd ed., 6.4), in its even contraction with 1 - d(2m+1) taken
 * from its exact form, evaluated by the modified Lentz algorithm;
 * the factor x^a (1-x)^b / B(a, b) from Stirling's series as in DiDonato
 * & Morris (ACM TOMS 18, 1992, Algorithm 708), free of the cancellation
 * of log-gamma differences for large a, b; the inverse by safeguarded
 * Newton steps on the logarithm of the smaller tail.
 *
 * Accuracy: a few units in the last place, plus about 1e-16 |ln I| from
 * the exponential of the factor above (7e-14 for I = 1e-300). Checked for
 * the Student t parameters (a = df/2, b = 1/2, df from 1 to 1e6) against
 * GSL and bc (tests/unit/test_tdist*.c). A value costs 0.2-0.3 us, an
 * inverse about ten of them.
 */
#ifndef VS_IBETA_H
#define VS_IBETA_H

/* I_x(a, b) into *p and 1 - I_x(a, b) into *q, for a, b > 0 and
 * 0 <= x <= 1 with y = 1 - x. Returns 0, or -1 (with *p = *q = NaN) for
 * arguments out of range, x + y not 1, or a fraction that does not
 * converge (a guard: not seen for a, b from 1e-3 to 1e15). */
int vs_ibeta(double a, double b, double x, double y, double *p, double *q);

/* The x in [0, 1] with I_x(a, b) = p, into *x and 1 - x into *y, for
 * a, b > 0 and p, q >= 0 with q = 1 - p (the smaller of the two carries
 * the precision). p = 0 gives x = 0 and q = 0 gives x = 1. Returns 0, or
 * -1 (with *x = *y = NaN) for arguments out of range. */
int vs_ibeta_inv(double a, double b, double p, double q, double *x, double *y);

#endif
