/* workbook_charts.c - see workbook_charts.h. */
#include "reports/workbook_charts.h"
#include "reports/charts.h"
#include "core/label.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define ROWS_PER_PAGE 42   /* rows of "Charts" on one landscape page */
#define MAX_BREAKS 1000    /* page breaks libxlsxwriter takes */

typedef struct wctx {
    lxw_workbook *wb;
    lxw_worksheet *charts, *data, *series;
    lxw_format *head, *num;
    const vs_dataset *d;
    const vs_summary *s;
    int data_row, series_row;
    int placed;         /* charts on "Charts" so far: one a page */
} wctx;

/* The whisker's half-width of a point (0: none). */
static double half_width(const vs_point_summary *ps)
{
    double lo, hi;

    if (ps == NULL || ps->n_ok == 0)
        return 0;
    switch (vs_summary_interval(&ps->gbps, &lo, &hi)) {
    case VS_IV_CI: return ps->gbps.ci_half;
    case VS_IV_RANGE: return (hi - lo) / 2; /* the mean of 2 runs is their midpoint */
    default: return 0;
    }
}

static const vs_point_summary *point(const wctx *w, int p, int i, int m)
{
    return vs_summary_at(w->s, &w->s->panels[p], &w->s->series[i], w->s->msgs[m]);
}

/* Panel p's readable block on "Chart data": mean and half-width per series. */
static void data_block(wctx *w, int p, const char *title)
{
    const vs_summary *s = w->s;
    lxw_row_t r = (lxw_row_t)w->data_row;
    char buf[160];

    worksheet_write_string(w->data, r, 0, title, w->head);
    worksheet_write_string(w->data, r++, 3, w->d->pairs[s->panels[p].pair], NULL);
    worksheet_write_string(w->data, r, 0, "Message", w->head);
    for (int i = 0; i < s->nseries; i++) {
        vs_label_series(s->series[i].tr, s->series[i].sock, buf, sizeof buf);
        worksheet_write_string(w->data, r, (lxw_col_t)(1 + 2 * i), buf, w->head);
        worksheet_write_string(w->data, r, (lxw_col_t)(2 + 2 * i), "\xc2\xb1", w->head);
    }
    for (int m = 0; m < s->nmsgs; m++) {
        r++;
        worksheet_write_string(w->data, r, 0, vs_label_msg(s->msgs[m], buf, sizeof buf), NULL);
        for (int i = 0; i < s->nseries; i++) {
            const vs_point_summary *ps = point(w, p, i, m);
            double h = half_width(ps);
            if (ps == NULL || ps->n_ok == 0)
                continue;
            worksheet_write_number(w->data, r, (lxw_col_t)(1 + 2 * i), ps->gbps.mean, w->num);
            if (h > 0)
                worksheet_write_number(w->data, r, (lxw_col_t)(2 + 2 * i), h, w->num);
        }
    }
    w->data_row = (int)r + 2;
}

/* One bar: a series reading only its own cell of the sparse table, with a
 * fixed error bar of its half-width. */
static void add_bar(wctx *w, lxw_chart *ch, int p, int i, int m, int top, int last)
{
    const vs_summary *s = w->s;
    const vs_point_summary *ps = point(w, p, i, m);
    lxw_col_t col = (lxw_col_t)(2 + m * s->nseries + i);
    lxw_row_t r = (lxw_row_t)(top + m * (s->nseries + 1) + i);
    lxw_chart_series *se = chart_add_series(ch, NULL, NULL);
    lxw_chart_fill fill = { 0 };
    unsigned rgb = 0;
    char buf[64];

    if (ps != NULL && ps->n_ok > 0)
        worksheet_write_number(w->series, r, col, ps->gbps.mean, w->num);
    chart_series_set_categories(se, "Chart series", (lxw_row_t)top, 0, (lxw_row_t)last, 1);
    chart_series_set_values(se, "Chart series", (lxw_row_t)top, col, (lxw_row_t)last, col);
    chart_series_set_name(se, vs_label_series(s->series[i].tr, s->series[i].sock, buf,
                                              sizeof buf));
    vs_series_color(s, i, buf, sizeof buf);
    sscanf(buf + 1, "%x", &rgb);
    fill.color = rgb;
    chart_series_set_fill(se, &fill);
    if (half_width(ps) > 0)
        chart_series_set_error_bars(chart_series_get_error_bars(se, LXW_CHART_ERROR_BAR_AXIS_Y),
                                    LXW_CHART_ERROR_BAR_TYPE_FIXED, half_width(ps));
}

/* A round axis maximum at or above v: the next multiple of a fifth of
 * its power of ten (132.6 -> 140, 7.3 -> 7.4). */
static double nice_ceiling(double v)
{
    double step = 1;

    if (v <= 0)
        return 1;
    while (step * 10 <= v)
        step *= 10;
    while (step > v)
        step /= 10;
    step /= 5;
    return ceil(v / step) * step;
}

/* The top of the y axis: every bar and whisker (spreadsheet programs
 * scale the axis to the values alone). */
