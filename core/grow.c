/* grow.c - see grow.h. */
#include "core/grow.h"

#include <stdlib.h>
#include <string.h>

void *vs_push(void *array, int *n, int *cap, const void *elem, size_t size)
{
    if (*n >= *cap) {
        int want = *cap > 0 ? *cap * 2 : 64;
        void *p = realloc(array, (size_t)want * size);
        if (p == NULL)
            return NULL;
        array = p;
        *cap = want;
    }
    memcpy((char *)array + (size_t)*n * size, elem, size);
    (*n)++;
    return array;
}
