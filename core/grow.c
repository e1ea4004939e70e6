/* grow.c - see grow.h. */
#include "core/grow.h"

#include <stdlib.h>

void *vs_grow(void *array, int *cap, int n, size_t size)
{
    int want;
    void *p;

    if (n < *cap)
        return array;
    want = *cap > 0 ? *cap * 2 : 64;
    p = realloc(array, (size_t)want * size);
    if (p != NULL)
        *cap = want;
    return p;
}
