/* html_warn.c - see html_warn.h. */
#include "reports/html_warn.h"
#include "reports/markup.h"
#include "core/label.h"
#include "core/size.h"

#include <stdlib.h>
#include <string.h>

/* Which points a warning lists, and how a row of its table reads. */
typedef int (*pick_fn)(const vs_point_summary *ps);
typedef void (*row_fn)(FILE *f, const vs_point_summary *ps);

static int is_failed(const vs_point_summary *ps)
{
    return ps->n_failed > 0;
}

static int is_clamped(const vs_point_summary *ps)
{
    return ps->clamped;
}

static int is_noisy(const vs_point_summary *ps)
{
    return vs_point_headline(ps)->ci_valid && vs_point_headline(ps)->cv > VS_HIGH_CV;
}

static void point_cell(FILE *f, const vs_point_summary *ps)
{
    char label[96];

    fprintf(f, "<tr><td class=\"l\">%s</td>", vs_label_point(&ps->key.pt, label, sizeof label));
}

static void failed_row(FILE *f, const vs_point_summary *ps)
{
    point_cell(f, ps);
    fprintf(f, "<td>%d of %d</td><td class=\"l\">", ps->n_failed, ps->n_failed + ps->n_ok);
    vs_markup_escape(f, ps->first_error);
    fputs("</td></tr>\n", f);
}

static void clamped_row(FILE *f, const vs_point_summary *ps)
{
    char a[32], b[32];

    point_cell(f, ps);
    fprintf(f, "<td>%s</td><td>%s</td></tr>\n", vs_size_format(ps->eff_local, a, sizeof a),
            vs_size_format(ps->eff_remote, b, sizeof b));
}

static void noisy_row(FILE *f, const vs_point_summary *ps)
{
    point_cell(f, ps);
    fprintf(f, "<td>%.0f%%</td><td>%d</td></tr>\n", vs_point_headline(ps)->cv, ps->n_ok);
}

/* One warning: a summary line with the count, the points in a collapsed
 * table. `summary` holds one %d (the count of points). */
static int point_warning(FILE *f, const vs_summary *s, pick_fn pick, const char *summary,
                         const char *columns, row_fn row)
{
    int n = 0;

    for (int i = 0; i < s->n; i++)
        n += pick(&s->p[i]);
    if (n == 0)
        return 0;
    fputs("<details class=\"warn\"><summary>", f);
    fprintf(f, summary, n, n == 1 ? "" : "s");
    fprintf(f, "</summary>\n<table><tr><th class=\"l\">point</th>%s</tr>\n", columns);
    for (int i = 0; i < s->n; i++)
        if (pick(&s->p[i]))
            row(f, &s->p[i]);
    fputs("</table></details>\n", f);
    return 1;
}

static const char *json_text(const json_t *j)
{
    return json_is_string(j) ? json_string_value(j) : "?";
}

/* Sweeps that did not finish and transports a sweep skipped: one line each. */
static int source_warnings(FILE *f, const vs_dataset *d)
{
    char why[200];
    int count = 0;

    for (int i = 0; i < d->nsrc; i++) {
        json_t *sk = json_object_get(d->src[i].meta, "skipped"), *it;
        size_t j;
        if (vs_source_unfinished(&d->src[i], why, sizeof why)) {
            fputs("<p class=\"warn\">The sweep in <code>", f);
            vs_markup_escape(f, d->src[i].path);
            fprintf(f, "</code> %s: its points have fewer runs than planned.</p>\n", why);
            count++;
        }
        json_array_foreach(sk, j, it) {
            fputs("<p class=\"warn\">Transport ", f);
            vs_markup_escape(f, json_text(json_object_get(it, "transport")));
            fputs(" was skipped: ", f);
            vs_markup_escape(f, json_text(json_object_get(it, "reason")));
            fputs("</p>\n", f);
            count++;
        }
    }
    return count;
}

int vs_html_warnings(FILE *f, const vs_dataset *d, const vs_summary *s,
                     const char *charts_skipped)
{
    char noisy[200];
    int count = 0;

    fputs("<h2>Warnings</h2>\n", f);
    if (charts_skipped[0] != '\0') {
        fputs("<p class=\"warn\">Charts not drawn: ", f);
        vs_markup_escape(f, charts_skipped);
        fputs(". The tables below and the workbook have every figure.</p>\n", f);
        count++;
    }
    count += source_warnings(f, d);
    count += point_warning(f, s, is_failed, "%d point%s with failed runs (not averaged in)",
                           "<th>failed</th><th class=\"l\">first error</th>", failed_row);
    count += point_warning(f, s, is_clamped, "%d point%s with buffers smaller than requested: "
                           "the OS clamped them (on Linux raise net.core.wmem_max and "
                           "net.core.rmem_max on both machines)",
                           "<th>local</th><th>remote</th>", clamped_row);
    snprintf(noisy, sizeof noisy, "%%d noisy point%%s: runs vary by more than %.0f%% "
             "(coefficient of variation); more or longer runs would narrow them", VS_HIGH_CV);
    count += point_warning(f, s, is_noisy, noisy, "<th>CV</th><th>runs</th>", noisy_row);
    if (count == 0)
        fprintf(f, "<p>None: charts drawn, every sweep complete, no failed runs, no clamped "
                   "buffers, no point with a coefficient of variation above %.0f%%.</p>\n",
                VS_HIGH_CV);
    return count;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

void vs_html_precision(FILE *f, const vs_summary *s, int p)
{
    double *w = calloc((size_t)s->n + 1, sizeof *w), widest = 0;
    int n = 0, few = 0, at = -1;
    char label[96];

    if (w == NULL)
        return;
    for (int i = 0; i < s->n; i++) {
        const vs_point_summary *ps = &s->p[i];
        const vs_panel *pn = &s->panels[p];
        if (ps->key.pair != pn->pair || ps->key.pt.test != pn->test ||
            ps->key.pt.sessions != pn->sessions || ps->key.pt.resp != pn->resp ||
            ps->key.pt.burst != pn->burst || ps->n_ok == 0)
            continue;
        if (ps->n_ok < VS_MIN_CI_RUNS || vs_point_headline(ps)->mean <= 0) {
            few++;
            continue;
        }
        w[n] = 100.0 * vs_point_headline(ps)->ci_half / vs_point_headline(ps)->mean;
        if (w[n] > widest) {
            widest = w[n];
            at = i;
        }
        n++;
    }
    qsort(w, (size_t)n, sizeof *w, cmp_double);
    fputs("<p class=\"precision\"><b>How precise is this:</b> ", f);
    if (n > 0)
        fprintf(f, "the 95%% confidence intervals are &plusmn;%.1f%% of the mean (median over %d "
                   "points; widest &plusmn;%.0f%%, %s)", n % 2 ? w[n / 2] : (w[n / 2 - 1] +
                   w[n / 2]) / 2, n, widest, vs_label_point(&s->p[at].key.pt, label, sizeof label));
    if (few > 0)
        fprintf(f, "%s%d point%s with fewer than %d runs: no interval, the range of the runs "
                   "shown instead", n > 0 ? "; " : "", few, few == 1 ? "" : "s", VS_MIN_CI_RUNS);
    fputs(".</p>\n", f);
    free(w);
}
