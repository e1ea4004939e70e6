/* charts.c - see charts.h. */
#include "reports/charts.h"
#include "reports/latcharts.h"
#include "reports/markup.h"
#include "core/label.h"
#include "platform/proc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BAR_SPAN 0.8   /* the width of a cluster of bars (a category is 1) */
#define LINE_STEP 0.07 /* ratio chart: series side by side around a category */

static const char *const base_color[VS_TR_COUNT] = {
    "#1f5fa8", /* tcp: blue */
    "#c0392b", /* vsock: red */
    "#2e8b57", /* unix: green */
    "#7d3c98", /* hvsock: purple */
};

/* gnuplot fill per transport: solid, or a hatch pattern. */
static const char *const fill_style[VS_TR_COUNT] = {
    "fs solid 1.0", "fs pattern 4", "fs pattern 1", "fs pattern 5",
};

const char *vs_transport_color(enum vs_transport tr)
{
    return (unsigned)tr < VS_TR_COUNT ? base_color[tr] : "#555555";
}

/* Lighter shades for the smaller socket sizes of a transport. */
void vs_series_color(const vs_summary *s, int i, char *buf, size_t n)
{
    const vs_series *se = &s->series[i];
    int rank = 0, count = 0;
    unsigned r, g, b;

    for (int j = 0; j < s->nseries; j++) {
        if (s->series[j].tr != se->tr)
            continue;
        count++;
        rank += s->series[j].sock > se->sock;
    }
    sscanf(vs_transport_color(se->tr) + 1, "%2x%2x%2x", &r, &g, &b);
    double f = count > 1 ? 0.55 * rank / (count - 1) : 0.0;
    snprintf(buf, n, "#%02x%02x%02x", (unsigned)(r + (255 - r) * f),
             (unsigned)(g + (255 - g) * f), (unsigned)(b + (255 - b) * f));
}

static const char *series_label(const vs_series *se, char *buf, size_t n)
{
    return vs_label_series(se->tr, se->sock, buf, n);
}

void vs_chart_panel_base(const vs_summary *s, const vs_dataset *d, int p, char *buf, size_t n)
{
    const vs_panel *pn = &s->panels[p];
    int len;

    if (d->npairs > 1)
        len = snprintf(buf, n, "pair%d-%s-x%d", pn->pair + 1, vs_test_name(pn->test),
                       pn->sessions);
    else
        len = snprintf(buf, n, "%s-x%d", vs_test_name(pn->test), pn->sessions);
    if (pn->resp != 0 && len > 0 && (size_t)len < n) /* rr, crr: a fixed response size */
        len += snprintf(buf + len, n - (size_t)len, "-resp%lu", (unsigned long)pn->resp);
    if (pn->burst != 0 && len > 0 && (size_t)len < n)
        snprintf(buf + len, n - (size_t)len, "-b%d", pn->burst);
}

FILE *vs_chart_open(const char *dir, const char *base, const char *ext, vs_err *e)
{
    char path[1400];
    FILE *f;

    snprintf(path, sizeof path, "%s/%s.%s", dir, base, ext);
    f = fopen(path, "wb");
    if (f == NULL)
        vs_err_set(e, VS_ERR_USAGE, "cannot write %s", path);
    return f;
}

int vs_chart_close(FILE *f, const char *what, vs_err *e)
{
    int bad = ferror(f);

    if (fclose(f) != 0 || bad)
        return vs_err_set(e, VS_ERR_RUNTIME, "writing %s failed", what);
    return 0;
}

/* ---- what the whiskers are ---------------------------------------------- */

/* Counts of the intervals drawn in one chart, for its caption. */
typedef struct kinds {
    int n[VS_IV_CI + 1];
    int runs_min, runs_max;  /* runs behind the confidence intervals */
    char *has;               /* per series: some point has a whisker */
} kinds;

/* Count the interval of a point of series i. */
static void count_kind(kinds *k, int i, enum vs_interval_kind kind, int runs)
{
    k->n[kind]++;
    k->has[i] |= kind != VS_IV_NONE;
    if (kind == VS_IV_CI) {
        if (k->runs_min == 0 || runs < k->runs_min)
            k->runs_min = runs;
        if (runs > k->runs_max)
            k->runs_max = runs;
    }
}

/* The caption: the host pair (shortened), then what the whiskers show,
 * e.g. "... · whiskers: 95% CI of the mean (3 runs); min–max where 2 runs". */
