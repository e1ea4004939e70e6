/* vsreport.c - `vsreport COMMAND ...`: analysis and reports of results
 * directories written by `vsbench sweep`. */
#include "analysis/summary.h"
#include "reports/report.h"
#include "reports/table.h"
#include "reports/trend.h"
#include "reports/verdict.h"
#include "analysis/compare.h"
#include "analysis/db.h"
#include "core/version.h"

#include <getopt.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

static const char usage[] =
    "usage: vsreport COMMAND [OPTIONS] DIR...\n"
    "\n"
    "  summary DIR... [--csv|--json]   statistics per matrix point\n"
    "  report DIR... -o OUT [--paper]  charts (PNG, SVG, PDF), report.xlsx, index.html\n"
    "  compare BASELINE CANDIDATE      regression verdict per point (exit 1 on a regression)\n"
    "      [--alpha A] [--min-effect E%] [--markdown FILE] [--junit FILE] [--json]\n"
    "  compare --history URL [--window N] [--pair NAME] CANDIDATE   against the last N nights\n"
    "  history init | add DIR... | show | trend -o OUT | fleet -o OUT   [--history URL]\n"
    "                                  the results history (vsreport history --help)\n"
    "  version\n"
    "\n"
    "DIR is a results directory of 'vsbench sweep' (runs.csv and meta.json).\n"
    "A history URL is a SQLite file (PATH or sqlite:PATH) or postgresql://...; --db is\n"
    "the same as --history; default $VSBENCH_HISTORY, else vsbench-history.sqlite.\n"
    "Exit status: 0 ok, 1 failure (compare: a regression), 2 bad input or options,\n"
    "3 history server unreachable, 4 history engine not in this build, 6 refused.\n";

static int fail(const vs_err *e)
{
    fprintf(stderr, "vsreport: %s\n", e->msg);
    return e->code == VS_ERR_USAGE ? 2 : 1;
}

static int cmd_summary(int argc, char **argv)
{
    static const struct option opts[] = {
        { "csv", no_argument, NULL, 'c' },
        { "json", no_argument, NULL, 'j' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    int c, mode = 0;
    vs_dataset d;
    vs_summary s;
    vs_err e;

    optind = 1;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        if (c == 'c' || c == 'j')
            mode = c;
        else {
            fputs(usage, c == 'h' ? stdout : stderr);
            return c == 'h' ? 0 : 2;
        }
    }
    if (optind >= argc) {
        fputs("vsreport summary: give at least one results directory\n", stderr);
        return 2;
    }
    if (vs_dataset_load(&d, (const char *const *)argv + optind, argc - optind, &e) != 0)
        return fail(&e);
    if (vs_summarize(&d, &s, &e) != 0) {
        vs_dataset_free(&d);
        return fail(&e);
    }
    if (mode == 'c')
        vs_table_csv(stdout, &d, &s);
    else if (mode == 'j')
        vs_table_json(stdout, &d, &s);
    else
        vs_table_print(stdout, &d, &s);
    vs_summary_free(&s);
    vs_dataset_free(&d);
    return 0;
}

static int cmd_report(int argc, char **argv)
{
    static const struct option opts[] = {
        { "out", required_argument, NULL, 'o' },
        { "paper", no_argument, NULL, 'p' },
        { "no-render", no_argument, NULL, 'n' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    vs_report_opts o;
    vs_err e;
    int c;

    memset(&o, 0, sizeof o);
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
        switch (c) {
        case 'o': o.out = optarg; break;
        case 'p': o.charts.paper = 1; break;
        case 'n': o.no_render = 1; break;
        default:
            fputs(usage, c == 'h' ? stdout : stderr);
            return c == 'h' ? 0 : 2;
        }
    }
    if (o.out == NULL || optind >= argc) {
        fputs("vsreport report: give results directories and -o OUT\n", stderr);
        return 2;
    }
    o.dirs = (const char *const *)argv + optind;
    o.ndirs = argc - optind;
    if (vs_report_run(&o, &e) != 0)
        return fail(&e);
    printf("report written: %s/index.html\n", o.out);
    return 0;
}

#include "reports/vsreport_cmds.h"

int main(int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        fputs(usage, argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    if (strcmp(argv[1], "version") == 0 || strcmp(argv[1], "--version") == 0) {
        printf("vsreport %s (%s); history engines: %s\n", VS_VERSION, vs_git_revision(),
               vs_db_engines());
        return 0;
    }
    if (strcmp(argv[1], "summary") == 0)
        return cmd_summary(argc - 1, argv + 1);
    if (strcmp(argv[1], "report") == 0)
        return cmd_report(argc - 1, argv + 1);
    if (strcmp(argv[1], "compare") == 0)
        return vs_cmd_compare(argc - 1, argv + 1);
    if (strcmp(argv[1], "history") == 0)
        return vs_cmd_history(argc - 1, argv + 1);
    fprintf(stderr, "vsreport: unknown command '%s'\n\n%s", argv[1], usage);
    return 2;
}
