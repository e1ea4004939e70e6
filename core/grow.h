/*
 * grow.h - room for one more element in an array that grows by doubling
 * (the records of a dataset, the runs a sweep has done, ...).
 */
#ifndef VS_GROW_H
#define VS_GROW_H

#include <stddef.h>

/* Return `array` (or its reallocation) with room for element n, updating
 * *cap; NULL when out of memory, `array` then left as it was. */
void *vs_grow(void *array, int *cap, int n, size_t size);

#endif
