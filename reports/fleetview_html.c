/* fleetview_html.c - see fleetview_html.h. */
#include "reports/fleetview_html.h"
#include "reports/markup.h"
#include "core/version.h"
#include "platform/clock.h"
#include "platform/fs.h"

#include <string.h>

#define ROW_CHANGES 3
#define PAIR_CHANGES 12

static const char style[] =
    "body{font-family:sans-serif;margin:1.5em;color:#222}h1{margin-bottom:.2em}"
    "h2{border-bottom:2px solid #ccd;padding-bottom:.2em;margin-top:2em;font-size:120%}"
    "table{border-collapse:collapse;margin:1em 0;font-size:90%}"
    "th,td{border:1px solid #ccc;padding:.25em .45em;text-align:center;vertical-align:middle}"
    "th{background:#e8edf4;font-weight:normal;white-space:nowrap}td.l,th.l{text-align:left}"
    "td.pair{min-width:9em;max-width:22em;text-align:left;font-weight:bold}"
    "th.d{font-size:80%;padding:.25em .3em}td.v{min-width:1.4em;font-weight:bold}td.cp{box-shadow:inset 4px 0 0 #6f42c1}"
    ".reg{background:#d9534f;color:#fff}.imp{background:#3c9a3c;color:#fff}"
    ".same{background:#e3f1e3;color:#2d6a2d}.inc{background:#f6d28b}.mis{background:#ddd}"
    ".first{background:#dbe7f6}.none{color:#bbb}"
    ".legend span.v{display:inline-block;min-width:1.4em;text-align:center;font-weight:bold;"
    "border:1px solid #ccc;margin:0 .2em 0 .8em}"
    "td.changes{font-size:85%;text-align:left;max-width:24em}p.changes{line-height:1.5}"
    "figure{display:inline-block;margin:.4em}figure img{width:440px;border:1px solid #ddd}"
    "figcaption{font-size:80%;color:#555}.small{color:#666;font-size:85%}";

static const char *const classes[] = { "first", "same", "imp", "inc", "mis", "reg" };

static void write_head(FILE *f, const vs_fleet *fl)
{
    char when[32];

    fprintf(f, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
               "<title>vsbench fleet</title>\n<style>%s</style></head><body>\n", style);
    fprintf(f, "<h1>vsbench fleet</h1>\n<p class=\"small\">vsreport %s (%s), %s. ", VS_VERSION,
            vs_git_revision(), vs_iso8601(vs_wall_seconds(), when, sizeof when));
    fprintf(f, "%d host pair%s; a column per day (UTC) with a night. Each night is judged "
               "against the %d nights of its pair before it, as <code>vsreport compare "
               "--history</code> judges tonight (Welch's t-test, alpha %.3g, minimum effect "
               "%.3g%%); a night's verdict is its worst point's.</p>\n", fl->npairs,
            fl->npairs == 1 ? "" : "s", fl->opts.window, fl->opts.cmp.alpha,
            fl->opts.cmp.min_effect * 100);
    fputs("<p class=\"legend small\">", f);
    for (int v = VS_FV_REGRESSION; v >= VS_FV_FIRST; v--) {
        vs_fleet_night n = { .verdict = (enum vs_fleet_verdict)v };
        fprintf(f, "<span class=\"v %s\">%s</span>%s", classes[v], vs_fleetview_symbol(&n),
                vs_fleet_verdict_name((enum vs_fleet_verdict)v));
    }
    fputs("<span class=\"v\" style=\"box-shadow:inset 4px 0 0 #6f42c1\">&nbsp;</span>a change "
          "point begins (trend charts)</p>\n", f);
}

/* Change points of the pair that begin at this night, for the cell. */
static int cell_changes(FILE *f, const vs_trend_list *charts, const char *pair,
                        const vs_fleet_night *n, int write)
{
    int found = 0;

    for (int c = 0; c < charts->n; c++) {
        if (strcmp(charts->c[c].pair, pair) != 0)
            continue;
        for (int i = 0; i < charts->c[c].ncp; i++) {
            if (strcmp(charts->c[c].cp[i].started, n->started) != 0)
                continue;
            if (write) {
                fputs("; change point: ", f);
                vs_markup_escape(f, charts->c[c].label);
                fprintf(f, " %+.1f%%", charts->c[c].cp[i].cp.shift * 100);
            }
            found++;
        }
    }
    return found;
}

static void write_cell(FILE *f, const vs_fleet *fl, const vs_trend_list *charts, int p, int d)
{
    const vs_fleet_night *n = vs_fleet_cell(fl, p, d);
    const char *pair = fl->pairs[p].name;

    if (n == NULL) {
        fprintf(f, "<td class=\"v none\" title=\"no night\">%s</td>", vs_fleetview_symbol(n));
        return;
    }
    fprintf(f, "<td class=\"v %s%s\" title=\"", classes[n->verdict],
            cell_changes(f, charts, pair, n, 0) ? " cp" : "");
    vs_markup_escape(f, n->started);
    fprintf(f, ": %s (points: %d regression, %d improvement, %d inconclusive, %d missing, "
               "%d no change)", vs_fleet_verdict_name(n->verdict), n->counts[VS_V_REGRESSION],
            n->counts[VS_V_IMPROVEMENT], n->counts[VS_V_INCONCLUSIVE],
            n->counts[VS_V_MISSING], n->counts[VS_V_NO_CHANGE]);
    cell_changes(f, charts, pair, n, 1);
    fprintf(f, "\">%s</td>", vs_fleetview_symbol(n));
}

