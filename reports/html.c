/* html.c - see html.h. */
#include "reports/html.h"
#include "reports/html_env.h"
#include "reports/html_warn.h"
#include "reports/markup.h"
#include "core/label.h"
#include "core/size.h"
#include "core/version.h"
#include "platform/clock.h"

#include <stdio.h>
#include <string.h>


static const char style[] =
    "body{font-family:sans-serif;margin:2em auto;max-width:1100px;color:#222}"
    "h1{margin-bottom:0}h2{border-bottom:2px solid #ccd;padding-bottom:.2em;margin-top:2em}"
    "table{border-collapse:collapse;margin:1em 0;font-size:90%}"
    "th,td{border:1px solid #ccc;padding:.25em .6em;text-align:right}"
    "th{background:#e8edf4}td.l,th.l{text-align:left}"
    ".warn{background:#fff4e0;border-left:4px solid #e69500;padding:.5em 1em;margin:.5em 0}"
    "details.warn summary{cursor:pointer}details.warn table{background:#fff}"
    ".precision{background:#eef3f9;border-left:4px solid #1f5fa8;padding:.4em 1em}"
    ".charts img{width:100%;max-width:1000px;display:block;margin:1em 0}"
    ".bad{color:#b00}.small{color:#666;font-size:85%}";

static void write_head(FILE *f, const vs_dataset *d)
{
    char when[32];

    fprintf(f, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
               "<title>vsbench report</title>\n<style>%s%s</style></head><body>\n", style,
            vs_html_env_style);
    fprintf(f, "<h1>vsbench report</h1>\n<p class=\"small\">vsreport %s (%s), %s; ",
            VS_VERSION, vs_git_revision(), vs_iso8601(vs_wall_seconds(), when, sizeof when));
    fprintf(f, "throughput is what the receiver received in the measured interval, "
               "Gbit/s = 10<sup>9</sup> bit/s; whiskers and &plusmn; are 95%% confidence "
               "intervals of the mean over %d runs or more, [min&ndash;max] the range of "
               "fewer runs.</p>\n<p>%d results director%s: ", VS_MIN_CI_RUNS, d->nsrc,
            d->nsrc == 1 ? "y" : "ies");
    for (int i = 0; i < d->nsrc; i++) {
        fputs(i ? ", <code>" : "<code>", f);
        vs_markup_escape(f, d->src[i].path);
        fputs("</code>", f);
    }
    fputs(". <a href=\"report.xlsx\">Workbook (report.xlsx)</a> &middot; <a href=\"summary.csv\">"
          "Summary (CSV)</a></p>\n", f);
}

static void env_row(FILE *f, const vs_source *s, const char *name, const char *key)
{
    fprintf(f, "<tr><td class=\"l\">%s</td><td class=\"l\">", name);
    vs_markup_escape(f, vs_meta_str(s, key));
    fputs("</td></tr>\n", f);
}

static void write_environment(FILE *f, const vs_dataset *d, const char *const *data_dirs)
{
    static const char *const rows[][2] = {
        { "Profile", "profile.name" }, { "Started", "start" }, { "Ended", "end" },
        { "Status", "status" }, { "vsbench", "version" }, { "Revision", "git_revision" },
        { "Local host", "hosts.local.hostname" }, { "Local OS", "hosts.local.os_release" },
        { "Local kernel", "hosts.local.kernel" }, { "Local CPU", "hosts.local.cpu_model" },
        { "Local hypervisor", "hosts.local.hypervisor" },
        { "Remote host", "hosts.remote.hostname" }, { "Remote OS", "hosts.remote.os_release" },
        { "Remote kernel", "hosts.remote.kernel" }, { "Remote CPU", "hosts.remote.cpu_model" },
        { "Remote hypervisor", "hosts.remote.hypervisor" },
    };

    fputs("<h2>Environment</h2>\n", f);
    for (int i = 0; i < d->nsrc; i++) {
        fputs("<table><tr><th class=\"l\">Results</th><th class=\"l\"><code>", f);
        vs_markup_escape(f, d->src[i].path);
        fprintf(f, "</code> (<a href=\"%s/runs.csv\">runs.csv</a>, <a href=\"%s/meta.json\">"
                   "meta.json</a>)</th></tr>\n", data_dirs[i], data_dirs[i]);
        for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++)
            env_row(f, &d->src[i], rows[r][0], rows[r][1]);
        fputs("</table>\n", f);
        vs_html_settings(f, &d->src[i]);
    }
}

/* Mean and its interval: &plusmn; CI, [min-max] of 2 runs, n/a for 1; in
 * Gbit/s, or for rr and crr transactions/s and the latency percentiles. */
static void table_cell(FILE *f, const vs_point_summary *ps)
{
    const vs_stats *h = vs_point_headline(ps);
    int rr = vs_test_is_rr(ps->key.pt.test), dec = rr ? 0 : 2;
    double lo, hi;

    switch (vs_summary_interval(h, &lo, &hi)) {
    case VS_IV_CI:
        fprintf(f, "<td>%.*f &plusmn; %.*f", dec, h->mean, dec, h->ci_half);
        break;
    case VS_IV_RANGE:
        fprintf(f, "<td>%.*f [%.*f&ndash;%.*f]", dec, h->mean, dec, lo, dec, hi);
        break;
    default:
        fprintf(f, "<td>%.*f &plusmn; n/a", dec, h->mean);
    }
    if (rr)
        fprintf(f, "/s<br><span class=\"small\">p50 %.1f, p99 %.1f, p99.9 %.1f &micro;s</span>",
                ps->lat_p50.mean, ps->lat_p99.mean, ps->lat_p999.mean);
    fprintf(f, " <span class=\"small\">n=%d%s</span></td>", ps->n_ok,
            ps->n_failed ? ", some failed" : "");
}

