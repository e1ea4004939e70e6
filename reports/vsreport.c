/* vsreport.c - `vsreport COMMAND ...`: analysis and reports of results
 * directories written by `vsbench sweep`. */
#include "analysis/db.h"
#include "reports/report.h"
#include "reports/table.h"
#include "reports/vsreport_cmds.h"
#include "core/cli.h"
#include "platform/fs.h"

#include <stdio.h>
#include <string.h>

static const char usage[] =
    "usage: vsreport COMMAND [OPTIONS] DIR...\n"
    "\n"
    "  summary DIR... [--csv|--json]   statistics per matrix point\n"
    "  report DIR... -o OUT [--paper]  index.html, report.xlsx, summary.csv, charts\n"
    "  compare BASELINE CANDIDATE      regression verdict per point (exit 1 on a regression)\n"
    "      [--alpha A] [--min-effect E%] [--drift D%] [--markdown FILE] [--junit FILE] [--json]\n"
    "  compare --history URL [--window N] [--pair NAME] CANDIDATE   against the last N nights\n"
    "  history init | add DIR... | show | trend -o OUT | fleet -o OUT   [--history URL]\n"
    "                                  the results history (vsreport history --help)\n"
    "  version\n"
    "\n"
    "DIR is a results directory of 'vsbench sweep' (runs.csv and meta.json).\n"
    "A history URL is a SQLite file (PATH or sqlite:PATH) or postgresql://...; --db is\n"
    "the same as --history; default $VSBENCH_HISTORY, else vsbench-history.sqlite.\n"
    "Exit status: 0 ok, 1 failure (compare: a regression), 2 bad input or options,\n"
    "3 history server unreachable, 4 history engine not in this build, 6 refused.\n"
    "'vsreport COMMAND --help' describes a command.\n";

static const char summary_usage[] =
    "usage: vsreport summary DIR... [--csv|--json]\n"
    "\n"
    "Statistics per matrix point of the results directories: a table per\n"
    "panel (mean Gbit/s +/- 95% CI from 3 runs up, [min-max] of 2 runs, n/a for\n"
    "1; a sweep that did not finish is noted first), or one row per point as CSV\n"
    "or JSON (ci empty or null for one run).\n"
    "\n"
    "      --csv    one CSV row per point\n"
    "      --json   one JSON array of points\n";

static const char report_usage[] =
    "usage: vsreport report DIR... -o OUT [--paper] [--gnuplot PATH] [--no-render]\n"
    "\n"
    "index.html, report.xlsx, summary.csv and charts in OUT, with copies of each\n"
    "directory's runs.csv and meta.json. gnuplot draws the charts (PNG, SVG, PDF)\n"
    "from the scripts in OUT/charts; without gnuplot on PATH (or --gnuplot) the\n"
    "rest is written and the page and stderr say that the charts were skipped.\n"
    "\n"
    "  -o, --out OUT       output directory (created if needed)\n"
    "      --paper         figures for one column of a two-column paper: 3.5 in wide,\n"
    "                      serif 8 pt, no title or caption inside\n"
    "      --gnuplot PATH  the gnuplot program to draw with (default: gnuplot on PATH)\n"
    "      --no-render     write the gnuplot scripts but do not run gnuplot\n";

/* vsreport's statuses: 2 for bad input, 1 for any other failure. */
static int fail(const vs_cli *cli, const vs_err *e)
{
    return vs_cli_fail_err(cli, e->code == VS_ERR_USAGE ? VS_ERR_USAGE : VS_ERR_RUNTIME, e);
}

static int cmd_summary(int argc, char **argv)
{
    vs_cli cli = { "vsreport", "summary", summary_usage, "c/csv j/json h:help" };
    int c, mode = 0;
    vs_dataset d;
    vs_summary s;
    vs_err e;

    while ((c = vs_cli_next(&cli, argc, argv)) != -1) {
        if (c == VS_CLI_EXIT)
            return cli.status;
        mode = c;
    }
    if (optind >= argc)
        return vs_cli_fail(&cli, VS_ERR_USAGE, "summary: give at least one results directory");
    if (vs_dataset_load(&d, (const char *const *)argv + optind, argc - optind, &e) != 0)
        return fail(&cli, &e);
    if (vs_summarize(&d, &s, &e) != 0) {
        vs_dataset_free(&d);
        return fail(&cli, &e);
    }
    if (mode == 'c')
        vs_table_csv(stdout, &d, &s);
    else if (mode == 'j')
        vs_table_json(stdout, &d, &s);
    else
        vs_table_print(stdout, &d, &s);
    vs_summary_free(&s);
    vs_dataset_free(&d);
    return VS_OK;
}

static int cmd_report(int argc, char **argv)
{
    vs_cli cli = { "vsreport", "report", report_usage, "o:out= p/paper g/gnuplot= n/no-render h:help" };
    vs_report_opts o;
    vs_err e;
    int c;

    memset(&o, 0, sizeof o);
    while ((c = vs_cli_next(&cli, argc, argv)) != -1) {
        switch (c) {
        case VS_CLI_EXIT: return cli.status;
        case 'o': o.out = optarg; break;
        case 'p': o.charts.paper = 1; break;
        case 'g': o.gnuplot = optarg; break;
        default: o.no_render = 1; break;
        }
    }
    if (o.out == NULL || optind >= argc)
        return vs_cli_fail(&cli, VS_ERR_USAGE, "report: give results directories and -o OUT");
    o.dirs = (const char *const *)argv + optind;
    o.ndirs = argc - optind;
    if (vs_report_run(&o, &e) != 0)
        return fail(&cli, &e);
    printf("report written: %s/index.html\n", o.out);
    return VS_OK;
}

static int cmd_version(int argc, char **argv)
{
    char engines[128];

    snprintf(engines, sizeof engines, "history engines: %s", vs_db_engines());
    return vs_cli_version("vsreport", engines, argc, argv);
}

static const vs_cli_cmd commands[] = {
    { "summary", cmd_summary },
    { "report", cmd_report },
    { "compare", vs_cmd_compare },
    { "history", vs_cmd_history },
    { "version", cmd_version },
    { "--version", cmd_version },
};

int main(int argc, char **argv)
{
    vs_stdout_binary();
    return vs_cli_dispatch("vsreport", usage, commands,
                           (int)(sizeof commands / sizeof commands[0]), argc, argv);
}
