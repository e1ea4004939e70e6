/*
 * hostile.c - a misbehaving peer for the integration tests (t_hostile.sh):
 * what an attacker, a broken client or a fake server would send, built
 * from the protocol's own encoders so that only the hostile part is
 * hand-made. Never used by vsbench itself; never opens vsock.
 *
 *   hostile fake-server
 *       listen on tcp:127.0.0.1:0 (the port is printed as the server
 *       prints it), answer every HELLO with a WELCOME whose host facts
 *       are hostile (unknown keys such as "status", quotes, backticks,
 *       system(, <script>, control characters, newlines) and every TEST
 *       with an ERROR; until killed.
 *
 *   hostile flood PORT N SECONDS [reconnect] [idle] [SRC...]
 *       hold N connections to tcp:127.0.0.1:PORT for SECONDS: in turn
 *       idle (nothing sent), half a handshake (HELLO, then nothing), a
 *       cut frame (a length and 3 bytes), garbage, and one byte every
 *       0.3 s (with `idle`: every one idle); from the loopback source
 *       addresses SRC (127.0.0.1 when none), round robin. With
 *       `reconnect`, each one the server closes is opened again at once
 *       (an active attacker). Prints how many connections it opened.
 *
 *   hostile stray PORT
 *       a client that runs a real 2-session stream test against
 *       tcp:127.0.0.1:PORT but, before each of its data connections,
 *       opens strays to the same port: a wrong cookie, a silent one and
 *       one that closes after 3 bytes. Exits 0 when the test completed
 *       with data on both sessions.
 */
#include "runner/measure.h"
#include "runner/proto.h"
#include "runner/wire.h"
#include "platform/clock.h"
#include "platform/net.h"
#include "workloads/stream.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define WAIT_MS 2000

static int usage(void)
{
    fprintf(stderr, "usage: hostile fake-server | flood PORT N SECONDS [reconnect] [idle] [SRC...] "
            "| stray PORT\n");
    return 2;
}

/* ---- fake server ---------------------------------------------------------- */

static void fact(vs_wbuf *w, const char *name, const char *value)
{
    vs_put_str(w, name);
    vs_put_u8(w, VS_HK_TEXT);
    vs_put_block(w, value, strlen(value));
}

/* The optional settings part of WELCOME (runner/facts_io.h wire form) with
 * hostile values: control characters and markup, a name no build knows. */
static void hostile_settings(vs_wbuf *w)
{
    static const char *const text[][2] = {
        { "cpu.governor", "perf\x1b[31m\n<script>alert(1)</script>" },
        { "net.future", "pwned" },
        { "clock.source", "tsc`id`|*_[x](y)" },
    };

    vs_put_u8(w, 1);     /* wire version */
    vs_put_u8(w, 4);     /* facts */
    for (int i = 0; i < 3; i++) {
        vs_put_str(w, text[i][0]);
        vs_put_u8(w, 1); /* known */
        vs_put_u64(w, 0);
        vs_put_str(w, text[i][1]);
    }
    vs_put_str(w, "cpu.count");
    vs_put_u8(w, 1);
    vs_put_u64(w, 7);
    vs_put_str(w, "");
}

/* A WELCOME frame carrying hostile facts; its length. */
static size_t hostile_welcome(uint8_t *buf, size_t cap)
{
    static const char *const facts[][2] = {
        { "status", "complete" },
        { "kernel", "x\" ; system(\"id > pwned\") ; y=\"" },
        { "os", "`id`<script>alert(1)</script>" },
        { "os_release", "a\"b,c\nd\r\n## injected heading" },
        { "hostname", "evil\n<img src=x onerror=alert(1)>" },
        { "cpu_model", "\x1b[2J\x1b]0;title\x07\x01\x7f" "CPU" },
        { "hypervisor", "]]></x><x>&amp;'" },
        { "runs_failed", "0" },
        { "hosts", "{\"local\":{}}" },
    };
    int n = (int)(sizeof facts / sizeof facts[0]);
    vs_wbuf w;

    vs_wbuf_init(&w, buf, cap);
    vs_put_u32(&w, 0);
    vs_put_u16(&w, VS_MSG_WELCOME);
    vs_put_u16(&w, VS_PROTO_VERSION);
    vs_put_u32(&w, VS_CID_ANY);
    vs_put_u8(&w, 0);
    vs_put_u16(&w, (uint16_t)n);
    for (int i = 0; i < n; i++)
        fact(&w, facts[i][0], facts[i][1]);
    vs_put_u16(&w, 1);
    vs_put_str(&w, "tcp");
    vs_put_u8(&w, 1);
    vs_put_str(&w, "ok\x1b]0;pwned\x07");
    hostile_settings(&w);
    if (w.overflow)
        return 0;
    buf[0] = (uint8_t)((w.len - 4) >> 24);
    buf[1] = (uint8_t)((w.len - 4) >> 16);
    buf[2] = (uint8_t)((w.len - 4) >> 8);
    buf[3] = (uint8_t)(w.len - 4);
    return w.len;
}

