/* safeprint.c - see safeprint.h. */
#include "core/safeprint.h"
#include "core/utf8.h"

#include <string.h>

/* Where escaped text goes: a stream, or a buffer that stops filling at the
 * first piece that does not fit. */
typedef struct sink {
    FILE *f;
    char *buf;
    size_t n, len;
    int full;
} sink;

static void put(sink *k, const char *s, size_t len)
{
    if (k->f != NULL) {
        fwrite(s, 1, len, k->f);
        return;
    }
    if (k->full || k->len + len + 1 > k->n) {
        k->full = 1;
        return;
    }
    memcpy(k->buf + k->len, s, len);
    k->len += len;
    k->buf[k->len] = '\0';
}

/* One character (or one invalid byte, cp unset and len 0) at s. */
static void put_char(sink *k, const char *s, uint32_t cp, int len, int lines)
{
    char esc[12];

    if (len == 0) {
        snprintf(esc, sizeof esc, "\\x%02x", (unsigned char)*s);
        put(k, esc, 4);
    } else if (!vs_utf8_is_control(cp) || (lines && (cp == '\n' || cp == '\t'))) {
        put(k, s, (size_t)len);
    } else if (cp == '\n' || cp == '\r' || cp == '\t') {
        put(k, cp == '\n' ? "\\n" : cp == '\r' ? "\\r" : "\\t", 2);
    } else if (cp < 0x80) {
        snprintf(esc, sizeof esc, "\\x%02x", (unsigned)cp);
        put(k, esc, 4);
    } else {
        snprintf(esc, sizeof esc, "\\u%04x", (unsigned)cp);
        put(k, esc, 6);
    }
}

static void escape(sink *k, const char *s, int lines)
{
    while (*s != '\0' && !k->full) {
        uint32_t cp = 0;
        int len = vs_utf8_decode(s, &cp);
        put_char(k, s, cp, len, lines);
        s += len > 0 ? len : 1;
    }
}

void vs_safe_fputs(FILE *f, const char *s)
{
    sink k = { f, NULL, 0, 0, 0 };

    escape(&k, s, 0);
}

void vs_safe_fputs_lines(FILE *f, const char *s)
{
    sink k = { f, NULL, 0, 0, 0 };

    escape(&k, s, 1);
}

char *vs_safe_copy(char *out, size_t n, const char *s)
{
    sink k = { NULL, out, n, 0, 0 };

    if (n > 0)
        out[0] = '\0';
    escape(&k, s, 0);
    return out;
}
