/*
 * profile.h - sweep definitions: a small INI dialect (docs/profiles.md),
 * parsed with inih. One [sweep] section; lists are comma-separated.
 *
 *   transports = tcp, vsock     tests = stream, maerts
 *   sock-sizes = 64K, 256K      msg-sizes = 512, 1K, 64K
 *   sessions = 1, 5             runs = 3
 *   duration = 60, 5:120        (default, then SESSIONS:SECONDS overrides)
 *   warmup = 2
 *   until-ci = 95,5  min-runs = 3  max-runs = 10   (instead of runs)
 *   resp-size = same  bursts = 0, 4               (rr and crr; docs/latency.md)
 *   cpu = 0  server-cpu = 1                       (pin the session threads)
 *
 * A profile is named by a file path, or by the name of one built into the
 * binary (every profiles/NAME.profile at build time), so a runner copied into a VM
 * knows `paper`, `quick`, `nightly` and `latency`. Errors name file, line
 * and key.
 */
#ifndef VS_PROFILE_H
#define VS_PROFILE_H

#include <stdint.h>

#include "core/cpulist.h"
#include "platform/addr.h"
#include "platform/err.h"
#include "runner/proto.h"
#include "runner/stoprule.h"

#define VS_AXIS_MAX 32

typedef struct vs_duration_override {
    int sessions;
    uint32_t ms;
} vs_duration_override;

typedef struct vs_profile {
    char name[64];
    char description[256];
    char source[512];          /* file path, or "built-in NAME" */
    char *text;                /* the text as read (owned) */
    int ntransports;
    enum vs_transport transports[VS_TR_COUNT];
    int ntests;
    enum vs_test tests[VS_TEST_COUNT];
    int nsocks;
    uint64_t socks[VS_AXIS_MAX];
    int nmsgs;
    uint32_t msgs[VS_AXIS_MAX];
    int nsessions;
    int sessions[VS_AXIS_MAX];
    uint32_t duration_ms;      /* for session counts without an override */
    int noverrides;
    vs_duration_override overrides[VS_AXIS_MAX];
    uint32_t warmup_ms;
    vs_stoprule rule;          /* fixed runs: enabled = 0, min = max = runs */
    uint32_t resp;             /* rr, crr: response bytes; 0: as the request (msg) */
    int nbursts;
    int bursts[VS_AXIS_MAX];   /* rr: requests in flight beyond the first */
    char cpus[VS_CPULIST_TEXT_MAX];        /* pin this end's session threads */
    char server_cpus[VS_CPULIST_TEXT_MAX]; /* and the server's */
    int zerocopy;              /* stream, maerts over tcp, vsock: MSG_ZEROCOPY sends */
    char congestion[VS_CC_NAME_MAX]; /* tcp but crr: congestion control; "" default */
} vs_profile;

/* Load by path (if such a file exists) or built-in name. */
int vs_profile_load(const char *name_or_path, vs_profile *p, vs_err *e);

/* Parse text; `source` names it in errors. */
int vs_profile_parse(const char *text, const char *source, vs_profile *p, vs_err *e);

/* Measured duration for a session count. */
uint32_t vs_profile_duration(const vs_profile *p, int sessions);

void vs_profile_free(vs_profile *p);

/* Names of the built-in profiles, comma-separated, for messages. */
const char *vs_profile_builtin_list(void);

#endif
