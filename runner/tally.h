/*
 * tally.h - the server's counts of refused and dropped connections, so
 * that abuse shows in the log as counts, not as a flood of lines.
 *
 * Any thread counts an event; the accept loop calls vs_tally_flush,
 * which logs one line with every non-zero count at most every
 * VS_TALLY_PERIOD_MS (the first event after a quiet period at once), e.g.
 * "refused or dropped in the last 5 s: 180 pending pool full, 20
 * handshakes timed out, 3 failed authentication".
 */
#ifndef VS_TALLY_H
#define VS_TALLY_H

#include <stdint.h>

#define VS_TALLY_PERIOD_MS 5000

enum vs_tally_event {
    VS_TALLY_NOT_ALLOWED,   /* address outside every --allow range */
    VS_TALLY_POOL_FULL,     /* --max-pending reached */
    VS_TALLY_SOURCE_FULL,   /* --max-pending-per-source reached */
    VS_TALLY_EVICTED,       /* made room for a source with fewer */
    VS_TALLY_TIMED_OUT,     /* no complete handshake in time */
    VS_TALLY_MALFORMED,     /* garbage, wrong message, bad values */
    VS_TALLY_VERSION,       /* another protocol version */
    VS_TALLY_NO_KEY,        /* left or timed out at the challenge */
    VS_TALLY_AUTH_FAILED,   /* a wrong proof */
    VS_TALLY_CAPPED,        /* --max-duration or --max-sessions */
    VS_TALLY_BUSY,          /* every test slot taken */
    VS_TALLY_STRAY,         /* data connection with a wrong or no cookie */
    VS_TALLY_COUNT
};

/* Count one event (any thread). */
void vs_tally(enum vs_tally_event ev);

/* Log the counts when due (or now with `force`) and start again. */
void vs_tally_flush(uint64_t now_ns, int force);

/* All counts since the start (for tests and the final line). */
uint64_t vs_tally_total(enum vs_tally_event ev);

#endif
