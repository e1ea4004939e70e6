/* test_gpframe.c - reports/gpframe.h: the y-range holds every interval
 * but one far above the data, which is cut and marked with its value. */
#include "tests/unit/unit.h"
#include "reports/gpframe.h"

#include <stdlib.h>
#include <string.h>

/* The head the frame writes, as a string (caller frees). */
static char *head_text(const vs_gp_frame *f)
{
    FILE *t = tmpfile();
    long n;
    char *s;

    if (t == NULL)
        return NULL;
    vs_gp_write_head(t, f);
    n = ftell(t);
    rewind(t);
    s = calloc((size_t)n + 1, 1);
    if (s != NULL && fread(s, 1, (size_t)n, t) != (size_t)n)
        s[0] = '\0';
    fclose(t);
    return s;
}

static void test_range_holds_intervals(void)
{
    vs_chart_opts o = { 0 };
    const char *cats[] = { "1K", "16K" };
    vs_gp_frame f;
    char *h;

    vs_gp_init(&f, &o, "Throughput", "caption", "Gbit/s");
    f.ncat = 2;
    f.cat = cats;
    CU_ASSERT_EQUAL(vs_gp_add(&f, -0.2, 10, 9, 11), 0);
    CU_ASSERT_EQUAL(vs_gp_add(&f, 0.8, 12, 8, 15.5), 0); /* above the tallest, within 1.6x */
    CU_ASSERT(vs_gp_top(&f) >= 15.5);
    CU_ASSERT(vs_gp_top(&f) < 15.5 * 1.2);
    h = head_text(&f);
    CU_ASSERT_PTR_NOT_NULL_FATAL(h);
    CU_ASSERT_PTR_NULL(strstr(h, "set arrow 10")); /* nothing cut */
    CU_ASSERT_PTR_NOT_NULL(strstr(h, "set xtics ('1K' 0, '16K' 1)"));
    free(h);
    vs_gp_free(&f);
}

static void test_far_interval_is_cut_and_marked(void)
{
    vs_chart_opts o = { 0 };
    const char *cats[] = { "1K" };
    vs_gp_frame f;
    char *h;

    vs_gp_init(&f, &o, "Throughput", "caption", "Gbit/s");
    f.ncat = 1;
    f.cat = cats;
    vs_gp_add(&f, -0.2, 10, 9, 11);
    vs_gp_add(&f, 0.2, 8, 0, 87.3); /* 8.7x the tallest bar */
    CU_ASSERT(vs_gp_top(&f) < 87.3);
    CU_ASSERT(vs_gp_top(&f) >= 11);
    h = head_text(&f);
    CU_ASSERT_PTR_NOT_NULL_FATAL(h);
    CU_ASSERT_PTR_NOT_NULL(strstr(h, "set arrow 10 from 0.2,"));
    CU_ASSERT_PTR_NOT_NULL(strstr(h, "set label 10 '87.3'"));
    CU_ASSERT_PTR_NULL(strstr(h, "set arrow 11")); /* only the one cut */
    free(h);
    vs_gp_free(&f);
}

static void test_reference_line_in_range(void)
{
    vs_chart_opts o = { 1 };
    vs_gp_frame f;
    char *h;

    vs_gp_init(&f, &o, "Ratio", "caption", "relative");
    f.ref_line = 1.0;
    vs_gp_add(&f, 0, 0.5, 0.4, 0.6);
    CU_ASSERT(vs_gp_top(&f) > 1.0);
    h = head_text(&f);
    CU_ASSERT_PTR_NOT_NULL_FATAL(h);
    CU_ASSERT_PTR_NOT_NULL(strstr(h, "set arrow 1 from graph 0, first 1 "));
    CU_ASSERT_PTR_NULL(strstr(h, "set label 2 ")); /* --paper: no title inside */
    CU_ASSERT_PTR_NULL(strstr(h, "set label 1 "));  /* nor a caption */
    free(h);
    vs_gp_free(&f);
}

static const CU_TestInfo tests[] = {
    { "the range holds every interval", test_range_holds_intervals },
    { "a far interval is cut and marked", test_far_interval_is_cut_and_marked },
    { "reference line, paper figures", test_reference_line_in_range },
    CU_TEST_INFO_NULL,
};

VS_UNIT_SUITE("gpframe", tests)
