/* cmd_info.c - `vsbench info [--json]` and `vsbench version`. */
#include "runner/cmd.h"
#include "runner/info.h"
#include "core/cli.h"

#include <stdio.h>

static const char usage[] =
    "usage: vsbench info [--json]\n"
    "\n"
    "OS, CPU, hypervisor, vsock CID, socket-size limits and the transports\n"
    "this machine can use.\n"
    "\n"
    "      --json   one JSON object (what meta.json records per host)\n";

int vs_cmd_info(int argc, char **argv)
{
    vs_cli cli = { "vsbench", "info", usage, "j/json h:help" };
    vs_host si;
    int c, json = 0;

    while ((c = vs_cli_next(&cli, argc, argv)) != -1) {
        if (c == VS_CLI_EXIT)
            return cli.status;
        json = 1;
    }
    if (optind < argc)
        return vs_cli_fail(&cli, VS_ERR_USAGE, "info: unexpected argument '%s'", argv[optind]);
    vs_info_read(&si);
    if (json) {
        vs_json j;
        vs_json_init(&j, 1);
        vs_host_json(&j, NULL, &si);
        printf("%s\n", vs_json_text(&j));
        vs_json_free(&j);
    } else {
        vs_info_print(stdout, &si);
    }
    return VS_OK;
}

int vs_cmd_version(int argc, char **argv)
{
    return vs_cli_version("vsbench", NULL, argc, argv);
}
