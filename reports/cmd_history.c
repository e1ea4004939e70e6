/* cmd_history.c - `vsreport history init|add|show|trend|fleet`. */
#include "reports/vsreport_cmds.h"
#include "analysis/db.h"
#include "analysis/history.h"
#include "analysis/history_schema.h"
#include "reports/fleetview.h"
#include "reports/trend.h"
#include "core/cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_DAYS 20
#define DEFAULT_WINDOW 7
#define MAX_NIGHTS 10000

static const char help[] =
    "usage: vsreport history ACTION [--history URL] [options]\n"
    "  init                       create or migrate the tables (the owner role, once)\n"
    "  add DIR... [--pair NAME]   add nights (results directories); a night already\n"
    "                             there is left as it is\n"
    "  show [DIR | --pair NAME]   list the nights (of DIR's host pair, or NAME)\n"
    "  trend -o OUT [DIR | --pair NAME] [--alpha A] [--min-effect E]\n"
    "                             trend charts with change points\n"
    "  fleet -o OUT [--nights N] [--window W] [--alpha A] [--min-effect E]\n"
    "                             every host pair at a glance: index.html, fleet.md,\n"
    "                             fleet.json and trend/ in OUT\n"
    "  --history URL   a SQLite file (PATH or sqlite:PATH) or postgresql://... (--db is\n"
    "                  the same); default $VSBENCH_HISTORY, else vsbench-history.sqlite\n"
    "  --pair NAME     file nights under NAME instead of the label made from meta.json\n"
    "  --no-render     write gnuplot scripts without running gnuplot\n"
    "Exit status: 0 ok, 1 failure, 2 bad input, 3 server unreachable or connection\n"
    "lost, 4 history engine not in this build, 6 credentials or rights refused.\n";

typedef struct hist_args {
    const char *location, *pair, *out;
    vs_cp_opts cp;
    vs_fleet_opts fleet;
    int no_render;
} hist_args;

const char *vs_history_location(const char *opt)
{
    const char *env = getenv("VSBENCH_HISTORY");

    return opt != NULL ? opt : (env != NULL && env[0] ? env : "vsbench-history.sqlite");
}

static int fail(const vs_err *e)
{
    fprintf(stderr, "vsreport: %s\n", e->msg);
    return e->code > VS_OK ? e->code : VS_ERR_RUNTIME;
}

/* One option into `a`; -1 with `e` on a bad value. */
static int take_option(int c, const char *arg, hist_args *a, vs_err *e)
{
    switch (c) {
    case 'H': a->location = arg; return 0;
    case 'P': a->pair = arg; return 0;
    case 'o': a->out = arg; return 0;
    case 'n': a->no_render = 1; return 0;
    case 'a':
        if (vs_cli_probability("--alpha", arg, &a->cp.alpha, e) != 0)
            return -1;
        a->fleet.cmp.alpha = a->cp.alpha;
        return 0;
    case 'm':
        if (vs_cli_fraction("--min-effect", arg, &a->cp.min_effect, e) != 0)
            return -1;
        a->fleet.cmp.min_effect = a->cp.min_effect;
        return 0;
    case 'N': return vs_cli_int("--nights", arg, 1, MAX_NIGHTS, &a->fleet.days, e);
    default: return vs_cli_int("--window", arg, 1, MAX_NIGHTS, &a->fleet.window, e);
    }
}

/* Options anywhere among the words; returns 0 or an exit status (-1: 0). */
static int parse_args(int argc, char **argv, hist_args *a)
{
    vs_cli cli = { "vsreport", "history", help,
                   "H/history= D/db= P/pair= o:out= a/alpha= m/min-effect= N/nights= "
                   "w/window= n/no-render h:help" };
    vs_err e;
    int c;

    memset(a, 0, sizeof *a);
    vs_cp_defaults(&a->cp);
    a->fleet.days = DEFAULT_DAYS;
    a->fleet.window = DEFAULT_WINDOW;
    a->fleet.cmp.alpha = a->cp.alpha;
    a->fleet.cmp.min_effect = a->cp.min_effect;
    a->fleet.cmp.drift = VS_DEFAULT_DRIFT;
    while ((c = vs_cli_next(&cli, argc, argv)) != -1) {
        if (c == VS_CLI_EXIT)
            return cli.status == VS_OK ? -1 : cli.status;
        if (take_option(c == 'D' ? 'H' : c, optarg, a, &e) != 0)
            return vs_cli_fail_err(&cli, VS_ERR_USAGE, &e);
    }
    return 0;
}

static int do_add(vs_history *h, const hist_args *a, int argc, char **argv)
{
    if (argc == 0) {
        fputs("vsreport history add: give results directories\n", stderr);
        return VS_ERR_USAGE;
    }
    for (int i = 0; i < argc; i++) {
        vs_dataset d;
        vs_err e;
        int added, rc;
        if (vs_dataset_load(&d, (const char *const *)&argv[i], 1, &e) != 0)
            return fail(&e);
        rc = vs_history_add(h, &d, 0, vs_history_pair(&d, 0, a->pair), &added, &e);
        vs_dataset_free(&d);
        if (rc != 0) {
            vs_err_prefix(&e, "%s", argv[i]);
            return fail(&e);
        }
        printf("%s: %s\n", argv[i], added ? "added" : "already in the history");
    }
    return 0;
}

