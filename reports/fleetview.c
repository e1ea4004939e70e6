/* fleetview.c - see fleetview.h: the files, the Markdown and the JSON. */
#include "reports/fleetview.h"
#include "reports/fleetview_html.h"
#include "reports/markup.h"
#include "core/version.h"
#include "platform/clock.h"
#include "platform/fs.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#define MD_CHANGES 1
#define JSON_CHANGES 8

const char *vs_fleetview_symbol(const vs_fleet_night *n)
{
    static const char *const symbols[] = { "o", "=", "\xe2\x96\xb2", "?", "-", "\xe2\x96\xbc" };

    return n == NULL ? "." : symbols[n->verdict];
}

int vs_fleetview_changes(const vs_trend_list *charts, const char *pair, vs_fleet_change *out,
                         int max)
{
    int n = 0, total = 0;

    for (int c = 0; c < charts->n; c++) {
        if (strcmp(charts->c[c].pair, pair) != 0)
            continue;
        for (int i = 0; i < charts->c[c].ncp; i++, total++) {
            vs_fleet_change ch = { &charts->c[c], &charts->c[c].cp[i] };
            int at = n < max ? n++ : max;
            /* insertion by start time, newest first; the oldest falls off */
            while (at > 0 && strcmp(out[at - 1].cp->started, ch.cp->started) < 0) {
                if (at < max)
                    out[at] = out[at - 1];
                at--;
            }
            if (at < max)
                out[at] = ch;
        }
    }
    return total;
}

/* ---- Markdown ----------------------------------------------------------- */

static void md_row(FILE *f, const vs_fleet *fl, const vs_trend_list *charts, int p)
{
    const vs_fleet_pair *pair = &fl->pairs[p];
    const vs_fleet_night *last = pair->n ? &pair->nights[pair->n - 1] : NULL;
    vs_fleet_change ch[MD_CHANGES];
    int nch = vs_fleetview_changes(charts, pair->name, ch, MD_CHANGES);

    fputs("| ", f);
    vs_markdown_escape(f, pair->name);
    fputs(" | `", f);
    for (int d = 0; d < fl->ndays; d++)
        fputs(vs_fleetview_symbol(vs_fleet_cell(fl, p, d)), f);
    fputs("` | ", f);
    if (last != NULL) {
        vs_markdown_escape(f, last->day);
        fprintf(f, " | %s%s%s (%d regression, %d improvement, %d inconclusive)",
                last->verdict == VS_FV_REGRESSION ? "**" : "", vs_fleet_verdict_name(last->verdict),
                last->verdict == VS_FV_REGRESSION ? "**" : "", last->counts[VS_V_REGRESSION],
                last->counts[VS_V_IMPROVEMENT], last->counts[VS_V_INCONCLUSIVE]);
    } else
        fputs("- | -", f);
    fputs(" | ", f);
    if (nch > 0) {
        vs_markdown_escape(f, ch[0].chart->label);
        fprintf(f, ": %+.1f%% from ", ch[0].cp->cp.shift * 100);
        vs_markdown_escape(f, ch[0].cp->started);
        if (nch > 1)
            fprintf(f, " (and %d more)", nch - 1);
    } else
        fputs("none", f);
    fputs(" |\n", f);
}

static int write_markdown(const char *path, const vs_fleet *fl, const vs_trend_list *charts,
                          int regressed, vs_err *e)
{
    vs_afile a;
    FILE *f;

    if (vs_afile_open(&a, path, "wb", e) != 0)
        return -1;
    f = a.f;
    fprintf(f, "### vsbench fleet: %d host pair%s, %s\n\n", fl->npairs, fl->npairs == 1 ? "" : "s",
            regressed ? "a regression on the last night" : "no regression on the last night");
    if (regressed)
        fprintf(f, "%d pair%s regressed on the last night.\n\n", regressed,
                regressed == 1 ? "" : "s");
    fprintf(f, "Each night against the %d nights of its pair before it (Welch's t-test, alpha "
               "%.3g, minimum effect %.3g%%). Days oldest to newest: `\xe2\x96\xbc` regression, "
               "`\xe2\x96\xb2` improvement, `=` no change, `?` inconclusive, `-` missing "
               "points, `o` first night, `.` no night. Charts: `index.html`.\n\n",
            fl->opts.window, fl->opts.cmp.alpha, fl->opts.cmp.min_effect * 100);
    fputs("| host pair | nights | last night | verdict | latest change point |\n"
          "|---|---|---|---|---|\n", f);
    for (int p = 0; p < fl->npairs; p++)
        md_row(f, fl, charts, p);
    return vs_afile_commit(&a, e);
}

/* ---- JSON --------------------------------------------------------------- */

static json_t *json_nights(const vs_fleet_pair *pair)
{
    json_t *a = json_array();

    for (int i = 0; i < pair->n; i++) {
        const vs_fleet_night *n = &pair->nights[i];
        json_array_append_new(a, json_pack("{s:s, s:s, s:s, s:{s:i, s:i, s:i, s:i, s:i}}",
            "started", n->started, "day", n->day, "verdict", vs_fleet_verdict_name(n->verdict),
            "points", "regression", n->counts[VS_V_REGRESSION],
            "improvement", n->counts[VS_V_IMPROVEMENT], "no_change", n->counts[VS_V_NO_CHANGE],
            "inconclusive", n->counts[VS_V_INCONCLUSIVE], "missing", n->counts[VS_V_MISSING]));
    }
    return a;
}

