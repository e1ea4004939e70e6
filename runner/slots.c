/* slots.c - see slots.h. */
#include "runner/slots.h"
#include "platform/clock.h"
#include "platform/thread.h"

#include <stdlib.h>

/* A test may end late by set-up and result exchange: the hint adds this. */
#define END_SLACK_NS 1000000000ull

struct vs_slots {
    vs_mutex *mu;
    int max, busy;
    int used[VS_MAX_TESTS];
    int overlap[VS_MAX_TESTS];
    uint64_t ends_ns[VS_MAX_TESTS]; /* expected end of each used slot */
};

vs_slots *vs_slots_new(int max)
{
    vs_slots *s = calloc(1, sizeof *s);

    if (s == NULL)
        return NULL;
    s->mu = vs_mutex_new();
    if (s->mu == NULL) {
        free(s);
        return NULL;
    }
    s->max = max < 1 ? 1 : max > VS_MAX_TESTS ? VS_MAX_TESTS : max;
    return s;
}

void vs_slots_free(vs_slots *s)
{
    if (s == NULL)
        return;
    vs_mutex_free(s->mu);
    free(s);
}

/* The wait until the earliest expected end (locked). */
static uint32_t retry_hint(const vs_slots *s, uint64_t now)
{
    uint64_t first = UINT64_MAX, wait_ms;

    for (int i = 0; i < s->max; i++)
        if (s->used[i] && s->ends_ns[i] < first)
            first = s->ends_ns[i];
    wait_ms = first > now ? (first - now) / 1000000u : 0;
    return wait_ms < 1 ? 1 : wait_ms > UINT32_MAX ? UINT32_MAX : (uint32_t)wait_ms;
}

int vs_slots_take(vs_slots *s, uint32_t expect_ms, uint32_t *retry_ms)
{
    uint64_t now = vs_now_ns();
    int slot = -1;

    vs_mutex_lock(s->mu);
    for (int i = 0; i < s->max && slot < 0; i++)
        if (!s->used[i])
            slot = i;
    if (slot < 0) {
        *retry_ms = retry_hint(s, now);
    } else {
        s->overlap[slot] = s->busy > 0;
        for (int i = 0; i < s->max; i++)
            if (s->used[i])
                s->overlap[i] = 1;
        s->used[slot] = 1;
        s->ends_ns[slot] = now + (uint64_t)expect_ms * 1000000u + END_SLACK_NS;
        s->busy++;
    }
    vs_mutex_unlock(s->mu);
    return slot;
}

int vs_slots_overlapped(vs_slots *s, int slot)
{
    int v;

    vs_mutex_lock(s->mu);
    v = s->overlap[slot];
    vs_mutex_unlock(s->mu);
    return v;
}

void vs_slots_release(vs_slots *s, int slot)
{
    vs_mutex_lock(s->mu);
    if (s->used[slot]) {
        s->used[slot] = 0;
        s->busy--;
    }
    vs_mutex_unlock(s->mu);
}

int vs_slots_busy(vs_slots *s)
{
    int v;

    vs_mutex_lock(s->mu);
    v = s->busy;
    vs_mutex_unlock(s->mu);
    return v;
}

int vs_slots_max(const vs_slots *s)
{
    return s->max;
}
