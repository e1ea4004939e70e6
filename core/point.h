/*
 * point.h - one point of a test matrix: transport, test, requested socket
 * size, message size and sessions, and for the transaction tests (rr,
 * crr) the response size and the burst. The unit that runs repeat, that a
 * sweep plans, that runs.csv records and that reports group by.
 */
#ifndef VS_POINT_H
#define VS_POINT_H

#include <stdint.h>

#include "core/names.h"

typedef struct vs_point {
    enum vs_transport tr;
    enum vs_test test;
    uint64_t sock;     /* requested socket buffer size; 0 = system default */
    uint32_t msg;      /* bytes per send; rr, crr: the request size */
    int sessions;      /* concurrent data connections */
    uint32_t resp;     /* rr, crr: the response size; 0 for stream, maerts */
    int burst;         /* rr: requests in flight beyond the first; else 0 */
} vs_point;

/* 1 when two points are the same. */
int vs_point_equal(const vs_point *a, const vs_point *b);

#endif
