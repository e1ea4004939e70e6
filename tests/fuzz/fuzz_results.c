/*
 * fuzz_results.c - libFuzzer target: the results loader (analysis/dataset:
 * meta.json with jansson, runs.csv with core/runs), the summary, a
 * comparison, and the writers that show file strings (terminal table, CSV,
 * JSON, verdicts as text, Markdown, JUnit and JSON, the HTML page, gnuplot
 * data and scripts). Input: meta.json, a line "====", then runs.csv
 * (without the line: all of it is runs.csv beside a fixed meta.json). The
 * files go to a private temporary directory.
 */
#include "analysis/compare.h"
#include "analysis/summary.h"
#include "reports/charts.h"
#include "reports/html.h"
#include "reports/table.h"
#include "reports/verdict.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[256];
static FILE *sink;

static const char fixed_meta[] =
    "{\"hosts\":{\"local\":{\"os\":\"Linux\",\"kernel\":\"6.1\"},"
    "\"remote\":{\"os\":\"Linux\",\"kernel\":\"6.2\"}}}\n";

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    snprintf(dir, sizeof dir, "%s/vsbench-fuzz-XXXXXX",
             getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    if (mkdtemp(dir) == NULL || (sink = fopen("/dev/null", "w")) == NULL)
        abort();
    return 0;
}

static void put_file(const char *name, const uint8_t *data, size_t n)
{
    char path[300];
    FILE *f;

    snprintf(path, sizeof path, "%s/%s", dir, name);
    f = fopen(path, "wb");
    if (f == NULL || fwrite(data, 1, n, f) != n || fclose(f) != 0)
        abort();
}

/* Everything the reports do with a loaded dataset, to /dev/null or the
 * temporary directory. */
static void use(const vs_dataset *d)
{
    vs_compare_opts o = { 0.01, 0.05 };
    vs_chart_opts co = { 0 };
    vs_chart_set charts = { 0, NULL };
    const char *rel[1] = { "data/1-x" };
    vs_comparison c;
    vs_summary s;
    vs_err e;

    if (vs_summarize(d, &s, &e) != 0)
        return;
    vs_table_print(sink, d, &s);
    vs_table_csv(sink, d, &s);
    vs_table_json(sink, d, &s);
    if (vs_charts_write(&s, d, dir, &co, &charts, &e) == 0)
        vs_html_write("/dev/null", d, &s, &charts, rel, &e);
    vs_chart_set_free(&charts);
    if (vs_compare_datasets(d, d, &o, &c, &e) == 0) {
        vs_verdict_table(sink, &c);
        vs_verdict_markdown(sink, &c);
        vs_verdict_junit(sink, &c);
        vs_verdict_json(sink, &c);
        vs_comparison_free(&c);
    }
    vs_summary_free(&s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *sep = NULL;
    const char *d1 = dir;
    vs_dataset d;
    vs_err e;

    for (size_t i = 0; i + 6 <= size && sep == NULL; i++)
        if (memcmp(data + i, "\n====\n", 6) == 0)
            sep = data + i;
    if (sep != NULL) {
        put_file("meta.json", data, (size_t)(sep - data) + 1);
        put_file("runs.csv", sep + 6, size - (size_t)(sep + 6 - data));
    } else {
        put_file("meta.json", (const uint8_t *)fixed_meta, sizeof fixed_meta - 1);
        put_file("runs.csv", data, size);
    }
    if (vs_dataset_load(&d, &d1, 1, &e) == 0) {
        use(&d);
        vs_dataset_free(&d);
    }
    return 0;
}
