/* runs.c - see runs.h. The schema table is the only list of columns. */
#include "core/runs.h"
#include "core/utf8.h"

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* How a column is stored in vs_row, parsed and printed. */
enum coltype {
    T_TRANSPORT, /* enum vs_transport, by name */
    T_TEST,      /* enum vs_test, by name */
    T_U64,       /* uint64_t within [min, max] */
    T_U32,       /* uint32_t within [min, max] */
    T_INT,       /* int within [min, max] */
    T_SESSION,   /* int: "all" (VS_SESSION_ALL) or 1..sessions */
    T_REAL,      /* double within [min, max], printed with `prec` decimals */
    T_STATUS,    /* int ok: "ok" or "error" */
    /* The texts: a const char * in vs_row (see runs.h), quoted when needed. */
    T_TEXT,      /* any text, cut to fit VS_ERRTEXT_MAX */
    T_CPUS,      /* a CPU list (core/cpulist.h), "" none */
    T_CC,        /* a congestion control name, "" the default */
};

typedef struct column {
    const char *name;
    enum coltype type;
    size_t offset;          /* of the field in vs_row */
    uint64_t min, max;      /* T_U64, T_U32, T_INT, T_REAL: what makes sense */
    int prec;               /* T_REAL: decimals in runs.csv */
    int shown;              /* T_REAL: decimals a person needs (tables) */
    const char *fallback;   /* NULL: required; else what a file without it means */
    int rr_only;            /* 1: a value in rr and crr rows, empty in the others */
} column;

#define AT(field) offsetof(vs_row, field)
#define NOLIM 0, UINT64_MAX
/* The measured interval cannot outlast a test and its warm-up. */
#define SECONDS_MAX ((VS_MAX_DURATION_MS + VS_MAX_WARMUP_MS) / 1000)
#define RR 1 /* rr_only */

/* runs.csv, in the order this build writes it. Columns: name, type,
 * field, min, max, decimals in the file, decimals shown, fallback, rr_only.
 * Columns added later go at the end, so that the first ones keep their
 * places for tools that count fields (cut, awk). */
static const column columns[] = {
    { "transport", T_TRANSPORT, AT(pt.tr), NOLIM, 0, 0, NULL },
    { "test", T_TEST, AT(pt.test), NOLIM, 0, 0, NULL },
    { "sock_req", T_U64, AT(pt.sock), 0, VS_MAX_SOCK, 0, 0, NULL },
    { "sock_eff_local", T_U64, AT(sock_eff_local), NOLIM, 0, 0, NULL },
    { "sock_eff_remote", T_U64, AT(sock_eff_remote), NOLIM, 0, 0, NULL },
    { "msg", T_U32, AT(pt.msg), 1, VS_MAX_MSG, 0, 0, NULL },
    { "sessions", T_INT, AT(pt.sessions), 1, VS_MAX_SESSIONS, 0, 0, NULL },
    { "session", T_SESSION, AT(session), NOLIM, 0, 0, NULL },
    { "run", T_INT, AT(run), 1, VS_MAX_RUN, 0, 0, NULL },
    { "seconds", T_REAL, AT(seconds), 0, SECONDS_MAX, 6, 3, NULL },
    { "bytes", T_U64, AT(bytes), NOLIM, 0, 0, NULL },
    { "gbps", T_REAL, AT(gbps), 0, VS_MAX_GBPS, 6, 3, NULL },
    { "cpu_local", T_REAL, AT(cpu_local), 0, VS_MAX_CPU_PCT, 3, 1, NULL },
    { "cpu_remote", T_REAL, AT(cpu_remote), 0, VS_MAX_CPU_PCT, 3, 1, NULL },
    { "sd_local", T_REAL, AT(sd_local), NOLIM, 6, 3, NULL },
    { "sd_remote", T_REAL, AT(sd_remote), NOLIM, 6, 3, NULL },
    { "status", T_STATUS, AT(ok), NOLIM, 0, 0, NULL },
    { "error", T_TEXT, AT(error), NOLIM, 0, 0, NULL },
    { "resp", T_U32, AT(pt.resp), 1, VS_MAX_MSG, 0, 0, "", RR },
    { "burst", T_INT, AT(pt.burst), 0, VS_MAX_BURST, 0, 0, "", RR },
    { "transactions", T_U64, AT(transactions), NOLIM, 0, 0, "", RR },
    { "tps", T_REAL, AT(tps), NOLIM, 3, 0, "", RR },
    { "lat_mean_us", T_REAL, AT(lat_mean), NOLIM, 3, 2, "", RR },
    { "lat_stdev_us", T_REAL, AT(lat_stdev), NOLIM, 3, 2, "", RR },
    { "lat_min_us", T_REAL, AT(lat_min), NOLIM, 3, 2, "", RR },
    { "lat_p50_us", T_REAL, AT(lat_p50), NOLIM, 3, 2, "", RR },
    { "lat_p90_us", T_REAL, AT(lat_p90), NOLIM, 3, 2, "", RR },
    { "lat_p99_us", T_REAL, AT(lat_p99), NOLIM, 3, 2, "", RR },
    { "lat_p999_us", T_REAL, AT(lat_p999), NOLIM, 3, 2, "", RR },
    { "lat_p9999_us", T_REAL, AT(lat_p9999), NOLIM, 3, 2, "", RR },
    { "lat_max_us", T_REAL, AT(lat_max), NOLIM, 3, 2, "", RR },
    { "sdt_local", T_REAL, AT(sdt_local), NOLIM, 4, 2, "", RR },
    { "sdt_remote", T_REAL, AT(sdt_remote), NOLIM, 4, 2, "", RR },
    { "pin_local", T_CPUS, AT(pin_local), NOLIM, 0, 0, "" },
    { "pin_remote", T_CPUS, AT(pin_remote), NOLIM, 0, 0, "" },
    { "recv_size", T_U64, AT(recv_size), 0, VS_MAX_MSG, 0, 0, "0" },
    { "zerocopy", T_INT, AT(zerocopy), 0, 1, 0, 0, "0" },
    { "congestion", T_CC, AT(congestion), NOLIM, 0, 0, "" },
    { "overlap", T_INT, AT(overlap), 0, 1, 0, 0, "0" },
};

