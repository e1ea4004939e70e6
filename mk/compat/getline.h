/*
 * getline.h - POSIX getline() for a C library that lacks it (MinGW-w64's
 * msvcrt). Forced into HdrHistogram_c's sources by mk/deps.mk for the
 * MinGW build only (its interval-log reader calls getline); not used by
 * vsbench's own code, whose portability lives in platform/.
 */
#ifndef VS_COMPAT_GETLINE_H
#define VS_COMPAT_GETLINE_H

#include <stdio.h>
#include <sys/types.h>

/* Read a line up to and including '\n' into *line (grown with realloc,
 * *cap is its size), NUL-terminated. Returns the bytes read, or -1 at end
 * of file with nothing read, on a read error or when out of memory
 * (errno ENOMEM) or given NULL pointers (errno EINVAL). */
ssize_t vs_compat_getline(char **line, size_t *cap, FILE *f);

#define getline vs_compat_getline

#endif