static void write_row_changes(FILE *f, const vs_trend_list *charts, const char *pair)
{
    vs_fleet_change ch[ROW_CHANGES];
    int n = vs_fleetview_changes(charts, pair, ch, ROW_CHANGES);

    fputs("<td class=\"changes\">", f);
    for (int i = 0; i < n && i < ROW_CHANGES; i++) {
        fputs(i ? "<br>" : "", f);
        vs_markup_escape(f, ch[i].chart->label);
        fprintf(f, ": <b>%+.1f%%</b> from ", ch[i].cp->cp.shift * 100);
        vs_markup_escape(f, ch[i].cp->started);
    }
    if (n > ROW_CHANGES)
        fprintf(f, "<br><span class=\"small\">%d in all</span>", n);
    fputs(n == 0 ? "<span class=\"small\">none</span></td>" : "</td>", f);
}

static int count_charts(const vs_trend_list *charts, const char *pair)
{
    int n = 0;

    for (int c = 0; c < charts->n; c++)
        n += strcmp(charts->c[c].pair, pair) == 0;
    return n;
}

static void write_table(FILE *f, const vs_fleet *fl, const vs_trend_list *charts)
{
    fputs("<table>\n<tr><th class=\"l\">host pair</th>", f);
    for (int d = 0; d < fl->ndays; d++) {
        fputs("<th class=\"d\" title=\"", f);
        vs_markup_escape(f, fl->days[d]);
        fputs("\">", f);
        vs_markup_escape(f, strlen(fl->days[d]) == 10 ? fl->days[d] + 5 : fl->days[d]);
        fputs("</th>", f);
    }
    fputs("<th class=\"l\">latest change points</th><th>trends</th></tr>\n", f);
    for (int p = 0; p < fl->npairs; p++) {
        fprintf(f, "<tr><td class=\"pair\"><a href=\"#pair%d\">", p + 1);
        vs_markup_escape(f, fl->pairs[p].name);
        fputs("</a></td>", f);
        for (int d = 0; d < fl->ndays; d++)
            write_cell(f, fl, charts, p, d);
        write_row_changes(f, charts, fl->pairs[p].name);
        fprintf(f, "<td><a href=\"#pair%d\">%d charts</a></td></tr>\n", p + 1,
                count_charts(charts, fl->pairs[p].name));
    }
    fputs("</table>\n", f);
}

static void write_pair(FILE *f, const vs_fleet *fl, const vs_trend_list *charts, int p)
{
    const vs_fleet_pair *pair = &fl->pairs[p];
    vs_fleet_change ch[PAIR_CHANGES];
    int n = vs_fleetview_changes(charts, pair->name, ch, PAIR_CHANGES);

    fprintf(f, "<h2 id=\"pair%d\">", p + 1);
    vs_markup_escape(f, pair->name);
    fprintf(f, "</h2>\n<p class=\"small\">%d night%s shown", pair->n, pair->n == 1 ? "" : "s");
    if (pair->n > 0) {
        fputs(", the last ", f);
        vs_markup_escape(f, pair->nights[pair->n - 1].started);
        fprintf(f, ": %s", vs_fleet_verdict_name(pair->nights[pair->n - 1].verdict));
    }
    fprintf(f, ". Change points over the whole history: %d.</p>\n", n);
    for (int i = 0; i < n && i < PAIR_CHANGES; i++) {
        fputs(i ? "<br>" : "<p class=\"changes\">", f);
        vs_markup_escape(f, ch[i].chart->label);
        fprintf(f, ": %.3f &rarr; %.3f Gbit/s (%+.1f%%, p = %.3g) from ", ch[i].cp->cp.before,
                ch[i].cp->cp.after, ch[i].cp->cp.shift * 100, ch[i].cp->cp.p);
        vs_markup_escape(f, ch[i].cp->started);
    }
    fputs(n > 0 ? "</p>\n<div>\n" : "<div>\n", f);
    for (int c = 0; c < charts->n; c++) {
        const vs_trend_chart *t = &charts->c[c];
        if (strcmp(t->pair, pair->name) != 0)
            continue;
        fputs("<figure><a href=\"trend/", f);
        vs_markup_escape(f, t->base);
        fputs(".svg\"><img src=\"trend/", f);
        vs_markup_escape(f, t->base);
        fputs(".png\" alt=\"", f);
        vs_markup_escape(f, t->label);
        fputs("\"></a><figcaption>", f);
        vs_markup_escape(f, t->label);
        fprintf(f, ", %d night%s%s</figcaption></figure>\n", t->nights, t->nights == 1 ? "" : "s",
                t->ncp ? ", change points marked" : "");
    }
    fputs("</div>\n", f);
}

int vs_fleetview_html(const char *path, const vs_fleet *fl, const vs_trend_list *charts,
                      vs_err *e)
{
    vs_afile a;
    FILE *f;

    if (vs_afile_open(&a, path, "wb", e) != 0)
        return -1;
    f = a.f;
    write_head(f, fl);
    if (fl->npairs == 0)
        fputs("<p>The history holds no night yet.</p>\n", f);
    else
        write_table(f, fl, charts);
    for (int p = 0; p < fl->npairs; p++)
        write_pair(f, fl, charts, p);
    fputs("</body></html>\n", f);
    return vs_afile_commit(&a, e);
}
