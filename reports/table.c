/* table.c - see table.h. */
#include "reports/table.h"
#include "core/csv.h"
#include "core/json.h"
#include "core/label.h"

/* One cell of the terminal table: mean +/- 95% CI from 3 runs, the range
 * of 2 runs, "n/a" for 1; counts the cells that need a footnote. */
static const char *cell(const vs_point_summary *ps, char *b, size_t n, int *ranges, int *single)
{
    if (ps == NULL)
        snprintf(b, n, "-");
    else if (ps->n_ok == 0)
        snprintf(b, n, "failed x%d", ps->n_failed);
    else if (ps->n_ok == 1 && ++*single)
        snprintf(b, n, "%.3f +/- n/a%s", ps->gbps.mean, ps->n_failed ? "!" : "");
    else if (ps->n_ok < VS_MIN_CI_RUNS && ++*ranges)
        snprintf(b, n, "%.3f [%.3g-%.3g]%s", ps->gbps.mean, ps->gbps.min, ps->gbps.max,
                 ps->n_failed ? "!" : "");
    else
        snprintf(b, n, "%.3f +/- %.3f%s", ps->gbps.mean, ps->gbps.ci_half,
                 ps->n_failed ? "!" : "");
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
        fprintf(f, "%s%s - %s (Gbit/s, mean +/- 95%% CI)\n", p ? "\n" : "",
                vs_label_panel(pn->test, pn->sessions, a, sizeof a), d->pairs[pn->pair]);
        fprintf(f, "%8s", "msg");
        for (int i = 0; i < s->nseries; i++)
            fprintf(f, " %18s", vs_label_series(s->series[i].tr, s->series[i].sock, b, sizeof b));
        fputc('\n', f);
        for (int m = 0; m < s->nmsgs; m++) {
            fprintf(f, "%8s", vs_label_msg(s->msgs[m], a, sizeof a));
            for (int i = 0; i < s->nseries; i++) {
                const vs_point_summary *ps = vs_summary_at(s, pn, &s->series[i], s->msgs[m]);
                failed += ps != NULL && ps->n_failed > 0 && ps->n_ok > 0;
                fprintf(f, " %18s", cell(ps, b, sizeof b, &ranges, &single));
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

void vs_table_csv(FILE *f, const vs_dataset *d, const vs_summary *s)
{
    fputs("pair,test,sessions,transport,sock,msg,n,failed,mean,sd,cv,ci,min,max,cpu_local,"
          "cpu_remote,sd_local,sd_remote\n", f);
    for (int i = 0; i < s->n; i++) {
        const vs_point_summary *ps = &s->p[i];
        vs_csv_write_field(f, d->pairs[ps->key.pair]);
        fprintf(f, ",%s,%d,%s,%llu,%lu,%d,%d,%.6f,%.6f,%.3f,", vs_test_name(ps->key.pt.test),
                ps->key.pt.sessions, vs_transport_name(ps->key.pt.tr),
                (unsigned long long)ps->key.pt.sock, (unsigned long)ps->key.pt.msg, ps->n_ok,
                ps->n_failed, ps->gbps.mean, ps->gbps.sd, ps->gbps.cv);
        if (ps->gbps.ci_valid) /* empty: no interval from one run */
            fprintf(f, "%.6f", ps->gbps.ci_half);
        fprintf(f, ",%.6f,%.6f,%.3f,%.3f,%.6f,%.6f\n", ps->gbps.min, ps->gbps.max,
                ps->cpu_local, ps->cpu_remote, ps->sd_local, ps->sd_remote);
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
        vs_json_obj_end(&j);
    }
    vs_json_arr_end(&j);
    fprintf(f, "%s\n", vs_json_text(&j));
    vs_json_free(&j);
}
