/* workbook.c - see workbook.h. */
#include "reports/workbook.h"
#include "reports/workbook_charts.h"
#include "core/label.h"

#include <stdio.h>
#include <string.h>
#include <xlsxwriter.h>

typedef struct book {
    lxw_workbook *wb;
    lxw_format *head, *num3, *num1, *integer, *wrap;
} book;

static void formats(book *b)
{
    b->head = workbook_add_format(b->wb);
    format_set_bold(b->head);
    format_set_bg_color(b->head, 0xDDE4EE);
    format_set_bottom(b->head, LXW_BORDER_THIN);
    b->num3 = workbook_add_format(b->wb);
    format_set_num_format(b->num3, "0.000");
    b->num1 = workbook_add_format(b->wb);
    format_set_num_format(b->num1, "0.0");
    b->integer = workbook_add_format(b->wb);
    format_set_num_format(b->integer, "0");
    b->wrap = workbook_add_format(b->wb);
    format_set_text_wrap(b->wrap);
}

/* The header row, the column widths, and the print set-up of a table:
 * landscape, one page wide, the header on every page. */
static void header(book *b, lxw_worksheet *ws, const char *const *names, const double *widths,
                   int n)
{
    for (int c = 0; c < n; c++) {
        worksheet_write_string(ws, 0, (lxw_col_t)c, names[c], b->head);
        worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, widths[c], NULL);
    }
    worksheet_freeze_panes(ws, 1, 0);
    worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_repeat_rows(ws, 0, 0);
}

/* A width (in characters) that shows the longest host pair, within reason. */
static double pair_width(const vs_dataset *d)
{
    size_t w = 12;

    for (int i = 0; i < d->npairs; i++)
        if (strlen(d->pairs[i]) > w)
            w = strlen(d->pairs[i]);
    return w > 70 ? 70 : (double)w + 2;
}

static void write_summary(book *b, const vs_dataset *d, const vs_summary *s)
{
    static const char *const names[] = {
        "Host pair", "Test", "Sessions", "Transport", "Socket", "Message", "Runs ok",
        "Failed", "Mean Gbit/s", "SD", "CV %", "95% CI +/-", "Min", "Max", "CPU local %",
        "CPU remote %", "SD local \xc2\xb5s/KB", "SD remote \xc2\xb5s/KB", "Ratio to baseline",
        "Ratio CI +/-", "Clamped buffers",
    };
    double widths[] = { 34, 8, 9, 10, 8, 9, 8, 7, 12, 9, 8, 11, 9, 9, 11, 12, 16, 17, 16,
                        12, 15 };
    lxw_worksheet *ws = workbook_add_worksheet(b->wb, "Summary");
    enum vs_transport bt = vs_summary_baseline(s);
    int row = 1;
    char buf[32];

    widths[0] = pair_width(d);
    header(b, ws, names, widths, 21);
    for (int p = 0; p < s->npanels; p++)
        for (int i = 0; i < s->nseries; i++)
            for (int m = 0; m < s->nmsgs; m++) {
                const vs_panel *pn = &s->panels[p];
                const vs_point_summary *ps = vs_summary_at(s, pn, &s->series[i], s->msgs[m]);
                vs_ratio r;
                lxw_row_t R = (lxw_row_t)row;
                if (ps == NULL || vs_test_is_rr(pn->test)) /* on the Latency sheet */
                    continue;
                worksheet_write_string(ws, R, 0, d->pairs[pn->pair], NULL);
                worksheet_write_string(ws, R, 1, vs_test_name(pn->test), NULL);
                worksheet_write_number(ws, R, 2, pn->sessions, b->integer);
                worksheet_write_string(ws, R, 3, vs_transport_name(s->series[i].tr), NULL);
                worksheet_write_string(ws, R, 4, vs_label_sock(s->series[i].sock, buf,
                                                               sizeof buf), NULL);
                worksheet_write_number(ws, R, 5, s->msgs[m], b->integer);
                worksheet_write_number(ws, R, 6, ps->n_ok, b->integer);
                worksheet_write_number(ws, R, 7, ps->n_failed, b->integer);
                if (ps->n_ok > 0) {
                    worksheet_write_number(ws, R, 8, ps->gbps.mean, b->num3);
                    worksheet_write_number(ws, R, 9, ps->gbps.sd, b->num3);
                    worksheet_write_number(ws, R, 10, ps->gbps.cv, b->num1);
                    if (ps->gbps.ci_valid)
                        worksheet_write_number(ws, R, 11, ps->gbps.ci_half, b->num3);
                    worksheet_write_number(ws, R, 12, ps->gbps.min, b->num3);
                    worksheet_write_number(ws, R, 13, ps->gbps.max, b->num3);
                    worksheet_write_number(ws, R, 14, ps->cpu_local, b->num1);
                    worksheet_write_number(ws, R, 15, ps->cpu_remote, b->num1);
                    worksheet_write_number(ws, R, 16, ps->sd_local, b->num3);
                    worksheet_write_number(ws, R, 17, ps->sd_remote, b->num3);
                }
                vs_summary_ratio(s, pn, s->series[i].tr, bt, s->series[i].sock, s->msgs[m], &r);
                if (r.valid)
                    worksheet_write_number(ws, R, 18, r.r, b->num3);
                if (r.ci_valid)
                    worksheet_write_number(ws, R, 19, r.ci_half, b->num3);
                worksheet_write_string(ws, R, 20, ps->clamped ? "yes" : "no", NULL);
                row++;
            }
    worksheet_autofilter(ws, 0, 0, (lxw_row_t)(row > 1 ? row - 1 : 1), 20);
}

