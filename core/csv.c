/* csv.c - see csv.h. */
#include "core/csv.h"
#include "core/utf8.h"

#include <stdlib.h>
#include <string.h>

void vs_csv_write_field(FILE *f, const char *s)
{
    if (strpbrk(s, ",\"\r\n") == NULL) {
        fputs(s, f);
        return;
    }
    fputc('"', f);
    for (; *s != '\0'; s++) {
        if (*s == '"')
            fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

void vs_csv_write_text(FILE *f, const char *s)
{
    fputc('"', f);
    if (*s == '=' || *s == '+' || *s == '-' || *s == '@')
        fputc('\'', f);
    while (*s != '\0') {
        uint32_t cp;
        int len = vs_utf8_decode(s, &cp);
        if (len > 0 && (cp == '\t' || cp == '\n' || cp == '\r'))
            fputc(' ', f);
        else if (len == 0 || vs_utf8_is_control(cp))
            fputs("\xEF\xBF\xBD", f); /* U+FFFD */
        else if (cp == '"')
            fputs("\"\"", f);
        else
            fwrite(s, 1, (size_t)len, f);
        s += len > 0 ? len : 1;
    }
    fputc('"', f);
}

void vs_csv_init(vs_csv_reader *r, const char *text)
{
    memset(r, 0, sizeof *r);
    r->p = text;
    r->next_line = 1;
}

void vs_csv_free(vs_csv_reader *r)
{
    free(r->buf);
    r->buf = NULL;
}

/* Make room for a record of at most `need` bytes of fields. */
static int reserve(vs_csv_reader *r, size_t need)
{
    if (need <= r->cap)
        return 0;
    char *b = realloc(r->buf, need);
    if (b == NULL)
        return -1;
    r->buf = b;
    r->cap = need;
    return 0;
}

int vs_csv_next(vs_csv_reader *r, int *complete, vs_err *e)
{
    const char *p = r->p;
    char *out;
    int quoted = 0;

    *complete = 1;
    while (*p == '\n' || (*p == '\r' && p[1] == '\n')) { /* blank lines */
        r->next_line += *p == '\n';
        p++;
    }
    if (*p == '\0') {
        r->p = p;
        return 0;
    }
    r->line = r->next_line;
    if (reserve(r, strlen(p) + 1 > 4096 ? strlen(p) + 1 : 4096) != 0)
        return vs_err_set(e, VS_ERR_RUNTIME, "out of memory reading CSV");
    out = r->buf;
    r->nfields = 0;
    r->field[r->nfields++] = out;
    for (;; p++) {
        char c = *p;
        if (c == '\0') {
            if (quoted)
                return vs_err_set(e, VS_ERR_USAGE, "line %d: unterminated quoted field",
                                  r->line);
            *complete = 0;
            break;
        }
        if (quoted) {
            if (c == '"' && p[1] == '"') {
                *out++ = '"';
                p++;
            } else if (c == '"') {
                quoted = 0;
            } else {
                r->next_line += c == '\n';
                *out++ = c;
            }
        } else if (c == '"') {
            quoted = 1;
        } else if (c == ',') {
            *out++ = '\0';
            if (r->nfields >= VS_CSV_MAX_FIELDS)
                return vs_err_set(e, VS_ERR_USAGE, "line %d: more than %d fields", r->line,
                                  VS_CSV_MAX_FIELDS);
            r->field[r->nfields++] = out;
        } else if (c == '\n' || (c == '\r' && p[1] == '\n')) {
            p += c == '\r' ? 2 : 1;
            r->next_line++;
            break;
        } else {
            *out++ = c;
        }
    }
    *out = '\0';
    r->p = p;
    return 1;
}