static void caption(const char *pair, const kinds *k, const char *of, char *buf, size_t n)
{
    char p[160], runs[32];
    size_t len = (size_t)snprintf(buf, n, "%s \xc2\xb7 whiskers: ",
                                  vs_label_pair_short(pair, p, sizeof p));
    const char *sep = "";

    if (k->runs_min == k->runs_max)
        snprintf(runs, sizeof runs, "%d runs", k->runs_min);
    else
        snprintf(runs, sizeof runs, "%d\xe2\x80\x93%d runs", k->runs_min, k->runs_max);
    if (k->n[VS_IV_CI] > 0 && len < n) {
        len += (size_t)snprintf(buf + len, n - len, "95%% CI of %s (%s)", of, runs);
        sep = "; ";
    }
    if (k->n[VS_IV_RANGE] > 0 && len < n) {
        len += (size_t)snprintf(buf + len, n - len, "%smin\xe2\x80\x93max of the runs%s",
                                sep, *sep ? " where 2" : " (2 runs: too few for a 95% CI)");
        sep = "; ";
    }
    if (k->n[VS_IV_NONE] > 0 && len < n)
        snprintf(buf + len, n - len, "%snone where 1 run", sep);
}

/* What every chart of a report shares. */
typedef struct ctx {
    const vs_summary *s;
    const vs_dataset *d;
    const char *dir;
    const vs_chart_opts *o;
    const char **cats;   /* message size labels, the categories on x */
} ctx;

/* A chart's frame over the message sizes. */
static void frame_init(const ctx *x, vs_gp_frame *fr, const vs_chart *c, const char *cap,
                       const char *ylabel)
{
    vs_gp_init(fr, x->o, c->title, cap, ylabel);
    fr->ncat = x->s->nmsgs;
    fr->cat = x->cats;
    if (vs_test_is_rr(x->s->panels[c->panel].test))
        fr->xlabel = "Request size (bytes)";
}

/* The data file written, the script opened; on error everything closed. */
static FILE *data_done(FILE *f, const ctx *x, const vs_chart *c, int rc, vs_err *e)
{
    if (rc != 0) {
        fclose(f);
        vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
        return NULL;
    }
    if (vs_chart_close(f, c->base, e) != 0)
        return NULL;
    return vs_chart_open(x->dir, c->base, "gp", e);
}

/* ---- clustered bars with whiskers (throughput, service demand) ----------- */

/* What a bar chart draws for one point; NULL when it has no value. */
typedef const vs_stats *(*measure_fn)(const vs_point_summary *ps);

static const vs_stats *gbps_of(const vs_point_summary *ps)
{
    return &ps->gbps;
}

static const vs_stats *sd_of(const vs_point_summary *ps)
{
    return ps->sd_total.mean > 0 ? &ps->sd_total : NULL;
}

static const vs_stats *tps_of(const vs_point_summary *ps)
{
    return &ps->tps;
}

static const vs_stats *p50_of(const vs_point_summary *ps)
{
    return &ps->lat_p50;
}

static const vs_stats *p99_of(const vs_point_summary *ps)
{
    return &ps->lat_p99;
}

static const vs_stats *p999_of(const vs_point_summary *ps)
{
    return &ps->lat_p999;
}

/* A bar chart of a panel: file suffix, title, y label, data comment. */
typedef struct bar_kind {
    const char *suffix, *title, *ylabel, *what;
    measure_fn fn;
    enum vs_chart_kind kind;
} bar_kind;

#define MU "\xc2\xb5"
static const bar_kind stream_bars[] = {
    { "throughput", "Throughput", "Throughput (Gbit/s)", "Gbit/s", gbps_of, VS_CHART_THROUGHPUT },
    { "cpu", "Service demand", "Service demand (" MU "s CPU per KB, both ends)",
      "service demand, CPU " MU "s per KB (local + remote)", sd_of, VS_CHART_CPU },
};
static const bar_kind rr_bars[] = {
    { "tps", "Transactions per second", "Transactions per second", "transactions/s", tps_of,
      VS_CHART_TPS },
    { "p50", "Median latency", "Latency, 50th percentile (" MU "s)",
      "p50 latency in " MU "s (the mean of the runs' p50)", p50_of, VS_CHART_LATENCY },
    { "p99", "99th percentile latency", "Latency, 99th percentile (" MU "s)",
      "p99 latency in " MU "s (the mean of the runs' p99)", p99_of, VS_CHART_LATENCY },
    { "p999", "99.9th percentile latency", "Latency, 99.9th percentile (" MU "s)",
      "p99.9 latency in " MU "s (the mean of the runs' p99.9)", p999_of, VS_CHART_LATENCY },
    { "cpu", "Service demand per transaction",
      "Service demand (" MU "s CPU per transaction, both ends)",
      "service demand, CPU " MU "s per transaction (local + remote)", sd_of, VS_CHART_CPU },
};
#define NRR_BARS ((int)(sizeof rr_bars / sizeof rr_bars[0]))

