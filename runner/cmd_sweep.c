/* cmd_sweep.c - `vsbench sweep HOST --profile NAME|FILE --out DIR`. */
#include "runner/cmd.h"
#include "core/size.h"
#include "runner/sweep.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static const char usage[] =
    "usage: vsbench sweep HOST --profile NAME|FILE --out DIR [--resume] [--dry-run]\n"
    "\n"
    "Run every point of a test matrix against 'vsbench serve' at HOST and record\n"
    "each run in DIR/runs.csv (appended and flushed as it ends) and DIR/meta.json.\n"
    "\n"
    "  -p, --profile P   a profile file, or a built-in one: paper, quick, nightly\n"
    "  -o, --out DIR     results directory (created if needed)\n"
    "      --resume      continue DIR: run only the runs it is missing\n"
    "      --dry-run     print the expanded matrix and the estimated time\n"
    "      --timeout S   connect timeout (default 5)\n"
    "\n"
    "Exit status: 0 all runs ok, 1 some runs failed or interrupted (Ctrl-C keeps\n"
    "every finished run; --resume continues), 2 usage, 3 server unreachable.\n";

int vs_cmd_sweep(int argc, char **argv)
{
    static const struct option opts[] = {
        { "profile", required_argument, NULL, 'p' },
        { "out", required_argument, NULL, 'o' },
        { "resume", no_argument, NULL, 'r' },
        { "dry-run", no_argument, NULL, 'n' },
        { "timeout", required_argument, NULL, 't' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    vs_sweep_opts o;
    vs_profile prof;
    const char *profile = NULL;
    int c, dry = 0, rc;
    uint32_t ms;
    vs_err e;

    memset(&o, 0, sizeof o);
    o.connect_timeout_ms = 5000;
    optind = 1;
    while ((c = getopt_long(argc, argv, "p:o:h", opts, NULL)) != -1) {
        switch (c) {
        case 'p': profile = optarg; break;
        case 'o': o.out_dir = optarg; break;
        case 'r': o.resume = 1; break;
        case 'n': dry = 1; break;
        case 't':
            if (vs_seconds_parse(optarg, &ms, &e) != 0 || ms == 0)
                return vs_cmd_fail(2, "--timeout takes seconds, e.g. 5");
            o.connect_timeout_ms = (int)ms;
            break;
        case 'h': fputs(usage, stdout); return 0;
        default: fputs(usage, stderr); return 2;
        }
    }
    if (profile == NULL)
        return vs_cmd_fail(2, "sweep needs --profile NAME|FILE (built-in: paper, quick, nightly)");
    if (vs_profile_load(profile, &prof, &e) != 0)
        return vs_cmd_fail(e.code, e.msg);
    if (dry) {
        vs_sweep_dry_run(&prof, stdout);
        vs_profile_free(&prof);
        return 0;
    }
    if (optind != argc - 1 || o.out_dir == NULL) {
        vs_profile_free(&prof);
        return vs_cmd_fail(2, "sweep needs HOST and --out DIR (see --help)");
    }
    if (vs_addr_parse(argv[optind], &o.control, &e) != 0) {
        vs_profile_free(&prof);
        return vs_cmd_fail(e.code, e.msg);
    }
    o.profile = &prof;
    rc = vs_sweep_run(&o, &e);
    vs_profile_free(&prof);
    return rc == 0 ? 0 : vs_cmd_fail(e.code, e.msg);
}
