/* cmd_sweep.c - `vsbench sweep HOST --profile NAME|FILE --out DIR`. */
#include "runner/cmd.h"
#include "runner/sweep.h"
#include "core/cli.h"

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
    "      --auth-key FILE  the server's key (VSBENCH_AUTH_KEY=FILE does the same)\n"
    "\n"
    "Exit status: 0 all runs ok, 1 some runs failed or interrupted (Ctrl-C keeps\n"
    "every finished run; --resume continues), 2 usage, 3 server unreachable.\n";

/* Load the profile and run (or just print) the sweep. */
static int sweep(const vs_cli *cli, vs_sweep_opts *o, const char *profile, int dry,
                 const char *host)
{
    vs_profile prof;
    vs_err e;
    int rc;

    if (vs_profile_load(profile, &prof, &e) != 0)
        return vs_cli_fail_err(cli, 0, &e);
    if (dry && host != NULL && vs_addr_parse(host, &o->control, &e) != 0) {
        rc = vs_cli_fail_err(cli, 0, &e);
    } else if (dry) {
        vs_sweep_dry_run(&prof, host != NULL ? &o->control : NULL, stdout);
        rc = VS_OK;
    } else if (host == NULL || o->out_dir == NULL) {
        rc = vs_cli_fail(cli, VS_ERR_USAGE, "sweep needs HOST and --out DIR (see --help)");
    } else if (vs_addr_parse(host, &o->control, &e) != 0) {
        rc = vs_cli_fail_err(cli, 0, &e);
    } else {
        o->profile = &prof;
        rc = vs_sweep_run(o, &e) == 0 ? VS_OK : vs_cli_fail_err(cli, 0, &e);
    }
    vs_profile_free(&prof);
    return rc;
}

int vs_cmd_sweep(int argc, char **argv)
{
    vs_cli cli = { "vsbench", "sweep", usage,
                   "p:profile= o:out= r/resume n/dry-run t/timeout= K/auth-key= h:help" };
    static vs_auth_key key;
    vs_sweep_opts o;
    const char *profile = NULL, *key_path = NULL;
    int c, dry = 0, rc;
    uint32_t ms;
    vs_err e;

    memset(&o, 0, sizeof o);
    o.connect_timeout_ms = 5000;
    while ((c = vs_cli_next(&cli, argc, argv)) != -1) {
        switch (c) {
        case VS_CLI_EXIT: return cli.status;
        case 'p': profile = optarg; break;
        case 'o': o.out_dir = optarg; break;
        case 'r': o.resume = 1; break;
        case 'n': dry = 1; break;
        case 'K': key_path = optarg; break;
        default: /* 't' */
            if (vs_cli_seconds("--timeout", optarg, 1, VS_MAX_DURATION_MS, &ms, &e) != 0)
                return vs_cli_fail_err(&cli, 0, &e);
            o.connect_timeout_ms = (int)ms;
        }
    }
    if (profile == NULL)
        return vs_cli_fail(&cli, VS_ERR_USAGE, "sweep needs --profile NAME|FILE (built-in: %s)",
                           vs_profile_builtin_list());
    if ((rc = vs_auth_key_resolve(key_path, &key, &e)) < 0)
        return vs_cli_fail_err(&cli, 0, &e);
    o.key = rc == 1 ? &key : NULL;
    return sweep(&cli, &o, profile, dry, optind == argc - 1 ? argv[optind] : NULL);
}
