/* compare.c - see compare.h. */
#include "analysis/compare.h"
#include "core/grow.h"
#include "analysis/fdr.h"
#include "analysis/tdist.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const verdict_names[] = {
    "no change", "improvement", "inconclusive", "missing", "regression",
};

const char *vs_verdict_name(enum vs_verdict v)
{
    return verdict_names[v];
}

void vs_side_from_runs(const double *v, int n, vs_side *s)
{
    vs_stats st;

    vs_stats_compute(v, n, 0.95, &st);
    s->mean = st.mean;
    s->n = n;
    s->se2 = n > 1 ? st.sd * st.sd / n : 0;
    s->df = n > 1 ? n - 1 : 0;
}

void vs_side_from_sweeps(const double *means, int n, vs_side *s)
{
    vs_stats st;

    vs_stats_compute(means, n, 0.95, &st);
    s->mean = st.mean;
    s->n = n;
    s->se2 = n > 1 ? st.sd * st.sd * (1.0 + 1.0 / n) : 0;
    s->df = n > 1 ? n - 1 : 0;
}

/* One-sided p-value that cand.mean is below (or above) ratio * base.mean:
 * Welch's t with Welch-Satterthwaite degrees of freedom. */
static double beyond(const vs_side *b, const vs_side *c, double ratio, int below)
{
    double vb = ratio * ratio * b->se2, vc = c->se2, se2 = vb + vc;
    double diff = c->mean - ratio * b->mean, den = 0, t;

    if (se2 <= 0)
        return (below ? diff < 0 : diff > 0) ? 0.0 : 1.0;
    if (vb > 0 && b->df > 0)
        den += vb * vb / b->df;
    if (vc > 0 && c->df > 0)
        den += vc * vc / c->df;
    t = diff / sqrt(se2);
    return vs_tdist_sf(below ? -t : t, den > 0 ? se2 * se2 / den : 1.0);
}

void vs_compare_sides(const vs_side *base, const vs_side *cand, int higher_is_better,
                      double scale, const vs_compare_opts *o, vs_measure_cmp *out)
{
    vs_side b = *base;
    double m = o->min_effect, p_worse, p_better;

    memset(out, 0, sizeof *out);
    out->present = 1;
    out->base = base->mean;
    out->cand = cand->mean;
    out->n_base = base->n;
    out->n_cand = cand->n;
    out->p = 1.0;
    b.mean *= scale;
    b.se2 *= scale * scale;
    out->delta = base->mean > 0 ? cand->mean / base->mean - 1 : 0.0;
    out->adjusted = b.mean > 0 ? cand->mean / b.mean - 1 : 0.0;
    if (base->n < 2 || cand->n < 2 || b.mean <= 0) {
        out->verdict = VS_V_INCONCLUSIVE;
        return;
    }
    p_worse = higher_is_better ? beyond(&b, cand, 1 - m, 1) : beyond(&b, cand, 1 + m, 0);
    p_better = higher_is_better ? beyond(&b, cand, 1 + m, 0) : beyond(&b, cand, 1 - m, 1);
    out->p = (higher_is_better ? -out->adjusted : out->adjusted) > 0 ? p_worse : p_better;
    if (fabs(out->adjusted) < m)
        out->verdict = VS_V_NO_CHANGE;
    else if (p_worse < o->alpha)
        out->verdict = VS_V_REGRESSION;
    else if (p_better < o->alpha)
        out->verdict = VS_V_IMPROVEMENT;
    else
        out->verdict = VS_V_INCONCLUSIVE;
}

void vs_compare_measure(const double *base, int nb, const double *cand, int nc,
                        int higher_is_better, const vs_compare_opts *o, vs_measure_cmp *out)
{
    vs_side b, c;

    vs_side_from_runs(base, nb, &b);
    vs_side_from_runs(cand, nc, &c);
    vs_compare_sides(&b, &c, higher_is_better, 1.0, o, out);
}

/* The successful runs of a point on one side (all host pairs pooled),
 * with the sweep (source) of each. */
