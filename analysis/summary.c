/* summary.c - see summary.h. */
#include "analysis/summary.h"
#include "core/label.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int find_point(const vs_summary *s, const vs_key *k)
{
    for (int i = 0; i < s->n; i++)
        if (vs_key_equal(&s->p[i].key, k))
            return i;
    return -1;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

static int cmp_series(const void *a, const void *b)
{
    const vs_series *x = a, *y = b;

    if (x->tr != y->tr)
        return x->tr < y->tr ? -1 : 1;
    return x->sock < y->sock ? -1 : x->sock > y->sock;
}

static int cmp_panel(const void *a, const void *b)
{
    const vs_panel *x = a, *y = b;

    if (x->pair != y->pair)
        return x->pair - y->pair;
    if (x->test != y->test)
        return (int)x->test - (int)y->test;
    if (x->burst != y->burst)
        return x->burst - y->burst;
    if (x->resp != y->resp)
        return x->resp < y->resp ? -1 : 1;
    return x->sessions - y->sessions;
}

/* The panel of a point: rr and crr panels carry the response size (0 when
 * it equals the request, as in netperf's -r R) and the burst. */
static vs_panel panel_of(const vs_key *k)
{
    vs_panel pn = { k->pair, k->pt.test, k->pt.sessions, 0, 0 };

    if (vs_test_is_rr(k->pt.test)) {
        pn.resp = k->pt.resp == k->pt.msg ? 0 : k->pt.resp;
        pn.burst = k->pt.burst;
    }
    return pn;
}

/* The point at (panel, series, message size). */
static vs_point point_at(const vs_panel *pn, const vs_series *se, uint32_t msg)
{
    vs_point pt = { se->tr, pn->test, se->sock, msg, pn->sessions, 0, 0 };

    if (vs_test_is_rr(pn->test)) {
        pt.resp = pn->resp != 0 ? pn->resp : msg;
        pt.burst = pn->burst;
    }
    return pt;
}

/* Collect the distinct panels, series and message sizes. */
static int build_axes(vs_summary *s)
{
    s->panels = calloc((size_t)s->n + 1, sizeof *s->panels);
    s->series = calloc((size_t)s->n + 1, sizeof *s->series);
    s->msgs = calloc((size_t)s->n + 1, sizeof *s->msgs);
    if (s->panels == NULL || s->series == NULL || s->msgs == NULL)
        return -1;
    for (int i = 0; i < s->n; i++) {
        const vs_key *k = &s->p[i].key;
        vs_panel pn = panel_of(k);
        vs_series se = { k->pt.tr, k->pt.sock };
        int j;
        for (j = 0; j < s->npanels && cmp_panel(&s->panels[j], &pn) != 0; j++)
            ;
        if (j == s->npanels)
            s->panels[s->npanels++] = pn;
        for (j = 0; j < s->nseries && cmp_series(&s->series[j], &se) != 0; j++)
            ;
        if (j == s->nseries)
            s->series[s->nseries++] = se;
        for (j = 0; j < s->nmsgs && s->msgs[j] != k->pt.msg; j++)
            ;
        if (j == s->nmsgs)
            s->msgs[s->nmsgs++] = k->pt.msg;
    }
    qsort(s->panels, (size_t)s->npanels, sizeof *s->panels, cmp_panel);
    qsort(s->series, (size_t)s->nseries, sizeof *s->series, cmp_series);
    qsort(s->msgs, (size_t)s->nmsgs, sizeof *s->msgs, cmp_u32);
    return 0;
}

/* The aggregate rows of one point's runs: indices into d->rec, in file
 * order (grouped once by vs_summarize, so that a point reads only its
 * own rows). */
typedef struct point_rows {
    const int *i;
    int n;
} point_rows;

/* Statistics over the point's successful runs of the vs_row double at
 * `offset`. */
static void stats_of(const vs_dataset *d, point_rows pr, size_t offset, double *buf,
                     vs_stats *out)
{
    int n = 0;

    for (int k = 0; k < pr.n; k++) {
        const vs_rec *r = &d->rec[pr.i[k]];
        if (r->row.ok)
            buf[n++] = *(const double *)((const char *)&r->row + offset);
    }
    vs_stats_compute(buf, n, VS_CONFIDENCE, out);
}

/* rr and crr: transactions/s, latency percentiles and service demand per
 * transaction over the runs. */
static void summarize_rr(const vs_dataset *d, point_rows pr, vs_point_summary *ps, double *buf)
{
    vs_stats l, r;

    stats_of(d, pr, offsetof(vs_row, tps), buf, &ps->tps);
    stats_of(d, pr, offsetof(vs_row, lat_mean), buf, &ps->lat_mean);
    stats_of(d, pr, offsetof(vs_row, lat_p50), buf, &ps->lat_p50);
    stats_of(d, pr, offsetof(vs_row, lat_p90), buf, &ps->lat_p90);
    stats_of(d, pr, offsetof(vs_row, lat_p99), buf, &ps->lat_p99);
    stats_of(d, pr, offsetof(vs_row, lat_p999), buf, &ps->lat_p999);
    stats_of(d, pr, offsetof(vs_row, sdt_local), buf, &l);
    stats_of(d, pr, offsetof(vs_row, sdt_remote), buf, &r);
    ps->sdt_local = l.mean;
    ps->sdt_remote = r.mean;
}

/* Statistics of one point from the aggregate rows of its runs. */
static void summarize_point(const vs_dataset *d, vs_point_summary *ps, point_rows pr,
                            double *buf, double *sd)
{
    int n = 0;

    ps->eff_local = ps->eff_remote = UINT64_MAX;
    for (int k = 0; k < pr.n; k++) {
        const vs_rec *r = &d->rec[pr.i[k]];
        if (!r->row.ok) {
            if (ps->n_failed++ == 0)
                snprintf(ps->first_error, sizeof ps->first_error, "%s",
                         vs_row_error(&r->row));
            continue;
        }
        sd[n++] = vs_test_is_rr(r->row.pt.test) ? r->row.sdt_local + r->row.sdt_remote
                                                : r->row.sd_local + r->row.sd_remote;
        ps->cpu_local += r->row.cpu_local;
        ps->cpu_remote += r->row.cpu_remote;
        ps->sd_local += r->row.sd_local;
        ps->sd_remote += r->row.sd_remote;
        if (r->row.sock_eff_local < ps->eff_local)
            ps->eff_local = r->row.sock_eff_local;
        if (r->row.sock_eff_remote < ps->eff_remote)
            ps->eff_remote = r->row.sock_eff_remote;
    }
    ps->n_ok = n;
    if (n > 0) {
        ps->cpu_local /= n;
        ps->cpu_remote /= n;
        ps->sd_local /= n;
        ps->sd_remote /= n;
    } else {
        ps->eff_local = ps->eff_remote = 0;
    }
    ps->clamped = n > 0 && ps->key.pt.sock > 0 &&
                  (ps->eff_local < ps->key.pt.sock || ps->eff_remote < ps->key.pt.sock);
    stats_of(d, pr, offsetof(vs_row, gbps), buf, &ps->gbps);
    if (vs_test_is_rr(ps->key.pt.test))
        summarize_rr(d, pr, ps, buf);
    vs_stats_compute(sd, n, VS_CONFIDENCE, &ps->sd_total);
}

enum vs_interval_kind vs_summary_interval(const vs_stats *st, double *lo, double *hi)
{
    if (st->n >= VS_MIN_CI_RUNS && st->ci_valid) {
        *lo = st->mean - st->ci_half;
        *hi = st->mean + st->ci_half;
        return VS_IV_CI;
    }
    if (st->n >= 2) {
        *lo = st->min;
        *hi = st->max;
        return VS_IV_RANGE;
    }
    *lo = *hi = st->mean;
    return VS_IV_NONE;
}

/* The point of every aggregate row (-1 for session rows) in at[], adding
 * points as they come; rows of a point mostly follow each other, so the
 * last point found is tried first. */
static void assign_points(const vs_dataset *d, vs_summary *s, int *at)
{
    int last = -1;

    for (int i = 0; i < d->nrec; i++) {
        vs_key k = vs_rec_key(&d->rec[i]);
        at[i] = -1;
        if (d->rec[i].row.session != 0)
            continue;
        if (last < 0 || !vs_key_equal(&s->p[last].key, &k))
            last = find_point(s, &k);
        if (last < 0) {
            last = s->n++;
            s->p[last].key = k;
        }
        at[i] = last;
    }
}

/* Rows grouped per point in one pass (a counting sort of at[]): point p's
 * rows are rows[first[p]] .. rows[first[p + 1] - 1]. */
static void group_rows(const vs_dataset *d, const vs_summary *s, const int *at, int *first,
                       int *rows)
{
    memset(first, 0, sizeof *first * ((size_t)s->n + 1));
    for (int i = 0; i < d->nrec; i++)
        if (at[i] >= 0)
            first[at[i] + 1]++;
    for (int p = 0; p < s->n; p++)
        first[p + 1] += first[p];
    for (int i = 0; i < d->nrec; i++)
        if (at[i] >= 0)
            rows[first[at[i]]++] = i;
    for (int p = s->n; p > 0; p--) /* the fill moved each start to the next one's */
        first[p] = first[p - 1];
    first[0] = 0;
}

int vs_summarize(const vs_dataset *d, vs_summary *s, vs_err *e)
{
    size_t n = (size_t)d->nrec + 1;
    double *buf = malloc(sizeof(double) * 2 * n); /* gbps, then sd */
    int *at = malloc(sizeof(int) * n), *rows = malloc(sizeof(int) * n);
    int *first = malloc(sizeof(int) * (n + 1));
    int rc = 0;

    memset(s, 0, sizeof *s);
    s->p = calloc(n, sizeof *s->p);
    if (buf == NULL || at == NULL || rows == NULL || first == NULL || s->p == NULL) {
        rc = vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
    } else {
        assign_points(d, s, at);
        group_rows(d, s, at, first, rows);
        for (int p = 0; p < s->n; p++)
            summarize_point(d, &s->p[p], (point_rows){ rows + first[p], first[p + 1] - first[p] },
                            buf, buf + n);
        if (build_axes(s) != 0)
            rc = vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
    }
    free(buf);
    free(at);
    free(rows);
    free(first);
    if (rc != 0)
        vs_summary_free(s);
    return rc;
}

void vs_summary_free(vs_summary *s)
{
    free(s->p);
    free(s->panels);
    free(s->series);
    free(s->msgs);
    memset(s, 0, sizeof *s);
}

const vs_point_summary *vs_summary_at(const vs_summary *s, const vs_panel *pn,
                                      const vs_series *se, uint32_t msg)
{
    vs_key k;
    int i;

    memset(&k, 0, sizeof k);
    k.pair = pn->pair;
    k.pt = point_at(pn, se, msg);
    i = find_point(s, &k);
    return i < 0 ? NULL : &s->p[i];
}

const vs_stats *vs_point_headline(const vs_point_summary *ps)
{
    return vs_test_is_rr(ps->key.pt.test) ? &ps->tps : &ps->gbps;
}

void vs_summary_ratio(const vs_summary *s, const vs_panel *pn, enum vs_transport a,
                      enum vs_transport b, uint64_t sock, uint32_t msg, vs_ratio *r)
{
    vs_series sa = { a, sock }, sb = { b, sock };
    const vs_point_summary *pa = vs_summary_at(s, pn, &sa, msg);
    const vs_point_summary *pb = vs_summary_at(s, pn, &sb, msg);
    const vs_stats *ha, *hb;

    memset(r, 0, sizeof *r);
    if (pa == NULL || pb == NULL)
        return;
    ha = vs_point_headline(pa);
    hb = vs_point_headline(pb);
    vs_ratio_compute(ha, hb, VS_CONFIDENCE, r);
    r->lo = r->hi = r->r;
    r->kind = VS_IV_NONE;
    if (!r->valid)
        return;
    if (ha->n >= VS_MIN_CI_RUNS && hb->n >= VS_MIN_CI_RUNS && r->ci_valid) {
        r->lo = r->r - r->ci_half;
        r->hi = r->r + r->ci_half;
        r->kind = VS_IV_CI;
    } else if ((ha->n >= 2 || hb->n >= 2) && hb->min > 0) {
        r->lo = ha->min / hb->max;
        r->hi = ha->max / hb->min;
        r->kind = VS_IV_RANGE;
    }
}

enum vs_transport vs_summary_baseline(const vs_summary *s)
{
    for (int i = 0; i < s->nseries; i++)
        if (s->series[i].tr == VS_TR_TCP)
            return VS_TR_TCP;
    return s->nseries > 0 ? s->series[0].tr : VS_TR_TCP;
}

const char *vs_panel_label(const vs_panel *pn, char *buf, size_t n)
{
    return vs_label_panel(pn->test, pn->sessions, pn->resp, pn->burst, buf, n);
}
