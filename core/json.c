/* json.c - see json.h. */
#include "core/json.h"
#include "core/utf8.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void vs_json_init(vs_json *j, int pretty)
{
    memset(j, 0, sizeof *j);
    j->pretty = pretty;
}

void vs_json_free(vs_json *j)
{
    free(j->buf);
    memset(j, 0, sizeof *j);
}

static void append(vs_json *j, const char *s, size_t n)
{
    if (j->oom)
        return;
    if (j->len + n + 1 > j->cap) {
        size_t cap = j->cap ? j->cap * 2 : 1024;
        while (cap < j->len + n + 1)
            cap *= 2;
        char *p = realloc(j->buf, cap);
        if (p == NULL) {
            j->oom = 1;
            return;
        }
        j->buf = p;
        j->cap = cap;
    }
    memcpy(j->buf + j->len, s, n);
    j->len += n;
    j->buf[j->len] = '\0';
}

static void appendf(vs_json *j, const char *fmt, ...)
{
    char tmp[64];
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n > 0)
        append(j, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

static void newline(vs_json *j)
{
    if (!j->pretty)
        return;
    append(j, "\n", 1);
    for (int i = 0; i < j->depth; i++)
        append(j, "  ", 2);
}

/* One character of a string: escaped when JSON requires it or a viewer
 * would act on it (C0, DEL, C1 as \u00XX); a byte that is not valid
 * UTF-8 as \ufffd, so that the output is always valid JSON. Returns the
 * bytes consumed. */
static int quoted_char(vs_json *j, const char *p)
{
    uint32_t cp;
    int len = vs_utf8_decode(p, &cp);

    if (len == 0) {
        append(j, "\\ufffd", 6);
        return 1;
    }
    switch (cp) {
    case '"': append(j, "\\\"", 2); break;
    case '\\': append(j, "\\\\", 2); break;
    case '\n': append(j, "\\n", 2); break;
    case '\r': append(j, "\\r", 2); break;
    case '\t': append(j, "\\t", 2); break;
    default:
        if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
            appendf(j, "\\u%04x", (unsigned)cp);
        else
            append(j, p, (size_t)len);
    }
    return len;
}

static void quoted(vs_json *j, const char *s)
{
    append(j, "\"", 1);
    while (*s != '\0')
        s += quoted_char(j, s);
    append(j, "\"", 1);
}

/* Separator, indentation and key before a value. */
static void member(vs_json *j, const char *key)
{
    if (j->depth > 0) {
        if (j->count[j->depth - 1]++ > 0)
            append(j, ",", 1);
        newline(j);
    }
    if (key != NULL) {
        quoted(j, key);
        append(j, j->pretty ? ": " : ":", j->pretty ? 2 : 1);
    }
}

static void open_level(vs_json *j, const char *key, const char *bracket)
{
    member(j, key);
    append(j, bracket, 1);
    if (j->depth < VS_JSON_DEPTH) {
        j->count[j->depth] = 0;
        j->depth++;
    }
}

static void close_level(vs_json *j, const char *bracket)
{
    int had = 0;

    if (j->depth > 0) {
        j->depth--;
        had = j->count[j->depth] > 0;
    }
    if (had)
        newline(j);
    append(j, bracket, 1);
}

void vs_json_obj_begin(vs_json *j, const char *key) { open_level(j, key, "{"); }
void vs_json_obj_end(vs_json *j) { close_level(j, "}"); }
void vs_json_arr_begin(vs_json *j, const char *key) { open_level(j, key, "["); }
void vs_json_arr_end(vs_json *j) { close_level(j, "]"); }

void vs_json_str(vs_json *j, const char *key, const char *v)
{
    member(j, key);
    quoted(j, v != NULL ? v : "");
}

void vs_json_num(vs_json *j, const char *key, double v)
{
    member(j, key);
    if (isnan(v) || isinf(v))
        append(j, "null", 4);
    else
        appendf(j, "%.6g", v);
}

void vs_json_int(vs_json *j, const char *key, int64_t v)
{
    member(j, key);
    appendf(j, "%lld", (long long)v);
}

void vs_json_uint(vs_json *j, const char *key, uint64_t v)
{
    member(j, key);
    appendf(j, "%llu", (unsigned long long)v);
}

void vs_json_bool(vs_json *j, const char *key, int v)
{
    member(j, key);
    append(j, v ? "true" : "false", v ? 4 : 5);
}

void vs_json_null(vs_json *j, const char *key)
{
    member(j, key);
    append(j, "null", 4);
}

const char *vs_json_text(const vs_json *j)
{
    return j->buf != NULL ? j->buf : "";
}
