/*
 * point.h - one point of a test matrix: transport, test, requested socket
 * size, message size and sessions. The unit that runs repeat, that a
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
    uint32_t msg;      /* bytes per send */
    int sessions;      /* concurrent data connections */
} vs_point;

/* 1 when two points are the same. */
int vs_point_equal(const vs_point *a, const vs_point *b);

#endif
