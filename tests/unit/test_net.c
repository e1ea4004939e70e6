/* test_net.c - the flows of platform/net.c on loopback: listen, connect,
 * accept, addresses, options and the error policy. tcp only (unix sockets:
 * test_net_unix.c): no vsock socket is ever opened here. */
#include "tests/unit/net_pair.h"
#include "tests/unit/unit.h"

#include <stdio.h>
#include <string.h>


static void test_tcp_pair(void)
{
    char text[64], peer[64], got[8] = "";
    uint32_t port;
    vs_sock l = vs_unit_listener("tcp:127.0.0.1:0", &port), c, s;
    vs_addr bound;
    vs_err e;

    CU_ASSERT(port != 0);
    CU_ASSERT_EQUAL(vs_sock_bound_addr(l, VS_TR_TCP, &bound, &e), 0);
    CU_ASSERT_STRING_EQUAL(bound.host, "127.0.0.1");
    snprintf(text, sizeof text, "tcp:127.0.0.1:%lu", (unsigned long)port);
    vs_unit_pair(l, text, 0, &c, &s);
    CU_ASSERT_PTR_NOT_NULL(strstr(vs_sock_peer_text(s, peer, sizeof peer), "tcp:127.0.0.1:"));
    CU_ASSERT_EQUAL(vs_sock_send(c, "ping", 4), 4);
    CU_ASSERT_EQUAL(vs_sock_recv(s, got, 4), 4);
    CU_ASSERT_STRING_EQUAL(got, "ping");
    vs_sock_close(c);
    vs_sock_close(s);
    vs_sock_close(l);
}

/* Control connections: TCP_NODELAY is off by default and on once set. */
static void test_nodelay(void)
{
    char text[64];
    uint32_t port;
    vs_sock l = vs_unit_listener("tcp:127.0.0.1:0", &port), c, s;
    vs_err e;
    int on = -1;

    snprintf(text, sizeof text, "tcp:127.0.0.1:%lu", (unsigned long)port);
    vs_unit_pair(l, text, 0, &c, &s);
    CU_ASSERT_EQUAL(vs_sock_get_nodelay(c, VS_TR_TCP, &on, &e), 0);
    CU_ASSERT_EQUAL(on, 0);
    CU_ASSERT_EQUAL(vs_sock_set_nodelay(c, VS_TR_TCP, &e), 0);
    CU_ASSERT_EQUAL(vs_sock_set_nodelay(s, VS_TR_TCP, &e), 0);
    CU_ASSERT_EQUAL(vs_sock_get_nodelay(c, VS_TR_TCP, &on, &e), 0);
    CU_ASSERT_EQUAL(on, 1);
    CU_ASSERT_EQUAL(vs_sock_get_nodelay(s, VS_TR_TCP, &on, &e), 0);
    CU_ASSERT_EQUAL(on, 1);
    vs_sock_close(c);
    vs_sock_close(s);
    vs_sock_close(l);
}

/* A requested size reads back as the bytes usable (Linux reports twice). */
static void test_bufsize_read_back(void)
{
    char text[64];
    uint32_t port;
    vs_sock l = vs_unit_listener("tcp:127.0.0.1:0", &port), c, s;
    vs_bufsize b;
    vs_err e;

    snprintf(text, sizeof text, "tcp:127.0.0.1:%lu", (unsigned long)port);
    vs_unit_pair(l, text, 65536, &c, &s);
    CU_ASSERT_EQUAL(vs_sock_get_bufsize(c, VS_TR_TCP, &b, &e), 0);
    CU_ASSERT_EQUAL(b.snd, 65536);
    CU_ASSERT_EQUAL(b.rcv, 65536);
    vs_sock_close(c);
    vs_sock_close(s);
    vs_sock_close(l);
}

static void test_listen_in_use_is_usage(void)
{
    char text[64];
    uint32_t port;
    vs_sock l = vs_unit_listener("tcp:127.0.0.1:0", &port), l2 = VS_SOCK_NONE;
    vs_addr a;
    vs_err e;

    snprintf(text, sizeof text, "tcp:127.0.0.1:%lu", (unsigned long)port);
    CU_ASSERT_FATAL(vs_addr_parse(text, &a, &e) == 0);
    CU_ASSERT_EQUAL(vs_sock_listen(&a, 0, &l2, &e), -1);
    CU_ASSERT_EQUAL(e.code, VS_ERR_USAGE);
    CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, text));
    vs_sock_close(l);
}

static void test_refused_is_connect_error(void)
{
    char text[64];
    uint32_t port;
    vs_sock l = vs_unit_listener("tcp:127.0.0.1:0", &port), c = VS_SOCK_NONE;
    vs_addr a;
    vs_err e;

    vs_sock_close(l); /* nobody listens there now */
    snprintf(text, sizeof text, "tcp:127.0.0.1:%lu", (unsigned long)port);
    CU_ASSERT_FATAL(vs_addr_parse(text, &a, &e) == 0);
    CU_ASSERT_EQUAL(vs_sock_connect(&a, 0, WAIT_MS, &c, &e), -1);
    CU_ASSERT_EQUAL(e.code, VS_ERR_CONNECT);
    CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, "refused"));
    CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, "vsbench serve"));
}

static void test_accept_times_out(void)
{
    uint32_t port;
    vs_sock l = vs_unit_listener("tcp:127.0.0.1:0", &port), s = VS_SOCK_NONE;
    vs_err e;

    CU_ASSERT_EQUAL(vs_sock_accept(l, 0, &s, &e), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, "no connection within"));
    vs_sock_close(l);
}

static const CU_TestInfo tests[] = {
    { "tcp listen, connect, accept, addresses", test_tcp_pair },
    { "TCP_NODELAY set and read back", test_nodelay },
    { "buffer size read back as requested", test_bufsize_read_back },
    { "listen on a port in use: usage error", test_listen_in_use_is_usage },
    { "connection refused: connect error", test_refused_is_connect_error },
    { "accept times out", test_accept_times_out },
    CU_TEST_INFO_NULL,
};

VS_UNIT_SUITE("net", tests)
