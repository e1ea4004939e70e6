/* compare.c - see compare.h. */
#include "analysis/compare.h"
#include "core/grow.h"

#include <math.h>
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

void vs_compare_measure(const double *base, int nb, const double *cand, int nc,
                        int higher_is_better, const vs_compare_opts *o, vs_measure_cmp *out)
{
    vs_stats sb, sc;

    memset(out, 0, sizeof *out);
    out->present = 1;
    vs_stats_compute(base, nb, 0.95, &sb);
    vs_stats_compute(cand, nc, 0.95, &sc);
    out->base = sb.mean;
    out->cand = sc.mean;
    out->n_base = nb;
    out->n_cand = nc;
    out->delta = sb.mean > 0 ? (sc.mean - sb.mean) / sb.mean : 0.0;
    vs_welch_test(sb.mean, sb.sd, nb, sc.mean, sc.sd, nc, &out->test);
    if (nb < 2 || nc < 2 || sb.mean <= 0) {
        out->verdict = VS_V_INCONCLUSIVE;
        return;
    }
    double worse = higher_is_better ? -out->delta : out->delta;
    if (fabs(out->delta) < o->min_effect)
        out->verdict = VS_V_NO_CHANGE;
    else if (out->test.p < o->alpha)
        out->verdict = worse > 0 ? VS_V_REGRESSION : VS_V_IMPROVEMENT;
    else
        out->verdict = VS_V_INCONCLUSIVE;
}

/* The successful runs of a point on one side (all host pairs pooled). */
static void collect(const vs_dataset *d, const vs_point *pt, vs_sample *s)
{
    size_t cap = (size_t)d->nrec + 1;
    int with_cpu = 0, rr = vs_test_is_rr(pt->test);

    memset(s, 0, sizeof *s);
    s->fig = calloc(cap, sizeof *s->fig);
    s->sd = calloc(cap, sizeof *s->sd);
    s->p50 = calloc(cap, sizeof *s->p50);
    s->p99 = calloc(cap, sizeof *s->p99);
    if (s->fig == NULL || s->sd == NULL || s->p50 == NULL || s->p99 == NULL)
        return;
    for (int i = 0; i < d->nrec; i++) {
        const vs_row *row = &d->rec[i].row;
        if (row->session != 0 || !vs_point_equal(&row->pt, pt))
            continue;
        if (!row->ok) {
            s->failed++;
            continue;
        }
        s->fig[s->n] = vs_row_figure(row);
        s->sd[s->n] = rr ? row->sdt_local + row->sdt_remote : row->sd_local + row->sd_remote;
        s->p50[s->n] = row->lat_p50;
        s->p99[s->n] = row->lat_p99;
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

/* The measures of a point present on both sides: the headline figure
 * (higher is better), then service demand and for rr and crr latency
 * (lower is better); any regression makes the point one. */
static void judge_measures(const vs_sample *sb, const vs_sample *sc, const vs_compare_opts *o,
                           vs_point_cmp *pc)
{
    vs_compare_measure(sb->fig, sb->n, sc->fig, sc->n, 1, o, &pc->fig);
    pc->verdict = pc->fig.verdict;
    if (sb->sd != NULL && sc->sd != NULL && sb->n > 0 && sc->n > 0) {
        vs_compare_measure(sb->sd, sb->n, sc->sd, sc->n, 0, o, &pc->sd);
        if (pc->sd.verdict == VS_V_REGRESSION)
            pc->verdict = VS_V_REGRESSION;
    }
    if (!vs_test_is_rr(pc->pt.test))
        return;
    vs_compare_measure(sb->p50, sb->n, sc->p50, sc->n, 0, o, &pc->p50);
    vs_compare_measure(sb->p99, sb->n, sc->p99, sc->n, 0, o, &pc->p99);
    if (pc->p50.verdict == VS_V_REGRESSION || pc->p99.verdict == VS_V_REGRESSION)
        pc->verdict = VS_V_REGRESSION;
}

static void judge_point(const vs_dataset *base, const vs_dataset *cand,
                        const vs_compare_opts *o, vs_point_cmp *pc)
{
    vs_sample sb, sc;

    collect(base, &pc->pt, &sb);
    collect(cand, &pc->pt, &sc);
    pc->in_base = sb.n + sb.failed > 0;
    pc->in_cand = sc.n + sc.failed > 0;
    if (!pc->in_base || !pc->in_cand) {
        pc->verdict = VS_V_MISSING;
        snprintf(pc->note, sizeof pc->note, "only in the %s", pc->in_base ? "baseline" : "candidate");
    } else {
        judge_measures(&sb, &sc, o, pc);
        if (sb.n < 2 || sc.n < 2)
            snprintf(pc->note, sizeof pc->note, "too few successful runs (%d vs %d)", sb.n, sc.n);
        else if (pc->verdict == VS_V_INCONCLUSIVE)
            snprintf(pc->note, sizeof pc->note, "change of %+.1f%% but p = %.3g: too noisy",
                     pc->fig.delta * 100, pc->fig.test.p);
        if (sb.failed + sc.failed > 0) {
            size_t len = strlen(pc->note);
            snprintf(pc->note + len, sizeof pc->note - len, "%s%d failed run(s) left out",
                     len ? "; " : "", sb.failed + sc.failed);
        }
    }
    sample_free(&sb);
    sample_free(&sc);
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

static void label(const vs_dataset *d, char *buf, size_t n)
{
    buf[0] = '\0';
    for (int i = 0; i < d->nsrc; i++) {
        size_t len = strlen(buf);
        snprintf(buf + len, n - len, "%s%s", i ? ", " : "", d->src[i].path);
    }
}

int vs_compare_datasets(const vs_dataset *base, const vs_dataset *cand,
                        const vs_compare_opts *o, vs_comparison *c, vs_err *e)
{
    int cap = 0;
    const vs_dataset *sides[2] = { base, cand };

    memset(c, 0, sizeof *c);
    c->opts = *o;
    for (int s = 0; s < 2; s++)
        for (int i = 0; i < sides[s]->nrec; i++)
            if (sides[s]->rec[i].row.session == 0 && add_point(c, &sides[s]->rec[i].row.pt, &cap) != 0)
                return vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
    for (int i = 0; i < c->n; i++) {
        judge_point(base, cand, o, &c->p[i]);
        c->counts[c->p[i].verdict]++;
    }
    compare_env(base, cand, c);
    label(base, c->base_label, sizeof c->base_label);
    label(cand, c->cand_label, sizeof c->cand_label);
    return 0;
}

void vs_comparison_free(vs_comparison *c)
{
    free(c->p);
    memset(c, 0, sizeof *c);
}

int vs_comparison_status(const vs_comparison *c)
{
    return c->counts[VS_V_REGRESSION] > 0 ? VS_ERR_RUNTIME : VS_OK;
}