/* The x of series i's bar in category m. */
static double bar_x(const vs_summary *s, int m, int i)
{
    double w = BAR_SPAN / s->nseries;

    return m - BAR_SPAN / 2 + w * (i + 0.5);
}

/* One point's columns: mean, low, high ("-" without a value or an
 * interval) and runs; the value goes into the frame. */
static int bar_cells(FILE *f, const vs_stats *st, double x, int i, vs_gp_frame *fr,
                     kinds *k)
{
    double lo, hi;
    enum vs_interval_kind kind;

    if (st == NULL) {
        fprintf(f, " - - - 0");
        return 0;
    }
    kind = vs_summary_interval(st, &lo, &hi);
    lo = lo < 0 ? 0 : lo; /* neither throughput nor CPU goes below 0 */
    count_kind(k, i, kind, st->n);
    if (kind == VS_IV_NONE)
        fprintf(f, " %.4f - - %d", st->mean, st->n);
    else
        fprintf(f, " %.4f %.4f %.4f %d", st->mean, lo, hi, st->n);
    return vs_gp_add(fr, x, st->mean, lo, hi);
}

/* The data file of a bar chart, one row per message size. */
static int bar_table(FILE *f, const ctx *x, int p, measure_fn fn, const char *what,
                     vs_gp_frame *fr, kinds *k)
{
    const vs_summary *s = x->s;
    char lab[64];

    fprintf(f, "# %s per series: mean, whisker low and high, runs\n# msg", what);
    for (int i = 0; i < s->nseries; i++)
        fprintf(f, " '%s' lo hi n", series_label(&s->series[i], lab, sizeof lab));
    fputc('\n', f);
    for (int m = 0; m < s->nmsgs; m++) {
        fprintf(f, "%s", x->cats[m]);
        for (int i = 0; i < s->nseries; i++) {
            const vs_point_summary *ps = vs_summary_at(s, &s->panels[p], &s->series[i],
                                                       s->msgs[m]);
            if (bar_cells(f, ps != NULL && ps->n_ok > 0 ? fn(ps) : NULL, bar_x(s, m, i), i,
                          fr, k) != 0)
                return -1;
        }
        fputc('\n', f);
    }
    return 0;
}

/* Per series: its bars (with the key entry), then its whiskers if it has
 * any: drawn as candlesticks with a flat box at the low end (capped at
 * both ends, with no gap at the mean, which yerrorbars would leave for a
 * point). */
static void bar_plot(const vs_summary *s, const char *base, const kinds *k, char *plot,
                     size_t cap)
{
    double w = BAR_SPAN / s->nseries;
    size_t len = (size_t)snprintf(plot, cap, "plot");
    char lab[64], q[80], col[16];

    for (int i = 0; i < s->nseries && len < cap; i++) {
        int c = 2 + 4 * i;
        double off = bar_x(s, 0, i);
        vs_series_color(s, i, col, sizeof col);
        vs_gnuplot_string(series_label(&s->series[i], lab, sizeof lab), q, sizeof q);
        len += (size_t)snprintf(plot + len, cap - len, "%s '%s.dat' using ($0%+.4f):%d:(%.4f) "
                                "with boxes title %s lc rgb '%s' %s border lc rgb '#333333'",
                                i ? ", \\\n   " : "", base, off, c, w * 0.92, q, col,
                                fill_style[s->series[i].tr]);
        if (k->has[i] && len < cap)
            len += (size_t)snprintf(plot + len, cap - len, ", \\\n    '' using ($0%+.4f):%d:%d:"
                                    "%d:%d:(%.4f) with candlesticks notitle lc rgb '#222222' "
                                    "fs empty whiskerbars 1.0", off, c + 1, c + 1, c + 2, c + 1,
                                    w * 0.4);
    }
}

