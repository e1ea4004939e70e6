/* verdict.c - see verdict.h. */
#include "reports/verdict.h"
#include "reports/changes.h"
#include "reports/markup.h"
#include "core/json.h"
#include "core/label.h"

#include <string.h>

static const char *point_name(const vs_point_cmp *p, char *buf, size_t n)
{
    return vs_label_point(&p->pt, buf, n);
}

static void pct(char *buf, size_t n, const vs_measure_cmp *m)
{
    if (!m->present)
        snprintf(buf, n, "-");
    else
        snprintf(buf, n, "%+.1f%%", m->delta * 100);
}

static int tested(const vs_measure_cmp *m)
{
    return m->present && m->n_base >= 2 && m->n_cand >= 2;
}

static void pval(char *buf, size_t n, const vs_measure_cmp *m)
{
    if (!tested(m))
        snprintf(buf, n, "-");
    else
        snprintf(buf, n, "%.3g", m->p);
}

/* How the verdicts were reached, one sentence (also in the Markdown). */
static void method(FILE *f, const vs_comparison *c)
{
    fprintf(f, "a change counts when it is beyond %.3g%% with p < %.3g, by a one-sided Welch "
               "test against that margin", c->opts.min_effect * 100, c->opts.alpha);
}

/* The sweep-wide shift and what was done with it. */
static void drift_line(FILE *f, const vs_comparison *c, const char *lead)
{
    const vs_drift *d = &c->drift_gbps;

    if (!d->valid)
        return;
    fprintf(f, "%sSweep-wide shift: throughput %+.1f%% (median of %d points)", lead,
            d->shift * 100, d->points);
    if (c->drift_sd.valid)
        fprintf(f, ", CPU per KB %+.1f%%", c->drift_sd.shift * 100);
    if (d->applied)
        fprintf(f, "; within the drift allowance of +/-%.0f%%: taken as machine drift, each "
                   "point judged beyond it\n", c->opts.drift * 100);
    else
        fprintf(f, "; beyond the drift allowance of +/-%.0f%%: not allowed for\n",
                c->opts.drift * 100);
}

static void summary_line(FILE *f, const vs_comparison *c, const char *prefix)
{
    fprintf(f, "%s%d points: %d regression, %d improvement, %d no change, %d inconclusive, "
               "%d missing\n", prefix, c->n, c->counts[VS_V_REGRESSION],
            c->counts[VS_V_IMPROVEMENT], c->counts[VS_V_NO_CHANGE],
            c->counts[VS_V_INCONCLUSIVE], c->counts[VS_V_MISSING]);
}

/* One point's row as text, shared by the table and the Markdown. */
typedef struct cells {
    char name[96], base[24], cand[24], change[16], p[16], sd[16], note[180];
} cells;

static void fill_cells(const vs_point_cmp *pc, cells *c)
{
    point_name(pc, c->name, sizeof c->name);
    snprintf(c->base, sizeof c->base, "-");
    snprintf(c->cand, sizeof c->cand, "-");
    if (pc->gbps.present) {
        snprintf(c->base, sizeof c->base, "%.3f", pc->gbps.base);
        snprintf(c->cand, sizeof c->cand, "%.3f", pc->gbps.cand);
    }
    pct(c->change, sizeof c->change, &pc->gbps);
    pval(c->p, sizeof c->p, &pc->gbps);
    pct(c->sd, sizeof c->sd, &pc->sd);
    snprintf(c->note, sizeof c->note, "%s%s%s", pc->note[0] ? " (" : "", pc->note,
             pc->note[0] ? ")" : "");
}

void vs_verdict_table(FILE *f, const vs_comparison *c)
{
    cells t;

    fprintf(f, "baseline:  %s\ncandidate: %s\n(", c->base_label, c->cand_label);
    method(f, c);
    fputs(")\n", f);
    drift_line(f, c, "");
    for (int i = 0; i < c->nwarn; i++)
        fprintf(f, "WARNING: %s\n", c->warn[i]);
    vs_changes_table(f, c->env);
    fprintf(f, "\n%-30s %11s %11s %8s %9s %9s  %s\n", "point", "base Gbit/s", "cand Gbit/s",
            "change", "p", "CPU/KB", "verdict");
    for (int i = 0; i < c->n; i++) {
        const vs_point_cmp *pc = &c->p[i];
        fill_cells(pc, &t);
        fprintf(f, "%-30s %11s %11s %8s %9s %9s  %s%s\n", t.name, t.base, t.cand, t.change, t.p,
                t.sd, pc->verdict == VS_V_REGRESSION ? "REGRESSION" : vs_verdict_name(pc->verdict),
                t.note);
    }
    summary_line(f, c, "\n");
}

