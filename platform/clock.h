/*
 * clock.h - time: a monotonic clock for measuring, wall time for records.
 * Implementations: clock_posix.c, clock_win.c.
 */
#ifndef VS_CLOCK_H
#define VS_CLOCK_H

#include <stddef.h>
#include <stdint.h>

/* Monotonic nanoseconds since an arbitrary origin. */
uint64_t vs_now_ns(void);

/* Sleep for `ms` milliseconds (may return early on a signal). */
void vs_sleep_ms(int ms);

/* Seconds since the Unix epoch (wall clock, for timestamps only). */
double vs_wall_seconds(void);

/* Format a Unix time as ISO 8601 UTC, e.g. "2026-11-29T10:12:00Z". */
const char *vs_iso8601(double unix_seconds, char *buf, size_t n);

#endif
