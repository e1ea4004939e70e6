/* test_markup.c - untrusted text escaped for each format a report writes:
 * HTML/XML, the workbook's XML, Markdown, gnuplot (reports/markup), CSV
 * for spreadsheets (core/csv) and JSON (core/json). */
#include "core/csv.h"
#include "core/json.h"
#include "reports/markup.h"
#include "tests/unit/unit.h"

#include <stdlib.h>
#include <string.h>

#define FFFD "\xEF\xBF\xBD"

/* What fn writes for s. */
static char *written(void (*fn)(FILE *, const char *), const char *s)
{
    vs_unit_capture cap;
    FILE *f = vs_unit_capture_open(&cap);
    char *text;

    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    fn(f, s);
    text = vs_unit_capture_text(&cap);
    CU_ASSERT_PTR_NOT_NULL_FATAL(text);
    return text;
}

static void test_html_xml(void)
{
    char *s = written(vs_markup_escape, "<script>alert('x')</script> & \"q\" <img onerror=x>");

    CU_ASSERT_STRING_EQUAL(s, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; "
                              "&quot;q&quot; &lt;img onerror=x&gt;");
    free(s);
    /* XML 1.0 cannot hold U+0001 even as a reference; invalid UTF-8 neither */
    s = written(vs_markup_escape, "a\x01" "b\x1b[31m \xFF\xC3 \xC2\x85 tab\tnl\n caf\xC3\xA9");
    CU_ASSERT_STRING_EQUAL(s, "a" FFFD "b" FFFD "[31m " FFFD FFFD " " FFFD
                              " tab\tnl\n caf\xC3\xA9");
    free(s);
    s = written(vs_markup_escape, "\xEF\xBF\xBE"); /* U+FFFE is not an XML character */
    CU_ASSERT_STRING_EQUAL(s, FFFD);
    free(s);
}

static void test_xml_clean(void)
{
    char out[32];

    CU_ASSERT_STRING_EQUAL(vs_xml_clean("a<b>&\x01\xFF\nc", out, sizeof out, 0),
                           "a<b>&" FFFD FFFD "\nc");
    CU_ASSERT_STRING_EQUAL(vs_xml_clean("a\tb\r\nc", out, sizeof out, 1), "a b  c");
    CU_ASSERT_STRING_EQUAL(vs_xml_clean("abcd\xE2\x82\xAC", out, 7, 0), "abcd"); /* whole */
    CU_ASSERT_STRING_EQUAL(vs_xml_clean("abc\x01", out, 6, 0), "abc");
}

static void test_markdown(void)
{
    char *s = written(vs_markdown_escape, "a|b *c* [x](y) <i>&\n# head `z` _u_ ~s~ $m$ !");

    CU_ASSERT_STRING_EQUAL(s, "a\\|b \\*c\\* \\[x\\](y) &lt;i&gt;&amp; \\# head \\`z\\` \\_u\\_ "
                              "\\~s\\~ \\$m\\$ \\!");
    free(s);
    s = written(vs_markdown_escape, "<script>x</script>\r\n## Injected\x01\xFF");
    CU_ASSERT_STRING_EQUAL(s, "&lt;script&gt;x&lt;/script&gt;  \\#\\# Injected" FFFD FFFD);
    CU_ASSERT_PTR_NULL(strchr(s, '\n'));
    CU_ASSERT_PTR_NULL(strchr(s, '<'));
    free(s);
}

static void test_gnuplot(void)
{
    char gp[48];

    vs_gnuplot_string("t\" ; system(\"x\") \\ `id` 'y'\n", gp, sizeof gp);
    CU_ASSERT_STRING_EQUAL(gp, "'t\" ; system(\"x\") \\ ''id'' ''y'' '");
    vs_gnuplot_string("x\" ; system(\"id > x\") ; y=\"", gp, sizeof gp);
    CU_ASSERT_STRING_EQUAL(gp, "'x\" ; system(\"id > x\") ; y=\"'");
    vs_gnuplot_string("abcdefg'", gp, 11); /* no half doubled quote at the end */
    CU_ASSERT_STRING_EQUAL(gp, "'abcdefg'");
    vs_gnuplot_string("abcdef\xE2\x82\xAC", gp, 11); /* nor half a character */
    CU_ASSERT_STRING_EQUAL(gp, "'abcdef'");
    vs_gnuplot_string("\x01\xFF", gp, sizeof gp);
    CU_ASSERT_STRING_EQUAL(gp, "'" FFFD FFFD "'");
    vs_gnuplot_string("", gp, sizeof gp);
    CU_ASSERT_STRING_EQUAL(gp, "''");
    CU_ASSERT_PTR_NULL(strchr(gp, '`'));
}

static void test_csv_text(void)
{
    char *s = written(vs_csv_write_text, "=HYPERLINK(\"http://x\",\"y\")");

    CU_ASSERT_STRING_EQUAL(s, "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
    free(s);
    s = written(vs_csv_write_text, "@SUM(A1)");
    CU_ASSERT_STRING_EQUAL(s, "\"'@SUM(A1)\"");
    free(s);
    s = written(vs_csv_write_text, "Linux 6.1\r\nx,\x1b[31m\xFF");
    CU_ASSERT_STRING_EQUAL(s, "\"Linux 6.1  x," FFFD "[31m" FFFD "\"");
    free(s);
}

static void test_json_strings(void)
{
    vs_json j;

    vs_json_init(&j, 0);
    vs_json_str(&j, NULL, "a\x01\x1b\xFF\xC2\x85\"\\ caf\xC3\xA9");
    CU_ASSERT_STRING_EQUAL(vs_json_text(&j), "\"a\\u0001\\u001b\\ufffd\\u0085\\\"\\\\ caf\xC3\xA9\"");
    vs_json_free(&j);
}

static const CU_TestInfo tests[] = {
    { "HTML and XML: entities, no control character", test_html_xml },
    { "workbook text: no control character, whole characters", test_xml_clean },
    { "Markdown: no raw HTML, no new line, no cell break", test_markdown },
    { "gnuplot: one single-quoted literal", test_gnuplot },
    { "CSV for spreadsheets: quoted, no formula", test_csv_text },
    { "JSON strings: always valid", test_json_strings },
    CU_TEST_INFO_NULL,
};

VS_UNIT_SUITE("markup", tests)
