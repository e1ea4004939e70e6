/* point.c - see point.h. */
#include "core/point.h"

int vs_point_equal(const vs_point *a, const vs_point *b)
{
    return a->tr == b->tr && a->test == b->test && a->sock == b->sock && a->msg == b->msg &&
           a->sessions == b->sessions && a->resp == b->resp && a->burst == b->burst;
}
