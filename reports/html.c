/* html.c - see html.h. */
#include "reports/html.h"
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
    ".warn{background:#fff4e0;border-left:4px solid #e69500;padding:.5em 1em}"
    ".charts img{width:100%;max-width:1000px;display:block;margin:1em 0}"
    ".bad{color:#b00}.small{color:#666;font-size:85%}";

static void write_head(FILE *f, const vs_dataset *d)
{
    char when[32];

    fprintf(f, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
               "<title>vsbench report</title>\n<style>%s</style></head><body>\n", style);
    fprintf(f, "<h1>vsbench report</h1>\n<p class=\"small\">vsreport %s (%s), %s; ",
            VS_VERSION, vs_git_revision(), vs_iso8601(vs_wall_seconds(), when, sizeof when));
    fprintf(f, "throughput is what the receiver received in the measured interval, "
               "Gbit/s = 10<sup>9</sup> bit/s; error bars and &plusmn; are 95%% confidence "
               "intervals of the mean over runs.</p>\n<p>%d results director%s: ", d->nsrc,
            d->nsrc == 1 ? "y" : "ies");
    for (int i = 0; i < d->nsrc; i++) {
        fputs(i ? ", <code>" : "<code>", f);
        vs_markup_escape(f, d->src[i].path);
        fputs("</code>", f);
    }
    fputs(". <a href=\"report.xlsx\">Workbook (report.xlsx)</a> &middot; <a href=\"summary.csv\">"
          "Summary (CSV)</a></p>\n", f);
}

static const char *json_text(const json_t *j)
{
    return json_is_string(j) ? json_string_value(j) : "?";
}

/* One warning listing every point whose buffers the OS clamped. */
static int write_clamped(FILE *f, const vs_summary *s)
{
    char label[96], a[32], b[32];
    int n = 0;

    for (int i = 0; i < s->n; i++) {
        const vs_point_summary *ps = &s->p[i];
        if (!ps->clamped)
            continue;
        if (n++ == 0)
            fputs("<p class=\"warn\">Buffers smaller than requested: the OS clamped them "
                  "(on Linux raise net.core.wmem_max and net.core.rmem_max on both machines): ", f);
        fprintf(f, "%s%s (local %s, remote %s)", n > 1 ? ", " : "",
                vs_label_point(&ps->key.pt, label, sizeof label),
                vs_size_format(ps->eff_local, a, sizeof a),
                vs_size_format(ps->eff_remote, b, sizeof b));
    }
    if (n > 0)
        fputs(".</p>\n", f);
    return n > 0;
}

/* One warning listing every point whose runs vary by more than VS_HIGH_CV. */
static int write_noisy(FILE *f, const vs_summary *s)
{
    char label[96];
    int n = 0;

    for (int i = 0; i < s->n; i++) {
        const vs_point_summary *ps = &s->p[i];
        if (!vs_point_headline(ps)->ci_valid || vs_point_headline(ps)->cv <= VS_HIGH_CV)
            continue;
        if (n++ == 0)
            fprintf(f, "<p class=\"warn\">Noisy points (coefficient of variation above %.0f%%; "
                       "more or longer runs would narrow them): ", VS_HIGH_CV);
        fprintf(f, "%s%s (%.0f%%, n=%d)", n > 1 ? ", " : "",
                vs_label_point(&ps->key.pt, label, sizeof label), vs_point_headline(ps)->cv,
                ps->n_ok);
    }
    if (n > 0)
        fputs(".</p>\n", f);
    return n > 0;
}

static int write_warnings(FILE *f, const vs_dataset *d, const vs_summary *s,
                          const vs_chart_set *charts)
{
    char label[96];
    int count = 0;

    fputs("<h2>Warnings</h2>\n", f);
    if (charts->skipped[0] != '\0') {
        fputs("<p class=\"warn\">Charts not drawn: ", f);
        vs_markup_escape(f, charts->skipped);
        fputs(". The tables below and the workbook have every figure.</p>\n", f);
        count++;
    }
    for (int i = 0; i < s->n; i++) {
        const vs_point_summary *ps = &s->p[i];
        vs_label_point(&ps->key.pt, label, sizeof label);
        if (ps->n_failed > 0) {
            fprintf(f, "<p class=\"warn\">%s: %d failed run%s (not averaged in): ", label,
                    ps->n_failed, ps->n_failed == 1 ? "" : "s");
            vs_markup_escape(f, ps->first_error);
            fputs("</p>\n", f);
            count++;
        }
    }
    count += write_clamped(f, s);
    count += write_noisy(f, s);
    for (int i = 0; i < d->nsrc; i++) {
        json_t *sk = json_object_get(d->src[i].meta, "skipped");
        size_t j;
        json_t *it;
        json_array_foreach(sk, j, it) {
            fputs("<p class=\"warn\">Transport ", f);
            vs_markup_escape(f, json_text(json_object_get(it, "transport")));
            fputs(" was skipped: ", f);
            vs_markup_escape(f, json_text(json_object_get(it, "reason")));
            fputs("</p>\n", f);
            count++;
        }
    }
    if (count == 0)
        fputs("<p>None: charts drawn, no failed runs, no clamped buffers, no point with a "
              "coefficient of variation above 10%.</p>\n", f);
    return count;
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
    }
}

/* A point's cell: Gbit/s, or for rr and crr transactions/s and latency. */
static void write_cell(FILE *f, const vs_point_summary *ps)
{
    if (ps == NULL) {
        fputs("<td></td>", f);
    } else if (ps->n_ok == 0) {
        fprintf(f, "<td class=\"bad\">failed (%d)</td>", ps->n_failed);
    } else if (vs_test_is_rr(ps->key.pt.test)) {
        fprintf(f, "<td>%.0f &plusmn; %.0f/s<br><span class=\"small\">p50 %.1f, p99 %.1f, "
                   "p99.9 %.1f &micro;s; n=%d%s</span></td>", ps->tps.mean, ps->tps.ci_half,
                ps->lat_p50.mean, ps->lat_p99.mean, ps->lat_p999.mean, ps->n_ok,
                ps->n_failed ? ", some failed" : "");
    } else {
        fprintf(f, "<td>%.2f &plusmn; %.2f <span class=\"small\">n=%d%s</span></td>",
                ps->gbps.mean, ps->gbps.ci_half, ps->n_ok, ps->n_failed ? ", some failed" : "");
    }
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
            write_cell(f, ps);
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
        fputs(rr ? "</h2>\n<p>Mean transactions/s &plusmn; 95% CI; latency percentiles, mean "
                   "over runs (request size on the left):</p>\n"
                 : "</h2>\n<p>Mean Gbit/s &plusmn; 95% CI:</p>\n", f);
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
    write_warnings(f, d, s, charts);
    write_panels(f, d, s, charts);
    write_environment(f, d, data_dirs);
    fputs("</body></html>\n", f);
    bad = ferror(f);
    if (fclose(f) != 0 || bad)
        return vs_err_set(e, VS_ERR_RUNTIME, "writing %s failed", path);
    return 0;
}