/* Latency figures of one rr or crr point, from column 8 on. */
static void latency_cells(book *b, lxw_worksheet *ws, lxw_row_t R, const vs_point_summary *ps)
{
    const vs_stats *v[] = { &ps->tps, &ps->lat_p50, &ps->lat_p90, &ps->lat_p99,
                            &ps->lat_p999, &ps->lat_mean };

    worksheet_write_number(ws, R, 8, ps->n_ok, b->integer);
    worksheet_write_number(ws, R, 9, ps->n_failed, b->integer);
    if (ps->n_ok == 0)
        return;
    for (int k = 0; k < 6; k++) {
        worksheet_write_number(ws, R, (lxw_col_t)(10 + 2 * k), v[k]->mean, k ? b->num3 : b->num1);
        if (v[k]->ci_valid)
            worksheet_write_number(ws, R, (lxw_col_t)(11 + 2 * k), v[k]->ci_half,
                                   k ? b->num3 : b->num1);
    }
    worksheet_write_number(ws, R, 22, ps->sdt_local, b->num3);
    worksheet_write_number(ws, R, 23, ps->sdt_remote, b->num3);
}

/* "Latency": every rr and crr point, one row each. */
static void write_latency(book *b, const vs_dataset *d, const vs_summary *s)
{
    static const char *const names[] = {
        "Host pair", "Test", "Sessions", "Response", "Burst", "Transport", "Socket",
        "Request", "Runs ok", "Failed", "Trans/s", "95% CI +/-", "p50 us", "CI +/-",
        "p90 us", "CI +/-", "p99 us", "CI +/-", "p99.9 us", "CI +/-", "Mean us", "CI +/-",
        "SD local us/trans", "SD remote us/trans",
    };
    static const double widths[] = { 34, 6, 9, 9, 6, 10, 8, 9, 8, 7, 11, 10, 9, 8, 9, 8, 9, 8,
                                      9, 8, 9, 8, 16, 17 };
    lxw_worksheet *ws = workbook_add_worksheet(b->wb, "Latency");
    char buf[32];
    int row = 1;

    header(b, ws, names, widths, 24);
    for (int i = 0; i < s->n; i++) {
        const vs_point_summary *ps = &s->p[i];
        const vs_point *pt = &ps->key.pt;
        lxw_row_t R = (lxw_row_t)row++;
        if (!vs_test_is_rr(pt->test)) {
            row--;
            continue;
        }
        worksheet_write_string(ws, R, 0, d->pairs[ps->key.pair], NULL);
        worksheet_write_string(ws, R, 1, vs_test_name(pt->test), NULL);
        worksheet_write_number(ws, R, 2, pt->sessions, b->integer);
        worksheet_write_number(ws, R, 3, pt->resp, b->integer);
        worksheet_write_number(ws, R, 4, pt->burst, b->integer);
        worksheet_write_string(ws, R, 5, vs_transport_name(pt->tr), NULL);
        worksheet_write_string(ws, R, 6, vs_label_sock(pt->sock, buf, sizeof buf), NULL);
        worksheet_write_number(ws, R, 7, pt->msg, b->integer);
        latency_cells(b, ws, R, ps);
    }
    worksheet_autofilter(ws, 0, 0, (lxw_row_t)(row > 1 ? row - 1 : 1), 23);
}

/* A number format for `decimals` shown. */
static lxw_format *number_format(const book *b, int decimals)
{
    return decimals == 0 ? b->integer : decimals == 1 ? b->num1 : b->num3;
}

