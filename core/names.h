/*
 * names.h - the words both binaries share: transports, tests, and the
 * limits every request and every results file is checked against.
 *
 * A leaf: it includes only platform/err.h, so the address parser
 * (platform/addr.h), the protocol (runner/proto.h) and the analysis all
 * name transports and tests the same way.
 */
#ifndef VS_NAMES_H
#define VS_NAMES_H

#include <stdint.h>

#include "platform/err.h"

/* Data/control transports, in the order they appear in reports. */
enum vs_transport {
    VS_TR_TCP = 0,
    VS_TR_VSOCK,
    VS_TR_UNIX,
    VS_TR_HVSOCK,
    VS_TR_COUNT
};

/* Workloads: stream (client sends), maerts (server sends), rr (request/
 * response: the client sends a request, the server answers; netperf's
 * TCP_RR) and crr (a new connection per request/response: TCP_CRR). */
enum vs_test { VS_TEST_STREAM = 0, VS_TEST_MAERTS = 1, VS_TEST_RR = 2, VS_TEST_CRR = 3,
               VS_TEST_COUNT };

/* Limits of a test (checked by both ends and by the results loader). */
#define VS_MAX_SESSIONS 64
#define VS_MAX_MSG (16u * 1024 * 1024)
#define VS_MAX_BURST 1024        /* rr: requests in flight beyond the first */
#define VS_MAX_SOCK (1ull << 30)
#define VS_MIN_DURATION_MS 100u
#define VS_MAX_DURATION_MS (24u * 3600 * 1000)
#define VS_MAX_WARMUP_MS (3600u * 1000)
#define VS_MIN_INTERVAL_MS 100u
#define VS_MAX_RUN 100000        /* run numbers within one point */
#define VS_ERRTEXT_MAX 256       /* an error text in a message or a row */
#define VS_CC_NAME_MAX 16        /* a TCP congestion control name and its terminator
                                    (Linux's TCP_CA_NAME_MAX) */

/* "tcp", "vsock", "unix", "hvsock"; "?" for a value out of range. */
const char *vs_transport_name(enum vs_transport tr);

/* Inverse of vs_transport_name; -1 with a usage error if unknown. */
int vs_transport_parse(const char *name, enum vs_transport *out, vs_err *e);

/* "stream", "maerts", "rr", "crr"; "?" for a value out of range. */
const char *vs_test_name(enum vs_test t);

/* 1 for the tests made of transactions (rr, crr), which are timed one by
 * one and report latency; 0 for the bulk tests. */
int vs_test_is_rr(enum vs_test t);

/* Inverse of vs_test_name; -1 with a usage error if unknown. */
int vs_test_parse(const char *name, enum vs_test *out, vs_err *e);

/* Index of `name` in names[0..n), or -1 (the lookup behind the parsers
 * above, for any small closed vocabulary). */
int vs_name_index(const char *const *names, int n, const char *name);

/* Is `name` a well-formed TCP congestion control name (--congestion): 1-15
 * characters of [A-Za-z0-9_-]? Checked before it goes on the wire, into a
 * socket option or into a file. */
int vs_congestion_name_ok(const char *name);

#endif
