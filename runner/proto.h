/*
 * proto.h - control protocol v2 between `vsbench run` and `vsbench serve`.
 *
 * Frame: u32 body length, then the body: u16 message type and the fields
 * of that type, all in network byte order (wire.h). Bodies are at most
 * VS_PROTO_MAX_BODY bytes; a larger announced length is refused before
 * anything is read. Every decoded field is checked against the limits
 * below before use; a decoder that meets truncated, oversized or trailing
 * data fails with VS_ERR_PROTOCOL. Decoders are pure functions of the
 * bytes they are given (fuzz targets call them directly).
 *
 * Conversation (one test per control connection):
 *   C: HELLO(magic, version)        S: WELCOME | CHALLENGE | BUSY | ERROR
 *   with a key on the server (auth.h):
 *                                   S: CHALLENGE(server nonce)
 *   C: AUTH(client nonce, proof)    S: WELCOME | ERROR
 *                                   S: WELCOME(version, cid, server proof
 *                                      when authenticated, host facts, and
 *                                      its settings: facts_io.h)
 *   C: TEST(parameters, cookie)     S: ENDPOINTS(ports/paths) | BUSY | ERROR
 *   C: opens N data connections, each first sends the 8-byte cookie
 *                                   S: CONNECTED(effective sizes, its end
 *                                      of the data path) | ERROR
 *   C: START   -- both sides release their sessions together
 *   the receiving side sends INTERIM lines and, after the measured
 *   interval, STOP; the sender stops, both drain to end of stream
 *                                   S: RESULT(its side's figures, overlap)
 * Either side may send ERROR at any time and close. BUSY means "not now,
 * retry in retry_ms" (the server's pools or test slots are full); the
 * server closes after it.
 *
 * The settings in WELCOME and the data path in CONNECTED are optional
 * trailing parts (a v2 server of this wave may omit them); each is the
 * bounded, named wire form of runner/facts_io.h, decoded fact by fact.
 *
 * HELLO keeps the layout of v1 so that servers of either version name
 * the other's version in their answer.
 */
#ifndef VS_PROTO_H
#define VS_PROTO_H

#include <stddef.h>
#include <stdint.h>

#include "core/cpulist.h"
#include "core/facts.h"
#include "core/host.h"
#include "core/names.h"
#include "platform/addr.h"
#include "platform/err.h"
#include "platform/net.h"
#include "platform/sockext.h"
#include "runner/frame.h"

#define VS_PROTO_MAGIC 0x5653424Eu /* "VSBN" */
#define VS_PROTO_VERSION 2 /* 2: typed host facts, authentication, BUSY; RESULT carries
                              the measuring overhead and overlap; rr and crr (TEST:
                              response size, burst, server CPUs; RESULT:
                              transactions); TEST may end with zero-copy and
                              congestion control (optional: absent means off);
                              RESULT may end with how the receiver read
                              (optional: absent means unknown).
                              v1 peers are refused. */
/* VS_PROTO_MAX_BODY: runner/frame.h */

/* Request limits (VS_MAX_SESSIONS, ...) are in core/names.h. */
#define VS_NONCE_BYTES 32 /* CHALLENGE and AUTH nonces */
#define VS_PROOF_BYTES 32 /* HMAC-SHA256 */
#define VS_WELCOME_AUTHENTICATED 0x01u /* WELCOME flag: a server proof follows */

/* Every data connection starts with the client sending the test's cookie
 * (u64, network order) so the server can tell its sessions from strays. */
#define VS_SESSION_TAG_BYTES 8

enum vs_msg_type {
    VS_MSG_HELLO = 1,
    VS_MSG_WELCOME,
    VS_MSG_ERROR,
    VS_MSG_TEST,
    VS_MSG_ENDPOINTS,
    VS_MSG_CONNECTED,
    VS_MSG_START,
    VS_MSG_INTERIM,
    VS_MSG_STOP,
    VS_MSG_RESULT,
    VS_MSG_CHALLENGE,
    VS_MSG_AUTH,
    VS_MSG_BUSY
};

typedef struct vs_hello {
    uint32_t magic;
    uint16_t version;
} vs_hello;