static double chart_top(const wctx *w, int p)
{
    double top = 0;

    for (int m = 0; m < w->s->nmsgs; m++)
        for (int i = 0; i < w->s->nseries; i++) {
            const vs_point_summary *ps = point(w, p, i, m);
            if (ps != NULL && ps->n_ok > 0 && ps->gbps.mean + half_width(ps) > top)
                top = ps->gbps.mean + half_width(ps);
        }
    return nice_ceiling(top * 1.02);
}

/* Panel p's hidden sparse table and its chart. */
static lxw_chart *panel_chart(wctx *w, int p, const char *title)
{
    const vs_summary *s = w->s;
    int ns = s->nseries, top = w->series_row, last = top + s->nmsgs * (ns + 1) - 2;
    lxw_chart *ch = workbook_add_chart(w->wb, LXW_CHART_COLUMN);
    int16_t *del = calloc((size_t)(ns * s->nmsgs) + 1, sizeof *del);
    char buf[64];
    int k = 0;

    for (int m = 0; m < s->nmsgs; m++)
        for (int i = 0; i < ns; i++) {
            lxw_row_t r = (lxw_row_t)(top + m * (ns + 1) + i);
            if (i == 0) /* the outer category label: the message size */
                worksheet_write_string(w->series, r, 0, vs_label_msg(s->msgs[m], buf,
                                       sizeof buf), NULL);
            worksheet_write_string(w->series, r, 1, vs_label_series(s->series[i].tr,
                                   s->series[i].sock, buf, sizeof buf), NULL);
            add_bar(w, ch, p, i, m, top, last);
        }
    for (int j = ns; del != NULL && j < ns * s->nmsgs; j++) /* one legend entry a series */
        del[k++] = (int16_t)j;
    if (del != NULL) {
        del[k] = -1;
        chart_legend_delete_series(ch, del);
    }
    free(del);
    chart_title_set_name(ch, title);
    chart_axis_set_name(ch->x_axis, "Message size (bytes)");
    chart_axis_set_name(ch->y_axis, "Throughput (Gbit/s)");
    chart_axis_set_min(ch->y_axis, 0);
    chart_axis_set_max(ch->y_axis, chart_top(w, p));
    chart_set_series_overlap(ch, 100);
    chart_set_series_gap(ch, 15);
    chart_legend_set_position(ch, LXW_CHART_LEGEND_TOP);
    w->series_row = last + 3;
    return ch;
}

/* "Charts": a caption and a chart per landscape page. */
static void place_chart(wctx *w, int p, lxw_chart *ch)
{
    lxw_chart_options opt = { 0 };
    char caption[400], pair[160];

    snprintf(caption, sizeof caption, "%s \xc2\xb7 whiskers: 95%% CI of the mean (%d runs or "
             "more); half the min\xe2\x80\x93max range where 2 runs; none where 1",
             vs_label_pair_short(w->d->pairs[w->s->panels[p].pair], pair, sizeof pair),
             VS_MIN_CI_RUNS);
    worksheet_write_string(w->charts, (lxw_row_t)(w->placed * ROWS_PER_PAGE), 0, caption, NULL);
    opt.x_scale = 2.0;
    opt.y_scale = 2.7;
    worksheet_insert_chart_opt(w->charts, (lxw_row_t)(w->placed++ * ROWS_PER_PAGE + 1), 0, ch,
                               &opt);
}

/* Landscape, one page wide, a page per chart. */
static void charts_print_setup(lxw_worksheet *ws, int npanels)
{
    lxw_row_t *breaks = calloc((size_t)npanels + 1, sizeof *breaks);
    int n = 0;

    worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);
    for (int p = 1; breaks != NULL && p < npanels && p <= MAX_BREAKS; p++)
        breaks[n++] = (lxw_row_t)(p * ROWS_PER_PAGE);
    if (breaks != NULL && n > 0)
        worksheet_set_h_pagebreaks(ws, breaks);
    free(breaks);
}

void vs_workbook_charts(lxw_workbook *wb, lxw_format *head, lxw_format *num,
                        const vs_dataset *d, const vs_summary *s)
{
    wctx w = { wb, NULL, NULL, NULL, head, num, d, s, 0, 0, 0 };
    char title[128], panel[64];

    w.charts = workbook_add_worksheet(wb, "Charts");
    w.data = workbook_add_worksheet(wb, "Chart data");
    w.series = workbook_add_worksheet(wb, "Chart series");
    worksheet_hide(w.series);
    worksheet_set_column(w.data, 0, 0, 12, NULL);
    worksheet_set_column(w.data, 1, (lxw_col_t)(2 * s->nseries), 11, NULL);
    worksheet_set_column(w.series, 0, 1, 12, NULL);
    for (int p = 0; p < s->npanels; p++) {
        if (vs_test_is_rr(s->panels[p].test))
            continue; /* Gbit/s charts: not for the transaction tests */
        vs_panel_label(&s->panels[p], panel, sizeof panel);
        snprintf(title, sizeof title, "Throughput, %s", panel);
        data_block(&w, p, title);
        place_chart(&w, p, panel_chart(&w, p, title));
    }
    charts_print_setup(w.charts, w.placed);
    worksheet_set_landscape(w.data);
    worksheet_fit_to_pages(w.data, 1, 0);
}