/* A clustered bar chart with whiskers: data file, then script. */
static int write_bars(const ctx *x, int p, const vs_chart *c, const bar_kind *b, vs_err *e)
{
    char cap[400] = "", plot[16384];
    kinds k = { { 0 }, 0, 0, calloc((size_t)x->s->nseries + 1, 1) };
    vs_gp_frame fr;
    FILE *f = k.has != NULL ? vs_chart_open(x->dir, c->base, "dat", e) : NULL;
    int rc = -1;

    if (f == NULL) {
        free(k.has);
        return k.has == NULL ? vs_err_set(e, VS_ERR_RUNTIME, "out of memory") : -1;
    }
    frame_init(x, &fr, c, cap, b->ylabel);
    fr.nkey = x->s->nseries;
    f = data_done(f, x, c, bar_table(f, x, p, b->fn, b->what, &fr, &k), e);
    if (f != NULL) {
        caption(x->d->pairs[x->s->panels[p].pair], &k, "the mean", cap, sizeof cap);
        vs_gp_write_head(f, &fr);
        bar_plot(x->s, c->base, &k, plot, sizeof plot);
        vs_gp_write_outputs(f, &fr, c->base, plot);
        rc = vs_chart_close(f, c->base, e);
    }
    vs_gp_free(&fr);
    free(k.has);
    return rc;
}

/* ---- ratio to the baseline transport ------------------------------------ */

/* The (transport, socket) series that have a baseline to compare with. */
static int ratio_series(const vs_summary *s, enum vs_transport base, int *idx)
{
    int n = 0;

    for (int i = 0; i < s->nseries; i++) {
        if (s->series[i].tr == base)
            continue;
        for (int j = 0; j < s->nseries; j++)
            if (s->series[j].tr == base && s->series[j].sock == s->series[i].sock) {
                idx[n++] = i;
                break;
            }
    }
    return n;
}

/* The runs behind a ratio: the smaller side's. */
static int ratio_runs(const vs_summary *s, int p, int i, enum vs_transport bt, uint32_t msg)
{
    vs_series base = { bt, s->series[i].sock };
    const vs_point_summary *a = vs_summary_at(s, &s->panels[p], &s->series[i], msg);
    const vs_point_summary *b = vs_summary_at(s, &s->panels[p], &base, msg);

    return a == NULL || b == NULL ? 0 : a->n_ok < b->n_ok ? a->n_ok : b->n_ok;
}

/* Ratio data: per series the ratio, whisker low and high. */
static int ratio_table(FILE *f, const ctx *x, int p, const int *idx, int n, vs_gp_frame *fr,
                       kinds *k)
{
    const vs_summary *s = x->s;
    enum vs_transport bt = vs_summary_baseline(s);
    char lab[64];

    fprintf(f, "# mean Gbit/s over %s's: ratio, whisker low and high\n# msg",
            vs_transport_name(bt));
    for (int j = 0; j < n; j++)
        fprintf(f, " '%s' lo hi", series_label(&s->series[idx[j]], lab, sizeof lab));
    fputc('\n', f);
    for (int m = 0; m < s->nmsgs; m++) {
        fprintf(f, "%s", x->cats[m]);
        for (int j = 0; j < n; j++) {
            vs_ratio r;
            vs_summary_ratio(s, &s->panels[p], s->series[idx[j]].tr, bt,
                             s->series[idx[j]].sock, s->msgs[m], &r);
            if (!r.valid) {
                fprintf(f, " - - -");
                continue;
            }
            count_kind(k, j, (enum vs_interval_kind)r.kind, ratio_runs(s, p, idx[j], bt,
                                                                       s->msgs[m]));
            if (r.kind == VS_IV_NONE)
                fprintf(f, " %.4f - -", r.r);
            else
                fprintf(f, " %.4f %.4f %.4f", r.r, r.lo > 0 ? r.lo : 0, r.hi);
            if (vs_gp_add(fr, m + LINE_STEP * (j - (n - 1) / 2.0), r.r, r.lo, r.hi) != 0)
                return -1;
        }
        fputc('\n', f);
    }
    return 0;
}

/* Per series: a line through the ratios (with the key entry), then its
 * whiskers if it has any. */
