/* cmd_run.c - `vsbench run HOST [options]`. */
#include "runner/client.h"
#include "runner/cmd.h"
#include "core/cli.h"
#include "core/size.h"
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
    "  -T, --test T         stream (client sends), maerts (server sends),\n"
    "                       rr (request/response, netperf's TCP_RR) or crr\n"
    "                       (a new connection per transaction, TCP_CRR)\n"
    "  -s, --sock-size N    socket buffer size on both ends (K/M suffixes;\n"
    "                       default: the OS default)\n"
    "  -m, --msg-size N     stream, maerts: bytes per send (default 16K)\n"
    "  -M, --recv-size N    bytes per recv on the receiver (default: the largest\n"
    "                       of the message size, a quarter of its effective\n"
    "                       buffer - the buffer up to 64K where tcp segments are\n"
    "                       under 16K, as over a NIC - and 16K; over tcp where\n"
    "                       one segment carries 16K, as on loopback, messages\n"
    "                       up to 1K also wake the receiver only once 16K wait,\n"
    "                       SO_RCVLOWAT; where segments are smaller, messages up\n"
    "                       to 2K are read one per call). With -M neither:\n"
    "                       netperf's reads\n"
    "  -r, --rr-size R[,S]  rr, crr: request and response bytes (default 1,1;\n"
    "                       S defaults to R, as netperf's -r)\n"
    "  -b, --burst N        rr: requests in flight beyond the first (netperf's\n"
    "                       -b; default 0: one at a time)\n"
    "  -P, --sessions N     concurrent data connections, 1-64 (default 1)\n"
    "      --cpu LIST       pin the session threads here to these CPUs (e.g. 0\n"
    "                       or 2,3 or 0-3; session i takes the i-th, wrapping)\n"
    "      --server-cpu LIST  the same for the server's session threads\n"
    "      --zerocopy       stream, maerts: the sender sends with MSG_ZEROCOPY\n"
    "                       (tcp; vsock where the kernel has it)\n"
    "      --congestion ALGO  tcp: both ends use this congestion control\n"
    "                       (e.g. cubic, reno, bbr; see\n"
    "                       net.ipv4.tcp_available_congestion_control)\n"
    "  -l, --duration S     measured seconds (default 10)\n"
    "      --warmup S       seconds before measuring (default 1)\n"
    "  -i, --interval S     print interim figures every S seconds\n"
    "      --hdr-log FILE   rr, crr: write the latencies as an HdrHistogram\n"
    "                       interval log (the aggregate untagged, then one\n"
    "                       interval per session)\n"
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

