/*
 * unit.h - what a unit-test file includes. A file under tests/unit is one
 * CUnit suite and registers itself, so adding a suite is adding a file:
 *
 *     static const CU_TestInfo tests[] = {
 *         { "parses sizes", test_parse },
 *         CU_TEST_INFO_NULL,
 *     };
 *
 *     VS_UNIT_SUITE("size", tests)
 *
 * (VS_UNIT_SUITE_INIT adds a function run before the suite.) The runner
 * (main.c) runs the suites in name order; `unit_tests -s NAME[,NAME]` (or
 * VS_UNIT_SKIP=NAME,...) skips suites by name, e.g. the POSIX-only ones
 * when the Windows build runs under wine. A suite that exists only on
 * some systems is a file the Makefile leaves out elsewhere.
 */
#ifndef VS_UNIT_H
#define VS_UNIT_H

#include <CUnit/CUnit.h>

/* Called before main() by VS_UNIT_SUITE; `init` (or NULL) runs before
 * the suite's tests (CUnit's suite initialisation, 0 for success). */
void vs_unit_register(const char *name, const CU_TestInfo *tests, int (*init)(void));

#define VS_UNIT_SUITE_INIT(name, tests, init)                            \
    __attribute__((constructor)) static void vs_unit_suite_register(void) \
    {                                                                     \
        vs_unit_register(name, tests, init);                              \
    }

#define VS_UNIT_SUITE(name, tests) VS_UNIT_SUITE_INIT(name, tests, NULL)

#endif
