/* main.c - run every CUnit suite; exit 1 on any failure. */
#include "tests/unit/suites.h"

#include <CUnit/Basic.h>
#include <stdio.h>
#include <string.h>

int vs_add_suite(const char *name, const CU_TestInfo *tests)
{
    CU_pSuite s = CU_add_suite(name, NULL, NULL);

    if (s == NULL)
        return -1;
    for (const CU_TestInfo *t = tests; t->pName != NULL; t++)
        if (CU_add_test(s, t->pName, t->pTestFunc) == NULL)
            return -1;
    return 0;
}

typedef int (*suite_fn)(void);

int main(int argc, char **argv)
{
    static const suite_fn suites[] = {
        vs_suite_addr, vs_suite_size, vs_suite_proto, vs_suite_interval,
        vs_suite_json, vs_suite_result, vs_suite_hvsock, vs_suite_profile,
        vs_suite_csv, vs_suite_stats, vs_suite_tdist, vs_suite_tdist_gsl, vs_suite_dataset,
        vs_suite_compare, vs_suite_history, vs_suite_net,
    };
    unsigned failures;

    if (CU_initialize_registry() != CUE_SUCCESS)
        return 2;
    for (size_t i = 0; i < sizeof suites / sizeof suites[0]; i++) {
        if (suites[i]() != 0) {
            fprintf(stderr, "cannot register suite: %s\n", CU_get_error_msg());
            CU_cleanup_registry();
            return 2;
        }
    }
    CU_basic_set_mode(argc > 1 && strcmp(argv[1], "-q") == 0 ? CU_BRM_NORMAL
                                                              : CU_BRM_VERBOSE);
    CU_basic_run_tests();
    failures = CU_get_number_of_failures() + CU_get_number_of_tests_failed();
    CU_cleanup_registry();
    return failures == 0 ? 0 : 1;
}
