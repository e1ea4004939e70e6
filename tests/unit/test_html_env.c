/* test_html_env.c - reports/html_env.h: both ends' settings side by side,
 * differences highlighted, values escaped. */
#include "reports/html_env.h"
#include "tests/unit/unit.h"

#include <stdlib.h>
#include <string.h>

static char *render(const char *meta_text)
{
    vs_source s;
    vs_unit_capture cap;
    json_error_t err;
    FILE *f = vs_unit_capture_open(&cap);

    memset(&s, 0, sizeof s);
    s.meta = json_loads(meta_text, 0, &err);
    CU_ASSERT_PTR_NOT_NULL(s.meta);
    CU_ASSERT_PTR_NOT_NULL(f);
    if (f == NULL || s.meta == NULL)
        return NULL;
    vs_html_settings(f, &s);
    json_decref(s.meta);
    return vs_unit_capture_text(&cap);
}

static void test_side_by_side(void)
{
    char *html = render(
        "{\"schema\":2,\"hosts\":{\"local\":{\"facts\":{\"cpu.governor\":\"performance\","
        "\"clock.source\":\"tsc\",\"hv.product\":\"<script>x</script>\"}},"
        "\"remote\":{\"facts\":{\"cpu.governor\":\"powersave\",\"clock.source\":\"tsc\"}}},"
        "\"paths\":[{\"transport\":\"tcp\",\"tests\":4,\"local\":{\"path.transport\":\"tcp\","
        "\"net.mtu\":1500},\"remote\":{\"path.transport\":\"tcp\",\"net.mtu\":9000}}]}");

    CU_ASSERT_PTR_NOT_NULL_FATAL(html);
    CU_ASSERT_PTR_NOT_NULL(strstr(html, "<tr class=\"diff\"><td class=\"l\">frequency governor"
                                        "</td><td class=\"l\">performance</td><td class=\"l\">"
                                        "powersave</td></tr>"));
    CU_ASSERT_PTR_NOT_NULL(strstr(html, "<tr><td class=\"l\">clock source</td>"));
    CU_ASSERT_PTR_NOT_NULL(strstr(html, "<tr class=\"diff\"><td class=\"l\">virtual hardware"));
    CU_ASSERT_PTR_NOT_NULL(strstr(html, "&lt;script&gt;x&lt;/script&gt;"));
    CU_ASSERT_PTR_NULL(strstr(html, "<script>"));
    CU_ASSERT_PTR_NOT_NULL(strstr(html, "Data path: tcp (4 tests)"));
    CU_ASSERT_PTR_NOT_NULL(strstr(html, "<tr class=\"diff\"><td class=\"l\">MTU</td>"));
    free(html);
}

static void test_not_recorded(void)
{
    char *old = render("{\"hosts\":{\"local\":{\"kernel\":\"6.1\"},\"remote\":{}}}");
    char *one = render("{\"schema\":2,\"hosts\":{\"local\":{\"facts\":{\"cpu.count\":2}},"
                       "\"remote\":{\"kernel\":\"6.1\"}}}");

    CU_ASSERT_PTR_NOT_NULL_FATAL(old);
    CU_ASSERT_PTR_NOT_NULL_FATAL(one);
    CU_ASSERT_PTR_NOT_NULL(strstr(old, "No settings recorded"));
    /* the server recorded nothing: its column says so, nothing is marked */
    CU_ASSERT_PTR_NOT_NULL(strstr(one, "<td class=\"l\">2</td><td class=\"l\"><span "
                                       "class=\"small\">not recorded</span></td>"));
    CU_ASSERT_PTR_NULL(strstr(one, "class=\"diff\""));
    free(old);
    free(one);
}

static const CU_TestInfo tests[] = {
    { "both ends side by side, differences marked, escaped", test_side_by_side },
    { "older files and an end without facts", test_not_recorded },
    CU_TEST_INFO_NULL,
};

VS_UNIT_SUITE("html-env", tests)
