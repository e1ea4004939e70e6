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
 */
#include "runner/proto.h"
#include "runner/wire.h"
#include "platform/net.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WAIT_MS 2000

static int usage(void)
{
    fprintf(stderr, "usage: hostile fake-server\n");
    return 2;
}

/* ---- fake server ---------------------------------------------------------- */

static void fact(vs_wbuf *w, const char *name, const char *value)
{
    vs_put_str(w, name);
    vs_put_u8(w, VS_HK_TEXT);
    vs_put_block(w, value, strlen(value));
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

int main(int argc, char **argv)
{
    vs_err e;

    if (vs_net_init(&e) != 0) {
        fprintf(stderr, "hostile: %s\n", e.msg);
        return 1;
    }
    if (argc == 2 && strcmp(argv[1], "fake-server") == 0)
        return fake_server();
    return usage();
}
