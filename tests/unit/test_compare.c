/* test_compare.c - Welch's test, verdicts at the edges, Markdown and
 * JUnit output (golden files), change points. */
#include "analysis/changepoint.h"
#include "analysis/compare.h"
#include "reports/verdict.h"
#include "tests/unit/unit.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static void welch_of(const double *a, int na, const double *b, int nb, vs_welch *w)
{
    vs_stats x, y;

    vs_stats_compute(a, na, 0.95, &x);
    vs_stats_compute(b, nb, 0.95, &y);
    vs_welch_test(x.mean, x.sd, na, y.mean, y.sd, nb, w);
}

/* The two examples of the Wikipedia article on Welch's t-test. */
static void test_welch_known_answers(void)
{
    double a1[] = { 27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6,
                    19.0, 21.7, 21.4 };
    double a2[] = { 27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1,
                    22.9, 20.5, 24.4 };
    double b1[] = { 17.2, 20.9, 22.6, 18.1, 21.7, 21.4, 23.5, 24.2, 14.7, 21.8 };
    double b2[] = { 21.5, 22.8, 21.0, 23.0, 21.6, 23.6, 22.5, 20.7, 23.4, 21.8,
                    20.7, 21.7, 21.5, 22.5, 23.6, 21.5, 22.5, 23.5, 21.5, 21.8 };
    vs_welch w;

    welch_of(a2, 15, a1, 15, &w); /* t(A1 - A2) */
    CU_ASSERT_TRUE(w.valid);
    CU_ASSERT_DOUBLE_EQUAL(w.t, -2.46, 0.01);
    CU_ASSERT_DOUBLE_EQUAL(w.df, 24.9, 0.15);
    CU_ASSERT_DOUBLE_EQUAL(w.p, 0.021, 0.001);
    welch_of(b2, 20, b1, 10, &w);
    CU_ASSERT_DOUBLE_EQUAL(w.t, -1.57, 0.01);
    CU_ASSERT_DOUBLE_EQUAL(w.df, 9.9, 0.1);
    CU_ASSERT_DOUBLE_EQUAL(w.p, 0.149, 0.001);
}

static const vs_compare_opts defaults = { 0.01, 0.05, 0.10 };

static enum vs_verdict verdict(const double *b, int nb, const double *c, int nc, int hib)
{
    vs_measure_cmp m;

    vs_compare_measure(b, nb, c, nc, hib, &defaults, &m);
    return m.verdict;
}

static void test_verdict_edges(void)
{
    double base[] = { 10.0, 10.1, 9.9, 10.05, 9.95 };
    double same[] = { 10.0, 10.1, 9.9, 10.05, 9.95 };
    double slow[] = { 8.0, 8.1, 7.9, 8.05, 7.95 };      /* -20%, clear */
    double fast[] = { 12.0, 12.1, 11.9, 12.05, 11.95 }; /* +20% */
    double tiny[] = { 9.8, 9.9, 9.7, 9.85, 9.75 };      /* -2%: significant but small */
    double noisy[] = { 6.0, 13.0, 7.0, 12.0, 8.0 };     /* -8% with huge spread */
    double flat_a[] = { 5, 5, 5 }, flat_b[] = { 5, 5, 5 }, flat_c[] = { 4, 4, 4 };

    CU_ASSERT_EQUAL(verdict(base, 5, same, 5, 1), VS_V_NO_CHANGE);     /* equal means */
    CU_ASSERT_EQUAL(verdict(base, 5, slow, 5, 1), VS_V_REGRESSION);
    CU_ASSERT_EQUAL(verdict(base, 5, fast, 5, 1), VS_V_IMPROVEMENT);
    CU_ASSERT_EQUAL(verdict(base, 5, tiny, 5, 1), VS_V_NO_CHANGE);
    CU_ASSERT_EQUAL(verdict(base, 5, noisy, 5, 1), VS_V_INCONCLUSIVE);
    CU_ASSERT_EQUAL(verdict(base, 1, slow, 5, 1), VS_V_INCONCLUSIVE);  /* n = 1 */
    CU_ASSERT_EQUAL(verdict(base, 5, slow, 1, 1), VS_V_INCONCLUSIVE);
    CU_ASSERT_EQUAL(verdict(flat_a, 3, flat_b, 3, 1), VS_V_NO_CHANGE);  /* zero variance */
    CU_ASSERT_EQUAL(verdict(flat_a, 3, flat_c, 3, 1), VS_V_REGRESSION); /* -20%, no noise */
    /* service demand: higher is worse */
    CU_ASSERT_EQUAL(verdict(base, 5, fast, 5, 0), VS_V_REGRESSION);
    CU_ASSERT_EQUAL(verdict(base, 5, slow, 5, 0), VS_V_IMPROVEMENT);
}