static void ratio_plot(const ctx *x, const char *base, const int *idx, int n, const kinds *k,
                       char *plot, size_t cap)
{
    const char *bt = vs_transport_name(vs_summary_baseline(x->s));
    size_t len = (size_t)snprintf(plot, cap, "plot");
    char lab[64], title[100], q[120], col[16];

    for (int j = 0; j < n && len < cap; j++) {
        double off = LINE_STEP * (j - (n - 1) / 2.0);
        vs_series_color(x->s, idx[j], col, sizeof col);
        snprintf(title, sizeof title, "%s / %s",
                 series_label(&x->s->series[idx[j]], lab, sizeof lab), bt);
        vs_gnuplot_string(title, q, sizeof q);
        len += (size_t)snprintf(plot + len, cap - len, "%s '%s.dat' using ($0%+.4f):%d with "
                                "linespoints title %s lc rgb '%s' lw 2 pt %d",
                                j ? ", \\\n   " : "", base, off, 2 + 3 * j, q, col,
                                5 + 2 * (j % 4));
        if (k->has[j] && len < cap)
            len += (size_t)snprintf(plot + len, cap - len, ", \\\n    '' using ($0%+.4f):%d:%d:"
                                    "%d with yerrorbars notitle lc rgb '%s' lw 2 pt %d", off,
                                    2 + 3 * j, 3 + 3 * j, 4 + 3 * j, col, 5 + 2 * (j % 4));
    }
    if (n == 0)
        snprintf(plot, cap, "set label 2 'no transport to compare with %s' at graph 0.5, "
                 "graph 0.5 center\nplot 1 notitle lc rgb '#555555' dt 2", bt);
}

static int write_ratio(const ctx *x, int p, const vs_chart *c, vs_err *e)
{
    int *idx = calloc((size_t)x->s->nseries + 1, sizeof *idx);
    int n = idx != NULL ? ratio_series(x->s, vs_summary_baseline(x->s), idx) : 0;
    char cap[400] = "", ylabel[96], plot[16384];
    kinds k = { { 0 }, 0, 0, calloc((size_t)x->s->nseries + 1, 1) };
    vs_gp_frame fr;
    FILE *f = idx != NULL && k.has != NULL ? vs_chart_open(x->dir, c->base, "dat", e) : NULL;
    int rc = -1;

    if (f == NULL) {
        rc = idx == NULL || k.has == NULL ? vs_err_set(e, VS_ERR_RUNTIME, "out of memory") : -1;
        free(idx);
        free(k.has);
        return rc;
    }
    snprintf(ylabel, sizeof ylabel, "Throughput relative to %s",
             vs_transport_name(vs_summary_baseline(x->s)));
    frame_init(x, &fr, c, cap, ylabel);
    fr.ref_line = 1.0;
    fr.nkey = n;
    f = data_done(f, x, c, ratio_table(f, x, p, idx, n, &fr, &k), e);
    if (f != NULL) {
        caption(x->d->pairs[x->s->panels[p].pair], &k, "the ratio", cap, sizeof cap);
        vs_gp_write_head(f, &fr);
        ratio_plot(x, c->base, idx, n, &k, plot, sizeof plot);
        vs_gp_write_outputs(f, &fr, c->base, plot);
        rc = vs_chart_close(f, c->base, e);
    }
    vs_gp_free(&fr);
    free(idx);
    free(k.has);
    return rc;
}

/* ---- the set ------------------------------------------------------------ */

vs_chart *vs_chart_next(const vs_summary *s, const vs_dataset *d, int p, const char *suffix,
                        const char *head, enum vs_chart_kind kind, vs_chart_set *out)
{
    vs_chart *c = &out->c[out->n];
    char pb[96], panel[64];

    memset(c, 0, sizeof *c);
    vs_chart_panel_base(s, d, p, pb, sizeof pb);
    c->panel = p;
    c->kind = kind;
    snprintf(c->base, sizeof c->base, "%s-%s", pb, suffix);
    snprintf(c->title, sizeof c->title, "%s, %s", head, vs_panel_label(&s->panels[p], panel,
                                                                       sizeof panel));
    return c;
}

/* Panel p's charts: for the bulk tests throughput, the ratio to the
 * baseline transport and service demand; for rr and crr transactions/s,
 * latency percentiles, service demand and the percentile curves. */
