/* table.c - see table.h. */
#include "reports/table.h"
#include "core/csv.h"
#include "core/json.h"
#include "core/label.h"

/* A figure as the table shows it: transactions/s whole, Gbit/s to 3 decimals. */
static const char *num(double v, int rr, char *b, size_t n)
{
    snprintf(b, n, rr ? "%.0f" : "%.3f", v);
    return b;
}

/* One cell of the terminal table: the headline figure (Gbit/s;
 * transactions/s and p50 latency for rr and crr), mean +/- 95% CI from 3
 * runs, the range of 2 runs, "n/a" for 1; counts the cells that need a
 * footnote. */
static const char *cell(const vs_point_summary *ps, char *b, size_t n, int *ranges, int *single)
{
    const vs_stats *h;
    char m[24], x[24], lat[24] = "";
    const char *bang;
    int rr;

    if (ps == NULL) {
        snprintf(b, n, "-");
        return b;
    }
    if (ps->n_ok == 0) {
        snprintf(b, n, "failed x%d", ps->n_failed);
        return b;
    }
    h = vs_point_headline(ps);
    rr = vs_test_is_rr(ps->key.pt.test);
    bang = ps->n_failed ? "!" : "";
    if (rr)
        snprintf(lat, sizeof lat, " %.1f", ps->lat_p50.mean);
    num(h->mean, rr, m, sizeof m);
    if (ps->n_ok == 1 && ++*single)
        snprintf(b, n, "%s +/- n/a%s%s", m, lat, bang);
    else if (ps->n_ok < VS_MIN_CI_RUNS && ++*ranges)
        snprintf(b, n, "%s [%.3g-%.3g]%s%s", m, h->min, h->max, lat, bang);
    else
        snprintf(b, n, "%s +/- %s%s%s", m, num(h->ci_half, rr, x, sizeof x), lat, bang);
    return b;
}

/* Sweeps that did not finish, before the tables. */
static void unfinished_notes(FILE *f, const vs_dataset *d)
{
    char why[200];

    for (int i = 0; i < d->nsrc; i++)
        if (vs_source_unfinished(&d->src[i], why, sizeof why))
            fprintf(f, "note: %s: the sweep %s\n\n", d->src[i].path, why);
}

void vs_table_print(FILE *f, const vs_dataset *d, const vs_summary *s)
{
    char a[64], b[48];
    int ranges = 0, single = 0, failed = 0;

    unfinished_notes(f, d);
    for (int p = 0; p < s->npanels; p++) {
        const vs_panel *pn = &s->panels[p];
        int w = vs_test_is_rr(pn->test) ? 24 : 18; /* rr: "94266 +/- 31133 9.9" */
        fprintf(f, "%s%s - %s (%s)\n", p ? "\n" : "", vs_panel_label(pn, a, sizeof a),
                d->pairs[pn->pair], vs_test_is_rr(pn->test) ? "transactions/s, mean +/- 95% CI; "
                "p50 latency, us" : "Gbit/s, mean +/- 95% CI");
        fprintf(f, "%8s", "msg");
        for (int i = 0; i < s->nseries; i++)
            fprintf(f, " %*s", w, vs_label_series(s->series[i].tr, s->series[i].sock, b, sizeof b));
        fputc('\n', f);
        for (int m = 0; m < s->nmsgs; m++) {
            fprintf(f, "%8s", vs_label_msg(s->msgs[m], a, sizeof a));
            for (int i = 0; i < s->nseries; i++) {
                const vs_point_summary *ps = vs_summary_at(s, pn, &s->series[i], s->msgs[m]);
                failed += ps != NULL && ps->n_failed > 0 && ps->n_ok > 0;
                fprintf(f, " %*s", w, cell(ps, b, sizeof b, &ranges, &single));
            }
            fputc('\n', f);
        }
    }
    if (ranges + single + failed > 0)
        fputc('\n', f);
    if (ranges)
        fprintf(f, "[min-max]: %d point(s) with 2 successful runs show their range; a 95%% "
                "CI needs %d runs to be useful\n", ranges, VS_MIN_CI_RUNS);
    if (single)
        fprintf(f, "n/a: %d point(s) with 1 successful run have no interval\n", single);
    if (failed)
        fprintf(f, "!: %d point(s) also had failed runs (not averaged in)\n", failed);
}

/* rr and crr columns of `summary --csv`: empty for the other tests. */
static void csv_rr(FILE *f, const vs_point_summary *ps)
{
    if (!vs_test_is_rr(ps->key.pt.test)) {
        fputs(",,,,,,,,,,,\n", f);
        return;
    }
    fprintf(f, ",%lu,%d,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.4f,%.4f\n",
            (unsigned long)ps->key.pt.resp, ps->key.pt.burst, ps->tps.mean, ps->tps.ci_half,
            ps->lat_mean.mean, ps->lat_p50.mean, ps->lat_p90.mean, ps->lat_p99.mean,
            ps->lat_p999.mean, ps->sdt_local, ps->sdt_remote);
}

