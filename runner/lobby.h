/*
 * lobby.h - the server's waiting room: every control connection from
 * accept() until its TEST is accepted (sshd's pre-authentication phase,
 * with LoginGraceTime, MaxStartups and PerSourceMaxStartups as models).
 *
 * The accept loop owns the lobby and drives it without threads: it polls
 * the lobby's connections (vs_lobby_pollset), lets the lobby read what
 * arrived (vs_lobby_serve) and drops the late ones (vs_lobby_expire). Each
 * connection reads one bounded frame at a time and goes through
 *   HELLO -> [CHALLENGE, AUTH ->] WELCOME -> TEST
 * within `handshake_ms` of its accept (`auth_ms` for a verified AUTH when
 * the server has a key); then the lobby hands it over (on_test) and it
 * no longer counts here. A connection in the lobby never holds a test
 * slot.
 *
 * Limits: at most `max_pending` connections in all and `max_per_source`
 * from one address (its source). A newcomer beyond its source's limit is
 * told BUSY and closed; when the whole lobby is full, the oldest
 * connection of the source holding the most is dropped to make room for
 * a source holding fewer, so one address cannot keep another out; if no
 * source holds more than the newcomer's would, the newcomer is told
 * BUSY. Every refusal and drop is counted (tally.h), none is logged on
 * its own.
 */
#ifndef VS_LOBBY_H
#define VS_LOBBY_H

#include "runner/auth.h"
#include "runner/proto.h"

#define VS_LOBBY_MAX_PENDING 240  /* the largest --max-pending */
#define VS_LOBBY_MAX_BODY 1024    /* largest frame before the TEST is accepted */
#define VS_LOBBY_SOURCE_MAX 80    /* bytes of a source's name */

typedef struct vs_lobby_cfg {
    int max_pending;             /* 1..VS_LOBBY_MAX_PENDING */
    int max_per_source;          /* 1..max_pending */
    int handshake_ms;            /* from accept to an accepted TEST */
    int auth_ms;                 /* from accept to a verified AUTH */
    const vs_auth_key *key;      /* NULL: no authentication */
    uint32_t max_duration_ms;    /* warm-up + measured time a TEST may ask */
    int max_sessions;            /* sessions a TEST may ask */
    const vs_welcome *welcome;   /* version, cid, host facts to send */
} vs_lobby_cfg;

/* A connection whose TEST was accepted: the callback's from then on. */
typedef struct vs_admitted {
    vs_sock sock;
    enum vs_transport tr;
    char peer[128];              /* for logs */
    vs_test_req req;
} vs_admitted;

/* Take the admitted connection (0), or refuse it (-1): either way the
 * callback owns the socket. */
typedef int (*vs_lobby_on_test)(void *ctx, vs_admitted *a);

typedef struct vs_lobby vs_lobby;

/* NULL when out of memory. `cfg` (and what it points to) must outlive it. */
vs_lobby *vs_lobby_new(const vs_lobby_cfg *cfg);

/* Close every connection still waiting and free the lobby. */
void vs_lobby_free(vs_lobby *g);

/* Take a freshly accepted connection from `source` (its address without
 * port, "unix", "vsock:CID"), or refuse it as above. */
void vs_lobby_admit(vs_lobby *g, vs_sock s, enum vs_transport tr, const char *source,
                   const char *peer);

/* Poll entries for the waiting connections (at most `max`); their count. */
int vs_lobby_pollset(vs_lobby *g, vs_pollent *p, int max);

/* Read from the entries of the last pollset that are ready; a connection
 * whose TEST is accepted goes to on_test. */
void vs_lobby_serve(vs_lobby *g, const vs_pollent *p, int n, vs_lobby_on_test on_test,
                   void *ctx);

/* Drop the connections past their deadline; the ms until the next one
 * (-1: none waiting). */
int vs_lobby_expire(vs_lobby *g, uint64_t now_ns);

/* Connections waiting now. */
int vs_lobby_count(const vs_lobby *g);

#endif