static void write_table(FILE *f, const vs_summary *s, int p)
{
    char lab[64];

    fprintf(f, "<table><tr><th>%s</th>", vs_test_is_rr(s->panels[p].test) ? "Request" : "Message");
    for (int i = 0; i < s->nseries; i++)
        fprintf(f, "<th>%s</th>",
                vs_label_series(s->series[i].tr, s->series[i].sock, lab, sizeof lab));
    fputs("</tr>\n", f);
    for (int m = 0; m < s->nmsgs; m++) {
        fprintf(f, "<tr><td>%s</td>", vs_label_msg(s->msgs[m], lab, sizeof lab));
        for (int i = 0; i < s->nseries; i++) {
            const vs_point_summary *ps = vs_summary_at(s, &s->panels[p], &s->series[i],
                                                       s->msgs[m]);
            if (ps == NULL)
                fputs("<td></td>", f);
            else if (ps->n_ok == 0)
                fprintf(f, "<td class=\"bad\">failed (%d)</td>", ps->n_failed);
            else
                table_cell(f, ps);
        }
        fputs("</tr>\n", f);
    }
    fputs("</table>\n", f);
}

/* One chart: the drawing and its files, or (not drawn) its files. */
static void write_chart(FILE *f, const vs_chart *ch, int drawn)
{
    if (drawn) {
        fprintf(f, "<img src=\"charts/%s.svg\" alt=\"", ch->base);
        vs_markup_escape(f, ch->title);
        fprintf(f, "\">\n<p class=\"small\"><a href=\"charts/%s.png\">PNG</a> &middot; "
                   "<a href=\"charts/%s.pdf\">PDF</a> &middot; ", ch->base, ch->base);
    } else {
        fputs("<p class=\"small\">", f);
        vs_markup_escape(f, ch->title);
        fputs(" (not drawn): ", f);
    }
    fprintf(f, "<a href=\"charts/%s.gp\">gnuplot script</a> &middot; <a href=\"charts/%s.dat\">"
               "data</a></p>\n", ch->base, ch->base);
}

static const char latency_intro[] =
    "<h2>Latency: request/response (rr) and a connection per request (crr)</h2>\n"
    "<p>Each transaction is a request and its response (rr: over one connection per session;"
    " crr: connect, request, response and close). The client reads the clock once per "
    "transaction and records every latency into a histogram (three significant digits); a "
    "run's percentiles come from its sessions' histograms added together, and each figure "
    "below is the mean over runs with its 95% confidence interval. The percentile curves add "
    "the runs' histograms (the <code>latency/</code> logs of each results directory). Both "
    "ends counted every transaction and agreed. Service demand is CPU microseconds per "
    "transaction.</p>\n";

static void write_panels(FILE *f, const vs_dataset *d, const vs_summary *s,
                         const vs_chart_set *charts)
{
    char lab[96];
    int latency_told = 0;

    for (int p = 0; p < s->npanels; p++) {
        const vs_panel *pn = &s->panels[p];
        int rr = vs_test_is_rr(pn->test);
        if (rr && !latency_told++)
            fputs(latency_intro, f);
        fprintf(f, "<h2>%s &mdash; ", vs_panel_label(pn, lab, sizeof lab));
        vs_markup_escape(f, d->pairs[pn->pair]);
        fputs("</h2>\n", f);
        vs_html_precision(f, s, p);
        fputs(rr ? "<p>Mean transactions/s &plusmn; 95% CI, then the latency percentiles, mean "
                   "over runs (n = runs; n/a: one run; request size on the left):</p>\n"
                 : "<p>Mean Gbit/s &plusmn; 95% CI (n = runs; n/a: one run):</p>\n", f);
        write_table(f, s, p);
        fputs("<div class=\"charts\">\n", f);
        for (int c = 0; c < charts->n; c++) {
            const vs_chart *ch = &charts->c[c];
            if (ch->panel != p)
                continue;
            write_chart(f, ch, charts->skipped[0] == '\0');
        }
        fputs("</div>\n", f);
    }
}

int vs_html_write(const char *path, const vs_dataset *d, const vs_summary *s,
                  const vs_chart_set *charts, const char *const *data_dirs, vs_err *e)
{
    FILE *f = fopen(path, "wb");
    int bad;

    if (f == NULL)
        return vs_err_set(e, VS_ERR_USAGE, "cannot write %s", path);
    write_head(f, d);
    vs_html_warnings(f, d, s, charts->skipped);
    write_panels(f, d, s, charts);
    write_environment(f, d, data_dirs);
    fputs("</body></html>\n", f);
    bad = ferror(f);
    if (fclose(f) != 0 || bad)
        return vs_err_set(e, VS_ERR_RUNTIME, "writing %s failed", path);
    return 0;
}
