/* test_proc.c - platform/proc.h: programs found by path and on PATH, and
 * run with arguments that arrive exactly as given (blanks, quotes,
 * backslashes: what Windows must quote into one command line), exit
 * statuses passed back. The child is this binary (`--echo-args`). */
#include "platform/fs.h"
#include "platform/proc.h"
#include "tests/unit/unit.h"

#include <stdlib.h>
#include <string.h>

static void test_find_by_path(void)
{
    char path[VS_PROGRAM_PATH_MAX], missing[512];

    CU_ASSERT_EQUAL(vs_find_program(vs_unit_self(), path, sizeof path), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(path, "unit_tests"));
    snprintf(missing, sizeof missing, "%s/no-such-program", vs_temp_dir());
    CU_ASSERT_EQUAL(vs_find_program(missing, path, sizeof path), -1);
    CU_ASSERT_EQUAL(vs_find_program(vs_temp_dir(), path, sizeof path), -1); /* a folder */
}

/* The folder of this binary as PATH (after one that does not exist): its
 * bare name (without .exe, which Windows adds) is found there. */
static void test_find_on_path(void)
{
    static char set_path[1200], restore[8200];
    const char *self = vs_unit_self(), *old = getenv("PATH"), *base = self + strlen(self);
    char name[256], path[VS_PROGRAM_PATH_MAX];
    size_t len;
    int rc;

    while (base > self && base[-1] != '/' && base[-1] != '\\')
        base--;
    len = strlen(base);
    if (len > 4 && strcmp(base + len - 4, ".exe") == 0)
        len -= 4;
    snprintf(name, sizeof name, "%.*s", (int)len, base);
    snprintf(set_path, sizeof set_path, "PATH=%s/no-such-folder%s%.*s", vs_temp_dir(),
             strchr(vs_temp_dir(), '\\') ? ";" : ":", (int)(base - self > 1 ? base - self - 1 : 1),
             base > self ? self : ".");
    snprintf(restore, sizeof restore, "PATH=%s", old ? old : "");
    CU_ASSERT_EQUAL_FATAL(putenv(set_path), 0);
    rc = vs_find_program(name, path, sizeof path);
    CU_ASSERT_EQUAL(vs_find_program("no-such-program-vsbench", path, sizeof path), -1);
    putenv(restore);
    CU_ASSERT_EQUAL(rc, 0);
}

static void test_run_exact_arguments(void)
{
    char file[512], *text = NULL;
    char *argv[] = { (char *)vs_unit_self(), "--echo-args", file, "plain", "two words",
                     "say \"hi\"", "back\\slash", "ends in\\", "\\\"x\\\\\"", "", "tab\there",
                     NULL };
    const char *want = "plain\ntwo words\nsay \"hi\"\nback\\slash\nends in\\\n\\\"x\\\\\"\n\n"
                       "tab\there\n";
    int status = -1;
    vs_err e;

    vs_unit_temp_name(file, sizeof file, "args.txt");
    CU_ASSERT_EQUAL_FATAL(vs_run_program(argv, NULL, &status, &e), 0);
    CU_ASSERT_EQUAL(status, 8);
    CU_ASSERT_EQUAL_FATAL(vs_slurp(file, 4096, &text, &e), 0);
    CU_ASSERT_STRING_EQUAL(text, want);
    free(text);
    remove(file);
}

static void test_run_statuses(void)
{
    char bad[512];
    char *fails[] = { (char *)vs_unit_self(), "--echo-args", bad, "x", NULL };
    char *missing[] = { "no-such-program-vsbench", "x", NULL };
    int status = -1;
    vs_err e;

    snprintf(bad, sizeof bad, "%s/no-such-folder/out.txt", vs_temp_dir());
    CU_ASSERT_EQUAL(vs_run_program(fails, NULL, &status, &e), 0);
    CU_ASSERT_EQUAL(status, 100); /* the child could not write: its status */
    CU_ASSERT_EQUAL(vs_run_program(missing, "install it", &status, &e), -1);
    CU_ASSERT_EQUAL(e.code, VS_ERR_USAGE);
    CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, "no-such-program-vsbench: not found on PATH"));
    CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, "install it"));
}

static const CU_TestInfo tests[] = {
    { "programs found by path", test_find_by_path },
    { "programs found on PATH", test_find_on_path },
    { "arguments arrive exactly as given", test_run_exact_arguments },
    { "exit statuses, a missing program", test_run_statuses },
    CU_TEST_INFO_NULL,
};

VS_UNIT_SUITE("proc", tests)