typedef struct vs_welcome {
    uint16_t version;
    uint32_t cid;                  /* VS_CID_ANY when the server has none */
    uint8_t flags;                 /* VS_WELCOME_AUTHENTICATED */
    uint8_t proof[VS_PROOF_BYTES]; /* the server's proof, when authenticated */
    vs_host host;                  /* the server's facts (hostwire.h) */
    int has_facts;                 /* the server's settings follow (optional; facts_io.h) */
    vs_facts facts;                /* its machine facts (core/facts.h) */
} vs_welcome;

typedef struct vs_challenge {
    uint8_t nonce[VS_NONCE_BYTES]; /* the server's */
} vs_challenge;

typedef struct vs_auth_msg {
    uint8_t nonce[VS_NONCE_BYTES]; /* the client's */
    uint8_t proof[VS_PROOF_BYTES]; /* the client's proof (auth.h) */
} vs_auth_msg;

typedef struct vs_busy {
    uint32_t retry_ms; /* try again after this long (1 ms - 10 min) */
    char text[VS_ERRTEXT_MAX];
} vs_busy;

#define VS_BUSY_RETRY_MAX_MS 600000u

typedef struct vs_error_msg {
    uint16_t code; /* enum vs_code */
    char text[VS_ERRTEXT_MAX];
} vs_error_msg;

typedef struct vs_test_req {
    uint8_t test;       /* enum vs_test */
    uint8_t transport;  /* enum vs_transport of the data channel */
    uint8_t any_host;   /* 1: client gave --data; listen on every address */
    uint16_t sessions;
    uint32_t msg_size;
    uint64_t sock_size; /* 0 = system default */
    uint32_t duration_ms;
    uint32_t warmup_ms;
    uint32_t interval_ms; /* 0 = no interim reports */
    uint32_t recv_size;   /* receiver bytes per recv(); 0 = automatic */
    uint64_t cookie;
    uint32_t resp_size;   /* rr, crr: response bytes (the request is msg_size);
                             0 for stream and maerts */
    uint16_t burst;       /* rr: requests in flight beyond the first (netperf -b) */
    char server_cpus[VS_CPULIST_TEXT_MAX]; /* pin the server's session threads to
                                              these CPUs (core/cpulist.h); "" none */
    /* Optional on the wire (a TEST without them means off and ""): */
    uint8_t zerocopy;     /* 1: the sending end sends with MSG_ZEROCOPY (stream, maerts) */
    char congestion[VS_CC_NAME_MAX]; /* tcp: both ends use this congestion control;
                                        "" the system default */
} vs_test_req;

typedef struct vs_endpoints {
    uint16_t count;
    uint32_t port[VS_MAX_SESSIONS];
    char path[VS_MAX_SESSIONS][VS_PATH_MAX]; /* unix only */
} vs_endpoints;

typedef struct vs_connected {
    uint16_t count;
    uint64_t snd[VS_MAX_SESSIONS];
    uint64_t rcv[VS_MAX_SESSIONS];
    int has_path;       /* the server's end of the data path follows (optional) */
    vs_facts path;      /* of its first data connection (platform/facts.h) */
} vs_connected;

typedef struct vs_interim {
    uint32_t elapsed_ms; /* since the start of the measured interval */
    uint16_t count;
    uint64_t bytes[VS_MAX_SESSIONS]; /* received since then, per session */
} vs_interim;

/* One side's figures for one session. */
typedef struct vs_flow_result {
    uint64_t window_count;  /* during the measured interval: bytes moved (stream,
                               maerts) or transactions completed (rr, crr), by
                               this side's counters */
    uint64_t window_ns;     /* length of that interval */
    uint64_t total_bytes;   /* whole connection */
    uint64_t transactions;  /* rr, crr: the whole test; both sides' must agree */
    uint64_t tcp_received;  /* TCP_INFO, when tcp_ok */
    uint64_t tcp_acked;
    uint8_t tcp_ok;
    uint8_t failed;
    char error[VS_ERRTEXT_MAX];
} vs_flow_result;

