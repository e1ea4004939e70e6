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

static const char *pct(char *buf, size_t n, const vs_measure_cmp *m)
{
    if (!m->present)
        snprintf(buf, n, "-");
    else
        snprintf(buf, n, "%+.1f%%", m->delta * 100);
    return buf;
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
               "test against that margin, Benjamini-Hochberg over the %d measures compared",
            c->opts.min_effect * 100, c->opts.alpha, c->ntests);
}

/* The sweep-wide shift and what was done with it. */
static void drift_line(FILE *f, const vs_comparison *c, const char *lead)
{
    const vs_drift *d = &c->drift_fig;

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
    char name[96], base[24], cand[24], change[16], p[16], sd[16], lat[40], note[180];
} cells;

static void fill_cells(const vs_point_cmp *pc, cells *c)
{
    const char *fmt = vs_test_is_rr(pc->pt.test) ? "%.0f" : "%.3f";
    char a[16], b[16];

    point_name(pc, c->name, sizeof c->name);
    snprintf(c->base, sizeof c->base, "-");
    snprintf(c->cand, sizeof c->cand, "-");
    if (pc->fig.present) {
        snprintf(c->base, sizeof c->base, fmt, pc->fig.base);
        snprintf(c->cand, sizeof c->cand, fmt, pc->fig.cand);
    }
    pct(c->change, sizeof c->change, &pc->fig);
    pval(c->p, sizeof c->p, &pc->fig);
    pct(c->sd, sizeof c->sd, &pc->sd);
    snprintf(c->lat, sizeof c->lat, "%s / %s", pct(a, sizeof a, &pc->p50),
             pct(b, sizeof b, &pc->p99));
    snprintf(c->note, sizeof c->note, "%s%s%s", pc->note[0] ? " (" : "", pc->note,
             pc->note[0] ? ")" : "");
}

/* Points of the bulk tests (rr = 0) or of rr and crr (rr = 1)? */
static int count_kind(const vs_comparison *c, int rr)
{
    int n = 0;

    for (int i = 0; i < c->n; i++)
        n += vs_test_is_rr(c->p[i].pt.test) == rr;
    return n;
}

static const char *verdict_text(const vs_point_cmp *pc, const char *regression)
{
    return pc->verdict == VS_V_REGRESSION ? regression : vs_verdict_name(pc->verdict);
}

static void table_rows(FILE *f, const vs_comparison *c, int rr)
{
    cells t;

    if (!rr)
        fprintf(f, "\n%-30s %11s %11s %8s %9s %9s  %s\n", "point", "base Gbit/s", "cand Gbit/s",
                "change", "p", "CPU/KB", "verdict");
    else
        fprintf(f, "\n%-34s %11s %11s %8s %9s %17s %9s  %s\n", "point", "base trans/s",
                "cand trans/s", "change", "p", "p50 / p99 latency", "CPU/trans", "verdict");
    for (int i = 0; i < c->n; i++) {
        const vs_point_cmp *pc = &c->p[i];
        if (vs_test_is_rr(pc->pt.test) != rr)
            continue;
        fill_cells(pc, &t);
        if (!rr)
            fprintf(f, "%-30s %11s %11s %8s %9s %9s  %s%s\n", t.name, t.base, t.cand, t.change,
                    t.p, t.sd, verdict_text(pc, "REGRESSION"), t.note);
        else
            fprintf(f, "%-34s %11s %11s %8s %9s %17s %9s  %s%s\n", t.name, t.base, t.cand,
                    t.change, t.p, t.lat, t.sd, verdict_text(pc, "REGRESSION"), t.note);
    }
}

void vs_verdict_table(FILE *f, const vs_comparison *c)
{
    fprintf(f, "baseline:  %s\ncandidate: %s\n(", c->base_label, c->cand_label);
    method(f, c);
    fputs(")\n", f);
    drift_line(f, c, "");
    for (int i = 0; i < c->nwarn; i++)
        fprintf(f, "WARNING: %s\n", c->warn[i]);
    vs_changes_table(f, c->env);
    if (count_kind(c, 0) > 0 || count_kind(c, 1) == 0)
        table_rows(f, c, 0);
    if (count_kind(c, 1) > 0)
        table_rows(f, c, 1);
    summary_line(f, c, "\n");
}