#define NCOLS ((int)(sizeof columns / sizeof columns[0]))

/* ---- values ------------------------------------------------------------ */

static void *field_of(vs_row *row, const column *c)
{
    return (char *)row + c->offset;
}

static const void *cfield_of(const vs_row *row, const column *c)
{
    return (const char *)row + c->offset;
}

/* The whole text as a decimal number in [min, max] (digits only). */
static int parse_u64(const char *s, uint64_t min, uint64_t max, uint64_t *out)
{
    uint64_t v = 0;
    const char *p = s;

    for (; *p >= '0' && *p <= '9'; p++) {
        unsigned d = (unsigned)(*p - '0');
        if (v > (UINT64_MAX - d) / 10)
            return -1;
        v = v * 10 + d;
    }
    *out = v;
    return p > s && *p == '\0' && v >= min && v <= max ? 0 : -1;
}

/* "123.456" as what strtod gives, without its cost: Clinger's fast path
 * (an integer below 2^53 divided by an exactly represented power of ten
 * is rounded once, correctly). -1 for any other form or size. */
static int parse_plain_decimal(const char *s, double *out)
{
    static const double pow10[] = { 1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                    1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                    1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22 };
    uint64_t m = 0;
    int digits = 0, frac = -1;

    for (const char *p = s;; p++) {
        if (*p >= '0' && *p <= '9') {
            m = m * 10 + (uint64_t)(*p - '0'); /* below 2^57: no overflow */
            if (m > (1ull << 53))
                return -1;
            digits++;
            frac += frac >= 0;
        } else if (*p == '.' && frac < 0) {
            frac = 0;
        } else if (*p == '\0') {
            break;
        } else {
            return -1;
        }
    }
    if (digits == 0 || frac > 22)
        return -1;
    *out = (double)m / pow10[frac > 0 ? frac : 0];
    return 0;
}

/* The whole text as a finite number in [min, max]. */
static int parse_real(const char *s, double min, double max, double *out)
{
    char *end;

    if (parse_plain_decimal(s, out) != 0) {
        if ((*s < '0' || *s > '9') && *s != '.') /* no sign, space, inf, nan */
            return -1;
        errno = 0;
        *out = strtod(s, &end);
        if (errno != 0 || *end != '\0')
            return -1;
    }
    return *out >= min && *out <= max ? 0 : -1; /* false for NaN */
}

/* Cut a text in place to fit VS_ERRTEXT_MAX, at a UTF-8 boundary. */
static void cut_text(char *s)
{
    size_t n = strlen(s);

    if (n >= VS_ERRTEXT_MAX) {
        n = VS_ERRTEXT_MAX - 1;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
        s[n] = '\0';
    }
}