static void collect(const vs_dataset *d, const vs_point *pt, vs_sample *s)
{
    size_t cap = (size_t)d->nrec + 1;
    int with_cpu = 0, rr = vs_test_is_rr(pt->test);

    memset(s, 0, sizeof *s);
    s->fig = calloc(cap, sizeof *s->fig);
    s->sd = calloc(cap, sizeof *s->sd);
    s->p50 = calloc(cap, sizeof *s->p50);
    s->p99 = calloc(cap, sizeof *s->p99);
    s->src = calloc(cap, sizeof *s->src);
    if (s->fig == NULL || s->sd == NULL || s->p50 == NULL || s->p99 == NULL || s->src == NULL)
        return;
    for (int i = 0; i < d->nrec; i++) {
        const vs_rec *r = &d->rec[i];
        if (r->row.session != 0 || !vs_point_equal(&r->row.pt, pt))
            continue;
        if (!r->row.ok) {
            s->failed++;
            continue;
        }
        s->fig[s->n] = vs_row_figure(&r->row);
        s->sd[s->n] = rr ? r->row.sdt_local + r->row.sdt_remote
                         : r->row.sd_local + r->row.sd_remote;
        s->p50[s->n] = r->row.lat_p50;
        s->p99[s->n] = r->row.lat_p99;
        s->src[s->n] = r->source;
        with_cpu += s->sd[s->n] > 0;
        s->n++;
    }
    if (with_cpu < s->n) { /* CPU figures must exist for every run */
        free(s->sd);
        s->sd = NULL;
    }
}

static void sample_free(vs_sample *s)
{
    free(s->fig);
    free(s->sd);
    free(s->p50);
    free(s->p99);
    free(s->src);
}

/* A baseline side: the means of its sweeps when it holds VS_MIN_SWEEPS or
 * more of them, else its runs. Returns 1 for sweeps. */
static int base_side(const vs_sample *s, const double *v, int nsrc, vs_side *out)
{
    double *means = calloc((size_t)nsrc + 1, sizeof *means);
    int n = 0;

    for (int k = 0; means != NULL && k < nsrc; k++) {
        double sum = 0;
        int cnt = 0;
        for (int i = 0; i < s->n; i++)
            if (s->src[i] == k) {
                sum += v[i];
                cnt++;
            }
        if (cnt > 0)
            means[n++] = sum / cnt;
    }
    if (n >= VS_MIN_SWEEPS)
        vs_side_from_sweeps(means, n, out);
    else
        vs_side_from_runs(v, s->n, out);
    free(means);
    return n >= VS_MIN_SWEEPS;
}

static int add_point(vs_comparison *c, const vs_point *pt, int *cap)
{
    vs_point_cmp *p, fresh;

    for (int i = 0; i < c->n; i++)
        if (vs_point_equal(&c->p[i].pt, pt))
            return 0;
    memset(&fresh, 0, sizeof fresh);
    fresh.pt = *pt;
    p = vs_push(c->p, &c->n, cap, &fresh, sizeof fresh);
    return p != NULL ? (c->p = p, 0) : -1;
}

/* One point's sides, before judging. */
typedef struct prep {
    int in_base, in_cand, failed, has_sd, sweeps, rr;
    vs_side gb, gc, sb, sc;  /* headline figure, service demand */
    vs_side lb50, lc50, lb99, lc99; /* rr, crr: p50 and p99 latency */
} prep;

