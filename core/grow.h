/*
 * grow.h - append to an array that grows by doubling (the records of a
 * dataset, the runs a sweep has done, ...).
 */
#ifndef VS_GROW_H
#define VS_GROW_H

#include <stddef.h>

/* Append the `size` bytes at `elem` to `array` of *n elements and *cap
 * room, reallocating when full. Returns the (possibly moved) array with
 * *n one higher, or NULL when out of memory (`array` left as it was). */
void *vs_push(void *array, int *n, int *cap, const void *elem, size_t size);

#endif
