/*
 * net_pair.h - loopback listeners and connected pairs for the net suites
 * (test_net.c: tcp, every OS; test_net_unix.c: unix sockets, POSIX).
 */
#ifndef VS_UNIT_NET_PAIR_H
#define VS_UNIT_NET_PAIR_H

#include "platform/net.h"

#define WAIT_MS 5000

/* Listen on `text` (port 0 for tcp); the bound port in *port. A failure
 * fails the test (CU_ASSERT_FATAL). */
vs_sock vs_unit_listener(const char *text, uint32_t *port);

/* Connect to `text` and accept that connection on `l`. */
void vs_unit_pair(vs_sock l, const char *text, uint64_t bufsize, vs_sock *c, vs_sock *s);

#endif
