/* cmd_serve.c - `vsbench serve [--listen ADDR]... [options]`. */
#include "runner/cmd.h"
#include "runner/lobby.h"
#include "runner/server.h"
#include "runner/slots.h"
#include "core/cli.h"

#include <string.h>

static const char usage[] =
    "usage: vsbench serve [--listen ADDR]... [options]\n"
    "\n"
    "Run the receiver daemon in the foreground until Ctrl-C or SIGTERM.\n"
    "\n"
    "  -L, --listen ADDR        control address to listen on; repeatable\n"
    "                           (default tcp:0.0.0.0:5301; add vsock:any to serve\n"
    "                           clients that reach this VM over vsock only)\n"
    "      --once               serve a single test, then exit with its status\n"
    "      --auth-key FILE      run tests only for clients that prove they hold this\n"
    "                           key (and prove it to them); VSBENCH_AUTH_KEY=FILE\n"
    "                           does the same\n"
    "      --allow CIDR         serve tcp clients from this range only (IPv4 or\n"
    "                           IPv6, e.g. 10.0.0.0/8); repeatable\n"
    "      --max-tests N        tests at once (1); others are told to retry\n"
    "      --max-duration S     longest test, warm-up included (25 h)\n"
    "      --max-sessions N     most sessions per test (64)\n"
    "      --handshake-timeout S  close a connection that has not sent its TEST\n"
    "                           this long after connecting (2; --timeout too)\n"
    "      --max-pending N      connections before their TEST, in all (64)\n"
    "      --max-pending-per-source N  of them from one address (8)\n"
    "\n"
    "Anyone who can reach a listener can make this machine send at line rate:\n"
    "beyond loopback use --auth-key, --allow or a --listen address only trusted\n"
    "peers reach.\n";

/* Counts and times; 'K' and 'a' are the others. */
static int apply_limit(int c, const char *arg, vs_serve_opts *o, vs_err *e)
{
    uint32_t ms;

    switch (c) {
    case 'T': return vs_cli_int("--max-tests", arg, 1, VS_MAX_TESTS, &o->max_tests, e);
    case 'S': return vs_cli_int("--max-sessions", arg, 1, VS_MAX_SESSIONS, &o->max_sessions, e);
    case 'p':
        return vs_cli_int("--max-pending", arg, 1, VS_LOBBY_MAX_PENDING, &o->max_pending, e);
    case 'P':
        return vs_cli_int("--max-pending-per-source", arg, 1, VS_LOBBY_MAX_PENDING,
                          &o->max_pending_source, e);
    case 'D':
        return vs_cli_seconds("--max-duration", arg, VS_MIN_DURATION_MS,
                              VS_MAX_DURATION_MS + VS_MAX_WARMUP_MS, &o->max_duration_ms, e);
    default: /* 't', 'H' */
        if (vs_cli_seconds(c == 't' ? "--timeout" : "--handshake-timeout", arg, 100,
                           3600 * 1000, &ms, e) != 0)
            return -1;
        o->handshake_timeout_ms = (int)ms;
        return 0;
    }
}

static int apply(int c, const char *arg, vs_serve_opts *o, const char **key, vs_err *e)
{
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
    case 'K':
        *key = arg;
        return 0;
    case 'a':
        if (o->nallow >= VS_MAX_ALLOW)
            return vs_err_set(e, VS_ERR_USAGE, "too many --allow ranges (at most %d)",
                              VS_MAX_ALLOW);
        return vs_cidr_parse(arg, &o->allow[o->nallow++], e);
    default:
        return apply_limit(c, arg, o, e);
    }
}

int vs_cmd_serve(int argc, char **argv)
{
    vs_cli cli = { "vsbench", "serve", usage,
                   "L:listen= o/once K/auth-key= a/allow= T/max-tests= D/max-duration= "
                   "S/max-sessions= H/handshake-timeout= t/timeout= p/max-pending= "
                   "P/max-pending-per-source= h:help" };
    static vs_auth_key key; /* lives as long as the server */
    const char *key_path = NULL;
    vs_serve_opts o;
    vs_err e;
    int c, rc;

    vs_serve_defaults(&o);
    while ((c = vs_cli_next(&cli, argc, argv)) != -1) {
        if (c == VS_CLI_EXIT)
            return cli.status;
        if (apply(c, optarg, &o, &key_path, &e) != 0)
            return vs_cli_fail_err(&cli, 0, &e);
    }
    if (optind < argc)
        return vs_cli_fail(&cli, VS_ERR_USAGE, "serve: unexpected argument '%s'", argv[optind]);
    if (o.max_pending_source > o.max_pending)
        o.max_pending_source = o.max_pending;
    if ((rc = vs_auth_key_resolve(key_path, &key, &e)) < 0)
        return vs_cli_fail_err(&cli, 0, &e);
    o.key = rc == 1 ? &key : NULL;
    if (o.nlisten == 0 && vs_addr_parse("tcp:0.0.0.0", &o.listen[o.nlisten++], &e) != 0)
        return vs_cli_fail_err(&cli, 0, &e);
    if (vs_serve(&o, &e) != 0)
        return vs_cli_fail_err(&cli, 0, &e);
    return VS_OK;
}
