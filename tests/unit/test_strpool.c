/* test_strpool.c - interned texts (core/strpool.h). */
#include "core/strpool.h"
#include "tests/unit/unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Equal texts share one copy; different ones do not; the copy is the
 * pool's own, not the caller's buffer. */
static void test_equal_texts_share(void)
{
    vs_strpool p;
    char buf[16];
    const char *a, *b, *c;

    vs_strpool_init(&p);
    snprintf(buf, sizeof buf, "0-3");
    a = vs_strpool_add(&p, buf);
    snprintf(buf, sizeof buf, "cubic");
    b = vs_strpool_add(&p, buf);
    c = vs_strpool_add(&p, "0-3");
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    CU_ASSERT_PTR_NOT_NULL_FATAL(b);
    CU_ASSERT_PTR_EQUAL(a, c);
    CU_ASSERT_PTR_NOT_EQUAL(a, b);
    CU_ASSERT_PTR_NOT_EQUAL(b, buf);
    CU_ASSERT_STRING_EQUAL(a, "0-3");
    CU_ASSERT_STRING_EQUAL(b, "cubic");
    CU_ASSERT_EQUAL(vs_strpool_count(&p), 2);
    vs_strpool_free(&p);
    CU_ASSERT_EQUAL(vs_strpool_count(&p), 0);
}

/* "" takes no room and is never NULL; a zeroed pool works unprepared. */
static void test_empty_text(void)
{
    vs_strpool p;
    const char *e;

    memset(&p, 0, sizeof p);
    e = vs_strpool_add(&p, "");
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_STRING_EQUAL(e, "");
    CU_ASSERT_EQUAL(vs_strpool_count(&p), 0);
    CU_ASSERT_STRING_EQUAL(vs_strpool_add(&p, "x"), "x");
    vs_strpool_free(&p);
}

/* Many texts: the table grows and blocks fill (texts longer than a
 * block, too), and every pointer handed out stays valid and distinct. */
static void test_many_texts(void)
{
    enum { N = 20000 };
    vs_strpool p;
    const char **kept = calloc(N, sizeof *kept);
    char *big = malloc(100001), buf[32];
    int bad = 0;

    CU_ASSERT_PTR_NOT_NULL_FATAL(kept);
    CU_ASSERT_PTR_NOT_NULL_FATAL(big);
    memset(big, 'e', 100000);
    big[100000] = '\0';
    vs_strpool_init(&p);
    for (int i = 0; i < N; i++) {
        snprintf(buf, sizeof buf, "text %d", i);
        kept[i] = vs_strpool_add(&p, i == N / 2 ? big : buf);
    }
    for (int i = 0; i < N; i++) {
        snprintf(buf, sizeof buf, "text %d", i);
        bad += kept[i] == NULL || strcmp(kept[i], i == N / 2 ? big : buf) != 0 ||
               vs_strpool_add(&p, i == N / 2 ? big : buf) != kept[i];
    }
    CU_ASSERT_EQUAL(bad, 0);
    CU_ASSERT_EQUAL(vs_strpool_count(&p), N);
    vs_strpool_free(&p);
    /* reusable after free */
    CU_ASSERT_STRING_EQUAL(vs_strpool_add(&p, "again"), "again");
    CU_ASSERT_EQUAL(vs_strpool_count(&p), 1);
    vs_strpool_free(&p);
    free(big);
    free(kept);
}

static const CU_TestInfo tests[] = {
    { "equal texts share one copy", test_equal_texts_share },
    { "the empty text", test_empty_text },
    { "many texts, long ones", test_many_texts },
    CU_TEST_INFO_NULL,
};

VS_UNIT_SUITE("strpool", tests)
