/*
 * interval.h - the arithmetic of "the interval in which all N sessions
 * ran". Each session is active over a span [start, end) of monotonic
 * nanoseconds; the measured window is clipped to the span common to all.
 */
#ifndef VS_INTERVAL_H
#define VS_INTERVAL_H

#include <stdint.h>

typedef struct vs_span {
    uint64_t start; /* ns, inclusive */
    uint64_t end;   /* ns, exclusive; end <= start means empty */
} vs_span;

/* Length in ns (0 for an empty span). */
uint64_t vs_span_len(vs_span s);

/* Intersection of two spans (may be empty). */
vs_span vs_span_intersect(vs_span a, vs_span b);

/* The span in which all n spans and `window` overlap. Returns its length
 * (0 when some pair does not overlap, or n == 0). */
uint64_t vs_span_common(const vs_span *spans, int n, vs_span window, vs_span *out);

/* Bits per second for `bytes` over `ns` (0 when ns == 0). */
double vs_rate_bps(uint64_t bytes, uint64_t ns);

#endif
