/*
 * slurp.h - a whole text file into memory, for the parsers that work on
 * a string (runs.csv, profiles). Text means no NUL byte.
 */
#ifndef VS_SLURP_H
#define VS_SLURP_H

#include <stddef.h>

#include "platform/err.h"

/* Read `path` (at most `max` bytes) into a NUL-terminated string that the
 * caller frees. Returns 0, 1 when the file does not exist (*text NULL,
 * no error set), or -1 with a usage error naming the file. */
int vs_slurp(const char *path, size_t max, char **text, vs_err *e);

#endif
