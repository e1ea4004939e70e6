/* cmd_run.c - `vsbench run HOST [options]`. */
#include "runner/client.h"
#include "runner/cmd.h"
#include "core/cli.h"
#include "platform/fs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: vsbench run HOST [options]\n"
    "\n"
    "Run one test against 'vsbench serve' at HOST (a control address).\n"
    "\n"
    "  -t, --transport T    data channel: tcp, vsock, unix (default tcp)\n"
    "      --data ADDR      data host override, e.g. tcp:10.0.0.2 or vsock:3\n"
    "                       (ports are assigned by the server)\n"
    "  -T, --test T         stream (client sends) or maerts (server sends)\n"
    "  -s, --sock-size N    socket buffer size on both ends (K/M suffixes;\n"
    "                       default: the OS default)\n"
    "  -m, --msg-size N     bytes per send (default 16K)\n"
    "  -M, --recv-size N    bytes per recv on the receiver (default: the largest\n"
    "                       of the message size, a quarter of its effective\n"
    "                       buffer and 16K)\n"
    "  -P, --sessions N     concurrent data connections, 1-64 (default 1)\n"
    "  -l, --duration S     measured seconds (default 10)\n"
    "      --warmup S       seconds before measuring (default 1)\n"
    "  -i, --interval S     print interim figures every S seconds\n"
    "      --json           print the result as one JSON object\n"
    "  -v, --verbose        also print the receive size and what measuring cost\n"
    "                       (CPU outside send/recv, interval edge accuracy)\n"
    "      --timeout S      connect timeout (default 5)\n"
    "      --auth-key FILE  prove this key to the server and require its proof\n"
    "                       (VSBENCH_AUTH_KEY=FILE does the same)\n"
    "      --busy-wait S    while the server is busy with another test, retry for\n"
    "                       up to S seconds (default 60; 0: do not retry)\n"
    "\n"
    "Exit status: 0 ok, 1 test failed, 2 usage, 3 cannot connect,\n"
    "4 transport unsupported, 5 protocol mismatch, 6 refused by the server.\n";

/* How the result is shown. */
typedef struct out_mode {
    int json;
    int verbose; /* also the receive size and the measuring overhead */
} out_mode;

#define PROGRESS_MS 500 /* the live line's update period without -i */

/* What `run` shows while the test runs: interval lines (-i), a one-line
 * progress indicator rewritten in place (a terminal, no -i), or nothing
 * (no terminal, no -i). Figures appear only once they exist. */
enum live_mode { LIVE_NONE, LIVE_LINES, LIVE_PROGRESS };

typedef struct live_ctx {
    FILE *out;            /* interval lines: stdout (stderr with --json) */
    enum live_mode mode;
    int header;           /* print the header when the test is ready */
    int header_done;
    int n;
    int shown;            /* length of the progress line on screen */
    double duration_s;
    uint32_t prev_ms;
    uint64_t prev[VS_MAX_SESSIONS];
} live_ctx;

/* The progress line on stderr: "\r", the text, spaces over the rest of the
 * previous one (no terminal escape codes needed). */
static void progress_line(live_ctx *c, const char *text)
{
    int len = (int)strlen(text);

    fprintf(stderr, "\r%s%*s", text, c->shown > len ? c->shown - len : 0, "");
    if (c->shown > len)
        fprintf(stderr, "\r%s", text);
    fflush(stderr);
    c->shown = len;
}

static void print_interim(void *arg, const vs_interim *m)
{
    live_ctx *c = arg;
    double secs = (m->elapsed_ms - c->prev_ms) / 1000.0;
    uint64_t sum = 0;
    char line[64];

    if (secs <= 0)
        return;
    if (c->mode == LIVE_LINES)
        fprintf(c->out, "[%6.1f-%6.1f s]", c->prev_ms / 1000.0, m->elapsed_ms / 1000.0);
    for (int i = 0; i < m->count && i < c->n; i++) {
        uint64_t d = m->bytes[i] - c->prev[i];
        sum += d;
        if (m->count > 1 && c->mode == LIVE_LINES)
            fprintf(c->out, " %d:%.2f", i + 1, (double)d * 8 / secs / 1e9);
        c->prev[i] = m->bytes[i];
    }
    c->prev_ms = m->elapsed_ms;
    if (c->mode == LIVE_LINES) {
        fprintf(c->out, "  all %.3f Gbit/s\n", (double)sum * 8 / secs / 1e9);
        fflush(c->out);
    } else if (c->mode == LIVE_PROGRESS) {
        snprintf(line, sizeof line, "measuring %.1f of %.1f s: %.3f Gbit/s", m->elapsed_ms / 1000.0,
                 c->duration_s, (double)sum * 8 / secs / 1e9);
        progress_line(c, line);
    }
}