/* One client: WELCOME to HELLO, ERROR to TEST, until it leaves. */
static void fake_converse(vs_sock s, uint8_t *buf)
{
    uint8_t frame[8192];
    size_t n, rest_n;
    const uint8_t *rest;
    uint16_t type;
    vs_err e;

    while (vs_frame_recv(s, WAIT_MS, buf, VS_PROTO_MAX_BODY, &n, &e) == 0 &&
           vs_frame_split(buf, n, &type, &rest, &rest_n, &e) == 0) {
        if (type == VS_MSG_HELLO) {
            size_t len = hostile_welcome(frame, sizeof frame);
            if (len == 0 || vs_frame_send(s, frame, len, &e) != 0)
                return;
        } else {
            (void)vs_send_error(s, VS_ERR_REFUSED, "fake server: no tests here\n\x1b[31m");
            return;
        }
    }
}

static int fake_server(void)
{
    uint8_t *buf = malloc(VS_PROTO_MAX_BODY);
    vs_addr a, bound;
    vs_sock l, s;
    vs_err e;

    if (buf == NULL || vs_addr_parse("tcp:127.0.0.1:0", &a, &e) != 0 ||
        vs_sock_listen(&a, 0, &l, &e) != 0 || vs_sock_bound_addr(l, VS_TR_TCP, &bound, &e) != 0) {
        fprintf(stderr, "hostile: %s\n", buf == NULL ? "out of memory" : e.msg);
        free(buf);
        return 1;
    }
    fprintf(stderr, "hostile: listening on tcp:127.0.0.1:%lu\n", (unsigned long)bound.port);
    for (;;) {
        if (vs_sock_accept(l, -1, &s, &e) != 0)
            continue;
        fake_converse(s, buf);
        vs_sock_close(s);
    }
}

/* ---- flood ---------------------------------------------------------------- */

#define FLOOD_MAX 1024
enum flood_kind { IDLE, HALF, CUT, GARBAGE, DRIP, KINDS };

typedef struct attacker {
    int fd;
    enum flood_kind kind;
    const char *src;
} attacker;

/* A connection from `src` that misbehaves as `kind`; -1 if refused. */
static int flood_open(uint32_t port, const char *src, enum flood_kind kind)
{
    static const uint8_t hello[] = { 0, 0, 0, 8, 0, 1, 'V', 'S', 'B', 'N', 0, 2 };
    static const uint8_t cut[] = { 0, 0, 0, 40, 0, 4, 1 };
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port) };
    struct sockaddr_in from = { .sin_family = AF_INET };
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    long sent = 0;

    inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
    inet_pton(AF_INET, src, &from.sin_addr);
    if (fd < 0 || bind(fd, (struct sockaddr *)&from, sizeof from) != 0 ||
        connect(fd, (struct sockaddr *)&a, sizeof a) != 0) {
        if (fd >= 0)
            close(fd);
        return -1;
    }
    if (kind == HALF)
        sent = send(fd, hello, sizeof hello, MSG_NOSIGNAL);
    else if (kind == CUT)
        sent = send(fd, cut, sizeof cut, MSG_NOSIGNAL);
    else if (kind == GARBAGE)
        sent = send(fd, "\x00\x00\x01\x00\x00\x07GET / HTTP/1.0\r\n", 22, MSG_NOSIGNAL);
    (void)sent; /* the server may have closed already: fine */
    return fd;
}

/* One round: what the server closed is reopened (with `reconnect`),
 * drippers send their byte. */