/* The options as given, before they are checked together. */
typedef struct run_args {
    vs_run_opts o;
    int json;
    int verbose;             /* also the receive size and the measuring overhead */
    int have_msg, have_rr, have_burst;
    uint32_t rr_req, rr_resp;
    const char *key_path;    /* --auth-key (NULL: VSBENCH_AUTH_KEY, if set) */
} run_args;

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
    int rr;                  /* counts are transactions, not bytes */
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
    double scale = c->rr ? 1.0 : 8.0 / 1e9; /* transactions/s or Gbit/s */
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
            fprintf(c->out, c->rr ? " %d:%.0f" : " %d:%.2f", i + 1, (double)d * scale / secs);
        c->prev[i] = m->bytes[i];
    }
    c->prev_ms = m->elapsed_ms;
    if (c->mode == LIVE_LINES) {
        fprintf(c->out, c->rr ? "  all %.0f transactions/s\n" : "  all %.3f Gbit/s\n",
                (double)sum * scale / secs);
        fflush(c->out);
    } else if (c->mode == LIVE_PROGRESS) {
        snprintf(line, sizeof line, c->rr ? "measuring %.1f of %.1f s: %.0f transactions/s"
                                          : "measuring %.1f of %.1f s: %.3f Gbit/s",
                 m->elapsed_ms / 1000.0, c->duration_s, (double)sum * scale / secs);
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
    c->rr = vs_test_is_rr((enum vs_test)o->req.test);
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

/* -r R[,S]: request and response sizes. */
static int apply_rr_size(const char *arg, run_args *a, vs_err *e)
{
    char req[64];
    const char *comma = strchr(arg, ',');
    uint64_t v;

    snprintf(req, sizeof req, "%.*s", comma ? (int)(comma - arg) : (int)strlen(arg), arg);
    if (vs_cli_size("--rr-size", req, 1, VS_MAX_MSG, &v, e) != 0)
        return -1;
    a->rr_req = a->rr_resp = (uint32_t)v;
    if (comma != NULL) {
        if (vs_cli_size("--rr-size", comma + 1, 1, VS_MAX_MSG, &v, e) != 0)
            return -1;
        a->rr_resp = (uint32_t)v;
    }
    a->have_rr = 1;
    return 0;
}

/* Sizes and counts of the test. */
static int apply_size(int c, const char *arg, run_args *a, vs_err *e)
{
    vs_test_req *req = &a->o.req;
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
        a->have_msg |= c == 'm';
        return 0;
    case 'r':
        return apply_rr_size(arg, a, e);
    case 'b':
        if (vs_cli_int("--burst", arg, 0, VS_MAX_BURST, &n, e) != 0)
            return -1;
        req->burst = (uint16_t)n;
        a->have_burst = 1;
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
    case 'W':
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

/* --cpu and --server-cpu: a CPU list, kept in its canonical form. */
static int apply_cpus(const char *opt, const char *arg, char *out, vs_err *e)
{
    vs_cpulist l;

    if (vs_cpulist_parse(arg, &l, e) != 0)
        return vs_err_prefix(e, "%s", opt);
    vs_cpulist_format(&l, out, VS_CPULIST_TEXT_MAX);
    return 0;
}

/* --congestion: a well-formed name (whether this machine has it is for
 * the socket to say, on both ends). */
static int apply_congestion(const char *arg, char *out, vs_err *e)
{
    if (!vs_congestion_name_ok(arg))
        return vs_err_set(e, VS_ERR_USAGE, "--congestion: bad algorithm name '%.20s' (1-15 "
                          "letters, digits, _ or -)", arg);
    snprintf(out, VS_CC_NAME_MAX, "%s", arg);
    return 0;
}

/* Apply one option; -1 with `e` on a bad value. */
static int apply(int c, const char *arg, run_args *a, vs_err *e)
{
    vs_run_opts *o = &a->o;
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
    case 'j': a->json = 1; return 0;
    case 'v': a->verbose = 1; return 0;
    case 'C': return apply_cpus("--cpu", arg, o->cpus, e);
    case 'S': return apply_cpus("--server-cpu", arg, o->req.server_cpus, e);
    case 'H': o->hdr_log = arg; return 0;
    case 'K': a->key_path = arg; return 0;
    case 'Z': o->req.zerocopy = 1; return 0;
    case 'g': return apply_congestion(arg, o->req.congestion, e);
    case 's': case 'm': case 'M': case 'P': case 'r': case 'b':
        return apply_size(c, arg, a, e);
    default:
        return apply_time(c, arg, o, e);
    }
}

/* The options that depend on the test, checked once all are known. */
static int settle(run_args *a, vs_err *e)
{
    vs_test_req *req = &a->o.req;

    if (!vs_test_is_rr((enum vs_test)req->test)) {
        if (a->have_rr || a->have_burst || a->o.hdr_log != NULL)
            return vs_err_set(e, VS_ERR_USAGE, "--rr-size, --burst and --hdr-log apply to "
                              "-T rr and crr");
        return 0;
    }
    if (a->have_msg)
        return vs_err_set(e, VS_ERR_USAGE, "-T %s sizes its transactions with -r REQ[,RESP], "
                          "not -m", vs_test_name((enum vs_test)req->test));
    req->msg_size = a->have_rr ? a->rr_req : 1;
    req->resp_size = a->have_rr ? a->rr_resp : 1;
    return 0;
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
static int run(const vs_cli *cli, vs_run_opts *o, int json, int verbose)
{
    vs_run_report *r;
    live_ctx live;
    vs_err e;
    int rc;

    if (vs_stop_signals_install(&e) != 0)
        return vs_cli_fail_err(cli, 0, &e);
    live_setup(&live, o, json);
    o->on_busy = print_busy;
    r = calloc(1, sizeof *r);
    if (r == NULL)
        return vs_cli_fail(cli, VS_ERR_RUNTIME, "out of memory");
    rc = vs_client_run(o, r, &e);
    if (live.shown > 0)
        progress_line(&live, ""); /* the table replaces the live line */
    if (json) {
        vs_json j;
        vs_json_init(&j, 1);
        vs_report_json(&j, r);
        printf("%s\n", vs_json_text(&j));
        vs_json_free(&j);
    } else if (rc == 0 || r->rows[0].seconds > 0) {
        if (!live.header_done)
            vs_report_print_header(stdout, r);
        vs_report_print_table(stdout, r);
        if (verbose)
            vs_report_print_overhead(stdout, r);
    }
    free(r);
    return rc == 0 ? VS_OK : vs_cli_fail_err(cli, 0, &e);
}

int vs_cmd_run(int argc, char **argv)
{
    vs_cli cli = { "vsbench", "run", usage,
                   "t:transport= d/data= T:test= s:sock-size= m:msg-size= M:recv-size= "
                   "r:rr-size= b:burst= P:sessions= C/cpu= S/server-cpu= l:duration= "
                   "w/warmup= i:interval= H/hdr-log= o/timeout= Z/zerocopy g/congestion= j/json "
                   "v:verbose K/auth-key= W/busy-wait= h:help" };
    static vs_auth_key key; /* lives as long as the run */
    run_args a;
    vs_err e;
    int c, rc;

    memset(&a, 0, sizeof a);
    defaults(&a.o);
    while ((c = vs_cli_next(&cli, argc, argv)) != -1) {
        if (c == VS_CLI_EXIT)
            return cli.status;
        if (apply(c, optarg, &a, &e) != 0)
            return vs_cli_fail_err(&cli, 0, &e);
    }
    if ((rc = vs_auth_key_resolve(a.key_path, &key, &e)) < 0)
        return vs_cli_fail_err(&cli, 0, &e);
    a.o.key = rc == 1 ? &key : NULL;
    if (optind != argc - 1)
        return vs_cli_fail(&cli, VS_ERR_USAGE, "run needs exactly one HOST (see --help)");
    if (vs_addr_parse(argv[optind], &a.o.control, &e) != 0 || settle(&a, &e) != 0)
        return vs_cli_fail_err(&cli, 0, &e);
    if (vs_test_req_validate(&a.o.req, &e) != 0)
        return vs_cli_fail_err(&cli, VS_ERR_USAGE, &e);
    return run(&cli, &a.o, a.json, a.verbose);
}
