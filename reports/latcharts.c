/* latcharts.c - see latcharts.h. */
#include "reports/latcharts.h"
#include "core/label.h"
#include "core/latency.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NINES_MAX 6        /* the curve's x axis ends at 99.9999% */
#define NINES_STEP 0.05    /* 20 points per nine */

static const char xlabel[] = "Request size (bytes)";

/* ---- bars ------------------------------------------------------------------ */

/* A figure's mean and CI half-width, or "-" twice when missing. */
static void stat_cells(FILE *f, const vs_point_summary *ps, size_t offset)
{
    const vs_stats *st;

    if (ps == NULL) {
        fprintf(f, " - -");
        return;
    }
    st = (const vs_stats *)((const char *)ps + offset);
    fprintf(f, " %.4f %.4f", st->mean, st->ci_half);
}

static void tps_cells(FILE *f, const vs_point_summary *ps)
{
    stat_cells(f, ps, offsetof(vs_point_summary, tps));
}

static void p50_cells(FILE *f, const vs_point_summary *ps)
{
    stat_cells(f, ps, offsetof(vs_point_summary, lat_p50));
}

static void p99_cells(FILE *f, const vs_point_summary *ps)
{
    stat_cells(f, ps, offsetof(vs_point_summary, lat_p99));
}

static void p999_cells(FILE *f, const vs_point_summary *ps)
{
    stat_cells(f, ps, offsetof(vs_point_summary, lat_p999));
}

static void sdt_cells(FILE *f, const vs_point_summary *ps)
{
    if (ps == NULL)
        fprintf(f, " - - -");
    else
        fprintf(f, " %.4f %.4f %.4f", ps->sdt_local + ps->sdt_remote, ps->sdt_local,
                ps->sdt_remote);
}

/* One bar chart of a panel: per series a value and its CI half-width
 * (errorbars), or the sum of both ends and each end (no error bars). */
typedef struct bars {
    const char *suffix, *what, *ylabel, *comment;
    int errorbars;
    vs_chart_cells cells;
    enum vs_chart_kind kind;
} bars;

static const bars panel_bars[] = {
    { "tps", "Transactions per second", "Transactions per second",
      "transactions/s: mean and 95% CI half-width per series", 1, tps_cells, VS_CHART_TPS },
    { "p50", "Median latency", "Latency, 50th percentile (us)",
      "p50 latency in us: mean over runs and 95% CI half-width", 1, p50_cells,
      VS_CHART_LATENCY },
    { "p99", "99th percentile latency", "Latency, 99th percentile (us)",
      "p99 latency in us: mean over runs and 95% CI half-width", 1, p99_cells,
      VS_CHART_LATENCY },
    { "p999", "99.9th percentile latency", "Latency, 99.9th percentile (us)",
      "p99.9 latency in us: mean over runs and 95% CI half-width", 1, p999_cells,
      VS_CHART_LATENCY },
    { "cpu", "Service demand per transaction", "CPU us per transaction, both ends",
      "service demand, CPU us per transaction: local + remote, then each end", 0, sdt_cells,
      VS_CHART_CPU },
};

#define NBARS ((int)(sizeof panel_bars / sizeof panel_bars[0]))

static int write_bars(const vs_summary *s, int p, const char *dir, const vs_chart *c,
                      const bars *b, const vs_chart_opts *o, vs_err *e)
{
    FILE *f = vs_chart_open(dir, c->base, "dat", e);
    char plot[8192] = "plot";

    if (f == NULL)
        return -1;
    vs_chart_table(f, s, p, b->comment, b->errorbars ? "ci" : "local remote", b->cells);
    if (vs_chart_close(f, c->base, e) != 0 || (f = vs_chart_open(dir, c->base, "gp", e)) == NULL)
        return -1;
    vs_chart_head(f, c->title, xlabel, b->ylabel, o);
    fprintf(f, "set style data histograms\nset style histogram %s\n",
            b->errorbars ? "errorbars gap 1 lw 1" : "clustered gap 1");
    fprintf(f, "set boxwidth 0.9 relative\nset style fill solid 1.0 border rgb \"#333333\"\n");
    for (int i = 0; i < s->nseries; i++) {
        char cols[32];
        if (b->errorbars)
            snprintf(cols, sizeof cols, "%d:%d", 2 + 2 * i, 3 + 2 * i);
        else
            snprintf(cols, sizeof cols, "%d", 2 + 3 * i);
        vs_chart_bar_clause(plot, sizeof plot, s, i, c->base, cols);
    }
    vs_chart_outputs(f, c->base, o, plot);
    return vs_chart_close(f, c->base, e);
}