/* The data connections are open: the header goes out before the test. */
static void print_header(void *arg, const vs_run_report *r)
{
    live_ctx *c = arg;

    if (!c->header)
        return;
    vs_report_print_header(stdout, r);
    fflush(stdout);
    c->header_done = 1;
}

/* Choose what to show while the test runs. */
static void live_setup(live_ctx *c, vs_run_opts *o, int json)
{
    memset(c, 0, sizeof *c);
    c->out = json ? stderr : stdout;
    c->header = !json;
    c->n = o->req.sessions;
    c->duration_s = o->req.duration_ms / 1000.0;
    if (o->req.interval_ms != 0) {
        c->mode = LIVE_LINES;
    } else if (vs_is_tty(stderr)) {
        c->mode = LIVE_PROGRESS;
        o->req.interval_ms = PROGRESS_MS;
    }
    o->on_interim = print_interim;
    o->on_ready = print_header;
    o->ctx = c;
}

/* Sizes and counts of the test. */
static int apply_size(int c, const char *arg, vs_test_req *req, vs_err *e)
{
    uint64_t v;
    int n;

    switch (c) {
    case 's':
        return vs_cli_size("--sock-size", arg, 0, VS_MAX_SOCK, &req->sock_size, e);
    case 'm':
    case 'M':
        if (vs_cli_size(c == 'm' ? "--msg-size" : "--recv-size", arg, 1, VS_MAX_MSG, &v, e) != 0)
            return -1;
        *(c == 'm' ? &req->msg_size : &req->recv_size) = (uint32_t)v;
        return 0;
    default: /* 'P' */
        if (vs_cli_int("--sessions", arg, 1, VS_MAX_SESSIONS, &n, e) != 0)
            return -1;
        req->sessions = (uint16_t)n;
        return 0;
    }
}

/* Durations: --duration, --warmup, --interval, --timeout, --busy-wait. */
static int apply_time(int c, const char *arg, vs_run_opts *o, vs_err *e)
{
    uint32_t ms;

    switch (c) {
    case 'l':
        return vs_cli_seconds("--duration", arg, 0, UINT32_MAX, &o->req.duration_ms, e);
    case 'w':
        return vs_cli_seconds("--warmup", arg, 0, UINT32_MAX, &o->req.warmup_ms, e);
    case 'i':
        return vs_cli_seconds("--interval", arg, 0, UINT32_MAX, &o->req.interval_ms, e);
    case 'b':
        if (vs_cli_seconds("--busy-wait", arg, 0, 24u * 3600 * 1000, &ms, e) != 0)
            return -1;
        o->busy_wait_ms = (int)ms;
        return 0;
    default: /* 'o' */
        if (vs_cli_seconds("--timeout", arg, 1, VS_MAX_DURATION_MS, &ms, e) != 0)
            return -1;
        o->connect_timeout_ms = (int)ms;
        return 0;
    }
}

/* Apply one option to `o`; -1 with `e` on a bad value. */
static int apply(int c, const char *arg, vs_run_opts *o, out_mode *m, vs_err *e)
{
    enum vs_transport tr = VS_TR_TCP;
    enum vs_test t = VS_TEST_STREAM;
    int rc;

    switch (c) {
    case 't':
        rc = vs_transport_parse(arg, &tr, e);
        o->req.transport = rc == 0 ? (uint8_t)tr : o->req.transport;
        return rc;
    case 'd':
        o->has_data = 1;
        rc = vs_addr_parse(arg, &o->data, e);
        o->req.transport = (uint8_t)o->data.tr;
        return rc;
    case 'T':
        rc = vs_test_parse(arg, &t, e);
        o->req.test = (uint8_t)t;
        return rc;
    case 'j':
        m->json = 1;
        return 0;
    case 'v':
        m->verbose = 1;
        return 0;
    case 's': case 'm': case 'M': case 'P':
        return apply_size(c, arg, &o->req, e);
    default:
        return apply_time(c, arg, o, e);
    }
}

