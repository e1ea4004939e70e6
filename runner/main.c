/* main.c - `vsbench COMMAND ...`: dispatch to the subcommands. */
#include "runner/cmd.h"
#include "core/version.h"
#include "platform/err.h"
#include "platform/net.h"

#include <stdio.h>
#include <string.h>

static const char usage[] =
    "usage: vsbench COMMAND [OPTIONS]\n"
    "\n"
    "Measure throughput between two machines over TCP, vsock, unix sockets\n"
    "or Hyper-V sockets.\n"
    "\n"
    "commands:\n"
    "  serve [--listen ADDR]...     run the receiver daemon\n"
    "  run HOST [options]           run one test against a server\n"
    "  sweep HOST --profile P --out DIR   run a test matrix\n"
    "  info [--json]                describe this machine\n"
    "  version                      print the version\n"
    "\n"
    "Addresses: tcp:HOST[:PORT], tcp:[V6]:PORT, unix:PATH, vsock:CID[:PORT]\n"
    "(CID: number, any, local, host), hvsock:VMID[:PORT]; a bare HOST is tcp.\n"
    "The default port is 5301. 'vsbench COMMAND --help' describes a command.\n";

int vs_cmd_fail(int code, const char *msg)
{
    fprintf(stderr, "vsbench: %s\n", msg);
    return code;
}

int main(int argc, char **argv)
{
    vs_err e;

    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        fputs(usage, argc < 2 ? stderr : stdout);
        return argc < 2 ? VS_ERR_USAGE : 0;
    }
    if (strcmp(argv[1], "version") == 0 || strcmp(argv[1], "--version") == 0) {
        printf("vsbench %s (%s)\n", VS_VERSION, vs_git_revision());
        return 0;
    }
    if (vs_net_init(&e) != 0)
        return vs_cmd_fail(e.code, e.msg);
    if (strcmp(argv[1], "run") == 0)
        return vs_cmd_run(argc - 1, argv + 1);
    if (strcmp(argv[1], "serve") == 0)
        return vs_cmd_serve(argc - 1, argv + 1);
    if (strcmp(argv[1], "info") == 0)
        return vs_cmd_info(argc - 1, argv + 1);
    if (strcmp(argv[1], "sweep") == 0)
        return vs_cmd_sweep(argc - 1, argv + 1);
    fprintf(stderr, "vsbench: unknown command '%s'\n\n%s", argv[1], usage);
    return VS_ERR_USAGE;
}
