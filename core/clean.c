/* clean.c - see clean.h. */
#include "core/clean.h"

#include <string.h>

static int is_blank(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static int is_cont(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

/* Width of the printable character at s (len bytes left): 1 for
 * printable ASCII, 2-4 for well-formed UTF-8 outside the C1 controls, 0
 * for anything else (a control, DEL, or an invalid or cut sequence). */
static size_t char_width(const unsigned char *s, size_t len)
{
    unsigned char c = s[0];

    if (c >= 0x20 && c < 0x7F)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        return len >= 2 && is_cont(s[1]) && !(c == 0xC2 && s[1] < 0xA0) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        unsigned char lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
        return len >= 3 && s[1] >= lo && s[1] <= hi && is_cont(s[2]) ? 3 : 0;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        unsigned char lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
        return len >= 4 && s[1] >= lo && s[1] <= hi && is_cont(s[2]) && is_cont(s[3]) ? 4
                                                                                       : 0;
    }
    return 0;
}

size_t vs_clean_text(char *dst, size_t n, const char *src, size_t len)
{
    const unsigned char *s = (const unsigned char *)src;
    size_t i = 0, o = 0, cut = 0;
    int space = 0;

    if (n == 0)
        return 0;
    while (i < len && s[i] != '\0') {
        size_t w, pw;
        const char *p;

        if (is_blank(s[i])) {
            space = o > 0;
            i++;
            continue;
        }
        w = char_width(s + i, len - i);
        p = w > 0 ? (const char *)s + i : "?";
        pw = w > 0 ? w : 1;
        i += pw;
        if (o + (size_t)space + pw > n - 1) {
            o = cut;
            if (o + 3 <= n - 1) {
                memcpy(dst + o, "...", 3);
                o += 3;
            }
            break;
        }
        if (space)
            dst[o++] = ' ';
        memcpy(dst + o, p, pw);
        o += pw;
        space = 0;
        if (o + 3 <= n - 1)
            cut = o;
    }
    dst[o] = '\0';
    return o;
}