/* The margin: a change must be significantly beyond min-effect, not just
 * significantly different from zero. */
static void test_verdict_margin(void)
{
    double base[] = { 10.0, 10.1, 9.9, 10.05, 9.95 };
    double m6[] = { 9.4, 9.5, 9.3, 9.45, 9.35 };       /* -6%, tight: beyond 5%? barely */
    double m6n[] = { 9.0, 9.8, 9.2, 9.7, 9.3 };        /* -6%, noisy: not clearly beyond 5% */
    double m15[] = { 8.5, 8.6, 8.4, 8.55, 8.45 };      /* -15%, tight */
    vs_measure_cmp m;

    vs_compare_measure(base, 5, m6n, 5, 1, &defaults, &m);
    CU_ASSERT_EQUAL(m.verdict, VS_V_INCONCLUSIVE);
    CU_ASSERT(m.p > 0.01 && m.p < 1);
    vs_compare_measure(base, 5, m15, 5, 1, &defaults, &m);
    CU_ASSERT_EQUAL(m.verdict, VS_V_REGRESSION);
    CU_ASSERT(m.p < 1e-4);
    vs_compare_measure(base, 5, m6, 5, 1, &defaults, &m);
    CU_ASSERT(m.p < 0.05); /* 6% against a 5% margin, sd 0.8%: p small but a test of it */
    CU_ASSERT_DOUBLE_EQUAL(m.delta, -0.06, 1e-9);
}

/* A baseline scaled by a sweep-wide shift, and a baseline of sweeps. */
static void test_sides_scaled_and_sweeps(void)
{
    double base[] = { 10.0, 10.1, 9.9, 10.05, 9.95 };
    double drifted[] = { 9.1, 9.2, 9.0, 9.15, 9.05 };  /* -9%: all of the sweep moved */
    double nights[] = { 10.0, 9.0, 11.0, 10.5, 9.5, 10.2, 9.8 }; /* a week: 10% apart */
    vs_side b, c, h;
    vs_measure_cmp m;

    vs_side_from_runs(base, 5, &b);
    vs_side_from_runs(drifted, 5, &c);
    vs_compare_sides(&b, &c, 1, 1.0, &defaults, &m);
    CU_ASSERT_EQUAL(m.verdict, VS_V_REGRESSION);      /* unscaled: -9% looks real */
    vs_compare_sides(&b, &c, 1, 0.91, &defaults, &m);
    CU_ASSERT_EQUAL(m.verdict, VS_V_NO_CHANGE);       /* beyond the sweep's shift: nothing */
    CU_ASSERT_DOUBLE_EQUAL(m.delta, -0.09, 1e-9);
    CU_ASSERT(fabs(m.adjusted) < 0.001);
    vs_side_from_sweeps(nights, 7, &h);
    CU_ASSERT_EQUAL(h.n, 7);
    CU_ASSERT_DOUBLE_EQUAL(h.df, 6, 1e-12);
    vs_compare_sides(&h, &c, 1, 1.0, &defaults, &m);  /* -10% is within the nights' spread */
    CU_ASSERT_NOT_EQUAL(m.verdict, VS_V_REGRESSION);
    double bad[] = { 6.0, 6.1, 5.9, 6.05, 5.95 };      /* -41%: beyond it */
    vs_side_from_runs(bad, 5, &c);
    vs_compare_sides(&h, &c, 1, 1.0, &defaults, &m);
    CU_ASSERT_EQUAL(m.verdict, VS_V_REGRESSION);
}

