/* fleet.c - see fleet.h. */
#include "analysis/fleet.h"

#include <stdlib.h>
#include <string.h>

static const char *const names[] = {
    "first night", "no change", "improvement", "inconclusive", "missing", "regression",
};

const char *vs_fleet_verdict_name(enum vs_fleet_verdict v)
{
    return names[v];
}

/* Sources [from, from + count) of d as a dataset of their own; it shares
 * d's sources and strings, so only its record array is freed. */
static int view(const vs_dataset *d, int from, int count, vs_dataset *v)
{
    memset(v, 0, sizeof *v);
    v->src = d->src + from;
    v->nsrc = count;
    v->npairs = d->npairs;
    memcpy(v->pairs, d->pairs, sizeof v->pairs);
    v->rec = malloc(((size_t)d->nrec + 1) * sizeof *v->rec);
    if (v->rec == NULL)
        return -1;
    for (int i = 0; i < d->nrec; i++)
        if (d->rec[i].source >= from && d->rec[i].source < from + count) {
            v->rec[v->nrec] = d->rec[i];
            v->rec[v->nrec++].source -= from;
        }
    return 0;
}

static enum vs_fleet_verdict night_verdict(const int *counts)
{
    if (counts[VS_V_REGRESSION])
        return VS_FV_REGRESSION;
    if (counts[VS_V_IMPROVEMENT])
        return VS_FV_IMPROVEMENT;
    if (counts[VS_V_INCONCLUSIVE])
        return VS_FV_INCONCLUSIVE;
    if (counts[VS_V_MISSING])
        return VS_FV_MISSING;
    return VS_FV_NO_CHANGE;
}

/* Source i of d (newest first) against the sources after it. */
static int judge(const vs_dataset *d, int i, const vs_fleet_opts *o, vs_fleet_night *night,
                 vs_err *e)
{
    int older = d->nsrc - i - 1 < o->window ? d->nsrc - i - 1 : o->window;
    vs_dataset cand, base;
    vs_comparison c;
    int rc = 0;

    night->verdict = VS_FV_FIRST;
    if (older == 0)
        return 0;
    if (view(d, i, 1, &cand) != 0 || view(d, i + 1, older, &base) != 0) {
        free(cand.rec);
        return vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
    }
    rc = vs_compare_datasets(&base, &cand, &o->cmp, &c, e);
    if (rc == 0) {
        memcpy(night->counts, c.counts, sizeof night->counts);
        night->verdict = night_verdict(c.counts);
        vs_comparison_free(&c);
    }
    free(cand.rec);
    free(base.rec);
    return rc;
}

/* The last nights of one pair, judged, oldest first. */
static int load_pair(vs_history *h, const vs_fleet_opts *o, vs_fleet_pair *p, vs_err *e)
{
    vs_dataset d;
    int keep;

    if (vs_history_window(h, p->name, o->days + o->window, &d, e) != 0)
        return -1;
    keep = d.nsrc < o->days ? d.nsrc : o->days;
    p->nights = calloc((size_t)keep + 1, sizeof *p->nights);
    if (p->nights == NULL) {
        vs_dataset_free(&d);
        return vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
    }
    for (int i = 0; i < keep; i++) {
        vs_fleet_night *n = &p->nights[keep - 1 - i];
        const char *started = vs_meta_str(&d.src[i], "start");
        snprintf(n->started, sizeof n->started, "%s", started);
        snprintf(n->day, sizeof n->day, "%.10s", started);
        if (judge(&d, i, o, n, e) != 0) {
            vs_dataset_free(&d);
            return -1;
        }
    }
    p->n = keep;
    vs_dataset_free(&d);
    return 0;
}

static int cmp_day(const void *a, const void *b)
{
    return strcmp(a, b);
}

/* The last o->days distinct days over every pair's nights. */
static int collect_days(vs_fleet *f)
{
    int total = 0, n = 0;

    for (int p = 0; p < f->npairs; p++)
        total += f->pairs[p].n;
    f->days = calloc((size_t)total + 1, sizeof *f->days);
    if (f->days == NULL)
        return -1;
    for (int p = 0; p < f->npairs; p++)
        for (int i = 0; i < f->pairs[p].n; i++)
            memcpy(f->days[n++], f->pairs[p].nights[i].day, sizeof f->days[0]);
    qsort(f->days, (size_t)n, sizeof f->days[0], cmp_day);
    f->ndays = 0;
    for (int i = 0; i < n; i++)
        if (f->ndays == 0 || strcmp(f->days[f->ndays - 1], f->days[i]) != 0)
            memcpy(f->days[f->ndays++], f->days[i], sizeof f->days[0]);
    if (f->ndays > f->opts.days) {
        memmove(f->days, f->days + (f->ndays - f->opts.days),
                (size_t)f->opts.days * sizeof f->days[0]);
        f->ndays = f->opts.days;
    }
    return 0;
}

int vs_fleet_load(vs_history *h, const vs_fleet_opts *o, vs_fleet *f, vs_err *e)
{
    char (*names_)[VS_HISTORY_PAIR_MAX];
    int n;

    memset(f, 0, sizeof *f);
    f->opts = *o;
    if (vs_history_pairs(h, &names_, &n, e) != 0)
        return -1;
    f->pairs = calloc((size_t)n + 1, sizeof *f->pairs);
    if (f->pairs == NULL) {
        free(names_);
        return vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
    }
    for (int p = 0; p < n; p++) {
        snprintf(f->pairs[p].name, sizeof f->pairs[p].name, "%s", names_[p]);
        f->npairs++;
        if (load_pair(h, o, &f->pairs[p], e) != 0) {
            free(names_);
            vs_fleet_free(f);
            return -1;
        }
    }
    free(names_);
    if (collect_days(f) != 0) {
        vs_fleet_free(f);
        return vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
    }
    return 0;
}

const vs_fleet_night *vs_fleet_cell(const vs_fleet *f, int p, int d)
{
    const vs_fleet_pair *pair = &f->pairs[p];

    for (int i = pair->n - 1; i >= 0; i--)
        if (strcmp(pair->nights[i].day, f->days[d]) == 0)
            return &pair->nights[i];
    return NULL;
}

void vs_fleet_free(vs_fleet *f)
{
    for (int p = 0; p < f->npairs; p++)
        free(f->pairs[p].nights);
    free(f->pairs);
    free(f->days);
    memset(f, 0, sizeof *f);
}
