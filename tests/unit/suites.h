/* suites.h - every unit-test file registers its suite here. */
#ifndef VS_TEST_SUITES_H
#define VS_TEST_SUITES_H

#include <CUnit/CUnit.h>

/* Each returns 0 on success (CUnit registry errors otherwise). */
int vs_suite_addr(void);
int vs_suite_size(void);
int vs_suite_proto(void);
int vs_suite_interval(void);
int vs_suite_json(void);
int vs_suite_result(void);
int vs_suite_hvsock(void);
int vs_suite_profile(void);
int vs_suite_csv(void);
int vs_suite_stats(void);
int vs_suite_tdist(void);
int vs_suite_tdist_gsl(void); /* Linux: GSL oracle; elsewhere none */
int vs_suite_dataset(void);
int vs_suite_compare(void);
int vs_suite_history(void);
int vs_suite_net(void);

/* Add a suite with its tests; tests is NULL-name terminated. */
int vs_add_suite(const char *name, const CU_TestInfo *tests);

#endif
