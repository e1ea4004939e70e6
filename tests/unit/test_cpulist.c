/* test_cpulist.c - CPU lists (core/cpulist.h) and pinning threads to them
 * (platform/thread.h). */
#include "core/cpulist.h"
#include "platform/cpu.h"
#include "platform/thread.h"
#include "tests/unit/unit.h"

#include <stdatomic.h>
#include <string.h>

/* text, parses?, canonical form, CPU count */
static const struct {
    const char *text;
    int ok;
    const char *canon;
    int n;
} cases[] = {
    { "", 1, "", 0 },
    { "0", 1, "0", 1 },
    { "2,3", 1, "2,3", 2 },
    { "0-3,8", 1, "0-3,8", 5 },
    { "1,2,3", 1, "1-3", 3 },
    { "5,1-2", 1, "5,1,2", 3 },
    { "1023", 1, "1023", 1 },
    { "0-63", 1, "0-63", 64 },
    { "0-64", 0, NULL, 0 },      /* 65 CPUs: more than a list holds */
    { "1024", 0, NULL, 0 },      /* beyond VS_CPU_MAX */
    { "3-1", 0, NULL, 0 },
    { "1,1", 0, NULL, 0 },
    { "1,", 0, NULL, 0 },
    { ",1", 0, NULL, 0 },
    { "1-", 0, NULL, 0 },
    { "-1", 0, NULL, 0 },
    { "a", 0, NULL, 0 },
    { "1 ,2", 0, NULL, 0 },
    { "00001", 0, NULL, 0 },
};

static void test_parse_table(void)
{
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        vs_cpulist l;
        vs_err e;
        char buf[VS_CPULIST_TEXT_MAX];
        int rc = vs_cpulist_parse(cases[i].text, &l, &e);
        CU_ASSERT_EQUAL(rc == 0, cases[i].ok);
        if (rc != 0) {
            CU_ASSERT_EQUAL(e.code, VS_ERR_USAGE);
            continue;
        }
        CU_ASSERT_EQUAL(l.n, cases[i].n);
        CU_ASSERT_STRING_EQUAL(vs_cpulist_format(&l, buf, sizeof buf), cases[i].canon);
    }
}

static void test_too_long(void)
{
    char text[300];
    vs_cpulist l;
    vs_err e;

    memset(text, '1', sizeof text - 1);
    text[sizeof text - 1] = '\0';
    CU_ASSERT_EQUAL(vs_cpulist_parse(text, &l, &e), -1);
}

static void test_sessions_wrap(void)
{
    vs_cpulist l, none;
    vs_err e;

    CU_ASSERT_EQUAL_FATAL(vs_cpulist_parse("4,2", &l, &e), 0);
    CU_ASSERT_EQUAL(vs_cpulist_for_session(&l, 0), 4);
    CU_ASSERT_EQUAL(vs_cpulist_for_session(&l, 1), 2);
    CU_ASSERT_EQUAL(vs_cpulist_for_session(&l, 2), 4);
    CU_ASSERT_EQUAL_FATAL(vs_cpulist_parse("", &none, &e), 0);
    CU_ASSERT_EQUAL(vs_cpulist_for_session(&none, 3), -1);
}

static _Atomic int seen_cpu;

/* The CPU the thread ran on, or -2 when it moved while spinning. */
static void report_cpu(void *arg)
{
    int first = vs_thread_cpu_now();

    (void)arg;
    for (int i = 0; i < 100000; i++)
        if (vs_thread_cpu_now() != first) {
            atomic_store(&seen_cpu, -2);
            return;
        }
    atomic_store(&seen_cpu, first);
}

/* A thread started on CPU c runs on c, for every CPU of this machine. */
static void test_pinned_thread_runs_there(void)
{
    for (int c = 0; c < vs_cpu_count() && c < 8; c++) {
        vs_thread *t = NULL;
        vs_err e;
        atomic_store(&seen_cpu, -1);
        CU_ASSERT_EQUAL_FATAL(vs_thread_start_on(&t, report_cpu, NULL, c, &e), 0);
        vs_thread_join(t);
        CU_ASSERT_EQUAL(atomic_load(&seen_cpu), c);
    }
}

static void test_missing_cpu_refused(void)
{
    vs_thread *t = NULL;
    vs_err e;

    vs_err_clear(&e);
    CU_ASSERT_EQUAL(vs_thread_start_on(&t, report_cpu, NULL, VS_CPU_MAX - 1, &e), -1);
    CU_ASSERT_PTR_NULL(t);
    CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, "CPU 1023"));
}

static const CU_TestInfo tests[] = {
    { "CPU lists parse strictly and format canonically", test_parse_table },
    { "an over-long list is refused", test_too_long },
    { "sessions take the list's CPUs in turn", test_sessions_wrap },
    { "a thread pinned to a CPU runs there", test_pinned_thread_runs_there },
    { "pinning to a CPU the machine lacks is refused", test_missing_cpu_refused },
    CU_TEST_INFO_NULL,
};

VS_UNIT_SUITE("cpulist", tests)
