/* test_addr.c - the address syntax of platform/addr.h. */
#include "platform/addr.h"
#include "tests/unit/unit.h"

#include <string.h>

static vs_addr parse_ok(const char *text)
{
    vs_addr a;
    vs_err e;

    CU_ASSERT_EQUAL_FATAL(vs_addr_parse(text, &a, &e), 0);
    return a;
}

/* Parsing fails, and the message quotes `part`. */
static void parse_bad(const char *text, const char *part)
{
    vs_addr a;
    vs_err e;

    vs_err_clear(&e);
    CU_ASSERT_EQUAL(vs_addr_parse(text, &a, &e), -1);
    CU_ASSERT_EQUAL(e.code, VS_ERR_USAGE);
    CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, part));
}

static void test_tcp_forms(void)
{
    vs_addr a = parse_ok("tcp:10.0.0.2:7000");
    CU_ASSERT_EQUAL(a.tr, VS_TR_TCP);
    CU_ASSERT_STRING_EQUAL(a.host, "10.0.0.2");
    CU_ASSERT_EQUAL(a.port, 7000);
    CU_ASSERT_TRUE(a.has_port);

    a = parse_ok("example.org");
    CU_ASSERT_EQUAL(a.tr, VS_TR_TCP);
    CU_ASSERT_STRING_EQUAL(a.host, "example.org");
    CU_ASSERT_EQUAL(a.port, VS_DEFAULT_PORT);
    CU_ASSERT_FALSE(a.has_port);

    a = parse_ok("127.0.0.1:9");
    CU_ASSERT_EQUAL(a.port, 9);

    a = parse_ok("tcp:[::1]:5301");
    CU_ASSERT_STRING_EQUAL(a.host, "::1");
    CU_ASSERT_EQUAL(a.port, 5301);

    a = parse_ok("[fe80::1]");
    CU_ASSERT_STRING_EQUAL(a.host, "fe80::1");
    CU_ASSERT_FALSE(a.has_port);
}

static void test_vsock_words(void)
{
    vs_addr a = parse_ok("vsock:any");
    CU_ASSERT_EQUAL(a.tr, VS_TR_VSOCK);
    CU_ASSERT_EQUAL(a.cid, VS_CID_ANY);
    CU_ASSERT_EQUAL(parse_ok("vsock:local:99").cid, 1);
    CU_ASSERT_EQUAL(parse_ok("vsock:local:99").port, 99);
    CU_ASSERT_EQUAL(parse_ok("vsock:host").cid, 2);
    CU_ASSERT_EQUAL(parse_ok("vsock:42:1234").cid, 42);
}

static void test_unix_and_hvsock(void)
{
    vs_addr a = parse_ok("unix:/tmp/vs.sock");
    CU_ASSERT_EQUAL(a.tr, VS_TR_UNIX);
    CU_ASSERT_STRING_EQUAL(a.path, "/tmp/vs.sock");

    a = parse_ok("hvsock:parent:80");
    CU_ASSERT_EQUAL(a.tr, VS_TR_HVSOCK);
    CU_ASSERT_STRING_EQUAL(a.host, "parent");
    CU_ASSERT_EQUAL(a.port, 80);
}

static void test_errors_name_the_part(void)
{
    parse_bad("tcp:host:99999", "99999");
    parse_bad("tcp:host:12ab", "12ab");
    parse_bad("vsock:banana", "banana");
    parse_bad("tcp:::1:80", "needs brackets");
    parse_bad("tpc:host", "tpc");
    parse_bad("tcp:[::1", "]");
    parse_bad("unix:", "missing path");
    parse_bad("tcp::80", "missing host");
    parse_bad("", "empty");
}

static void test_format_round_trip(void)
{
    const char *forms[] = { "tcp:10.1.2.3:80", "tcp:[::1]:5301", "vsock:3:5301",
                            "vsock:any:7", "unix:/run/x.sock", "hvsock:parent:5" };
    char buf[300];

    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        vs_addr a = parse_ok(forms[i]);
        CU_ASSERT_STRING_EQUAL(vs_addr_format(&a, buf, sizeof buf), forms[i]);
    }
    vs_addr a = parse_ok("tcp:[::1]:80");
    CU_ASSERT_STRING_EQUAL(vs_addr_host_text(&a, buf, sizeof buf), "tcp:[::1]");
}

static void test_transport_names(void)
{
    enum vs_transport t;
    vs_err e;

    CU_ASSERT_EQUAL(vs_transport_parse("vsock", &t, &e), 0);
    CU_ASSERT_EQUAL(t, VS_TR_VSOCK);
    CU_ASSERT_EQUAL(vs_transport_parse("udp", &t, &e), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, "udp"));
    CU_ASSERT_STRING_EQUAL(vs_transport_name(VS_TR_UNIX), "unix");
}

static const CU_TestInfo tests[] = {
    { "tcp forms", test_tcp_forms },
    { "vsock CID words", test_vsock_words },
    { "unix and hvsock", test_unix_and_hvsock },
    { "errors name the bad part", test_errors_name_the_part },
    { "format round trip", test_format_round_trip },
    { "transport names", test_transport_names },
    CU_TEST_INFO_NULL,
};

VS_UNIT_SUITE("addr", tests)
