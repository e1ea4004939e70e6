/* latcharts.c - see latcharts.h. */
#include "reports/latcharts.h"
#include "reports/markup.h"
#include "core/label.h"
#include "core/latency.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NINES_MAX 6        /* the curve's x axis ends at 99.9999% */
#define NINES_STEP 0.05    /* 20 points per nine */

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

/* Series i's curve, data block k of BASE.dat; its label quoted for gnuplot. */
static void curve_clause(char *plot, size_t cap, const vs_summary *s, int i, int k,
                         const char *base)
{
    char lab[64], q[80], col[16];
    size_t len = strlen(plot);

    vs_series_color(s, i, col, sizeof col);
    vs_gnuplot_string(vs_label_series(s->series[i].tr, s->series[i].sock, lab, sizeof lab), q,
                      sizeof q);
    snprintf(plot + len, cap - len, "%s '%s.dat' index %d using 1:3 with lines lw 2 lc rgb "
             "'%s' title %s", k ? "," : "", base, k, col, q);
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
            if (f == NULL && (f = vs_chart_open(dir, c->base, "dat", e)) == NULL) {
                rc = -1;
            } else {
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

/* The script: the shared frame, then a log y axis and a nines x axis. */
static void nines_script(FILE *f, const vs_chart *c, const char *pair, const char *plot,
                         double top, const vs_chart_opts *o)
{
    char short_pair[160], cap[300];
    vs_gp_frame fr;

    snprintf(cap, sizeof cap, "%s \xc2\xb7 the runs' histograms added together",
             vs_label_pair_short(pair, short_pair, sizeof short_pair));
    vs_gp_init(&fr, o, c->title, cap, "Latency (\xc2\xb5s, log scale)");
    fr.xlabel = "Percentile";
    vs_gp_write_head(f, &fr);
    fprintf(f, "set yrange [*:*]\nset logscale y\n"
               "set xrange [0:%d]\nset grid xtics ytics\n", (int)ceil(top));
    /* a tic label is a format: %%%% is one percent sign */
    fprintf(f, "set xtics ('0%%%%' 0, '90%%%%' 1, '99%%%%' 2, '99.9%%%%' 3, '99.99%%%%' 4, "
               "'99.999%%%%' 5, '99.9999%%%%' 6) nomirror\n");
    vs_gp_write_outputs(f, &fr, c->base, plot);
    vs_gp_free(&fr);
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
    nines_script(f, c, d->pairs[s->panels[p].pair], plot, top, o);
    *written = 1;
    return vs_chart_close(f, c->base, e);
}

int vs_latcharts_count(const vs_summary *s)
{
    return s->nmsgs;
}

int vs_latcharts_write(const vs_summary *s, const vs_dataset *d, int p, const char *dir,
                       const vs_chart_opts *o, vs_chart_set *out, vs_err *e)
{
    for (int m = 0; m < s->nmsgs; m++) {
        char suffix[32], what[96], size[32];
        int written;
        vs_label_msg(s->msgs[m], size, sizeof size);
        snprintf(suffix, sizeof suffix, "nines-%lu", (unsigned long)s->msgs[m]);
        snprintf(what, sizeof what, "Latency by percentile, %s%s requests", size,
                 size[strlen(size) - 1] <= '9' ? "-byte" : "");
        vs_chart *c = vs_chart_next(s, d, p, suffix, what, VS_CHART_NINES, out);
        if (write_nines(s, d, p, s->msgs[m], dir, c, o, &written, e) != 0)
            return -1;
        out->n += written;
    }
    return 0;
}