/* The same members in `summary --json`, for rr and crr points only. */
static void json_rr(vs_json *j, const vs_point_summary *ps)
{
    if (!vs_test_is_rr(ps->key.pt.test))
        return;
    vs_json_uint(j, "resp", ps->key.pt.resp);
    vs_json_int(j, "burst", ps->key.pt.burst);
    vs_json_num(j, "tps", ps->tps.mean);
    vs_json_num(j, "tps_ci", ps->tps.ci_half);
    vs_json_num(j, "lat_mean_us", ps->lat_mean.mean);
    vs_json_num(j, "lat_p50_us", ps->lat_p50.mean);
    vs_json_num(j, "lat_p90_us", ps->lat_p90.mean);
    vs_json_num(j, "lat_p99_us", ps->lat_p99.mean);
    vs_json_num(j, "lat_p999_us", ps->lat_p999.mean);
    vs_json_num(j, "sdt_local", ps->sdt_local);
    vs_json_num(j, "sdt_remote", ps->sdt_remote);
}

void vs_table_csv(FILE *f, const vs_dataset *d, const vs_summary *s)
{
    fputs("pair,test,sessions,transport,sock,msg,n,failed,mean,sd,cv,ci,min,max,cpu_local,"
          "cpu_remote,sd_local,sd_remote,resp,burst,tps,tps_ci,lat_mean_us,lat_p50_us,lat_p90_us,"
          "lat_p99_us,lat_p999_us,sdt_local,sdt_remote\n", f);
    for (int i = 0; i < s->n; i++) {
        const vs_point_summary *ps = &s->p[i];
        vs_csv_write_field(f, d->pairs[ps->key.pair]);
        fprintf(f, ",%s,%d,%s,%llu,%lu,%d,%d,%.6f,%.6f,%.3f,", vs_test_name(ps->key.pt.test),
                ps->key.pt.sessions, vs_transport_name(ps->key.pt.tr),
                (unsigned long long)ps->key.pt.sock, (unsigned long)ps->key.pt.msg, ps->n_ok,
                ps->n_failed, ps->gbps.mean, ps->gbps.sd, ps->gbps.cv);
        if (ps->gbps.ci_valid) /* empty: no interval from one run */
            fprintf(f, "%.6f", ps->gbps.ci_half);
        fprintf(f, ",%.6f,%.6f,%.3f,%.3f,%.6f,%.6f", ps->gbps.min, ps->gbps.max,
                ps->cpu_local, ps->cpu_remote, ps->sd_local, ps->sd_remote);
        csv_rr(f, ps);
    }
}

void vs_table_json(FILE *f, const vs_dataset *d, const vs_summary *s)
{
    vs_json j;

    vs_json_init(&j, 1);
    vs_json_arr_begin(&j, NULL);
    for (int i = 0; i < s->n; i++) {
        const vs_point_summary *ps = &s->p[i];
        vs_json_obj_begin(&j, NULL);
        vs_json_str(&j, "pair", d->pairs[ps->key.pair]);
        vs_json_str(&j, "test", vs_test_name(ps->key.pt.test));
        vs_json_int(&j, "sessions", ps->key.pt.sessions);
        vs_json_str(&j, "transport", vs_transport_name(ps->key.pt.tr));
        vs_json_uint(&j, "sock", ps->key.pt.sock);
        vs_json_uint(&j, "msg", ps->key.pt.msg);
        vs_json_int(&j, "n", ps->n_ok);
        vs_json_int(&j, "failed", ps->n_failed);
        vs_json_num(&j, "mean", ps->gbps.mean);
        vs_json_num(&j, "sd", ps->gbps.sd);
        vs_json_num(&j, "cv", ps->gbps.cv);
        if (ps->gbps.ci_valid)
            vs_json_num(&j, "ci", ps->gbps.ci_half);
        else
            vs_json_null(&j, "ci"); /* one run: no interval */
        vs_json_num(&j, "min", ps->gbps.min);
        vs_json_num(&j, "max", ps->gbps.max);
        vs_json_num(&j, "cpu_local", ps->cpu_local);
        vs_json_num(&j, "cpu_remote", ps->cpu_remote);
        vs_json_num(&j, "sd_local", ps->sd_local);
        vs_json_num(&j, "sd_remote", ps->sd_remote);
        json_rr(&j, ps);
        vs_json_obj_end(&j);
    }
    vs_json_arr_end(&j);
    fprintf(f, "%s\n", vs_json_text(&j));
    vs_json_free(&j);
}
