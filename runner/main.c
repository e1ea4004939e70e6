/* main.c - `vsbench COMMAND ...`: dispatch to the subcommands. */
#include "runner/cmd.h"
#include "core/cli.h"
#include "platform/fs.h"
#include "platform/net.h"

#include <stdio.h>

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

static const vs_cli_cmd commands[] = {
    { "run", vs_cmd_run },
    { "serve", vs_cmd_serve },
    { "sweep", vs_cmd_sweep },
    { "info", vs_cmd_info },
    { "version", vs_cmd_version },
    { "--version", vs_cmd_version },
};

int main(int argc, char **argv)
{
    vs_cli cli = { "vsbench", NULL, usage, "" };
    vs_err e;

    vs_stdout_binary();
    if (vs_net_init(&e) != 0)
        return vs_cli_fail_err(&cli, 0, &e);
    return vs_cli_dispatch("vsbench", usage, commands,
                           (int)(sizeof commands / sizeof commands[0]), argc, argv);
}