/* A comparison built by hand for the writers. */
static void sample_comparison(vs_comparison *c)
{
    static vs_point_cmp p[3];

    memset(c, 0, sizeof *c);
    memset(p, 0, sizeof p);
    c->opts = defaults;
    c->n = 3;
    c->ntests = 2;
    c->p = p;
    snprintf(c->base_label, sizeof c->base_label, "nightly/base");
    snprintf(c->cand_label, sizeof c->cand_label, "nightly/cand");
    p[0].pt = (vs_point){ VS_TR_TCP, VS_TEST_STREAM, 262144, 16384, 1 };
    p[0].fig = (vs_measure_cmp){ .present = 1, .base = 10.0, .cand = 8.0, .n_base = 5,
                                  .n_cand = 5, .delta = -0.2, .adjusted = -0.2, .p = 0.00001,
                                  .verdict = VS_V_REGRESSION };
    p[0].verdict = VS_V_REGRESSION;
    p[1].pt = (vs_point){ VS_TR_VSOCK, VS_TEST_STREAM, 262144, 16384, 1 };
    p[1].fig = (vs_measure_cmp){ .present = 1, .base = 20.0, .cand = 20.1, .n_base = 5,
                                  .n_cand = 5, .delta = 0.005, .adjusted = 0.005, .p = 0.63,
                                  .verdict = VS_V_NO_CHANGE };
    p[1].verdict = VS_V_NO_CHANGE;
    p[2].pt = (vs_point){ VS_TR_VSOCK, VS_TEST_STREAM, 262144, 1024, 5 };
    p[2].verdict = VS_V_MISSING;
    snprintf(p[2].note, sizeof p[2].note, "only in the baseline");
    c->counts[VS_V_REGRESSION] = 1;
    c->counts[VS_V_NO_CHANGE] = 1;
    c->counts[VS_V_MISSING] = 1;
    c->drift_fig = (vs_drift){ 1, 12, -0.094, 1 };
    c->nwarn = 1;
    snprintf(c->warn[0], sizeof c->warn[0], "DIFFERENT ENVIRONMENTS: local.kernel is 'a' in "
             "the baseline but 'b' in the candidate; changes may come from that, not from the code");
    /* what changed: a path fact, a machine fact, a hostile value */
    static vs_env_diff env;
    memset(&env, 0, sizeof env);
    env.n = 3;
    env.c[0] = (vs_env_change){ VS_END_CLIENT, VS_TR_TCP, VS_FK_NET_MTU, 95, "1500", "9000" };
    env.c[1] = (vs_env_change){ VS_END_SERVER, -1, VS_FK_CPU_GOVERNOR, 45, "<b>|*x*&\"", "" };
    env.c[2] = (vs_env_change){ VS_END_CLIENT, -1, VS_FK_CLOCK_SOURCE, 35, "tsc", "hpet" };
    snprintf(env.note, sizeof env.note, "the server tcp path not recorded in the baseline");
    c->env = &env;
}

static char *render(void (*fn)(FILE *, const vs_comparison *), const vs_comparison *c)
{
    vs_unit_capture cap;
    FILE *f = vs_unit_capture_open(&cap);

    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    fn(f, c);
    return vs_unit_capture_text(&cap);
}

