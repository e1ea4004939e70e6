/* markup.c - see markup.h. */
#include "reports/markup.h"
#include "core/utf8.h"

#include <string.h>

#define REPLACEMENT "\xEF\xBF\xBD" /* U+FFFD in UTF-8 */

/* 1 when XML 1.0 can hold cp and no viewer acts on it (tabs and line
 * breaks are left to the caller). */
static int plain_char(uint32_t cp)
{
    if (cp == '\t' || cp == '\n' || cp == '\r')
        return 1;
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
        return 0;
    return cp != 0xFFFE && cp != 0xFFFF;
}

/* The next character of *s: its bytes (or U+FFFD for an invalid byte or
 * a character plain_char refuses) in out, and the code point (U+FFFD for
 * those). Advances *s. */
static size_t next_char(const char **s, char out[4], uint32_t *cp)
{
    int len = vs_utf8_decode(*s, cp);

    if (len == 0 || !plain_char(*cp)) {
        *s += len > 0 ? len : 1;
        *cp = VS_UTF8_REPLACEMENT;
        memcpy(out, REPLACEMENT, 3);
        return 3;
    }
    memcpy(out, *s, (size_t)len);
    *s += len;
    return (size_t)len;
}

void vs_markup_escape(FILE *f, const char *s)
{
    while (*s != '\0') {
        char c[4];
        uint32_t cp;
        size_t len = next_char(&s, c, &cp);
        switch (cp) {
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '&': fputs("&amp;", f); break;
        case '"': fputs("&quot;", f); break;
        case '\'': fputs("&#39;", f); break;
        default: fwrite(c, 1, len, f);
        }
    }
}

char *vs_xml_clean(const char *s, char *out, size_t n, int one_line)
{
    size_t k = 0;

    if (n == 0)
        return out;
    while (*s != '\0') {
        char c[4];
        uint32_t cp;
        size_t len = next_char(&s, c, &cp);
        if (k + len >= n)
            break;
        if (one_line && (cp == '\t' || cp == '\n' || cp == '\r'))
            c[0] = ' ';
        memcpy(out + k, c, len);
        k += len;
    }
    out[k] = '\0';
    return out;
}

void vs_markdown_escape(FILE *f, const char *s)
{
    while (*s != '\0') {
        char c[4];
        uint32_t cp;
        size_t len = next_char(&s, c, &cp);
        if (cp == '&')
            fputs("&amp;", f);
        else if (cp == '<')
            fputs("&lt;", f);
        else if (cp == '>')
            fputs("&gt;", f);
        else if (cp == '"')
            fputs("&quot;", f);
        else if (cp == '\t' || cp == '\n' || cp == '\r')
            fputc(' ', f);
        else {
            if (cp < 0x80 && strchr("\\`*_[]#!|~$", (int)cp) != NULL)
                fputc('\\', f);
            fwrite(c, 1, len, f);
        }
    }
}

void vs_gnuplot_string(const char *s, char *out, size_t n)
{
    size_t k = 0;

    if (n < 3) {
        if (n > 0)
            out[0] = '\0';
        return;
    }
    out[k++] = '\'';
    while (*s != '\0') {
        char c[4];
        uint32_t cp;
        size_t len = next_char(&s, c, &cp);
        if (cp == '\'' || cp == '`') { /* a backtick is shown as a quote */
            c[0] = c[1] = '\'';
            len = 2;
        }
        else if (cp == '\t' || cp == '\n' || cp == '\r')
            c[0] = ' ';
        if (k + len + 2 > n) /* this character, the closing quote, NUL */
            break;
        memcpy(out + k, c, len);
        k += len;
    }
    out[k++] = '\'';
    out[k] = '\0';
}
