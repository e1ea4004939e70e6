/* main.c - run every self-registered CUnit suite (unit.h) in name order;
 * exit 1 on any failure.
 *
 *   unit_tests [-q] [-l] [-s NAME[,NAME...]]
 *     -q  only failures and the summary     -l  list the suites
 *     -s  skip these suites (also VS_UNIT_SKIP=NAME,...)
 *   unit_tests --echo-args FILE ARG...
 *     a child for the suites that start programs (unit.h): writes each ARG
 *     on a line of FILE and exits with the number of ARGs
 */
#include "tests/unit/unit.h"

#include <CUnit/Basic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SUITES 64

typedef struct suite {
    const char *name;
    const CU_TestInfo *tests;
    int (*init)(void);
} suite;

static suite registry[MAX_SUITES];
static int nsuites;
static const char *self; /* argv[0] */

const char *vs_unit_self(void)
{
    return self;
}

/* --echo-args FILE ARG...: each ARG on a line of FILE; exit status = count. */
static int echo_args(int argc, char **argv)
{
    FILE *f = fopen(argv[2], "wb");

    if (f == NULL)
        return 100;
    for (int i = 3; i < argc; i++)
        fprintf(f, "%s\n", argv[i]);
    return fclose(f) == 0 ? argc - 3 : 100;
}

void vs_unit_register(const char *name, const CU_TestInfo *tests, int (*init)(void))
{
    if (nsuites < MAX_SUITES)
        registry[nsuites++] = (suite){ name, tests, init };
    else
        fprintf(stderr, "unit tests: more than %d suites; raise MAX_SUITES\n", MAX_SUITES);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(((const suite *)a)->name, ((const suite *)b)->name);
}

/* 1 when `name` is an item of the comma-separated `list`. */
static int listed(const char *list, const char *name)
{
    size_t n = strlen(name);

    while (list != NULL && *list != '\0') {
        size_t len = strcspn(list, ",");
        if (len == n && strncmp(list, name, n) == 0)
            return 1;
        list += len + (list[len] == ',');
    }
    return 0;
}

static int add_suite(const suite *s)
{
    CU_pSuite cs = CU_add_suite(s->name, s->init, NULL);

    if (cs == NULL)
        return -1;
    for (const CU_TestInfo *t = s->tests; t->pName != NULL; t++)
        if (CU_add_test(cs, t->pName, t->pTestFunc) == NULL)
            return -1;
    return 0;
}

int main(int argc, char **argv)
{
    const char *skip = getenv("VS_UNIT_SKIP");
    int quiet = 0, list = 0;
    unsigned failures;

    self = argv[0];
    if (argc >= 3 && strcmp(argv[1], "--echo-args") == 0)
        return echo_args(argc, argv);
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-q") == 0)
            quiet = 1;
        else if (strcmp(argv[i], "-s") == 0 && i + 1 < argc)
            skip = argv[++i];
        else if (strcmp(argv[i], "-l") == 0)
            list = 1;
        else
            return fprintf(stderr, "usage: unit_tests [-q] [-l] [-s NAME[,NAME...]]\n"), 2;
    }
    qsort(registry, (size_t)nsuites, sizeof registry[0], by_name);
    for (int i = 0; list && i < nsuites; i++)
        printf("%s\n", registry[i].name);
    if (list)
        return 0;
    if (CU_initialize_registry() != CUE_SUCCESS)
        return 2;
    for (int i = 0; i < nsuites; i++) {
        if (listed(skip, registry[i].name))
            continue;
        if (add_suite(&registry[i]) != 0) {
            fprintf(stderr, "cannot register suite %s: %s\n", registry[i].name,
                    CU_get_error_msg());
            CU_cleanup_registry();
            return 2;
        }
    }
    CU_basic_set_mode(quiet ? CU_BRM_NORMAL : CU_BRM_VERBOSE);
    CU_basic_run_tests();
    failures = CU_get_number_of_failures() + CU_get_number_of_tests_failed();
    CU_cleanup_registry();
    return failures == 0 ? 0 : 1;
}