static char *read_golden(const char *name)
{
    char path[256];
    FILE *f;
    char *buf = calloc(1, 65536);

    snprintf(path, sizeof path, "tests/golden/compare/%s", name);
    f = fopen(path, "r");
    if (f == NULL || buf == NULL) {
        free(buf);
        if (f != NULL)
            fclose(f);
        return NULL;
    }
    if (fread(buf, 1, 65535, f) == 0)
        buf[0] = '\0';
    fclose(f);
    return buf;
}

static void check_golden(const char *name, void (*fn)(FILE *, const vs_comparison *))
{
    vs_comparison c;
    char *got, *want;

    sample_comparison(&c);
    got = render(fn, &c);
    if (getenv("VS_UPDATE_GOLDEN") != NULL) { /* regenerate, then review the diff */
        char path[256];
        snprintf(path, sizeof path, "tests/golden/compare/%s", name);
        FILE *f = fopen(path, "w");
        if (f != NULL) {
            fputs(got, f);
            fclose(f);
        }
    }
    want = read_golden(name);
    CU_ASSERT_PTR_NOT_NULL_FATAL(want);
    if (strcmp(got, want) != 0)
        fprintf(stderr, "\n--- %s differs; got:\n%s\n", name, got);
    CU_ASSERT_STRING_EQUAL(got, want);
    free(got);
    free(want);
}

static void test_markdown_golden(void)
{
    check_golden("compare.md", vs_verdict_markdown);
}

static void test_junit_golden(void)
{
    check_golden("compare.junit.xml", vs_verdict_junit);
}

/* Deterministic noise: sum of uniforms, roughly normal. */
static double noise(unsigned *s)
{
    double v = 0;

    for (int i = 0; i < 4; i++) {
        *s = *s * 1664525u + 1013904223u;
        v += (*s >> 8) / 16777216.0 - 0.5;
    }
    return v;
}

#define SWEEP_POINTS 48

/* A sweep of SWEEP_POINTS stream points, `runs` runs each, 10 Gbit/s times
 * `scale`: each point of the sweep off by its own shift (a 2.5% spread from
 * sweep to sweep, what this machine shows), each run by 1.5% (deterministic
 * noise): the runs of one sweep agree more closely than two sweeps do. */
static void stream_sweep(vs_rec *rec, int runs, double scale, unsigned *seed)
{
    int k = 0;

    for (int p = 0; p < SWEEP_POINTS; p++) {
        double shift = 1.0 + 0.025 / 0.577 * noise(seed);
        for (int i = 0; i < runs; i++, k++) {
            memset(&rec[k], 0, sizeof rec[k]);
            rec[k].row.pt = (vs_point){ p % 2 ? VS_TR_TCP : VS_TR_UNIX, VS_TEST_STREAM,
                                        (uint64_t)(65536 << (p / 24)), 512u << (p / 2 % 12),
                                        1, 0, 0 };
            rec[k].row.run = i + 1;
            rec[k].row.ok = 1;
            rec[k].row.gbps = 10.0 * scale * shift * (1.0 + 0.015 / 0.577 * noise(seed));
        }
    }
}

/* Identical sweeps of 48 points: at alpha 0.01 per point, 30 of these 100
 * pairs show a "regression" without the correction over the points; with
 * it, 1. */
static void test_many_points_aa(void)
{
    static vs_rec a[SWEEP_POINTS * 3], b[SWEEP_POINTS * 3];
    vs_dataset base = { 0 }, cand = { 0 };
    vs_comparison c;
    vs_err e;
    unsigned s = 4242;
    int flagged = 0;

    base.rec = a, base.nrec = SWEEP_POINTS * 3;
    cand.rec = b, cand.nrec = SWEEP_POINTS * 3;
    for (int pair = 0; pair < 100; pair++) {
        stream_sweep(a, 3, 1.0, &s);
        stream_sweep(b, 3, 1.0, &s);
        CU_ASSERT_EQUAL_FATAL(vs_compare_datasets(&base, &cand, &defaults, &c, &e), 0);
        CU_ASSERT_EQUAL(c.ntests, SWEEP_POINTS);
        flagged += c.counts[VS_V_REGRESSION] > 0;
        vs_comparison_free(&c);
    }
    fprintf(stderr, " [%d of 100 identical pairs flagged] ", flagged);
    CU_ASSERT_TRUE(flagged <= 3);
}

