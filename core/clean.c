/* clean.c - see clean.h. */
#include "core/clean.h"
#include "core/utf8.h"

#include <string.h>

static int is_blank(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* The printable character at s (len > 0 bytes left, no NUL first): its
 * length, or 0 for a control character or a byte that is not UTF-8.
 * *used is how many bytes that took: the character's, or one stray byte. */
static size_t printable(const char *s, size_t len, size_t *used)
{
    uint32_t cp;
    int w = vs_utf8_decode_n(s, len, &cp);

    *used = w > 0 ? (size_t)w : 1;
    if (w == 0 || cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
        return 0;
    return (size_t)w;
}

/* Both forms of clean.h: up to len bytes of src into dst (n > 0 bytes;
 * dst may be src, the output never runs ahead of the input), blanks
 * folded when `fold`. Returns the length; *replaced counts the '?'. */
static size_t clean(char *dst, size_t n, const char *src, size_t len, int fold,
                    size_t *replaced)
{
    size_t i = 0, o = 0, cut = 0;
    int space = 0;

    *replaced = 0;
    while (i < len && src[i] != '\0') {
        size_t used, w;
        const char *p;

        if (fold && is_blank((unsigned char)src[i])) {
            space = o > 0;
            i++;
            continue;
        }
        w = printable(src + i, len - i, &used);
        p = w > 0 ? src + i : "?";
        if (w == 0) {
            w = 1;
            (*replaced)++;
        }
        i += used;
        if (o + (size_t)space + w > n - 1) {
            o = cut;
            if (o + 3 <= n - 1) {
                memcpy(dst + o, "...", 3);
                o += 3;
            }
            break;
        }
        if (space)
            dst[o++] = ' ';
        memmove(dst + o, p, w);
        o += w;
        space = 0;
        if (o + 3 <= n - 1)
            cut = o;
    }
    dst[o] = '\0';
    return o;
}

size_t vs_clean_text(char *dst, size_t n, const char *src, size_t len)
{
    size_t replaced;

    return n == 0 ? 0 : clean(dst, n, src, len, 1, &replaced);
}

size_t vs_clean_in_place(char *s)
{
    size_t len = strlen(s), replaced;

    clean(s, len + 1, s, len, 0, &replaced);
    return replaced;
}