static void markdown_rows(FILE *f, const vs_comparison *c, int rr)
{
    cells t;

    if (!rr)
        fprintf(f, "| point | baseline Gbit/s | candidate Gbit/s | change | p | CPU per KB | "
                   "verdict |\n|---|---:|---:|---:|---:|---:|---|\n");
    else
        fprintf(f, "| point | baseline transactions/s | candidate transactions/s | change | p | "
                   "p50 / p99 latency | CPU per transaction | verdict |\n"
                   "|---|---:|---:|---:|---:|---:|---:|---|\n");
    for (int i = 0; i < c->n; i++) {
        const vs_point_cmp *pc = &c->p[i];
        if (vs_test_is_rr(pc->pt.test) != rr)
            continue;
        fill_cells(pc, &t);
        fprintf(f, "| %s | %s | %s | %s | %s |", t.name, t.base, t.cand, t.change, t.p);
        if (rr)
            fprintf(f, " %s |", t.lat);
        fprintf(f, " %s | %s%s |\n", t.sd, verdict_text(pc, "**regression**"), t.note);
    }
}

void vs_verdict_markdown(FILE *f, const vs_comparison *c)
{
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
    if (c->drift_fig.valid)
        fputc('\n', f);
    vs_changes_markdown(f, c->env);
    if (count_kind(c, 0) > 0 || count_kind(c, 1) == 0)
        markdown_rows(f, c, 0);
    if (count_kind(c, 0) > 0 && count_kind(c, 1) > 0)
        fputc('\n', f);
    if (count_kind(c, 1) > 0)
        markdown_rows(f, c, 1);
    summary_line(f, c, "\n");
}

/* The failure message of a regressed point: what went the wrong way. */
static void regression_text(const vs_point_cmp *pc, char *msg, size_t n)
{
    int rr = vs_test_is_rr(pc->pt.test);

    snprintf(msg, n, "regression: %s %+.1f%% (p = %.3g)%s%s", rr ? "transactions/s" : "throughput",
             pc->fig.delta * 100, pc->fig.p,
             pc->sd.verdict == VS_V_REGRESSION ? (rr ? ", CPU per transaction up" :
                                                  ", CPU per KB up") : "",
             pc->p50.verdict == VS_V_REGRESSION || pc->p99.verdict == VS_V_REGRESSION
                 ? ", latency up" : "");
    if (rr && pc->p50.present) {
        size_t len = strlen(msg);
        snprintf(msg + len, n - len, "; p50 %+.1f%%, p99 %+.1f%%", pc->p50.delta * 100,
                 pc->p99.delta * 100);
    }
}

static void junit_case(FILE *f, const vs_point_cmp *pc)
{
    char name[96], msg[320];
    const char *unit = vs_test_is_rr(pc->pt.test) ? "transactions/s" : "Gbit/s";

    point_name(pc, name, sizeof name);
    fprintf(f, "    <testcase classname=\"vsbench.%s.%s\" name=\"", vs_transport_name(pc->pt.tr),
            vs_test_name(pc->pt.test));
    vs_markup_escape(f, name);
    fputs("\">\n", f);
    if (pc->verdict == VS_V_REGRESSION) {
        regression_text(pc, msg, sizeof msg);
        fputs("      <failure message=\"", f);
        vs_markup_escape(f, msg);
        fprintf(f, "\">baseline %.3f %s (n=%d), candidate %.3f %s (n=%d)</failure>\n",
                pc->fig.base, unit, pc->fig.n_base, pc->fig.cand, unit, pc->fig.n_cand);
    } else if (pc->verdict == VS_V_INCONCLUSIVE || pc->verdict == VS_V_MISSING) {
        snprintf(msg, sizeof msg, "%s: %s", vs_verdict_name(pc->verdict), pc->note);
        fputs("      <skipped message=\"", f);
        vs_markup_escape(f, msg);
        fputs("\"/>\n", f);
    } else {
        fprintf(f, "      <system-out>%s: %s %+.1f%%</system-out>\n", vs_verdict_name(pc->verdict),
                vs_test_is_rr(pc->pt.test) ? "transactions/s" : "throughput",
                pc->fig.delta * 100);
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
    if (!c->drift_fig.valid) {
        vs_json_null(j, "drift");
        return;
    }
    vs_json_obj_begin(j, "drift");
    vs_json_num(j, "gbps", c->drift_fig.shift);
    if (c->drift_sd.valid)
        vs_json_num(j, "service_demand", c->drift_sd.shift);
    vs_json_int(j, "points", c->drift_fig.points);
    vs_json_bool(j, "within", c->drift_fig.applied);
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
        measure_json(&j, vs_test_is_rr(pc->pt.test) ? "transactions_per_second" : "throughput",
                     &pc->fig);
        if (vs_test_is_rr(pc->pt.test)) {
            vs_json_uint(&j, "resp", pc->pt.resp);
            vs_json_int(&j, "burst", pc->pt.burst);
            measure_json(&j, "latency_p50", &pc->p50);
            measure_json(&j, "latency_p99", &pc->p99);
        }
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