static void write_cell(const book *b, lxw_worksheet *ws, lxw_row_t R, lxw_col_t C,
                       const vs_cell *c)
{
    if (c->kind == VS_CELL_NONE)
        return; /* not applicable: a blank cell */
    if (c->kind == VS_CELL_TEXT || (c->kind == VS_CELL_SESSION && c->u == VS_SESSION_ALL))
        worksheet_write_string(ws, R, C, c->text, NULL);
    else if (c->kind == VS_CELL_REAL)
        worksheet_write_number(ws, R, C, c->d, number_format(b, c->shown));
    else
        worksheet_write_number(ws, R, C, (double)c->u, b->integer);
}

/* Every row of every runs.csv, in the schema's columns (core/runs.h). */
static void write_runs(book *b, const vs_dataset *d)
{
    static const double widths[] = { 24, 9, 8, 9, 13, 14, 8, 8, 8, 5, 9, 14, 9, 9, 10, 9, 9,
                                     7, 40 };
    const char *names[VS_CSV_MAX_FIELDS + 1] = { "Source" };
    double w[VS_CSV_MAX_FIELDS + 1];
    int ncol = vs_runs_ncolumns() + 1;
    lxw_worksheet *ws = workbook_add_worksheet(b->wb, "Runs");
    const vs_row empty = { 0 };
    vs_cell c;

    for (int i = 0; i < ncol; i++) {
        w[i] = i < (int)(sizeof widths / sizeof widths[0]) ? widths[i] : 10;
        if (i > 0) {
            vs_runs_cell(&empty, i - 1, &c);
            names[i] = c.name;
        }
    }
    header(b, ws, names, w, ncol);
    for (int i = 0; i < d->nrec; i++) {
        const vs_rec *r = &d->rec[i];
        lxw_row_t R = (lxw_row_t)(i + 1);
        worksheet_write_string(ws, R, 0, d->src[r->source].path, NULL);
        for (int k = 1; k < ncol; k++) {
            vs_runs_cell(&r->row, k - 1, &c);
            write_cell(b, ws, R, (lxw_col_t)k, &c);
        }
    }
}

static void write_environment(book *b, const vs_dataset *d)
{
    static const char *const keys[] = {
        "profile.name", "profile.description", "start", "end", "status", "version",
        "git_revision", "control",
        "hosts.local.hostname", "hosts.local.os_release", "hosts.local.kernel",
        "hosts.local.cpu_model", "hosts.local.hypervisor",
        "hosts.remote.hostname", "hosts.remote.os_release", "hosts.remote.kernel",
        "hosts.remote.cpu_model", "hosts.remote.hypervisor", "hosts.remote.tool_version",
    };
    lxw_worksheet *ws = workbook_add_worksheet(b->wb, "Environment");
    int row = 0;

    worksheet_set_column(ws, 0, 0, 26, NULL);
    worksheet_set_column(ws, 1, 1, 70, NULL);
    worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);
    for (int i = 0; i < d->nsrc; i++) {
        worksheet_write_string(ws, (lxw_row_t)row, 0, "Results directory", b->head);
        worksheet_write_string(ws, (lxw_row_t)row++, 1, d->src[i].path, b->head);
        worksheet_write_string(ws, (lxw_row_t)row, 0, "host pair", NULL);
        worksheet_write_string(ws, (lxw_row_t)row++, 1, d->pairs[d->src[i].pair], NULL);
        for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
            worksheet_write_string(ws, (lxw_row_t)row, 0, keys[k], NULL);
            worksheet_write_string(ws, (lxw_row_t)row++, 1, vs_meta_str(&d->src[i], keys[k]),
                                   NULL);
        }
        worksheet_write_string(ws, (lxw_row_t)row, 0, "profile.text", NULL);
        worksheet_write_string(ws, (lxw_row_t)row++, 1,
                               vs_meta_str(&d->src[i], "profile.text"), b->wrap);
        row++;
    }
}

int vs_workbook_write(const char *path, const vs_dataset *d, const vs_summary *s, vs_err *e)
{
    book b;
    lxw_error rc;

    memset(&b, 0, sizeof b);
    b.wb = workbook_new(path);
    if (b.wb == NULL)
        return vs_err_set(e, VS_ERR_USAGE, "cannot create %s", path);
    formats(&b);
    write_summary(&b, d, s);
    write_latency(&b, d, s);
    vs_workbook_charts(b.wb, b.head, b.num3, d, s);
    write_runs(&b, d);
    write_environment(&b, d);
    rc = workbook_close(b.wb);
    if (rc != LXW_NO_ERROR)
        return vs_err_set(e, VS_ERR_RUNTIME, "writing %s: %s", path, lxw_strerror(rc));
    return 0;
}