/* One side's figures for a whole test. */
typedef struct vs_side_result {
    double util_pct; /* system-wide CPU over the measured interval */
    double proc_pct; /* this process, percent of one CPU */
    double busy_us;  /* system-wide busy CPU time */
    /* What measuring cost (measure.h): CPU this process spent outside
     * send/recv during the interval, and at each edge of the interval the
     * time from the snapshot to the next byte-counter update. */
    double own_cpu_us;
    uint64_t edge_start_ns;
    uint64_t edge_end_ns;
    uint8_t overlap; /* 1: another test ran on the server meanwhile */
    uint16_t count;
    vs_flow_result flow[VS_MAX_SESSIONS];
    /* A stream's receiving side: how its sessions read (vs_stream_recv_used):
     * bytes per recv() and the wake-up threshold (0 none). Optional on the
     * wire: sent only with has_recv, which is 0 when a side did not say (a
     * server of before them). */
    uint8_t has_recv;
    uint32_t recv_chunk;
    uint32_t rcvlowat;
} vs_side_result;

/* Check a request against the limits; the message names the field. */
int vs_test_req_validate(const vs_test_req *t, vs_err *e);

/* Encoders write a whole frame (length prefix included) into buf and
 * return its length, or 0 if it did not fit. */
size_t vs_enc_hello(uint8_t *buf, size_t cap, const vs_hello *m);
size_t vs_enc_welcome(uint8_t *buf, size_t cap, const vs_welcome *m);
size_t vs_enc_error(uint8_t *buf, size_t cap, const vs_error_msg *m);
size_t vs_enc_test(uint8_t *buf, size_t cap, const vs_test_req *m);
size_t vs_enc_endpoints(uint8_t *buf, size_t cap, const vs_endpoints *m);
size_t vs_enc_connected(uint8_t *buf, size_t cap, const vs_connected *m);
size_t vs_enc_empty(uint8_t *buf, size_t cap, enum vs_msg_type type);
size_t vs_enc_interim(uint8_t *buf, size_t cap, const vs_interim *m);
size_t vs_enc_result(uint8_t *buf, size_t cap, const vs_side_result *m);
size_t vs_enc_challenge(uint8_t *buf, size_t cap, const vs_challenge *m);
size_t vs_enc_auth(uint8_t *buf, size_t cap, const vs_auth_msg *m);
size_t vs_enc_busy(uint8_t *buf, size_t cap, const vs_busy *m);

/* Decoders take a body (type already consumed: pass what follows it).
 * vs_dec_hello and vs_dec_welcome read the version first and refuse
 * another one with a message naming both versions. */
int vs_dec_hello(const uint8_t *b, size_t n, vs_hello *m, vs_err *e);
int vs_dec_welcome(const uint8_t *b, size_t n, vs_welcome *m, vs_err *e);
int vs_dec_error(const uint8_t *b, size_t n, vs_error_msg *m, vs_err *e);
int vs_dec_test(const uint8_t *b, size_t n, vs_test_req *m, vs_err *e);
int vs_dec_endpoints(const uint8_t *b, size_t n, vs_endpoints *m, vs_err *e);
int vs_dec_connected(const uint8_t *b, size_t n, vs_connected *m, vs_err *e);
int vs_dec_interim(const uint8_t *b, size_t n, vs_interim *m, vs_err *e);
int vs_dec_result(const uint8_t *b, size_t n, vs_side_result *m, vs_err *e);
int vs_dec_challenge(const uint8_t *b, size_t n, vs_challenge *m, vs_err *e);
int vs_dec_auth(const uint8_t *b, size_t n, vs_auth_msg *m, vs_err *e);
int vs_dec_busy(const uint8_t *b, size_t n, vs_busy *m, vs_err *e);

/* Split a received frame body into its type and the rest. */
int vs_frame_split(const uint8_t *body, size_t n, uint16_t *type,
                   const uint8_t **rest, size_t *rest_n, vs_err *e);

/* ---- frames over a socket: runner/frame.h ------------------------------ */

/* Encode and send an ERROR (best effort: callers that are already failing
 * because of the peer may ignore the result). */
int vs_send_error(vs_sock s, int code, const char *text);

#endif
