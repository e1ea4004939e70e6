/* tally.c - see tally.h. */
#include "runner/tally.h"
#include "runner/log.h"

#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

static const char *const names[] = {
    "not in an --allow range", "refused: pending pool full",
    "refused: too many pending from one address", "evicted for another address",
    "handshakes timed out", "malformed", "wrong protocol version",
    "left or timed out without authenticating", "failed authentication",
    "refused by --max-duration/--max-sessions", "told busy (every test slot taken)",
    "stray data connections dropped",
};
_Static_assert(sizeof names / sizeof names[0] == VS_TALLY_COUNT, "a name per event");

/* The module's own state: counts since the last line, and since start. */
static _Atomic uint64_t recent[VS_TALLY_COUNT], total[VS_TALLY_COUNT];
static uint64_t last_line_ns;
static int logged_once;

void vs_tally(enum vs_tally_event ev)
{
    atomic_fetch_add(&recent[ev], 1);
    atomic_fetch_add(&total[ev], 1);
}

void vs_tally_flush(uint64_t now_ns, int force)
{
    char line[700];
    size_t len = 0;

    if (!force && logged_once && now_ns - last_line_ns < VS_TALLY_PERIOD_MS * 1000000ull)
        return;
    for (int i = 0; i < VS_TALLY_COUNT; i++) {
        uint64_t n = atomic_exchange(&recent[i], 0);
        if (n != 0 && len < sizeof line)
            len += (size_t)snprintf(line + len, sizeof line - len, "%s%llu %s",
                                    len ? ", " : "", (unsigned long long)n, names[i]);
    }
    if (len == 0)
        return;
    vs_log("connections refused or dropped since the last count: %s", line);
    last_line_ns = now_ns;
    logged_once = 1;
}

uint64_t vs_tally_total(enum vs_tally_event ev)
{
    return atomic_load(&total[ev]);
}