/* The pair of `show` and `trend`: --pair, else DIR's, else all (NULL). */
static int pick_pair(const hist_args *a, int argc, char **argv, char *buf, size_t n,
                     const char **pair)
{
    vs_dataset d;
    vs_err e;

    *pair = a->pair;
    if (argc + (a->pair != NULL) > 1) {
        fputs("vsreport history: give one results directory or --pair NAME\n", stderr);
        return VS_ERR_USAGE;
    }
    if (argc == 0)
        return 0;
    if (vs_dataset_load(&d, (const char *const *)argv, 1, &e) != 0)
        return fail(&e);
    snprintf(buf, n, "%s", vs_history_pair(&d, 0, NULL));
    vs_dataset_free(&d);
    *pair = buf;
    return 0;
}

static int do_init(vs_history *h)
{
    int was = vs_history_schema_was(h);

    printf("history %s: schema version %d (%s)\n", vs_history_shown(h), VS_SCHEMA_VERSION,
           was == 0 ? "created" : was < VS_SCHEMA_VERSION ? "migrated" : "already current");
    return 0;
}

static int do_trend(vs_history *h, const hist_args *a, const char *pair)
{
    vs_trend_opts t = { a->out, pair, a->cp, a->no_render, NULL };
    vs_err e;
    int found = vs_trend_write(h, &t, &e);

    if (found < 0)
        return fail(&e);
    printf("%d change point(s); charts and %s/changepoints.txt written\n", found, a->out);
    return 0;
}

static int do_fleet(vs_history *h, const hist_args *a)
{
    vs_fleetview_opts o = { a->out, a->fleet, a->cp, a->no_render };
    vs_err e;
    int regressed = vs_fleetview_write(h, &o, &e);

    if (regressed < 0)
        return fail(&e);
    printf("fleet view written: %s/index.html, fleet.md, fleet.json (%d pair%s regressed on "
           "the last night)\n", a->out, regressed, regressed == 1 ? "" : "s");
    return 0;
}

static int known_action(const char *what, const hist_args *a)
{
    static const char *const actions[] = { "init", "add", "show", "trend", "fleet" };
    const char *hint;

    for (size_t i = 0; i < sizeof actions / sizeof actions[0]; i++)
        if (strcmp(what, actions[i]) == 0) {
            if ((strcmp(what, "trend") == 0 || strcmp(what, "fleet") == 0) && a->out == NULL) {
                fprintf(stderr, "vsreport history %s: give -o OUT\n", what);
                return 0;
            }
            return 1;
        }
    hint = vs_cli_closest(what, actions, (int)(sizeof actions / sizeof actions[0]));
    fprintf(stderr, "vsreport history: unknown action '%s'%s%s%s (init, add, show, trend, "
            "fleet)\n", what, hint ? " (did you mean '" : "", hint ? hint : "", hint ? "'?)" : "");
    return 0;
}

int vs_cmd_history(int argc, char **argv)
{
    char pair_buf[VS_HISTORY_PAIR_MAX];
    const char *what, *pair = NULL;
    hist_args a;
    vs_history *h;
    vs_err e;
    int rc = parse_args(argc, argv, &a);

    if (rc != 0)
        return rc < 0 ? 0 : rc;
    if (optind >= argc) {
        fputs(help, stderr);
        return VS_ERR_USAGE;
    }
    what = argv[optind++];
    if (!known_action(what, &a))
        return VS_ERR_USAGE;
    if ((strcmp(what, "init") == 0 || strcmp(what, "fleet") == 0) && optind < argc) {
        fprintf(stderr, "vsreport history %s: unexpected argument '%s'\n", what, argv[optind]);
        return VS_ERR_USAGE;
    }
    if ((strcmp(what, "show") == 0 || strcmp(what, "trend") == 0) &&
        (rc = pick_pair(&a, argc - optind, argv + optind, pair_buf, sizeof pair_buf, &pair)) != 0)
        return rc;
    if (vs_history_open(vs_history_location(a.location), &h, &e) != 0)
        return fail(&e);
    if (strcmp(what, "init") == 0)
        rc = do_init(h);
    else if (strcmp(what, "add") == 0)
        rc = do_add(h, &a, argc - optind, argv + optind);
    else if (strcmp(what, "show") == 0)
        rc = vs_history_show(h, pair, stdout, &e) == 0 ? 0 : fail(&e);
    else if (strcmp(what, "trend") == 0)
        rc = do_trend(h, &a, pair);
    else
        rc = do_fleet(h, &a);
    vs_history_close(h);
    return rc;
}
