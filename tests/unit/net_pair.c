/* net_pair.c - see net_pair.h. */
#include "tests/unit/net_pair.h"
#include "tests/unit/unit.h"

vs_sock vs_unit_listener(const char *text, uint32_t *port)
{
    vs_addr a, bound;
    vs_err e;
    vs_sock l = VS_SOCK_NONE;

    CU_ASSERT_FATAL(vs_net_init(&e) == 0);
    CU_ASSERT_FATAL(vs_addr_parse(text, &a, &e) == 0);
    CU_ASSERT_FATAL(vs_sock_listen(&a, 0, &l, &e) == 0);
    CU_ASSERT_FATAL(vs_sock_bound_addr(l, a.tr, &bound, &e) == 0);
    *port = bound.port;
    return l;
}

void vs_unit_pair(vs_sock l, const char *text, uint64_t bufsize, vs_sock *c, vs_sock *s)
{
    vs_addr a;
    vs_err e;

    CU_ASSERT_FATAL(vs_addr_parse(text, &a, &e) == 0);
    CU_ASSERT_FATAL(vs_sock_connect(&a, bufsize, WAIT_MS, c, &e) == 0);
    CU_ASSERT_FATAL(vs_sock_accept(l, WAIT_MS, s, &e) == 0);
}