/* ---- the percentile curve --------------------------------------------------- */

/* The runs of a point with their logs added into *sum (left NULL when no
 * run has its log). A log that is there but malformed is an error. */
static int pooled(const vs_dataset *d, const vs_point_summary *ps, vs_hist **sum, vs_err *e)
{
    for (int i = 0; i < d->nrec; i++) {
        const vs_rec *r = &d->rec[i];
        char name[160], path[1400];
        if (r->row.session != 0 || !r->row.ok || r->pair != ps->key.pair ||
            !vs_point_equal(&r->row.pt, &ps->key.pt))
            continue;
        snprintf(path, sizeof path, "%s/latency/%s", d->src[r->source].path,
                 vs_hlog_name(&r->row.pt, r->row.run, name, sizeof name));
        if (vs_hlog_read_aggregate(path, sum, e) < 0)
            return -1;
    }
    return 0;
}

/* One curve: "nines percentile latency_us" from 0 nines to as many as

 * the histogram's count supports (at most NINES_MAX), then its maximum;
 * returns that many nines. */
static double write_curve(FILE *f, const vs_hist *h, const char *label)
{
    double top = log10((double)vs_hist_count(h));

    fprintf(f, "# %s: %llu transactions\n", label, (unsigned long long)vs_hist_count(h));
    if (top > NINES_MAX)
        top = NINES_MAX;
    for (int k = 0; k * NINES_STEP <= top + 1e-9; k++) {
        double x = k * NINES_STEP, pct = 100.0 * (1.0 - pow(10.0, -x));
        fprintf(f, "%.2f %.6f %.3f\n", x, pct, (double)vs_hist_percentile(h, pct) / 1e3);
    }
    fprintf(f, "%.2f 100 %.3f\n\n\n", top, (double)vs_hist_percentile(h, 100.0) / 1e3);
    return top;
}

static void curve_clause(char *plot, size_t cap, const vs_summary *s, int i, int k,
                         const char *base)
{
    char lab[64], col[16];
    size_t len = strlen(plot);

    vs_series_color(s, i, col, sizeof col);
    vs_label_series(s->series[i].tr, s->series[i].sock, lab, sizeof lab);
    snprintf(plot + len, cap - len, "%s \"%s.dat\" index %d using 1:3 with lines lw 2 lc rgb "
             "\"%s\" title \"%s\"", k ? "," : "", base, k, col, lab);
}

static void nines_script(FILE *f, const vs_chart *c, const char *plot, double top,
                         const vs_chart_opts *o)
{
    vs_chart_head(f, c->title, "Percentile", "Latency (us, log scale)", o);
    fprintf(f, "set yrange [*:*]\nset logscale y\nset xrange [0:%d]\nset grid xtics\n",
            (int)ceil(top));
    /* a tic label is a format: %%%% is one percent sign */
    fprintf(f, "set xtics (\"0%%%%\" 0, \"90%%%%\" 1, \"99%%%%\" 2, \"99.9%%%%\" 3, \"99.99%%%%\" 4, "
               "\"99.999%%%%\" 5, \"99.9999%%%%\" 6)\n");
    vs_chart_outputs(f, c->base, o, plot);
}

