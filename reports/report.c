/* report.c - see report.h. */
#include "reports/report.h"
#include "reports/html.h"
#include "reports/render.h"
#include "reports/table.h"
#include "reports/workbook.h"
#include "platform/fs.h"
#include "platform/proc.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The name of a directory's copy: the last component of its path (after
 * any '/', '\' or ':', so Windows paths too), at most 100 characters,
 * anything but letters, digits, '.', '_' and '-' made '_': a file name on
 * every OS, and safe in the page's links. */
static void copy_name(const char *path, char *out, size_t n)
{
    const char *end = path + strlen(path), *p;
    size_t len = 0;

    while (end > path && strchr("/\\:", end[-1]) != NULL)
        end--;
    for (p = end; p > path && strchr("/\\:", p[-1]) == NULL; p--)
        ;
    for (; p < end && len + 1 < n && len < 100; p++)
        out[len++] = isalnum((unsigned char)*p) || strchr("._-", *p) != NULL ? *p : '_';
    snprintf(out + len, n - len, "%s", len ? "" : "results");
}

static int copy_sources(const vs_report_opts *o, char (*rel)[160], vs_err *e)
{
    char dir[1400], from[1400], to[1600], name[128];

    for (int i = 0; i < o->ndirs; i++) {
        copy_name(o->dirs[i], name, sizeof name);
        snprintf(rel[i], sizeof rel[i], "data/%d-%s", i + 1, name);
        snprintf(dir, sizeof dir, "%s/%s", o->out, rel[i]);
        if (vs_mkdir_p(dir, e) != 0)
            return -1;
        snprintf(from, sizeof from, "%s/runs.csv", o->dirs[i]);
        snprintf(to, sizeof to, "%s/runs.csv", dir);
        if (vs_copy_file(from, to, e) != 0)
            return -1;
        snprintf(from, sizeof from, "%s/meta.json", o->dirs[i]);
        snprintf(to, sizeof to, "%s/meta.json", dir);
        if (vs_copy_file(from, to, e) != 0)
            return -1;
    }
    return 0;
}

/* OUT/summary.csv: what `vsreport summary --csv` prints. */
static int write_summary_csv(const vs_report_opts *o, const vs_dataset *d, const vs_summary *s,
                             vs_err *e)
{
    char path[1400];
    vs_afile a;

    snprintf(path, sizeof path, "%s/summary.csv", o->out);
    if (vs_afile_open(&a, path, "wb", e) != 0)
        return -1;
    vs_table_csv(a.f, d, s);
    return vs_afile_commit(&a, e);
}

/* Draw the charts in dir with gnuplot, or say in charts->skipped (and,
 * unless asked not to draw, on stderr) why they are not drawn. */
static int draw_charts(const vs_report_opts *o, const char *dir, vs_chart_set *charts, vs_err *e)
{
    char gnuplot[VS_PROGRAM_PATH_MAX];
    int rc;

    if (o->no_render) {
        snprintf(charts->skipped, sizeof charts->skipped, "--no-render was given; run gnuplot "
                 "on the scripts in charts/ (gnuplot NAME.gp in that folder) to draw them");
        return 0;
    }
    rc = vs_charts_find_gnuplot(o->gnuplot, gnuplot, sizeof gnuplot, charts->skipped,
                                sizeof charts->skipped, e);
    if (rc == 1)
        fprintf(stderr, "vsreport report: charts skipped: %s\n", charts->skipped);
    return rc != 0 ? (rc < 0 ? -1 : 0) : vs_charts_render(dir, charts, gnuplot, e);
}

int vs_report_run(const vs_report_opts *o, vs_err *e)
{
    vs_dataset d;
    vs_summary s;
    vs_chart_set charts = { 0, NULL };
    char path[1400];
    char (*rel)[160] = calloc((size_t)o->ndirs + 1, sizeof *rel);
    const char **rels = calloc((size_t)o->ndirs + 1, sizeof *rels);
    int rc = -1;

    if (rel == NULL || rels == NULL) {
        free(rel);
        free(rels);
        return vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
    }
    if (vs_dataset_load(&d, o->dirs, o->ndirs, e) != 0)
        goto out_mem;
    vs_dataset_print_notes(&d, "vsreport", stderr);
    if (vs_summarize(&d, &s, e) != 0)
        goto out_data;
    if (s.n == 0) {
        vs_err_set(e, VS_ERR_USAGE, "no runs in the given directories");
        goto out_sum;
    }
    snprintf(path, sizeof path, "%s/charts", o->out);
    if (vs_mkdir_p(path, e) != 0 || vs_charts_write(&s, &d, path, &o->charts, &charts, e) != 0 ||
        draw_charts(o, path, &charts, e) != 0 || write_summary_csv(o, &d, &s, e) != 0)
        goto out_sum;
    snprintf(path, sizeof path, "%s/report.xlsx", o->out);
    if (vs_workbook_write(path, &d, &s, e) != 0 || copy_sources(o, rel, e) != 0)
        goto out_sum;
    for (int i = 0; i < o->ndirs; i++)
        rels[i] = rel[i];
    snprintf(path, sizeof path, "%s/index.html", o->out);
    rc = vs_html_write(path, &d, &s, &charts, rels, e);
out_sum:
    vs_chart_set_free(&charts);
    vs_summary_free(&s);
out_data:
    vs_dataset_free(&d);
out_mem:
    free(rel);
    free(rels);
    return rc;
}
