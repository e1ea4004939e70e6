/* test_utf8.c - the strict UTF-8 decoder (core/utf8) and text made safe
 * for a terminal (core/safeprint). */
#include "core/safeprint.h"
#include "core/utf8.h"
#include "tests/unit/unit.h"

#include <stdlib.h>
#include <string.h>

static void test_decode_valid(void)
{
    uint32_t cp;

    CU_ASSERT_EQUAL(vs_utf8_decode("A", &cp), 1);
    CU_ASSERT_EQUAL(cp, 'A');
    CU_ASSERT_EQUAL(vs_utf8_decode("\xC3\xA9", &cp), 2); /* e acute */
    CU_ASSERT_EQUAL(cp, 0xE9);
    CU_ASSERT_EQUAL(vs_utf8_decode("\xE2\x82\xAC", &cp), 3); /* euro */
    CU_ASSERT_EQUAL(cp, 0x20AC);
    CU_ASSERT_EQUAL(vs_utf8_decode("\xF0\x9F\x98\x80", &cp), 4);
    CU_ASSERT_EQUAL(cp, 0x1F600);
    CU_ASSERT_EQUAL(vs_utf8_decode("\xF4\x8F\xBF\xBF", &cp), 4);
    CU_ASSERT_EQUAL(cp, 0x10FFFF);
    CU_ASSERT_EQUAL(vs_utf8_decode("", &cp), 1);
    CU_ASSERT_EQUAL(cp, 0);
}

static void test_decode_invalid(void)
{
    static const char *const bad[] = {
        "\x80", "\xBF", "\xC0\x80", "\xC1\xBF", /* stray continuation, overlong NUL and '\x7f' */
        "\xE0\x80\x80", "\xF0\x80\x80\x80",     /* overlong */
        "\xED\xA0\x80", "\xED\xBF\xBF",         /* surrogates */
        "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", /* beyond U+10FFFF */
        "\xFE", "\xFF", "\xC3", "\xE2\x82", "\xF0\x9F\x98", /* cut short at the NUL */
        "\xC3(", "\xE2\x28\xA1",
    };
    uint32_t cp;

    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        CU_ASSERT_EQUAL(vs_utf8_decode(bad[i], &cp), 0);
}

static void test_encode_and_cut(void)
{
    char out[4];

    CU_ASSERT_EQUAL(vs_utf8_encode(0xFFFD, out), 3);
    CU_ASSERT_EQUAL(memcmp(out, "\xEF\xBF\xBD", 3), 0);
    CU_ASSERT_EQUAL(vs_utf8_encode(0x1F600, out), 4);
    CU_ASSERT_EQUAL(vs_utf8_encode(0xD800, out), 0);
    CU_ASSERT_EQUAL(vs_utf8_encode(0x110000, out), 0);
    CU_ASSERT_EQUAL(vs_utf8_cut("ab\xE2\x82\xAC", 4), 2); /* not inside the euro sign */
    CU_ASSERT_EQUAL(vs_utf8_cut("ab\xE2\x82\xAC", 5), 5);
    CU_ASSERT_EQUAL(vs_utf8_cut("ab\xFF", 3), 3);         /* a stray byte is one unit */
    CU_ASSERT_TRUE(vs_utf8_is_control(0x1B));
    CU_ASSERT_TRUE(vs_utf8_is_control(0x9B)); /* the one-byte CSI */
    CU_ASSERT_TRUE(vs_utf8_is_control(0x202E));
    CU_ASSERT_FALSE(vs_utf8_is_control(0xE9));
}

/* What vs_safe_fputs (or _lines) writes for s. */
static char *printed(const char *s, int lines)
{
    vs_unit_capture cap;
    FILE *f = vs_unit_capture_open(&cap);
    char *text;

    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    if (lines)
        vs_safe_fputs_lines(f, s);
    else
        vs_safe_fputs(f, s);
    text = vs_unit_capture_text(&cap);
    CU_ASSERT_PTR_NOT_NULL_FATAL(text);
    return text;
}

static void test_safe_terminal(void)
{
    char *s = printed("red \x1b[31mX\x1b]0;title\x07 caf\xC3\xA9 \xC2\x9B" "2J \xE2\x80\xAE"
                      "evil a\nb\tc\rd \xFF\x01\x7f", 0);

    CU_ASSERT_STRING_EQUAL(s, "red \\x1b[31mX\\x1b]0;title\\x07 caf\xC3\xA9 \\u009b2J \\u202e"
                              "evil a\\nb\\tc\\rd \\xff\\x01\\x7f");
    CU_ASSERT_PTR_NULL(strchr(s, 0x1b));
    free(s);
    s = printed("line 1\nline\t2 \x1b[2J", 1);
    CU_ASSERT_STRING_EQUAL(s, "line 1\nline\t2 \\x1b[2J");
    free(s);
}

static void test_safe_copy(void)
{
    char out[12];

    CU_ASSERT_STRING_EQUAL(vs_safe_copy(out, sizeof out, "plain"), "plain");
    /* cut before an escape that does not fit, never inside it */
    CU_ASSERT_STRING_EQUAL(vs_safe_copy(out, sizeof out, "abcdefgh\x1b[m"), "abcdefgh");
    CU_ASSERT_STRING_EQUAL(vs_safe_copy(out, sizeof out, "abcdefghij\xE2\x82\xAC"), "abcdefghij");
    CU_ASSERT_STRING_EQUAL(vs_safe_copy(out, 1, "x"), "");
}

static const CU_TestInfo tests[] = {
    { "decode: valid sequences", test_decode_valid },
    { "decode: overlong, surrogates, cut short", test_decode_invalid },
    { "encode, cut at a character", test_encode_and_cut },
    { "terminal: escapes shown, text kept", test_safe_terminal },
    { "terminal: copy into a buffer", test_safe_copy },
    CU_TEST_INFO_NULL,
};

VS_UNIT_SUITE("utf8", tests)
