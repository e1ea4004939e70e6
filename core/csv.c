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

/* Room for `need` bytes of the record being read, doubling the buffer:
 * the cost is linear in the record, whatever follows it. */
static int room(vs_csv_reader *r, size_t need)
{
    size_t cap = r->cap ? r->cap : 4096;
    char *b;

    if (need <= r->cap)
        return 0;
    while (cap < need)
        cap *= 2;
    b = realloc(r->buf, cap);
    if (b == NULL)
        return -1;
    r->buf = b;
    r->cap = cap;
    return 0;
}

/* Append n bytes at s to the record (its length *k). */
static int put(vs_csv_reader *r, size_t *k, const char *s, size_t n)
{
    if (room(r, *k + n + 1) != 0)
        return -1;
    memcpy(r->buf + *k, s, n);
    *k += n;
    return 0;
}

/* Skip blank lines; 0 at the end of the text. */
static int skip_blank(vs_csv_reader *r)
{
    while (*r->p == '\n' || (*r->p == '\r' && r->p[1] == '\n')) {
        r->next_line += *r->p == '\n';
        r->p++;
    }
    return *r->p != '\0';
}

/* One character of a quoted field at *p (after the opening quote):
 * 1 to go on, 0 at the closing quote. Advances *p past what it used. */
static int quoted_char(vs_csv_reader *r, const char **p, size_t *k, int *oom)
{
    char c = **p;

    if (c == '"' && (*p)[1] != '"') {
        (*p)++;
        return 0;
    }
    *p += c == '"' ? 2 : 1; /* "" is one quote */
    r->next_line += c == '\n';
    *oom = put(r, k, &c, 1) != 0;
    return 1;
}

/* A record without quotes, the usual kind: its bytes up to the end of
 * the line copied at once, then split at the commas. 0 when it holds a
 * quote (for general_record), 1 read (field offsets in off[]), -1 failed. */
static int plain_record(vs_csv_reader *r, size_t *off, int *complete, vs_err *e)
{
    const char *p = r->p;
    size_t len = strcspn(p, "\"\n"), k = len;

    if (p[len] == '"')
        return 0;
    if (p[len] == '\n' && len > 0 && p[len - 1] == '\r')
        k--; /* CR LF ends the line; a lone CR is a plain byte */
    if (room(r, k + 1) != 0)
        return vs_err_set(e, VS_ERR_RUNTIME, "out of memory reading CSV");
    memcpy(r->buf, p, k);
    r->buf[k] = '\0';
    r->nfields = 1;
    off[0] = 0;
    for (size_t i = 0; i < k; i++) {
        if (r->buf[i] != ',')
            continue;
        if (r->nfields >= VS_CSV_MAX_FIELDS)
            return vs_err_set(e, VS_ERR_USAGE, "line %d: more than %d fields", r->line,
                              VS_CSV_MAX_FIELDS);
        r->buf[i] = '\0';
        off[r->nfields++] = i + 1;
    }
    *complete = p[len] == '\n';
    r->next_line += *complete;
    r->p = p + len + *complete;
    return 1;
}

/* Any record, quoted fields and all: 1 read (field offsets in off[]), -1
 * failed. */
static int general_record(vs_csv_reader *r, size_t *off, int *complete, vs_err *e)
{
    const char *p = r->p;
    size_t k = 0;
    int oom = 0;

    r->nfields = 1;
    off[0] = 0;
    while (!oom) {
        char c = *p;
        if (c == '"') {
            int open = 1;
            for (p++; open && *p != '\0' && !oom;)
                open = quoted_char(r, &p, &k, &oom);
            if (open && !oom)
                return vs_err_set(e, VS_ERR_USAGE, "line %d: unterminated quoted field",
                                  r->line);
        } else if (c == '\0' || c == '\n' || (c == '\r' && p[1] == '\n')) {
            *complete = c != '\0';
            p += c == '\0' ? 0 : c == '\r' ? 2 : 1;
            r->next_line += c != '\0';
            break;
        } else if (c == ',') {
            oom = put(r, &k, "", 1) != 0;
            if (r->nfields >= VS_CSV_MAX_FIELDS)
                return vs_err_set(e, VS_ERR_USAGE, "line %d: more than %d fields", r->line,
                                  VS_CSV_MAX_FIELDS);
            off[r->nfields++] = k;
            p++;
        } else { /* a run of plain bytes (a lone CR is one) */
            size_t span = strcspn(p, ",\"\r\n");
            span += span == 0;
            oom = put(r, &k, p, span) != 0;
            p += span;
        }
    }
    if (oom || put(r, &k, "", 1) != 0)
        return vs_err_set(e, VS_ERR_RUNTIME, "out of memory reading CSV");
    r->p = p;
    return 1;
}

int vs_csv_next(vs_csv_reader *r, int *complete, vs_err *e)
{
    size_t off[VS_CSV_MAX_FIELDS];
    int got;

    *complete = 1;
    if (!skip_blank(r))
        return 0;
    r->line = r->next_line;
    got = plain_record(r, off, complete, e);
    if (got == 0)
        got = general_record(r, off, complete, e);
    if (got < 0)
        return -1;
    for (int i = 0; i < r->nfields; i++)
        r->field[i] = r->buf + off[i];
    return 1;
}
