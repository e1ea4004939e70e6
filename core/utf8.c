/* utf8.c - see utf8.h. */
#include "core/utf8.h"

/* Lead byte: the sequence length and the smallest code point it may
 * encode (anything below is an overlong form). */
static int lead(unsigned char c, uint32_t *cp, uint32_t *min)
{
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        *cp = c & 0x1Fu;
        *min = 0x80;
        return 2;
    }
    if (c >= 0xE0 && c <= 0xEF) {
        *cp = c & 0x0Fu;
        *min = 0x800;
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        *cp = c & 0x07u;
        *min = 0x10000;
        return 4;
    }
    return 0; /* a continuation byte, C0/C1 (overlong) or F5..FF */
}

int vs_utf8_decode(const char *s, uint32_t *cp)
{
    return vs_utf8_decode_n(s, SIZE_MAX, cp);
}

int vs_utf8_decode_n(const char *s, size_t len, uint32_t *cp)
{
    const unsigned char *p = (const unsigned char *)s;
    uint32_t min = 0;
    int n = lead(p[0], cp, &min);

    if ((size_t)n > len)
        return 0;
    for (int i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80) /* also stops at the NUL */
            return 0;
        *cp = (*cp << 6) | (p[i] & 0x3Fu);
    }
    if (n > 1 && (*cp < min || *cp > 0x10FFFF || (*cp >= 0xD800 && *cp <= 0xDFFF)))
        return 0;
    return n;
}

int vs_utf8_encode(uint32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;

    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp >= 0xD800 && cp <= 0xDFFF)
        return 0;
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    if (cp > 0x10FFFF)
        return 0;
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

size_t vs_utf8_cut(const char *s, size_t max)
{
    size_t n = 0;

    while (s[n] != '\0') {
        uint32_t cp;
        int len = vs_utf8_decode(s + n, &cp);
        if (len == 0)
            len = 1; /* a stray byte is one unit */
        if (n + (size_t)len > max)
            break;
        n += (size_t)len;
    }
    return n;
}

int vs_utf8_is_control(uint32_t cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x061C || cp == 0x200E ||
           cp == 0x200F || (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}