static int write_panel(const ctx *x, int p, vs_chart_set *out, vs_err *e)
{
    int rr = vs_test_is_rr(x->s->panels[p].test);
    const bar_kind *bars = rr ? rr_bars : stream_bars;
    int nb = rr ? NRR_BARS : (int)(sizeof stream_bars / sizeof stream_bars[0]);
    char head[64];

    for (int k = 0; k < nb; k++) {
        vs_chart *c = vs_chart_next(x->s, x->d, p, bars[k].suffix, bars[k].title, bars[k].kind,
                                    out);
        if (write_bars(x, p, c, &bars[k], e) != 0)
            return -1;
        out->n++;
        if (rr || k != 0)
            continue;
        snprintf(head, sizeof head, "Throughput relative to %s",
                 vs_transport_name(vs_summary_baseline(x->s)));
        c = vs_chart_next(x->s, x->d, p, "ratio", head, VS_CHART_RATIO, out);
        if (write_ratio(x, p, c, e) != 0)
            return -1;
        out->n++;
    }
    return rr ? vs_latcharts_write(x->s, x->d, p, x->dir, x->o, out, e) : 0;
}

int vs_charts_write(const vs_summary *s, const vs_dataset *d, const char *dir,
                    const vs_chart_opts *o, vs_chart_set *out, vs_err *e)
{
    ctx x = { s, d, dir, o, NULL };
    char (*labels)[16] = calloc((size_t)s->nmsgs + 1, sizeof *labels);
    int rc = 0;
    int per_panel = NRR_BARS + vs_latcharts_count(s) > 3 ? NRR_BARS + vs_latcharts_count(s) : 3;

    out->n = 0;
    out->c = calloc((size_t)s->npanels * (size_t)per_panel + 1, sizeof *out->c);
    x.cats = calloc((size_t)s->nmsgs + 1, sizeof *x.cats);
    if (out->c == NULL || x.cats == NULL || labels == NULL) {
        free(labels);
        free(x.cats);
        return vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
    }
    for (int m = 0; m < s->nmsgs; m++)
        x.cats[m] = vs_label_msg(s->msgs[m], labels[m], sizeof labels[m]);
    for (int p = 0; p < s->npanels && rc == 0; p++)
        rc = write_panel(&x, p, out, e);
    free(labels);
    free(x.cats);
    return rc;
}

#define GNUPLOT_HINT "install gnuplot (www.gnuplot.info; Debian: apt-get install gnuplot-nox)"

int vs_charts_find_gnuplot(const char *given, char *path, size_t n, char *why, size_t wn,
                           vs_err *e)
{
    if (given != NULL) {
        if (vs_find_program(given, path, n) != 0)
            return vs_err_set(e, VS_ERR_USAGE, "--gnuplot %s: no such program", given);
        return 0;
    }
    if (vs_find_program("gnuplot", path, n) == 0)
        return 0;
    snprintf(why, wn, "gnuplot was not found on PATH. To draw them, " GNUPLOT_HINT " and run "
             "vsreport report again, or give its path with --gnuplot PATH; or run gnuplot on "
             "the scripts in charts/ (gnuplot NAME.gp in that folder)");
    return 1;
}

int vs_charts_render(const char *dir, const vs_chart_set *set, const char *gnuplot, vs_err *e)
{
    for (int i = 0; i < set->n; i++) {
        char cd[2 * 1400 + 8], quoted[2 * 1400 + 4], script[160];
        char *argv[] = { (char *)(gnuplot ? gnuplot : "gnuplot"), "-e", cd, script, NULL };
        int status;
        /* gnuplot runs in the charts folder, so the scripts use plain names */
        /* a backtick cannot be written in a gnuplot string (it would run) */
        if (strchr(dir, '`') != NULL || strlen(dir) >= 1400)
            return vs_err_set(e, VS_ERR_USAGE, "output folder names with a backtick (or "
                              "over 1400 bytes) are not supported: %s", dir);
        vs_gnuplot_string(dir, quoted, sizeof quoted);
        snprintf(cd, sizeof cd, "cd %s", quoted);
        snprintf(script, sizeof script, "%s.gp", set->c[i].base);
        if (vs_run_program(argv, GNUPLOT_HINT, &status, e) != 0)
            return -1;
        if (status != 0)
            return vs_err_set(e, VS_ERR_RUNTIME, "gnuplot failed on %s/%s (status %d)", dir,
                              script, status);
    }
    return 0;
}

void vs_chart_set_free(vs_chart_set *set)
{
    free(set->c);
    set->c = NULL;
    set->n = 0;
}
