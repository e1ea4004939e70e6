/* cmd_serve.c - `vsbench serve [--listen ADDR]... [--once]`. */
#include "runner/cmd.h"
#include "runner/server.h"

#include <getopt.h>
#include <stdio.h>
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

int vs_cmd_serve(int argc, char **argv)
{
    static const struct option opts[] = {
        { "listen", required_argument, NULL, 'L' },
        { "once", no_argument, NULL, 'o' },
        { "timeout", required_argument, NULL, 't' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    vs_serve_opts o;
    vs_err e;
    int c;
    double secs;

    memset(&o, 0, sizeof o);
    o.handshake_timeout_ms = 10000;
    optind = 1;
    while ((c = getopt_long(argc, argv, "L:h", opts, NULL)) != -1) {
        switch (c) {
        case 'L':
            if (o.nlisten >= VS_MAX_LISTEN)
                return vs_cmd_fail(2, "too many --listen addresses (at most 8)");
            if (vs_addr_parse(optarg, &o.listen[o.nlisten], &e) != 0)
                return vs_cmd_fail(e.code, e.msg);
            o.nlisten++;
            break;
        case 'o':
            o.once = 1;
            break;
        case 't':
            if (sscanf(optarg, "%lf", &secs) != 1 || secs < 0.1 || secs > 3600)
                return vs_cmd_fail(2, "--timeout takes seconds between 0.1 and 3600");
            o.handshake_timeout_ms = (int)(secs * 1000);
            break;
        case 'h':
            fputs(usage, stdout);
            return 0;
        default:
            fputs(usage, stderr);
            return 2;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "vsbench serve: unexpected argument '%s'\n", argv[optind]);
        return 2;
    }
    if (o.nlisten == 0 && vs_addr_parse("tcp:0.0.0.0", &o.listen[o.nlisten++], &e) != 0)
        return vs_cmd_fail(e.code, e.msg);
    if (vs_serve(&o, &e) != 0)
        return vs_cmd_fail(e.code, e.msg);
    return 0;
}
