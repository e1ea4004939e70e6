/*
 * slots.h - the server's test slots: how many tests may run at once
 * (`serve --max-tests N`, 1 by default as in iperf3, since two tests on
 * one server disturb each other's figures) and which tests overlapped.
 *
 * A test holds a slot from its accepted TEST to its end. A test that
 * finds every slot taken gets a retry hint: the time until the earliest
 * expected end of those running. Two tests overlap when their slots were
 * held at the same moment; both are marked, and the RESULT tells the
 * client (runs.csv column `overlap`). Thread-safe: the accept loop takes
 * slots, test threads release them.
 */
#ifndef VS_SLOTS_H
#define VS_SLOTS_H

#include <stdint.h>

#define VS_MAX_TESTS 64

typedef struct vs_slots vs_slots;

/* Slots for at most `max` concurrent tests (1..VS_MAX_TESTS); NULL when
 * out of memory. */
vs_slots *vs_slots_new(int max);
void vs_slots_free(vs_slots *s);

/* Take a slot for a test expected to last `expect_ms`: its number, or
 * -1 when all are taken, with *retry_ms the wait until the earliest
 * expected end (at least 1 ms). */
int vs_slots_take(vs_slots *s, uint32_t expect_ms, uint32_t *retry_ms);

/* 1 when another test held a slot at some time while `slot` was held. */
int vs_slots_overlapped(vs_slots *s, int slot);

void vs_slots_release(vs_slots *s, int slot);

/* Slots taken now. */
int vs_slots_busy(vs_slots *s);

/* The configured maximum. */
int vs_slots_max(const vs_slots *s);

#endif
