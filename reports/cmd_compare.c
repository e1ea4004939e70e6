/* cmd_compare.c - `vsreport compare`. */
#include "reports/vsreport_cmds.h"
#include "analysis/compare.h"
#include "analysis/history.h"
#include "reports/verdict.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_WINDOW 7

static const char help[] =
    "usage: vsreport compare BASELINE CANDIDATE [options]\n"
    "       vsreport compare [--history URL] [--pair NAME] [--window N] CANDIDATE [options]\n"
    "  --history URL      the baseline is the last N nights of the candidate's host pair\n"
    "                     in this history (--db is the same; with one directory and no\n"
    "                     --history, $VSBENCH_HISTORY)\n"
    "  --pair NAME        the host pair's name in the history (history add --pair)\n"
    "  --alpha A          significance level (default 0.01)\n"
    "  --min-effect E     smallest change that counts (default 5%)\n"
    "  --markdown FILE    also write Markdown (- for stdout)\n"
    "  --junit FILE       also write JUnit XML\n"
    "  --json             JSON instead of the table\n"
    "Exit status: 0 no regression, 1 regression, 2 bad input; with a history also\n"
    "3 server unreachable, 4 engine not in this build, 6 refused.\n";

/* 1 means a regression, so failures are 2, or the code of a history
 * connection problem (3 unreachable, 4 engine not built in, 6 refused). */
static int fail(const vs_err *e)
{
    fprintf(stderr, "vsreport: %s\n", e->msg);
    return e->code > VS_ERR_USAGE ? e->code : VS_ERR_USAGE;
}

/* "5%", "5" (percent) or "0.05" (fraction) -> 0.05 */
static int parse_effect(const char *s, double *out)
{
    char *end;
    double v = strtod(s, &end);

    if (end == s || v < 0)
        return -1;
    if (*end == '%')
        end++, v /= 100.0;
    else if (v >= 1.0)
        v /= 100.0;
    if (*end != '\0' || v > 1.0)
        return -1;
    *out = v;
    return 0;
}

static int write_to(const char *path, void (*fn)(FILE *, const vs_comparison *),
                    const vs_comparison *c)
{
    FILE *f = strcmp(path, "-") == 0 ? stdout : fopen(path, "w");
    int bad;

    if (f == NULL) {
        fprintf(stderr, "vsreport: cannot write %s\n", path);
        return -1;
    }
    fn(f, c);
    bad = ferror(f);
    if (f != stdout && fclose(f) != 0)
        bad = 1;
    return bad ? -1 : 0;
}

/* The baseline: directories, or the last nights of a history. */
static int load_baseline(const char *db, const char *pair, int window, const char *dir,
                         const vs_dataset *cand, vs_dataset *base, vs_err *e)
{
    vs_history *h;
    int rc;

    if (db == NULL)
        return vs_dataset_load(base, &dir, 1, e);
    if (vs_history_open(db, &h, e) != 0)
        return -1;
    rc = vs_history_window(h, cand->nsrc ? vs_history_pair(cand, 0, pair) : pair, window, base, e);
    vs_history_close(h);
    return rc;
}

int vs_cmd_compare(int argc, char **argv)
{
    static const struct option opts[] = {
        { "alpha", required_argument, NULL, 'a' },
        { "min-effect", required_argument, NULL, 'm' },
        { "markdown", required_argument, NULL, 'M' },
        { "junit", required_argument, NULL, 'J' },
        { "json", no_argument, NULL, 'j' },
        { "history", required_argument, NULL, 'H' },
        { "db", required_argument, NULL, 'H' },
        { "pair", required_argument, NULL, 'P' },
        { "window", required_argument, NULL, 'w' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    vs_compare_opts o = { 0.01, 0.05 };
    const char *markdown = NULL, *junit = NULL, *db = NULL, *pair = NULL;
    int c, json = 0, window = DEFAULT_WINDOW, status;
    vs_dataset base, cand;
    vs_comparison cmp;
    vs_err e;

    optind = 1;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
        case 'a':
            o.alpha = strtod(optarg, NULL);
            if (!(o.alpha > 0 && o.alpha < 1)) {
                fprintf(stderr, "vsreport compare: --alpha must be between 0 and 1\n");
                return 2;
            }
            break;
        case 'm':
            if (parse_effect(optarg, &o.min_effect) != 0) {
                fprintf(stderr, "vsreport compare: --min-effect takes a percentage, e.g. 5%%\n");
                return 2;
            }
            break;
        case 'M': markdown = optarg; break;
        case 'J': junit = optarg; break;
        case 'j': json = 1; break;
        case 'H': db = optarg; break;
        case 'P': pair = optarg; break;
        case 'w':
            window = atoi(optarg);
            if (window < 1) {
                fprintf(stderr, "vsreport compare: --window takes a number of nights\n");
                return 2;
            }
            break;
        case 'h':
            fputs(help, stdout);
            return 0;
        default:
            return 2;
        }
    }
    /* one directory: the history of the environment (a secret URL stays out of argv) */
    if (db == NULL && argc - optind == 1 && getenv("VSBENCH_HISTORY") && *getenv("VSBENCH_HISTORY"))
        db = vs_history_location(NULL);
    if (argc - optind != (db ? 1 : 2)) {
        fprintf(stderr, "vsreport compare: give BASELINE and CANDIDATE directories (or --history "
                        "URL and CANDIDATE)\n");
        return 2;
    }
    if (vs_dataset_load(&cand, (const char *const *)&argv[argc - 1], 1, &e) != 0)
        return fail(&e);
    if (load_baseline(db, pair, window, argv[optind], &cand, &base, &e) != 0) {
        vs_dataset_free(&cand);
        return fail(&e);
    }
    status = vs_compare_datasets(&base, &cand, &o, &cmp, &e) != 0 ? fail(&e) : 0;
    if (status == 0) {
        if (json)
            vs_verdict_json(stdout, &cmp);
        else
            vs_verdict_table(stdout, &cmp);
        if ((markdown && write_to(markdown, vs_verdict_markdown, &cmp) != 0) ||
            (junit && write_to(junit, vs_verdict_junit, &cmp) != 0))
            status = 2;
        else
            status = vs_comparison_status(&cmp);
        vs_comparison_free(&cmp);
    }
    vs_dataset_free(&base);
    vs_dataset_free(&cand);
    return status;
}