/* The same sweep 15% slower everywhere (beyond the drift allowance, so
 * not taken for drift): nearly every point stays a regression. */
static void test_many_points_regression(void)
{
    static vs_rec a[SWEEP_POINTS * 5], b[SWEEP_POINTS * 5];
    vs_dataset base = { 0 }, cand = { 0 };
    vs_comparison c;
    vs_err e;
    unsigned s = 99;

    base.rec = a, base.nrec = SWEEP_POINTS * 5;
    cand.rec = b, cand.nrec = SWEEP_POINTS * 5;
    stream_sweep(a, 5, 1.0, &s);
    stream_sweep(b, 5, 0.85, &s);
    CU_ASSERT_EQUAL_FATAL(vs_compare_datasets(&base, &cand, &defaults, &c, &e), 0);
    fprintf(stderr, " [%d of %d points a regression] ", c.counts[VS_V_REGRESSION], c.n);
    CU_ASSERT_EQUAL(c.n, SWEEP_POINTS);
    CU_ASSERT_TRUE(c.counts[VS_V_REGRESSION] >= SWEEP_POINTS - 4);
    CU_ASSERT_TRUE(c.drift_fig.valid && !c.drift_fig.applied);
    vs_comparison_free(&c);
}

static void test_changepoint_step_found(void)
{
    double x[30];
    unsigned s = 7;
    vs_cp_opts o;
    vs_changepoint cp[8];

    vs_cp_defaults(&o);
    for (int i = 0; i < 30; i++)
        x[i] = (i < 18 ? 10.0 : 8.5) + 0.2 * noise(&s); /* -15% at night 18 */
    int n = vs_changepoints(x, 30, &o, cp, 8);
    CU_ASSERT_EQUAL_FATAL(n, 1);
    CU_ASSERT_EQUAL(cp[0].index, 18);
    CU_ASSERT_DOUBLE_EQUAL(cp[0].shift, -0.15, 0.03);
    CU_ASSERT_TRUE(cp[0].p < 0.01);
}

static void test_changepoint_noise_rate(void)
{
    /* 200 series of 30 nights of pure noise (CV ~6%): the documented
     * false-positive rate is about alpha (1%) per series. */
    vs_cp_opts o;
    vs_changepoint cp[8];
    int flagged = 0;
    unsigned s = 12345;

    vs_cp_defaults(&o);
    o.permutations = 199; /* p resolution 0.005, still below alpha */
    for (int k = 0; k < 200; k++) {
        double x[30];
        for (int i = 0; i < 30; i++)
            x[i] = 10.0 + 2.0 * noise(&s);
        flagged += vs_changepoints(x, 30, &o, cp, 8) > 0;
    }
    CU_ASSERT_TRUE(flagged <= 6); /* at most 3% of 200 */
    fprintf(stderr, " [%d of 200 noise series flagged] ", flagged);
}

/* n rr runs of a point with these means (a little spread around them). */
static void rr_runs(vs_rec *rec, int *k, int n, double tps, double p50, double p99)
{
    for (int i = 0; i < n; i++, (*k)++) {
        vs_row *row = &rec[*k].row;
        double wobble = 1.0 + 0.004 * (i % 3 - 1);
        memset(&rec[*k], 0, sizeof rec[*k]);
        row->pt = (vs_point){ VS_TR_VSOCK, VS_TEST_RR, 0, 1, 1, 1, 0 };
        row->run = i + 1;
        row->ok = 1;
        row->tps = tps * wobble;
        row->lat_p50 = p50 * wobble;
        row->lat_p99 = p99 * wobble;
        row->sdt_local = row->sdt_remote = 2.0;
    }
}