/* A row's text column: its text, "" for NULL. */
static const char *text_of(const vs_row *row, const column *c)
{
    const char *t = *(const char *const *)cfield_of(row, c);

    return t != NULL ? t : "";
}

/* Parse one value into its field; the session's range is checked later,
 * when the row's session count is known. */
static int parse_value(const column *c, const char *s, vs_row *row)
{
    void *f = field_of(row, c);
    uint64_t u;
    vs_cpulist cpus;

    if (c->rr_only && *s == '\0')
        return 0; /* not applicable (checked against the test in vs_runs_next) */
    switch (c->type) {
    case T_TRANSPORT: return vs_transport_parse(s, f, NULL);
    case T_TEST: return vs_test_parse(s, f, NULL);
    case T_U64: return parse_u64(s, c->min, c->max, f);
    case T_U32:
    case T_INT:
        if (parse_u64(s, c->min, c->max, &u) != 0)
            return -1;
        if (c->type == T_U32)
            *(uint32_t *)f = (uint32_t)u;
        else
            *(int *)f = (int)u;
        return 0;
    case T_SESSION:
        if (strcmp(s, "all") == 0)
            return *(int *)f = VS_SESSION_ALL, 0;
        if (parse_u64(s, 1, VS_MAX_SESSIONS, &u) != 0)
            return -1;
        return *(int *)f = (int)u, 0;
    case T_REAL: return parse_real(s, (double)c->min, (double)c->max, f);
    case T_STATUS:
        *(int *)f = strcmp(s, "ok") == 0;
        return *(int *)f || strcmp(s, "error") == 0 ? 0 : -1;
    case T_TEXT: *(const char **)f = s; return 0; /* cut by the caller (cut_text) */
    case T_CPUS:
        if (*s != '\0' && vs_cpulist_parse(s, &cpus, NULL) != 0)
            return -1; /* a list that parses fits VS_CPULIST_TEXT_MAX */
        *(const char **)f = s;
        return 0;
    case T_CC:
        if (*s != '\0' && !vs_congestion_name_ok(s))
            return -1; /* a name that is ok fits VS_CC_NAME_MAX */
        *(const char **)f = s;
        return 0;
    }
    return -1;
}

static void write_value(FILE *out, const column *c, const vs_row *row)
{
    const void *f = cfield_of(row, c);
    int v;

    if (c->rr_only && !vs_test_is_rr(row->pt.test))
        return; /* an empty cell */
    switch (c->type) {
    case T_TRANSPORT: fputs(vs_transport_name(*(const enum vs_transport *)f), out); break;
    case T_TEST: fputs(vs_test_name(*(const enum vs_test *)f), out); break;
    case T_U64: fprintf(out, "%llu", (unsigned long long)*(const uint64_t *)f); break;
    case T_U32: fprintf(out, "%lu", (unsigned long)*(const uint32_t *)f); break;
    case T_INT: fprintf(out, "%d", *(const int *)f); break;
    case T_SESSION:
        v = *(const int *)f;
        if (v == VS_SESSION_ALL)
            fputs("all", out);
        else
            fprintf(out, "%d", v);
        break;
    case T_REAL: fprintf(out, "%.*f", c->prec, *(const double *)f); break;
    case T_STATUS: fputs(vs_row_status(row), out); break;
    case T_TEXT:
    case T_CC:
    case T_CPUS: vs_csv_write_field(out, text_of(row, c)); break;
    }
}

const char *vs_row_status(const vs_row *row)
{
    return row->ok ? "ok" : "error";
}

const char *vs_row_error(const vs_row *row)
{
    return row->error != NULL ? row->error : "";
}

double vs_row_figure(const vs_row *row)
{
    return vs_test_is_rr(row->pt.test) ? row->tps : row->gbps;
}

/* ---- cells ------------------------------------------------------------- */

int vs_runs_ncolumns(void)
{
    return NCOLS;
}