/* The curves of one request size into BASE.dat; *k counts them. */
static int nines_data(const vs_summary *s, const vs_dataset *d, int p, uint32_t msg,
                      const char *dir, const vs_chart *c, char *plot, size_t cap, int *k,
                      double *top, vs_err *e)
{
    FILE *f = NULL;
    char lab[64];
    int rc = 0;

    for (int i = 0; i < s->nseries && rc == 0; i++) {
        const vs_point_summary *ps = vs_summary_at(s, &s->panels[p], &s->series[i], msg);
        vs_hist *h = NULL;
        if (ps != NULL && (rc = pooled(d, ps, &h, e)) == 0 && h != NULL &&
            vs_hist_count(h) > 0) {
            if (f == NULL && (f = vs_chart_open(dir, c->base, "dat", e)) == NULL)
                rc = -1;
            else {
                vs_label_series(s->series[i].tr, s->series[i].sock, lab, sizeof lab);
                double t = write_curve(f, h, lab);
                *top = t > *top ? t : *top;
                curve_clause(plot, cap, s, i, (*k)++, c->base);
            }
        }
        vs_hist_free(h);
    }
    if (f != NULL && vs_chart_close(f, c->base, e) != 0)
        rc = -1;
    return rc;
}

/* The curves of one request size; *written 0 when no run had a log. */
static int write_nines(const vs_summary *s, const vs_dataset *d, int p, uint32_t msg,
                       const char *dir, const vs_chart *c, const vs_chart_opts *o,
                       int *written, vs_err *e)
{
    char plot[8192] = "plot";
    double top = 1;
    FILE *f;
    int k = 0;

    *written = 0;
    if (nines_data(s, d, p, msg, dir, c, plot, sizeof plot, &k, &top, e) != 0)
        return -1;
    if (k == 0)
        return 0;
    if ((f = vs_chart_open(dir, c->base, "gp", e)) == NULL)
        return -1;
    nines_script(f, c, plot, top, o);
    *written = 1;
    return vs_chart_close(f, c->base, e);
}

/* ---- the panel ------------------------------------------------------------------ */

int vs_latcharts_count(const vs_summary *s)
{
    return NBARS + s->nmsgs;
}

static vs_chart *next_chart(const vs_summary *s, const vs_dataset *d, int p, const char *suffix,
                            const char *what, enum vs_chart_kind kind, vs_chart_set *out)
{
    vs_chart *c = &out->c[out->n];
    char pb[96];

    memset(c, 0, sizeof *c);
    vs_chart_panel_base(s, d, p, pb, sizeof pb);
    snprintf(c->base, sizeof c->base, "%s-%s", pb, suffix);
    vs_chart_panel_title(s, d, p, what, c->title, sizeof c->title);
    c->panel = p;
    c->kind = kind;
    return c;
}

int vs_latcharts_write(const vs_summary *s, const vs_dataset *d, int p, const char *dir,
                       const vs_chart_opts *o, vs_chart_set *out, vs_err *e)
{
    for (int b = 0; b < NBARS; b++) {
        vs_chart *c = next_chart(s, d, p, panel_bars[b].suffix, panel_bars[b].what,
                                 panel_bars[b].kind, out);
        if (write_bars(s, p, dir, c, &panel_bars[b], o, e) != 0)
            return -1;
        out->n++;
    }
    for (int m = 0; m < s->nmsgs; m++) {
        char suffix[32], what[96], size[32];
        int written;
        vs_label_msg(s->msgs[m], size, sizeof size);
        snprintf(suffix, sizeof suffix, "nines-%lu", (unsigned long)s->msgs[m]);
        snprintf(what, sizeof what, "Latency by percentile, %s%s requests", size,
                 size[strlen(size) - 1] <= '9' ? "-byte" : "");
        vs_chart *c = next_chart(s, d, p, suffix, what, VS_CHART_NINES, out);
        if (write_nines(s, d, p, s->msgs[m], dir, c, o, &written, e) != 0)
            return -1;
        out->n += written;
    }
    return 0;
}