void vs_verdict_markdown(FILE *f, const vs_comparison *c)
{
    cells t;

    fprintf(f, "### vsbench: %s\n\n",
            c->counts[VS_V_REGRESSION] ? "regression" : "no regression");
    for (int i = 0; i < c->nwarn; i++) {
        fputs("> **Warning:** ", f);
        vs_markdown_escape(f, c->warn[i]); /* names values from the files */
        fputs("\n\n", f);
    }
    fprintf(f, "Baseline `%s`, candidate `%s`; ", c->base_label, c->cand_label);
    method(f, c);
    fputs(".\n\n", f);
    drift_line(f, c, "");
    if (c->drift_gbps.valid)
        fputc('\n', f);
    vs_changes_markdown(f, c->env);
    fprintf(f, "| point | baseline Gbit/s | candidate Gbit/s | change | p | CPU per KB | verdict |\n");
    fprintf(f, "|---|---:|---:|---:|---:|---:|---|\n");
    for (int i = 0; i < c->n; i++) {
        const vs_point_cmp *pc = &c->p[i];
        fill_cells(pc, &t);
        fprintf(f, "| %s | %s | %s | %s | %s | %s | %s%s |\n", t.name, t.base, t.cand, t.change,
                t.p, t.sd,
                pc->verdict == VS_V_REGRESSION ? "**regression**" : vs_verdict_name(pc->verdict),
                t.note);
    }
    summary_line(f, c, "\n");
}

static void junit_case(FILE *f, const vs_point_cmp *pc)
{
    char name[96], msg[320];

    point_name(pc, name, sizeof name);
    fprintf(f, "    <testcase classname=\"vsbench.%s.%s\" name=\"", vs_transport_name(pc->pt.tr),
            vs_test_name(pc->pt.test));
    vs_markup_escape(f, name);
    fputs("\">\n", f);
    if (pc->verdict == VS_V_REGRESSION) {
        snprintf(msg, sizeof msg, "regression: throughput %+.1f%% (p = %.3g)%s", pc->gbps.delta * 100,
                 pc->gbps.p, pc->sd.verdict == VS_V_REGRESSION ? ", CPU per KB up" : "");
        fputs("      <failure message=\"", f);
        vs_markup_escape(f, msg);
        fprintf(f, "\">baseline %.3f Gbit/s (n=%d), candidate %.3f Gbit/s (n=%d)</failure>\n",
                pc->gbps.base, pc->gbps.n_base, pc->gbps.cand, pc->gbps.n_cand);
    } else if (pc->verdict == VS_V_INCONCLUSIVE || pc->verdict == VS_V_MISSING) {
        snprintf(msg, sizeof msg, "%s: %s", vs_verdict_name(pc->verdict), pc->note);
        fputs("      <skipped message=\"", f);
        vs_markup_escape(f, msg);
        fputs("\"/>\n", f);
    } else {
        fprintf(f, "      <system-out>%s: throughput %+.1f%%</system-out>\n",
                vs_verdict_name(pc->verdict), pc->gbps.delta * 100);
    }
    fputs("    </testcase>\n", f);
}

void vs_verdict_junit(FILE *f, const vs_comparison *c)
{
    int skipped = c->counts[VS_V_INCONCLUSIVE] + c->counts[VS_V_MISSING];

    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", f);
    fprintf(f, "<testsuites name=\"vsbench\" tests=\"%d\" failures=\"%d\" skipped=\"%d\">\n", c->n,
            c->counts[VS_V_REGRESSION], skipped);
    fprintf(f, "  <testsuite name=\"vsbench compare\" tests=\"%d\" failures=\"%d\" skipped=\"%d\">\n",
            c->n, c->counts[VS_V_REGRESSION], skipped);
    vs_changes_junit(f, c->env, "    ");
    for (int i = 0; i < c->n; i++)
        junit_case(f, &c->p[i]);
    if (c->nwarn > 0) {
        fputs("    <system-err>", f);
        for (int i = 0; i < c->nwarn; i++) {
            vs_markup_escape(f, c->warn[i]);
            fputc('\n', f);
        }
        fputs("</system-err>\n", f);
    }
    fputs("  </testsuite>\n</testsuites>\n", f);
}

