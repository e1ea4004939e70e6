/* test_net_unix.c - unix sockets through platform/net.c: listen, connect,
 * accept, the bound path, and a missing directory as a usage error.
 * POSIX-only in practice: Windows has AF_UNIX from 10 1803, which wine's
 * prefix does not report, so `make windows-test` skips this suite. */
#include "platform/fs.h"
#include "tests/unit/net_pair.h"
#include "tests/unit/unit.h"

#include <stdio.h>
#include <string.h>

static void test_unix(void)
{
    char text[200], peer[64];
    uint32_t port;
    vs_sock l, c, s;
    vs_addr a, bound;
    vs_err e;
    int on = 0;

    snprintf(text, sizeof text, "unix:%s/vsbench-unit-%ld.sock", vs_temp_dir(), vs_pid());
    CU_ASSERT_FATAL(vs_addr_parse(text, &a, &e) == 0);
    vs_sock_unlink_path(&a);
    l = vs_unit_listener(text, &port);
    CU_ASSERT_EQUAL(vs_sock_bound_addr(l, VS_TR_UNIX, &bound, &e), 0);
    CU_ASSERT_STRING_EQUAL(bound.path, a.path);
    vs_unit_pair(l, text, 0, &c, &s);
    CU_ASSERT_STRING_EQUAL(vs_sock_peer_text(s, peer, sizeof peer), "unix client");
    CU_ASSERT_EQUAL(vs_sock_set_nodelay(c, VS_TR_UNIX, &e), 0); /* nothing to do */
    CU_ASSERT_EQUAL(vs_sock_get_nodelay(c, VS_TR_UNIX, &on, &e), 0);
    CU_ASSERT_EQUAL(on, 1);
    vs_sock_close(c);
    vs_sock_close(s);
    vs_sock_close(l);
    vs_sock_unlink_path(&a);
}

static void test_unix_missing_directory_is_usage(void)
{
    char text[200];
    vs_sock l = VS_SOCK_NONE;
    vs_addr a;
    vs_err e;

    snprintf(text, sizeof text, "unix:%s/vsbench-unit-none-%ld/s.sock", vs_temp_dir(), vs_pid());
    CU_ASSERT_FATAL(vs_addr_parse(text, &a, &e) == 0);
    CU_ASSERT_EQUAL(vs_sock_listen(&a, 0, &l, &e), -1);
    CU_ASSERT_EQUAL(e.code, VS_ERR_USAGE);
    CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, "directory"));
}

static const CU_TestInfo tests[] = {
    { "unix sockets", test_unix },
    { "unix path in a missing directory: usage error",
      test_unix_missing_directory_is_usage },
    CU_TEST_INFO_NULL,
};

VS_UNIT_SUITE("net-unix", tests)
