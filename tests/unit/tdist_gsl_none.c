/* tdist_gsl_none.c - stands in for test_tdist_gsl.c where GSL, the
 * oracle, is not linked (every build but Linux): it adds no suite. The
 * portable checks of analysis/tdist.c are in test_tdist.c. */
#include "tests/unit/suites.h"

int vs_suite_tdist_gsl(void)
{
    return 0;
}