static void flood_round(attacker *at, int n, uint32_t port, int reconnect, long *opened)
{
    struct pollfd p[FLOOD_MAX];
    char junk[4096];

    for (int i = 0; i < n; i++)
        p[i] = (struct pollfd){ .fd = at[i].fd, .events = POLLIN };
    if (poll(p, (nfds_t)n, 300) < 0)
        return;
    for (int i = 0; i < n; i++) {
        if (at[i].fd >= 0 && (p[i].revents & (POLLIN | POLLHUP | POLLERR)) &&
            recv(at[i].fd, junk, sizeof junk, MSG_DONTWAIT) <= 0) {
            close(at[i].fd);
            at[i].fd = -1;
        }
        if (at[i].fd >= 0 && at[i].kind == DRIP)
            (void)send(at[i].fd, "x", 1, MSG_NOSIGNAL);
        if (at[i].fd < 0 && reconnect) {
            at[i].fd = flood_open(port, at[i].src, at[i].kind);
            *opened += at[i].fd >= 0;
        }
    }
}

static int flood(int argc, char **argv)
{
    static attacker at[FLOOD_MAX];
    uint32_t port = (uint32_t)atoi(argv[0]);
    int n = atoi(argv[1]), reconnect = argc > 3 && strcmp(argv[3], "reconnect") == 0;
    int idle = argc > 3 + reconnect && strcmp(argv[3 + reconnect], "idle") == 0;
    int first_src = 3 + reconnect + idle, nsrc = argc - first_src;
    uint64_t end = vs_now_ns() + (uint64_t)(atof(argv[2]) * 1e9);
    long opened = 0;

    if (n < 1 || n > FLOOD_MAX)
        return usage();
    for (int i = 0; i < n; i++) {
        at[i].src = nsrc > 0 ? argv[first_src + i % nsrc] : "127.0.0.1";
        at[i].kind = idle ? IDLE : (enum flood_kind)(i % KINDS);
        at[i].fd = flood_open(port, at[i].src, at[i].kind);
        opened += at[i].fd >= 0;
    }
    fprintf(stderr, "hostile: flood of %d connections up\n", n);
    while (vs_now_ns() < end)
        flood_round(at, n, port, reconnect, &opened);
    printf("%ld\n", opened);
    return 0;
}

/* ---- stray data connections ------------------------------------------------ */

#define STRAY_COOKIE 0x1122334455667788ull

/* Send a frame (when n > 0), then receive one of type `want`. */
static int exchange(vs_sock s, const uint8_t *frame, size_t n, uint16_t want, uint8_t *buf,
                    const uint8_t **rest, size_t *rest_n)
{
    uint16_t type;
    size_t got;
    vs_err e;

    if ((n > 0 && vs_frame_send(s, frame, n, &e) != 0) ||
        vs_frame_recv(s, 10000, buf, VS_PROTO_MAX_BODY, &got, &e) != 0 ||
        vs_frame_split(buf, got, &type, rest, rest_n, &e) != 0) {
        fprintf(stderr, "hostile: %s\n", e.msg);
        return -1;
    }
    if (type != want) {
        fprintf(stderr, "hostile: got message %u, wanted %u\n", type, want);
        return -1;
    }
    return 0;
}

static void put_tag(uint8_t tag[8], uint64_t v)
{
    for (int i = 0; i < 8; i++)
        tag[i] = (uint8_t)(v >> (56 - 8 * i));
}

/* Strays first (kept open in strays[]), then the real one into *real. */
static int data_connections(vs_addr a, vs_sock strays[3], vs_sock *real)
{
    uint8_t wrong[8], right[8];
    vs_err e;

    put_tag(wrong, STRAY_COOKIE ^ 0xFF);
    put_tag(right, STRAY_COOKIE);
    for (int k = 0; k < 3; k++)
        if (vs_sock_connect(&a, 0, 5000, &strays[k], &e) != 0)
            return -1;
    if (vs_frame_send(strays[0], wrong, sizeof wrong, &e) != 0 ||
        vs_frame_send(strays[2], right, 3, &e) != 0)
        return -1;
    vs_sock_close(strays[2]);
    strays[2] = VS_SOCK_NONE;
    return vs_sock_connect(&a, 0, 5000, real, &e) == 0 &&
           vs_frame_send(*real, right, sizeof right, &e) == 0 ? 0 : -1;
}