static void prepare_point(const vs_dataset *base, const vs_dataset *cand, const vs_point *pt,
                          prep *pr)
{
    vs_sample sb, sc;

    memset(pr, 0, sizeof *pr);
    collect(base, pt, &sb);
    collect(cand, pt, &sc);
    pr->in_base = sb.n + sb.failed > 0;
    pr->in_cand = sc.n + sc.failed > 0;
    pr->failed = sb.failed + sc.failed;
    pr->sweeps = base_side(&sb, sb.fig, base->nsrc, &pr->gb);
    vs_side_from_runs(sc.fig, sc.n, &pr->gc);
    pr->rr = vs_test_is_rr(pt->test);
    if (pr->rr) {
        base_side(&sb, sb.p50, base->nsrc, &pr->lb50);
        vs_side_from_runs(sc.p50, sc.n, &pr->lc50);
        base_side(&sb, sb.p99, base->nsrc, &pr->lb99);
        vs_side_from_runs(sc.p99, sc.n, &pr->lc99);
    }
    pr->has_sd = sb.sd != NULL && sc.sd != NULL && sb.n > 0 && sc.n > 0;
    if (pr->has_sd) {
        base_side(&sb, sb.sd, base->nsrc, &pr->sb);
        vs_side_from_runs(sc.sd, sc.n, &pr->sc);
    }
    sample_free(&sb);
    sample_free(&sc);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* The sweep-wide shift of one measure (sd: service demand): the median of
 * the points' log ratios, from points with 2 runs a side; applied when
 * within the allowance. Baselines of several sweeps carry their drift in
 * their spread: no shift then. */
static void estimate_drift(const prep *pr, int n, int sd, const vs_compare_opts *o, vs_drift *d)
{
    double *lr = calloc((size_t)n + 1, sizeof *lr), med;
    int k = 0;

    memset(d, 0, sizeof *d);
    for (int i = 0; lr != NULL && i < n; i++) {
        const vs_side *b = sd ? &pr[i].sb : &pr[i].gb, *c = sd ? &pr[i].sc : &pr[i].gc;
        if (pr[i].sweeps) {
            k = 0;
            break;
        }
        if ((!sd || pr[i].has_sd) && b->n >= 2 && c->n >= 2 && b->mean > 0 && c->mean > 0)
            lr[k++] = log(c->mean / b->mean);
    }
    if (k >= VS_DRIFT_MIN_POINTS) {
        qsort(lr, (size_t)k, sizeof *lr, cmp_double);
        med = k % 2 ? lr[k / 2] : (lr[k / 2 - 1] + lr[k / 2]) / 2;
        d->valid = 1;
        d->points = k;
        d->shift = exp(med) - 1;
        d->applied = fabs(d->shift) <= o->drift;
    }
    free(lr);
}

static void note_add(vs_point_cmp *pc, const char *fmt, ...) VS_PRINTF(2, 3);

/* Append a sentence to the point's note ("; " between). */
static void note_add(vs_point_cmp *pc, const char *fmt, ...)
{
    size_t len = strlen(pc->note);
    va_list ap;

    if (len > 0 && len + 2 < sizeof pc->note) {
        memcpy(pc->note + len, "; ", 3);
        len += 2;
    }
    va_start(ap, fmt);
    vsnprintf(pc->note + len, sizeof pc->note - len, fmt, ap);
    va_end(ap);
}

/* rr and crr: p50 and p99 latency, lower is better, unscaled (the drift
 * allowance is estimated on the headline figure). */
static void judge_latency(const prep *pr, const vs_compare_opts *o, vs_point_cmp *pc)
{
    vs_compare_sides(&pr->lb50, &pr->lc50, 0, 1.0, o, &pc->p50);
    vs_compare_sides(&pr->lb99, &pr->lc99, 0, 1.0, o, &pc->p99);
    pc->p50.by_sweeps = pc->p99.by_sweeps = pr->sweeps;
    if (pc->p50.verdict == VS_V_REGRESSION || pc->p99.verdict == VS_V_REGRESSION)
        pc->verdict = VS_V_REGRESSION;
}

static void judge_point(const prep *pr, const vs_comparison *c, vs_point_cmp *pc)
{
    const vs_compare_opts *o = &c->opts;
    double kg = c->drift_fig.applied ? 1 + c->drift_fig.shift : 1.0;
    double ks = c->drift_sd.applied ? 1 + c->drift_sd.shift : 1.0;

    pc->in_base = pr->in_base;
    pc->in_cand = pr->in_cand;
    if (!pr->in_base || !pr->in_cand) {
        pc->verdict = VS_V_MISSING;
        snprintf(pc->note, sizeof pc->note, "only in the %s", pr->in_base ? "baseline" : "candidate");
        return;
    }
    vs_compare_sides(&pr->gb, &pr->gc, 1, kg, o, &pc->fig);
    pc->fig.by_sweeps = pr->sweeps;
    pc->verdict = pc->fig.verdict;
    if (pr->has_sd) {
        vs_compare_sides(&pr->sb, &pr->sc, 0, ks, o, &pc->sd);
        pc->sd.by_sweeps = pr->sweeps;
        if (pc->sd.verdict == VS_V_REGRESSION)
            pc->verdict = VS_V_REGRESSION;
    }
    if (pr->rr)
        judge_latency(pr, o, pc);
    if (pr->gb.n < 2 || pr->gc.n < 2)
        note_add(pc, "too few successful runs (%d vs %d)", pr->gb.n, pr->gc.n);
    else if (pc->verdict == VS_V_INCONCLUSIVE)
        note_add(pc, "change of %+.1f%%, p = %.3g: not clearly beyond the minimum effect",
                 pc->fig.adjusted * 100, pc->fig.p);
    if (kg != 1.0 && pc->verdict != VS_V_MISSING)
        note_add(pc, "%+.1f%% beyond the sweep-wide shift of %+.1f%%", pc->fig.adjusted * 100,
                 c->drift_fig.shift * 100);
    if (pr->failed > 0)
        note_add(pc, "%d failed run(s) left out", pr->failed);
}

/* Loud warnings when the environments differ. */
static void compare_env(const vs_dataset *a, const vs_dataset *b, vs_comparison *c)
{
    static const char *const keys[] = {
        "hosts.local.kernel", "hosts.remote.kernel", "hosts.local.cpu_model",
        "hosts.remote.cpu_model", "hosts.local.hypervisor", "hosts.remote.hypervisor",
    };

    if (a->nsrc == 0 || b->nsrc == 0)
        return;
    for (size_t k = 0; k < sizeof keys / sizeof keys[0] && c->nwarn < 8; k++) {
        const char *x = vs_meta_str(&a->src[a->nsrc - 1], keys[k]);
        const char *y = vs_meta_str(&b->src[b->nsrc - 1], keys[k]);
        if (strcmp(x, y) != 0)
            snprintf(c->warn[c->nwarn++], sizeof c->warn[0],
                     "DIFFERENT ENVIRONMENTS: %s is '%s' in the baseline but '%s' in the "
                     "candidate; changes may come from that, not from the code", keys[k] + 6,
                     x, y);
    }
}

/* What changed in the settings of both ends (analysis/env.h): the
 * baseline's last sweep against the candidate's. */
static int env_changes(const vs_dataset *a, const vs_dataset *b, vs_comparison *c)
{
    vs_env *env;

    if (a->nsrc == 0 || b->nsrc == 0)
        return 0;
    env = calloc(2, sizeof *env);
    c->env = calloc(1, sizeof *c->env);
    if (env == NULL || c->env == NULL) {
        free(env);
        return -1;
    }
    vs_env_from_meta(a->src[a->nsrc - 1].meta, &env[0]);
    vs_env_from_meta(b->src[b->nsrc - 1].meta, &env[1]);
    vs_env_diff_of(&env[0], &env[1], c->env);
    free(env);
    return 0;
}

/* A sweep-wide shift beyond the drift allowance is said loudly. */
static void drift_warning(vs_comparison *c)
{
    const vs_drift *d = &c->drift_fig;

    if (d->valid && !d->applied && c->nwarn < 8)
        snprintf(c->warn[c->nwarn++], sizeof c->warn[0], "the whole candidate sweep moved: "
                 "throughput %+.1f%% (median of %d points), beyond the drift allowance of "
                 "+/-%.0f%%; points are judged without allowing for it (a sweep-wide "
                 "regression, or a machine in another state)", d->shift * 100, d->points,
                 c->opts.drift * 100);
}

static void label(const vs_dataset *d, char *buf, size_t n)
{
    buf[0] = '\0';
    for (int i = 0; i < d->nsrc; i++) {
        size_t len = strlen(buf);
        snprintf(buf + len, n - len, "%s%s", i ? ", " : "", d->src[i].path);
    }
}

/* ---- many points at once ------------------------------------------------ */

#define NMEASURES 4

static vs_measure_cmp *measure_at(vs_point_cmp *pc, int k)
{
    vs_measure_cmp *m[NMEASURES] = { &pc->fig, &pc->sd, &pc->p50, &pc->p99 };
    return m[k];
}

/* A measure whose verdict came from a test (2 runs or more a side). */
static int was_tested(const vs_measure_cmp *m)
{
    return m->present && m->n_base >= 2 && m->n_cand >= 2 && m->base > 0;
}

/* Regression when any measure is, else the headline figure's verdict. */
static enum vs_verdict point_verdict(vs_point_cmp *pc)
{
    for (int k = 0; k < NMEASURES; k++)
        if (measure_at(pc, k)->verdict == VS_V_REGRESSION)
            return VS_V_REGRESSION;
    return pc->fig.verdict;
}

/* Many measures are tested at once (every point, each of its measures):
 * a regression or an improvement stands only when its p passes the
 * Benjamini-Hochberg step-up over all of them; the others become
 * inconclusive. Without it, a sweep of 48 points tested at alpha 0.01
 * would cry wolf on a fair share of identical pairs. */
static int correct_multiple(vs_comparison *c)
{
    double *p = calloc((size_t)c->n * NMEASURES + 1, sizeof *p), thr;
    int n = 0;

    if (p == NULL)
        return -1;
    for (int i = 0; i < c->n; i++)
        for (int k = 0; k < NMEASURES; k++)
            if (was_tested(measure_at(&c->p[i], k)))
                p[n++] = measure_at(&c->p[i], k)->p;
    thr = vs_bh_threshold(p, n, c->opts.alpha);
    free(p);
    c->ntests = n;
    for (int i = 0; i < c->n; i++) {
        vs_point_cmp *pc = &c->p[i];
        double worst = 0;
        for (int k = 0; k < NMEASURES; k++) {
            vs_measure_cmp *m = measure_at(pc, k);
            if ((m->verdict == VS_V_REGRESSION || m->verdict == VS_V_IMPROVEMENT) && m->p > thr) {
                m->verdict = VS_V_INCONCLUSIVE;
                worst = m->p > worst ? m->p : worst;
            }
        }
        if (worst == 0 || pc->verdict == VS_V_MISSING)
            continue;
        pc->verdict = point_verdict(pc);
        note_add(pc, "p = %.3g is not significant among the %d measures compared "
                 "(Benjamini-Hochberg)", worst, n);
    }
    return 0;
}

int vs_compare_datasets(const vs_dataset *base, const vs_dataset *cand,
                        const vs_compare_opts *o, vs_comparison *c, vs_err *e)
{
    int cap = 0;
    const vs_dataset *sides[2] = { base, cand };
    prep *pr;

    memset(c, 0, sizeof *c);
    c->opts = *o;
    for (int s = 0; s < 2; s++)
        for (int i = 0; i < sides[s]->nrec; i++)
            if (sides[s]->rec[i].row.session == 0 && add_point(c, &sides[s]->rec[i].row.pt, &cap) != 0)
                return vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
    pr = calloc((size_t)c->n + 1, sizeof *pr);
    if (pr == NULL)
        return vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
    for (int i = 0; i < c->n; i++)
        prepare_point(base, cand, &c->p[i].pt, &pr[i]);
    estimate_drift(pr, c->n, 0, o, &c->drift_fig);
    estimate_drift(pr, c->n, 1, o, &c->drift_sd);
    for (int i = 0; i < c->n; i++)
        judge_point(&pr[i], c, &c->p[i]);
    free(pr);
    if (correct_multiple(c) != 0) {
        vs_comparison_free(c);
        return vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
    }
    for (int i = 0; i < c->n; i++)
        c->counts[c->p[i].verdict]++;
    compare_env(base, cand, c);
    if (env_changes(base, cand, c) != 0) {
        vs_comparison_free(c);
        return vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
    }
    drift_warning(c);
    label(base, c->base_label, sizeof c->base_label);
    label(cand, c->cand_label, sizeof c->cand_label);
    return 0;
}

void vs_comparison_free(vs_comparison *c)
{
    free(c->p);
    free(c->env);
    memset(c, 0, sizeof *c);
}

int vs_comparison_status(const vs_comparison *c)
{
    return c->counts[VS_V_REGRESSION] > 0 ? VS_ERR_RUNTIME : VS_OK;
}
