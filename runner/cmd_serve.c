/* cmd_serve.c - `vsbench serve [--listen ADDR]... [--once]`. */
#include "runner/cmd.h"
#include "runner/server.h"
#include "core/cli.h"

#include <string.h>

static const char usage[] =
    "usage: vsbench serve [--listen ADDR]... [--once] [--timeout S]\n"
    "\n"
    "Run the receiver daemon in the foreground until Ctrl-C or SIGTERM.\n"
    "\n"
    "  -L, --listen ADDR   control address to listen on; repeatable\n"
    "                      (default tcp:0.0.0.0:5301; add vsock:any to serve\n"
    "                      clients that reach this VM over vsock only)\n"
    "      --once          serve a single test, then exit with its status\n"
    "      --timeout S     drop a client that stays silent this long (10)\n";

static int apply(int c, const char *arg, vs_serve_opts *o, vs_err *e)
{
    uint32_t ms;

    switch (c) {
    case 'L':
        if (o->nlisten >= VS_MAX_LISTEN)
            return vs_err_set(e, VS_ERR_USAGE, "too many --listen addresses (at most %d)",
                              VS_MAX_LISTEN);
        if (vs_addr_parse(arg, &o->listen[o->nlisten], e) != 0)
            return -1;
        o->nlisten++;
        return 0;
    case 'o':
        o->once = 1;
        return 0;
    default: /* 't' */
        if (vs_cli_seconds("--timeout", arg, 100, 3600 * 1000, &ms, e) != 0)
            return -1;
        o->handshake_timeout_ms = (int)ms;
        return 0;
    }
}

int vs_cmd_serve(int argc, char **argv)
{
    vs_cli cli = { "vsbench", "serve", usage, "L:listen= o/once t/timeout= h:help" };
    vs_serve_opts o;
    vs_err e;
    int c;

    memset(&o, 0, sizeof o);
    o.handshake_timeout_ms = 10000;
    while ((c = vs_cli_next(&cli, argc, argv)) != -1) {
        if (c == VS_CLI_EXIT)
            return cli.status;
        if (apply(c, optarg, &o, &e) != 0)
            return vs_cli_fail_err(&cli, 0, &e);
    }
    if (optind < argc)
        return vs_cli_fail(&cli, VS_ERR_USAGE, "serve: unexpected argument '%s'", argv[optind]);
    if (o.nlisten == 0 && vs_addr_parse("tcp:0.0.0.0", &o.listen[o.nlisten++], &e) != 0)
        return vs_cli_fail_err(&cli, 0, &e);
    if (vs_serve(&o, &e) != 0)
        return vs_cli_fail_err(&cli, 0, &e);
    return VS_OK;
}