/* START, then send until the server's receiver says STOP. */
static int stray_measure(vs_sock ctl, vs_sock *data, const vs_test_req *t)
{
    vs_stream_cfg sc = { .role = VS_ROLE_SEND, .tr = VS_TR_TCP, .msg_size = t->msg_size,
                         .preamble_bytes = VS_SESSION_TAG_BYTES, .active_open = 1 };
    vs_measure_cfg mc = { 0 };
    vs_side_result local;
    uint8_t frame[16];
    vs_flows *fl;
    vs_err e;
    int rc;

    if (vs_stream_create(&fl, data, t->sessions, &sc, NULL, &e) != 0 ||
        vs_frame_send(ctl, frame, vs_enc_empty(frame, sizeof frame, VS_MSG_START), &e) != 0)
        return -1;
    mc.owner = 0; /* the server's receiver keeps the time */
    mc.control = ctl;
    mc.n = t->sessions;
    mc.duration_ms = t->duration_ms;
    rc = vs_measure(fl, &mc, &local, &e);
    vs_flows_free(fl);
    if (rc != 0)
        fprintf(stderr, "hostile: %s\n", e.msg);
    return rc;
}

static int stray_test(vs_sock ctl, uint8_t *buf, vs_sock strays[2][3])
{
    vs_test_req t = { .test = VS_TEST_STREAM, .transport = VS_TR_TCP, .sessions = 2,
                      .msg_size = 16384, .duration_ms = 500, .cookie = STRAY_COOKIE };
    vs_hello h = { VS_PROTO_MAGIC, VS_PROTO_VERSION };
    vs_sock data[2] = { VS_SOCK_NONE, VS_SOCK_NONE };
    uint8_t frame[256];
    const uint8_t *rest;
    size_t rest_n;
    vs_endpoints ep;
    vs_side_result *res = malloc(sizeof *res);
    vs_err e;
    int rc = -1;

    if (res == NULL ||
        exchange(ctl, frame, vs_enc_hello(frame, sizeof frame, &h), VS_MSG_WELCOME, buf,
                 &rest, &rest_n) != 0 ||
        exchange(ctl, frame, vs_enc_test(frame, sizeof frame, &t), VS_MSG_ENDPOINTS, buf,
                 &rest, &rest_n) != 0 || vs_dec_endpoints(rest, rest_n, &ep, &e) != 0)
        goto out;
    for (int i = 0; i < 2; i++) {
        vs_addr a;
        vs_addr_parse("tcp:127.0.0.1", &a, &e);
        a.port = ep.port[i];
        if (data_connections(a, strays[i], &data[i]) != 0)
            goto out;
    }
    if (exchange(ctl, frame, 0, VS_MSG_CONNECTED, buf, &rest, &rest_n) != 0 ||
        stray_measure(ctl, data, &t) != 0)
        goto out;
    if (exchange(ctl, frame, 0, VS_MSG_RESULT, buf, &rest, &rest_n) == 0 &&
        vs_dec_result(rest, rest_n, res, &e) == 0 && res->count == 2 &&
        res->flow[0].window_count > 0 && res->flow[1].window_count > 0)
        rc = 0;
out:
    free(res);
    return rc;
}

static int stray_client(uint32_t port)
{
    uint8_t *buf = malloc(VS_PROTO_MAX_BODY);
    vs_sock strays[2][3], ctl = VS_SOCK_NONE;
    vs_addr a;
    vs_err e;
    int rc = 1;

    for (int i = 0; i < 6; i++)
        strays[i / 3][i % 3] = VS_SOCK_NONE;
    if (buf != NULL && vs_addr_parse("tcp:127.0.0.1", &a, &e) == 0) {
        a.port = port;
        if (vs_sock_connect(&a, 0, 5000, &ctl, &e) == 0 &&
            stray_test(ctl, buf, strays) == 0)
            rc = 0;
    }
    printf("%s\n", rc == 0 ? "test completed" : "test failed");
    for (int i = 0; i < 6; i++)
        vs_sock_close(strays[i / 3][i % 3]);
    vs_sock_close(ctl);
    free(buf);
    return rc;
}

int main(int argc, char **argv)
{
    vs_err e;

    if (vs_net_init(&e) != 0) {
        fprintf(stderr, "hostile: %s\n", e.msg);
        return 1;
    }
    if (argc == 2 && strcmp(argv[1], "fake-server") == 0)
        return fake_server();
    if (argc >= 5 && strcmp(argv[1], "flood") == 0)
        return flood(argc - 2, argv + 2);
    if (argc == 3 && strcmp(argv[1], "stray") == 0)
        return stray_client((uint32_t)atoi(argv[2]));
    return usage();
}
