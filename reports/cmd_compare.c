/* cmd_compare.c - `vsreport compare` and `vsreport history`. */
#include "reports/vsreport_cmds.h"
#include "analysis/compare.h"
#include "analysis/history.h"
#include "reports/trend.h"
#include "reports/verdict.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_WINDOW 7

static int fail(const vs_err *e)
{
    fprintf(stderr, "vsreport: %s\n", e->msg);
    return 2;
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

static const char *history_path(const char *opt)
{
    const char *env = getenv("VSBENCH_HISTORY");

    return opt != NULL ? opt : (env != NULL && env[0] ? env : "vsbench-history.sqlite");
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
static int load_baseline(const char *db, int window, const char *dir, const vs_dataset *cand,
                         vs_dataset *base, vs_err *e)
{
    vs_history *h;
    int rc;

    if (db == NULL)
        return vs_dataset_load(base, &dir, 1, e);
    if (vs_history_open(db, &h, e) != 0)
        return -1;
    rc = vs_history_window(h, cand->npairs ? cand->pairs[0] : NULL, window, base, e);
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
        { "window", required_argument, NULL, 'w' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    vs_compare_opts o = { 0.01, 0.05 };
    const char *markdown = NULL, *junit = NULL, *db = NULL;
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
        case 'w':
            window = atoi(optarg);
            if (window < 1) {
                fprintf(stderr, "vsreport compare: --window takes a number of nights\n");
                return 2;
            }
            break;
        case 'h':
            printf("usage: vsreport compare BASELINE CANDIDATE [options]\n"
                   "       vsreport compare --history DB [--window N] CANDIDATE [options]\n"
                   "  --alpha A          significance level (default 0.01)\n"
                   "  --min-effect E     smallest change that counts (default 5%%)\n"
                   "  --markdown FILE    also write Markdown (- for stdout)\n"
                   "  --junit FILE       also write JUnit XML\n"
                   "  --json             JSON instead of the table\n"
                   "Exit status: 0 no regression, 1 regression, 2 bad input.\n");
            return 0;
        default:
            return 2;
        }
    }
    if (argc - optind != (db ? 1 : 2)) {
        fprintf(stderr, "vsreport compare: give BASELINE and CANDIDATE directories (or --history "
                        "DB and CANDIDATE)\n");
        return 2;
    }
    if (vs_dataset_load(&cand, (const char *const *)&argv[argc - 1], 1, &e) != 0)
        return fail(&e);
    if (load_baseline(db, window, argv[optind], &cand, &base, &e) != 0) {
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

static int history_add(vs_history *h, int argc, char **argv)
{
    for (int i = 0; i < argc; i++) {
        vs_dataset d;
        vs_err e;
        int added;
        if (vs_dataset_load(&d, (const char *const *)&argv[i], 1, &e) != 0)
            return fail(&e);
        int rc = vs_history_add(h, &d, 0, &added, &e);
        vs_dataset_free(&d);
        if (rc != 0)
            return fail(&e);
        printf("%s: %s\n", argv[i], added ? "added" : "already in the history");
    }
    return 0;
}

int vs_cmd_history(int argc, char **argv)
{
    static const struct option opts[] = {
        { "db", required_argument, NULL, 'd' },
        { "out", required_argument, NULL, 'o' },
        { "alpha", required_argument, NULL, 'a' },
        { "min-effect", required_argument, NULL, 'm' },
        { "no-render", no_argument, NULL, 'n' },
        { NULL, 0, NULL, 0 },
    };
    const char *db = NULL, *what;
    vs_trend_opts t;
    vs_history *h;
    vs_err e;
    int c, rc;

    memset(&t, 0, sizeof t);
    vs_cp_defaults(&t.cp);
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
        switch (c) {
        case 'd': db = optarg; break;
        case 'o': t.out = optarg; break;
        case 'a': t.cp.alpha = strtod(optarg, NULL); break;
        case 'm':
            if (parse_effect(optarg, &t.cp.min_effect) != 0)
                return 2;
            break;
        case 'n': t.no_render = 1; break;
        default: return 2;
        }
    }
    if (optind >= argc) {
        fprintf(stderr, "usage: vsreport history add DIR... | show | trend -o OUT  [--db FILE]\n");
        return 2;
    }
    what = argv[optind++];
    if (strcmp(what, "trend") == 0 && t.out == NULL) {
        fprintf(stderr, "vsreport history trend: give -o OUT\n");
        return 2;
    }
    if (strcmp(what, "add") != 0 && strcmp(what, "show") != 0 && strcmp(what, "trend") != 0) {
        fprintf(stderr, "vsreport history: unknown action '%s' (add, show, trend)\n", what);
        return 2;
    }
    if (vs_history_open(history_path(db), &h, &e) != 0)
        return fail(&e);
    if (strcmp(what, "add") == 0)
        rc = history_add(h, argc - optind, argv + optind);
    else if (strcmp(what, "show") == 0)
        rc = vs_history_show(h, stdout, &e) == 0 ? 0 : fail(&e);
    else {
        int found = vs_trend_write(h, &t, &e);
        rc = found < 0 ? fail(&e) : 0;
        if (found >= 0)
            printf("%d change point(s); charts and %s/changepoints.txt written\n", found, t.out);
    }
    vs_history_close(h);
    return rc;
}
