/* markup.c - see markup.h. */
#include "reports/markup.h"

#include <string.h>

void vs_markup_escape(FILE *f, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '&': fputs("&amp;", f); break;
        case '"': fputs("&quot;", f); break;
        default: fputc(*s, f);
        }
    }
}

void vs_markdown_escape(FILE *f, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '&')
            fputs("&amp;", f);
        else if (c < 0x20 || c == 0x7f)
            fputc(' ', f);
        else {
            if (strchr("\\`*_{}[]<>()#+-.!|~", c) != NULL)
                fputc('\\', f);
            fputc(c, f);
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
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        int quote = c == '\'' || c == '`';
        if (k + (size_t)quote + 3 > n) /* this character, the closing quote, NUL */
            break;
        if (quote) {
            out[k++] = '\'';
            out[k++] = '\'';
        } else {
            out[k++] = c < 0x20 || c == 0x7f ? ' ' : (char)c;
        }
    }
    out[k++] = '\'';
    out[k] = '\0';
}