void vs_runs_cell(const vs_row *row, int col, vs_cell *cell)
{
    const column *c = &columns[col];
    const void *f = cfield_of(row, c);

    memset(cell, 0, sizeof *cell);
    cell->name = c->name;
    cell->kind = VS_CELL_UINT;
    switch (c->type) {
    case T_TRANSPORT: cell->kind = VS_CELL_TEXT; cell->text = vs_transport_name(row->pt.tr); break;
    case T_TEST: cell->kind = VS_CELL_TEXT; cell->text = vs_test_name(row->pt.test); break;
    case T_U64: cell->u = *(const uint64_t *)f; break;
    case T_U32: cell->u = *(const uint32_t *)f; break;
    case T_INT: cell->u = (uint64_t)*(const int *)f; break;
    case T_SESSION:
        cell->kind = VS_CELL_SESSION;
        cell->u = (uint64_t)*(const int *)f;
        snprintf(cell->buf, sizeof cell->buf, "%d", *(const int *)f);
        cell->text = cell->u == VS_SESSION_ALL ? "all" : cell->buf;
        break;
    case T_REAL: cell->kind = VS_CELL_REAL; cell->d = *(const double *)f; break;
    case T_STATUS: cell->kind = VS_CELL_TEXT; cell->text = vs_row_status(row); break;
    case T_TEXT:
    case T_CC:
    case T_CPUS: cell->kind = VS_CELL_TEXT; cell->text = text_of(row, c); break;
    }
    if (c->rr_only && !vs_test_is_rr(row->pt.test))
        cell->kind = VS_CELL_NONE;
    cell->shown = c->shown;
}

/* ---- writing ----------------------------------------------------------- */

const char *vs_runs_header(void)
{
    static char header[1024];

    if (header[0] == '\0') {
        size_t len = 0;
        for (int c = 0; c < NCOLS; c++)
            len += (size_t)snprintf(header + len, sizeof header - len, "%s%s", c ? "," : "",
                                    columns[c].name);
    }
    return header;
}

void vs_runs_write_header(FILE *f)
{
    fprintf(f, "%s\n", vs_runs_header());
}

void vs_runs_write_row(FILE *f, const vs_row *row)
{
    for (int c = 0; c < NCOLS; c++) {
        if (c > 0)
            fputc(',', f);
        write_value(f, &columns[c], row);
    }
    fputc('\n', f);
}

/* ---- reading ----------------------------------------------------------- */

static int column_named(const char *name)
{
    for (int c = 0; c < NCOLS; c++)
        if (strcmp(columns[c].name, name) == 0)
            return c;
    return -1;
}

/* Map the header's fields to columns; every required column present. */
static int map_header(vs_runs_reader *r, vs_err *e)
{
    int seen[NCOLS] = { 0 };

    r->nfields = r->csv.nfields;
    r->current = r->nfields == NCOLS;
    for (int i = 0; i < r->nfields; i++) {
        int c = column_named(r->csv.field[i]);
        if (c < 0)
            return vs_err_set(e, VS_ERR_USAGE, "%s:1:%d: unknown column '%.40s' (a file of "
                              "a newer vsbench? this build reads: %s)", r->file, i + 1,
                              r->csv.field[i], vs_runs_header());
        if (seen[c]++)
            return vs_err_set(e, VS_ERR_USAGE, "%s:1:%d: column '%s' appears twice",
                              r->file, i + 1, columns[c].name);
        r->col[i] = c;
        r->current = r->current && c == i;
    }
    for (int c = 0; c < NCOLS; c++)
        if (!seen[c] && columns[c].fallback == NULL)
            return vs_err_set(e, VS_ERR_USAGE, "%s:1: not a runs.csv header: no column "
                              "'%s' (expected %s)", r->file, columns[c].name,
                              vs_runs_header());
    return 0;
}

/* What every row of this header starts from: the columns it lacks at
 * their fallback values (the others are read from each row); and an
 * rr-only column it lacks, which an rr or crr row cannot do without. */
static void prepare_rows(vs_runs_reader *r)
{
    int seen[NCOLS] = { 0 };

    for (int i = 0; i < r->nfields; i++)
        seen[r->col[i]] = 1;
    r->rr_missing = -1;
    for (int c = 0; c < NCOLS; c++) {
        if (seen[c])
            continue;
        parse_value(&columns[c], columns[c].fallback, &r->base);
        if (columns[c].rr_only && r->rr_missing < 0)
            r->rr_missing = c;
    }
}

int vs_runs_open(vs_runs_reader *r, const char *file, const char *text, vs_err *e)
{
    int complete, got;

    memset(r, 0, sizeof *r);
    r->file = file;
    if (strncmp(text, "\xEF\xBB\xBF", 3) == 0) /* a UTF-8 byte order mark */
        text += 3;
    vs_csv_init(&r->csv, text);
    got = vs_csv_next(&r->csv, &complete, e);
    if (got < 0)
        return vs_err_prefix(e, "%s", file);
    if (got == 0 || !complete)
        return vs_err_set(e, VS_ERR_USAGE, "%s:1: not a runs.csv header (expected %s)", file,
                          vs_runs_header());
    if (map_header(r, e) != 0)
        return -1;
    prepare_rows(r);
    return 0;
}

