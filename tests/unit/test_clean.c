/* test_clean.c - core/clean.h: untrusted text cleaned, both forms. One
 * value kept on one line (vs_clean_text: blanks folded, bounded, cut with
 * "...") and a peer's string cleaned where it is (vs_clean_in_place:
 * every control replaced, spaces kept): controls, stray bytes and
 * malformed UTF-8 become '?' in both. */
#include "core/clean.h"
#include "tests/unit/unit.h"

#include <stdio.h>
#include <string.h>

static void test_sanitize(void)
{
    char out[64];

    CU_ASSERT_EQUAL(vs_clean_text(out, sizeof out, "  veth\n", 7), 4);
    CU_ASSERT_STRING_EQUAL(out, "veth");
    vs_clean_text(out, sizeof out, "a\tb \n\n c", 8);
    CU_ASSERT_STRING_EQUAL(out, "a b c");
    vs_clean_text(out, sizeof out, "\033[31mred\007", 10);
    CU_ASSERT_STRING_EQUAL(out, "?[31mred?");
    /* well-formed UTF-8 stays, C1 controls (CSI U+009B: one character, one
     * '?', as on the wire) and broken bytes (one '?' each) go */
    vs_clean_text(out, sizeof out, "Z\xc3\xbcrich \xe2\x9c\x93", 11);
    CU_ASSERT_STRING_EQUAL(out, "Z\xc3\xbcrich \xe2\x9c\x93");
    vs_clean_text(out, sizeof out, "\xc2\x9b" "a\xff\xc0\xaf\xed\xa0\x80", 9);
    CU_ASSERT_STRING_EQUAL(out, "?" "a?" "?" "?" "?" "?" "?");
    vs_clean_text(out, sizeof out, "cut\xe2\x9c", 5);
    CU_ASSERT_STRING_EQUAL(out, "cut??");
    /* the length bound is honoured even without a terminator */
    vs_clean_text(out, sizeof out, "abcdef", 3);
    CU_ASSERT_STRING_EQUAL(out, "abc");
    vs_clean_text(out, sizeof out, "ab\0cd", 5);
    CU_ASSERT_STRING_EQUAL(out, "ab");
}

static void test_sanitize_overlong(void)
{
    char big[5000], out[16], tiny[3];

    memset(big, 'x', sizeof big);
    CU_ASSERT_EQUAL(vs_clean_text(out, sizeof out, big, sizeof big), 15);
    CU_ASSERT_STRING_EQUAL(out, "xxxxxxxxxxxx...");
    /* cut on a character boundary: each e-acute is two bytes */
    vs_clean_text(out, 8, "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", 10);
    CU_ASSERT_STRING_EQUAL(out, "\xc3\xa9\xc3\xa9...");
    vs_clean_text(tiny, sizeof tiny, "abcdef", 6);
    CU_ASSERT_STRING_EQUAL(tiny, "");
    CU_ASSERT_EQUAL(vs_clean_text(out, 0, "abc", 3), 0);
}

static void check_clean(const char *in, const char *want, size_t replaced)
{
    char buf[256];

    snprintf(buf, sizeof buf, "%s", in);
    CU_ASSERT_EQUAL(vs_clean_in_place(buf), replaced);
    CU_ASSERT_STRING_EQUAL(buf, want);
}

static void test_text_clean(void)
{
    check_clean("plain text", "plain text", 0);
    check_clean("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80", "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80", 0);
    check_clean("a\nb\rc\td\x1b[31m", "a?b?c?d?[31m", 4);
    check_clean("del\x7f c1\xc2\x85", "del? c1?", 2);
    check_clean("\xff\xfe", "??", 2);                   /* not UTF-8 */
    check_clean("\xc0\xaf", "??", 2);                   /* overlong '/' */
    check_clean("\xed\xa0\x80", "???", 3);              /* a surrogate */
    check_clean("\xf4\x90\x80\x80", "????", 4);         /* above U+10FFFF */
    check_clean("cut \xe2\x82", "cut ??", 2);           /* a cut character */
    check_clean("\"`system(\"id\")`<script>", "\"`system(\"id\")`<script>", 0); /* printable: kept */
}

static const CU_TestInfo tests[] = {
    { "sanitize", test_sanitize },
    { "sanitize overlong", test_sanitize_overlong },
    { "text cleaned of controls and bad UTF-8", test_text_clean },
    CU_TEST_INFO_NULL,
};

VS_UNIT_SUITE("clean", tests)