/* Latency is lower-is-better: a p50 30% up with the same rate is a
 * regression; the same figures again are not. */
static void test_rr_latency_regression(void)
{
    static vs_rec base_rec[6], same_rec[6], slow_rec[6];
    vs_dataset base = { 0 }, same = { 0 }, slow = { 0 };
    vs_comparison c;
    vs_err e;
    int k;

    base.rec = base_rec, base.nrec = 6, k = 0, rr_runs(base_rec, &k, 6, 10000, 10, 20);
    same.rec = same_rec, same.nrec = 6, k = 0, rr_runs(same_rec, &k, 6, 10000, 10, 20);
    slow.rec = slow_rec, slow.nrec = 6, k = 0, rr_runs(slow_rec, &k, 6, 10000, 13, 20);
    CU_ASSERT_EQUAL_FATAL(vs_compare_datasets(&base, &same, &defaults, &c, &e), 0);
    CU_ASSERT_EQUAL(c.p[0].verdict, VS_V_NO_CHANGE);
    CU_ASSERT_EQUAL(vs_comparison_status(&c), VS_OK);
    vs_comparison_free(&c);
    CU_ASSERT_EQUAL_FATAL(vs_compare_datasets(&base, &slow, &defaults, &c, &e), 0);
    CU_ASSERT_EQUAL(c.p[0].fig.verdict, VS_V_NO_CHANGE);
    CU_ASSERT_EQUAL(c.p[0].p50.verdict, VS_V_REGRESSION);
    CU_ASSERT_DOUBLE_EQUAL(c.p[0].p50.delta, 0.3, 1e-9);
    CU_ASSERT_EQUAL(c.p[0].verdict, VS_V_REGRESSION);
    CU_ASSERT_EQUAL(vs_comparison_status(&c), VS_ERR_RUNTIME);
    char *table = render(vs_verdict_table, &c), *md = render(vs_verdict_markdown, &c);
    char *junit = render(vs_verdict_junit, &c), *json = render(vs_verdict_json, &c);
    CU_ASSERT_PTR_NOT_NULL(strstr(table, "p50 / p99 latency"));
    CU_ASSERT_PTR_NOT_NULL(strstr(table, "+30.0% / +0.0%"));
    CU_ASSERT_PTR_NULL(strstr(table, "Gbit/s"));  /* no empty throughput table */
    CU_ASSERT_PTR_NOT_NULL(strstr(md, "| vsock rr default/1:1 x1 | 10000 | 10000 |"));
    CU_ASSERT_PTR_NOT_NULL(strstr(junit, "latency up; p50 +30.0%"));
    CU_ASSERT_PTR_NOT_NULL(strstr(json, "\"latency_p50\""));
    CU_ASSERT_PTR_NOT_NULL(strstr(json, "\"transactions_per_second\""));
    free(table);
    free(md);
    free(junit);
    free(json);
    vs_comparison_free(&c);
}

static const CU_TestInfo tests[] = {
    { "Welch's test: published examples", test_welch_known_answers },
    { "verdicts at the edges", test_verdict_edges },
    { "the minimum effect is a margin", test_verdict_margin },
    { "drift-scaled and sweep baselines", test_sides_scaled_and_sweeps },
    { "Markdown (golden file)", test_markdown_golden },
    { "JUnit (golden file)", test_junit_golden },
    { "rr: latency is lower-is-better", test_rr_latency_regression },
    { "48 points, identical sweeps: rarely a false alarm", test_many_points_aa },
    { "48 points, 15% slower: caught", test_many_points_regression },
    { "change point: a step is found", test_changepoint_step_found },
    { "change points: noise rarely flagged", test_changepoint_noise_rate },
    CU_TEST_INFO_NULL,
};

VS_UNIT_SUITE("compare", tests)