/* What a column accepts, for error messages. */
static const char *expected(const column *c, char *buf, size_t n)
{
    switch (c->type) {
    case T_U64: case T_U32: case T_INT: case T_REAL:
        if (c->max == UINT64_MAX)
            snprintf(buf, n, " (a %s >= %llu)", c->type == T_REAL ? "number" : "whole number",
                     (unsigned long long)c->min);
        else
            snprintf(buf, n, " (a %s from %llu to %llu)", c->type == T_REAL ? "number" :
                     "whole number", (unsigned long long)c->min, (unsigned long long)c->max);
        return buf;
    case T_SESSION: return " (all, or 1 to the row's sessions)";
    case T_STATUS: return " (ok or error)";
    default: return "";
    }
}

static int bad_value(const vs_runs_reader *r, int i, vs_err *e)
{
    const column *c = &columns[r->col[i]];
    char value[48], what[64];

    snprintf(value, sizeof value, "%.*s", (int)vs_utf8_cut(r->csv.field[i], 40),
             r->csv.field[i]);
    return vs_err_set(e, VS_ERR_USAGE, "%s:%d:%d: bad %s '%s'%s", r->file, r->csv.line, i + 1,
                      c->name, value, expected(c, what, sizeof what));
}

/* The rr-only cells agree with the row's test: values in rr and crr rows,
 * empty in the others (a column the file lacks counts as empty). */
static int check_rr_cells(const vs_runs_reader *r, const vs_row *row, vs_err *e)
{
    int rr = vs_test_is_rr(row->pt.test);

    for (int i = 0; i < r->nfields; i++) {
        const column *c = &columns[r->col[i]];
        if (!c->rr_only || (r->csv.field[i][0] != '\0') == rr)
            continue;
        return vs_err_set(e, VS_ERR_USAGE, rr ? "%s:%d:%d: %s needs a value in a %s row"
                          : "%s:%d:%d: %s applies to rr and crr rows only, not to %s",
                          r->file, r->csv.line, i + 1, c->name, vs_test_name(row->pt.test));
    }
    if (rr && r->rr_missing >= 0)
        return vs_err_set(e, VS_ERR_USAGE, "%s:%d: a %s row needs the column '%s'", r->file,
                          r->csv.line, vs_test_name(row->pt.test), columns[r->rr_missing].name);
    return 0;
}

int vs_runs_next(vs_runs_reader *r, vs_row *row, int *complete, vs_err *e)
{
    int got, session_field = -1;

    r->row_start = r->csv.p;
    got = vs_csv_next(&r->csv, complete, e);

    if (got <= 0)
        return got < 0 ? vs_err_prefix(e, "%s", r->file) : 0;
    *row = r->base;
    if (r->csv.nfields != r->nfields)
        return vs_err_set(e, VS_ERR_USAGE, "%s:%d: %d fields, expected %d", r->file,
                          r->csv.line, r->csv.nfields, r->nfields);
    for (int i = 0; i < r->nfields; i++) {
        if (columns[r->col[i]].type == T_TEXT)
            cut_text(r->csv.field[i]); /* the reader's own copy of the record */
        if (parse_value(&columns[r->col[i]], r->csv.field[i], row) != 0)
            return bad_value(r, i, e);
        if (columns[r->col[i]].type == T_SESSION)
            session_field = i;
    }
    if (session_field >= 0 && row->session > row->pt.sessions)
        return bad_value(r, session_field, e);
    return check_rr_cells(r, row, e) != 0 ? -1 : 1;
}

/* Asked after a failed or incomplete row only, so that reading a row
 * scans it once. */
int vs_runs_cut_off(const vs_runs_reader *r)
{
    const char *p = r->row_start;

    if (p == NULL)
        return 0;
    while (*p == '\n' || *p == '\r')
        p++;
    return strchr(p, '\n') == NULL;
}

int vs_runs_line(const vs_runs_reader *r)
{
    return r->csv.line;
}

int vs_row_intern(vs_row *row, vs_strpool *pool)
{
    for (int c = 0; c < NCOLS; c++) {
        const column *col = &columns[c];
        const char **t = field_of(row, col);
        if (col->type != T_TEXT && col->type != T_CPUS && col->type != T_CC)
            continue;
        *t = vs_strpool_add(pool, text_of(row, col));
        if (*t == NULL)
            return -1;
    }
    return 0;
}

void vs_runs_close(vs_runs_reader *r)
{
    vs_csv_free(&r->csv);
}