static void measure_json(vs_json *j, const char *key, const vs_measure_cmp *m)
{
    if (!m->present) {
        vs_json_null(j, key);
        return;
    }
    vs_json_obj_begin(j, key);
    vs_json_num(j, "baseline", m->base);
    vs_json_num(j, "candidate", m->cand);
    vs_json_int(j, "n_baseline", m->n_base);
    vs_json_int(j, "n_candidate", m->n_cand);
    vs_json_num(j, "change", m->delta);
    vs_json_num(j, "change_beyond_sweep", m->adjusted);
    vs_json_bool(j, "baseline_of_sweeps", m->by_sweeps);
    if (tested(m))
        vs_json_num(j, "p", m->p);
    else
        vs_json_null(j, "p");
    vs_json_str(j, "verdict", vs_verdict_name(m->verdict));
    vs_json_obj_end(j);
}

static void drift_json(vs_json *j, const vs_comparison *c)
{
    if (!c->drift_gbps.valid) {
        vs_json_null(j, "drift");
        return;
    }
    vs_json_obj_begin(j, "drift");
    vs_json_num(j, "gbps", c->drift_gbps.shift);
    if (c->drift_sd.valid)
        vs_json_num(j, "service_demand", c->drift_sd.shift);
    vs_json_int(j, "points", c->drift_gbps.points);
    vs_json_bool(j, "within", c->drift_gbps.applied);
    vs_json_obj_end(j);
}

static void counts_json(vs_json *j, const vs_comparison *c)
{
    vs_json_obj_begin(j, "counts");
    for (int v = 0; v <= VS_V_REGRESSION; v++)
        vs_json_int(j, vs_verdict_name((enum vs_verdict)v), c->counts[v]);
    vs_json_obj_end(j);
}

void vs_verdict_json(FILE *f, const vs_comparison *c)
{
    vs_json j;
    char name[96];

    vs_json_init(&j, 1);
    vs_json_obj_begin(&j, NULL);
    vs_json_str(&j, "baseline", c->base_label);
    vs_json_str(&j, "candidate", c->cand_label);
    vs_json_num(&j, "alpha", c->opts.alpha);
    vs_json_num(&j, "min_effect", c->opts.min_effect);
    vs_json_num(&j, "drift_allowance", c->opts.drift);
    drift_json(&j, c);
    counts_json(&j, c);
    vs_json_str(&j, "verdict", c->counts[VS_V_REGRESSION] ? "regression" : "no regression");
    vs_json_arr_begin(&j, "warnings");
    for (int i = 0; i < c->nwarn; i++)
        vs_json_str(&j, NULL, c->warn[i]);
    vs_json_arr_end(&j);
    vs_changes_json(&j, c->env);
    vs_json_arr_begin(&j, "points");
    for (int i = 0; i < c->n; i++) {
        const vs_point_cmp *pc = &c->p[i];
        vs_json_obj_begin(&j, NULL);
        vs_json_str(&j, "point", point_name(pc, name, sizeof name));
        vs_json_str(&j, "transport", vs_transport_name(pc->pt.tr));
        vs_json_str(&j, "test", vs_test_name(pc->pt.test));
        vs_json_uint(&j, "sock", pc->pt.sock);
        vs_json_uint(&j, "msg", pc->pt.msg);
        vs_json_int(&j, "sessions", pc->pt.sessions);
        measure_json(&j, "throughput", &pc->gbps);
        measure_json(&j, "service_demand", &pc->sd);
        vs_json_str(&j, "verdict", vs_verdict_name(pc->verdict));
        vs_json_str(&j, "note", pc->note);
        vs_json_obj_end(&j);
    }
    vs_json_arr_end(&j);
    vs_json_obj_end(&j);
    fprintf(f, "%s\n", vs_json_text(&j));
    vs_json_free(&j);
}
