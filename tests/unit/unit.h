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
#include <stdio.h>

/* Called before main() by VS_UNIT_SUITE; `init` (or NULL) runs before
 * the suite's tests (CUnit's suite initialisation, 0 for success). */
void vs_unit_register(const char *name, const CU_TestInfo *tests, int (*init)(void));

#define VS_UNIT_SUITE_INIT(name, tests, init)                            \
    __attribute__((constructor)) static void vs_unit_suite_register(void) \
    {                                                                     \
        vs_unit_register(name, tests, init);                              \
    }

#define VS_UNIT_SUITE(name, tests) VS_UNIT_SUITE_INIT(name, tests, NULL)

/* Temporary files (tmpfiles.c), the same on every OS. A fresh name in
 * the temp folder ($TMPDIR, or %TEMP% on Windows) ending in `what`;
 * returns buf. */
char *vs_unit_temp_name(char *buf, size_t n, const char *what);

/* A new empty folder in the temp folder: buf, or NULL. */
char *vs_unit_temp_folder(char *buf, size_t n);

/* Output captured in a temporary file (open_memstream is POSIX-only):
 * write to the FILE of vs_unit_capture_open, then vs_unit_capture_text
 * closes and removes the file and returns what was written (malloc'd;
 * NULL if it could not be read back). */
typedef struct vs_unit_capture {
    FILE *f;
    char path[512];
} vs_unit_capture;

FILE *vs_unit_capture_open(vs_unit_capture *c);
char *vs_unit_capture_text(vs_unit_capture *c);

/* The unit test binary's own path (argv[0]): suites that start programs
 * run it as `SELF --echo-args FILE ARG...` (main.c), which writes each
 * ARG on a line of FILE and exits with the number of ARGs. */
const char *vs_unit_self(void);

#endif