/* Defaults shared with sweeps. */
static void defaults(vs_run_opts *o)
{
    memset(o, 0, sizeof *o);
    o->req.test = VS_TEST_STREAM;
    o->req.transport = VS_TR_TCP;
    o->req.sessions = 1;
    o->req.msg_size = 16 * 1024;
    o->req.duration_ms = 10000;
    o->req.warmup_ms = 1000;
    o->connect_timeout_ms = 5000;
    o->watch_stop_signal = 1;
    o->busy_wait_ms = VS_BUSY_WAIT_DEFAULT_MS;
}

static void print_busy(void *arg, const vs_busy *b)
{
    (void)arg;
    fprintf(stderr, "vsbench: server %s; asking again in %.1f s\n", b->text,
            b->retry_ms / 1000.0);
}

/* Run the test and print its result (table or JSON). */
static int run(const vs_cli *cli, vs_run_opts *o, const out_mode *m)
{
    vs_run_report *r;
    live_ctx live;
    vs_err e;
    int rc;

    if (vs_stop_signals_install(&e) != 0)
        return vs_cli_fail_err(cli, 0, &e);
    live_setup(&live, o, m->json);
    o->on_busy = print_busy;
    r = calloc(1, sizeof *r);
    if (r == NULL)
        return vs_cli_fail(cli, VS_ERR_RUNTIME, "out of memory");
    rc = vs_client_run(o, r, &e);
    if (live.shown > 0)
        progress_line(&live, ""); /* the table replaces the live line */
    if (m->json) {
        vs_json j;
        vs_json_init(&j, 1);
        vs_report_json(&j, r);
        printf("%s\n", vs_json_text(&j));
        vs_json_free(&j);
    } else if (rc == 0 || r->rows[0].seconds > 0) {
        if (!live.header_done)
            vs_report_print_header(stdout, r);
        vs_report_print_table(stdout, r);
        if (m->verbose)
            vs_report_print_overhead(stdout, r);
    }
    free(r);
    return rc == 0 ? VS_OK : vs_cli_fail_err(cli, 0, &e);
}

int vs_cmd_run(int argc, char **argv)
{
    vs_cli cli = { "vsbench", "run", usage,
                   "t:transport= d/data= T:test= s:sock-size= m:msg-size= M:recv-size= "
                   "P:sessions= l:duration= w/warmup= i:interval= o/timeout= j/json v:verbose "
                   "K/auth-key= b/busy-wait= h:help" };
    static vs_auth_key key;
    const char *key_path = NULL;
    vs_run_opts o;
    vs_err e;
    out_mode m = { 0, 0 };
    int c, rc;

    defaults(&o);
    while ((c = vs_cli_next(&cli, argc, argv)) != -1) {
        if (c == VS_CLI_EXIT)
            return cli.status;
        if (c == 'K')
            key_path = optarg;
        else if (apply(c, optarg, &o, &m, &e) != 0)
            return vs_cli_fail_err(&cli, 0, &e);
    }
    if ((rc = vs_auth_key_resolve(key_path, &key, &e)) < 0)
        return vs_cli_fail_err(&cli, 0, &e);
    o.key = rc == 1 ? &key : NULL;
    if (optind != argc - 1)
        return vs_cli_fail(&cli, VS_ERR_USAGE, "run needs exactly one HOST (see --help)");
    if (vs_addr_parse(argv[optind], &o.control, &e) != 0)
        return vs_cli_fail_err(&cli, 0, &e);
    if (vs_test_req_validate(&o.req, &e) != 0)
        return vs_cli_fail_err(&cli, VS_ERR_USAGE, &e);
    return run(&cli, &o, &m);
}
