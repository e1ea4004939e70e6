/* cmd_compare.c - `vsreport compare`. */
#include "reports/vsreport_cmds.h"
#include "analysis/compare.h"
#include "analysis/history.h"
#include "reports/verdict.h"
#include "core/cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_WINDOW 7
#define MAX_WINDOW 1000

static const char help[] =
    "usage: vsreport compare BASELINE CANDIDATE [options]\n"
    "       vsreport compare [--history URL] [--pair NAME] [--window N] CANDIDATE [options]\n"
    "  --history URL      the baseline is the last N nights of the candidate's host pair\n"
    "                     in this history (--db is the same; with one directory and no\n"
    "                     --history, $VSBENCH_HISTORY)\n"
    "  --pair NAME        the host pair's name in the history (history add --pair)\n"
    "  --window N         how many nights (default 7)\n"
    "  --alpha A          significance level (default 0.01)\n"
    "  --min-effect E     smallest change that counts (default 5%): a regression is a\n"
    "                     change significantly beyond it\n"
    "  --drift D          a shift of the whole sweep within +/-D is machine drift:\n"
    "                     points are judged beyond it (default 10%; 0 turns it off)\n"
    "  --markdown FILE    also write Markdown (- for stdout)\n"
    "  --junit FILE       also write JUnit XML\n"
    "  --json             JSON instead of the table\n"
    "Exit status: 0 no regression, 1 regression, 2 bad input; with a history also\n"
    "3 server unreachable, 4 engine not in this build, 6 refused.\n";

/* compare's options. */
typedef struct compare_args {
    vs_compare_opts o;
    const char *markdown, *junit, *db, *pair;
    int json, window;
} compare_args;

/* 1 means a regression, so failures are 2, or the code of a history
 * connection problem (3 unreachable, 4 engine not built in, 6 refused). */
static int fail(const vs_cli *cli, const vs_err *e)
{
    return vs_cli_fail_err(cli, e->code > VS_ERR_USAGE ? e->code : VS_ERR_USAGE, e);
}

static int write_to(const char *path, void (*fn)(FILE *, const vs_comparison *),
                    const vs_comparison *c)
{
    FILE *f = strcmp(path, "-") == 0 ? stdout : fopen(path, "wb");
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
static int load_baseline(const compare_args *a, const char *dir, const vs_dataset *cand,
                         vs_dataset *base, vs_err *e)
{
    vs_history *h;
    int rc;

    if (a->db == NULL)
        return vs_dataset_load(base, &dir, 1, e);
    if (vs_history_open(a->db, &h, e) != 0)
        return -1;
    rc = vs_history_window(h, cand->nsrc ? vs_history_pair(cand, 0, a->pair) : a->pair,
                           a->window, base, e);
    vs_history_close(h);
    return rc;
}

static int compare_option(int c, const char *arg, compare_args *a, vs_err *e)
{
    switch (c) {
    case 'a': return vs_cli_probability("--alpha", arg, &a->o.alpha, e);
    case 'm': return vs_cli_fraction("--min-effect", arg, &a->o.min_effect, e);
    case 'd': return vs_cli_fraction("--drift", arg, &a->o.drift, e);
    case 'M': a->markdown = arg; return 0;
    case 'J': a->junit = arg; return 0;
    case 'j': a->json = 1; return 0;
    case 'H': case 'D': a->db = arg; return 0;
    case 'P': a->pair = arg; return 0;
    default: return vs_cli_int("--window", arg, 1, MAX_WINDOW, &a->window, e);
    }
}

/* Print the verdicts and write the extra outputs; the exit status. */
static int report_comparison(const compare_args *a, const vs_comparison *cmp)
{
    if (a->json)
        vs_verdict_json(stdout, cmp);
    else
        vs_verdict_table(stdout, cmp);
    if ((a->markdown && write_to(a->markdown, vs_verdict_markdown, cmp) != 0) ||
        (a->junit && write_to(a->junit, vs_verdict_junit, cmp) != 0))
        return VS_ERR_USAGE;
    return vs_comparison_status(cmp);
}

static int compare(const vs_cli *cli, const compare_args *a, const char *base_dir,
                   const char *cand_dir)
{
    vs_dataset base, cand;
    vs_comparison cmp;
    vs_err e;
    int status;

    if (vs_dataset_load(&cand, &cand_dir, 1, &e) != 0)
        return fail(cli, &e);
    if (load_baseline(a, base_dir, &cand, &base, &e) != 0) {
        vs_dataset_free(&cand);
        return fail(cli, &e);
    }
    if (vs_compare_datasets(&base, &cand, &a->o, &cmp, &e) != 0) {
        status = fail(cli, &e);
    } else {
        status = report_comparison(a, &cmp);
        vs_comparison_free(&cmp);
    }
    vs_dataset_free(&base);
    vs_dataset_free(&cand);
    return status;
}

int vs_cmd_compare(int argc, char **argv)
{
    vs_cli cli = { "vsreport", "compare", help,
                   "a/alpha= m/min-effect= d/drift= M/markdown= J/junit= j/json H/history= D/db= "
                   "P/pair= w/window= h:help" };
    compare_args a = { { 0.01, 0.05, VS_DEFAULT_DRIFT }, NULL, NULL, NULL, NULL, 0, DEFAULT_WINDOW };
    const char *env = getenv("VSBENCH_HISTORY");
    vs_err e;
    int c;

    while ((c = vs_cli_next(&cli, argc, argv)) != -1) {
        if (c == VS_CLI_EXIT)
            return cli.status;
        if (compare_option(c, optarg, &a, &e) != 0)
            return fail(&cli, &e);
    }
    /* one directory: the history of the environment (a secret URL stays out of argv) */
    if (a.db == NULL && argc - optind == 1 && env != NULL && *env)
        a.db = vs_history_location(NULL);
    if (argc - optind != (a.db ? 1 : 2))
        return vs_cli_fail(&cli, VS_ERR_USAGE, "compare: give BASELINE and CANDIDATE "
                           "directories (or --history URL and CANDIDATE)");
    return compare(&cli, &a, argv[optind], argv[argc - 1]);
}