static json_t *json_charts(const vs_trend_list *charts, const char *pair)
{
    json_t *a = json_array();
    char png[200], svg[200];

    for (int c = 0; c < charts->n; c++) {
        if (strcmp(charts->c[c].pair, pair) != 0)
            continue;
        snprintf(png, sizeof png, "trend/%s.png", charts->c[c].base);
        snprintf(svg, sizeof svg, "trend/%s.svg", charts->c[c].base);
        json_array_append_new(a, json_pack("{s:s, s:i, s:s, s:s}", "point", charts->c[c].label,
                                           "nights", charts->c[c].nights, "png", png, "svg", svg));
    }
    return a;
}

static json_t *json_changes(const vs_trend_list *charts, const char *pair)
{
    vs_fleet_change ch[JSON_CHANGES];
    int n = vs_fleetview_changes(charts, pair, ch, JSON_CHANGES);
    json_t *a = json_array();

    for (int i = 0; i < n && i < JSON_CHANGES; i++)
        json_array_append_new(a, json_pack("{s:s, s:s, s:f, s:f, s:f, s:f}",
            "point", ch[i].chart->label, "started", ch[i].cp->started,
            "before_gbps", ch[i].cp->cp.before, "after_gbps", ch[i].cp->cp.after,
            "shift", ch[i].cp->cp.shift, "p", ch[i].cp->cp.p));
    return a;
}

static int write_json(const char *path, const vs_fleet *fl, const vs_trend_list *charts,
                      int regressed, vs_err *e)
{
    json_t *pairs = json_array(), *days = json_array(), *root;
    char when[32];
    int rc;
    vs_afile a;

    for (int d = 0; d < fl->ndays; d++)
        json_array_append_new(days, json_string(fl->days[d]));
    for (int p = 0; p < fl->npairs; p++)
        json_array_append_new(pairs, json_pack("{s:s, s:o, s:o, s:o}", "pair", fl->pairs[p].name,
            "nights", json_nights(&fl->pairs[p]), "changepoints",
            json_changes(charts, fl->pairs[p].name), "charts",
            json_charts(charts, fl->pairs[p].name)));
    root = json_pack("{s:s, s:s, s:s, s:i, s:f, s:f, s:i, s:o, s:o}", "tool", "vsreport",
                     "version", VS_VERSION, "generated",
                     vs_iso8601(vs_wall_seconds(), when, sizeof when),
                     "window", fl->opts.window, "alpha", fl->opts.cmp.alpha,
                     "min_effect", fl->opts.cmp.min_effect, "last_night_regressions", regressed,
                     "days", days, "pairs", pairs);
    if (root == NULL)
        return vs_err_set(e, VS_ERR_RUNTIME, "cannot build %s (a string that is not UTF-8?)", path);
    if (vs_afile_open(&a, path, "wb", e) != 0) {
        json_decref(root);
        return -1;
    }
    rc = json_dumpf(root, a.f, JSON_INDENT(1) | JSON_ENSURE_ASCII);
    json_decref(root);
    if (rc != 0) {
        vs_afile_abort(&a);
        return vs_err_set(e, VS_ERR_RUNTIME, "writing %s failed", path);
    }
    return vs_afile_commit(&a, e);
}

/* ---- all of it ---------------------------------------------------------- */

static int last_night_regressions(const vs_fleet *fl)
{
    int n = 0;

    for (int p = 0; p < fl->npairs; p++) {
        const vs_fleet_pair *pair = &fl->pairs[p];
        n += pair->n > 0 && pair->nights[pair->n - 1].verdict == VS_FV_REGRESSION;
    }
    return n;
}

int vs_fleetview_write(vs_history *h, const vs_fleetview_opts *o, vs_err *e)
{
    char dir[1200], path[1300];
    vs_trend_list charts = { 0, 0, NULL };
    vs_trend_opts t = { dir, NULL, o->cp, o->no_render, &charts };
    vs_fleet fl;
    int regressed, rc;

    snprintf(dir, sizeof dir, "%s/trend", o->out);
    if (vs_mkdir_p(dir, e) != 0 || vs_fleet_load(h, &o->fleet, &fl, e) != 0)
        return -1;
    rc = vs_trend_write(h, &t, e) < 0 ? -1 : 0;
    regressed = last_night_regressions(&fl);
    snprintf(path, sizeof path, "%s/index.html", o->out);
    if (rc == 0)
        rc = vs_fleetview_html(path, &fl, &charts, e);
    snprintf(path, sizeof path, "%s/fleet.md", o->out);
    if (rc == 0)
        rc = write_markdown(path, &fl, &charts, regressed, e);
    snprintf(path, sizeof path, "%s/fleet.json", o->out);
    if (rc == 0)
        rc = write_json(path, &fl, &charts, regressed, e);
    vs_trend_list_free(&charts);
    vs_fleet_free(&fl);
    return rc == 0 ? regressed : -1;
}
