/* getline.c - see getline.h. */
#include "getline.h"

#include <errno.h>
#include <stdlib.h>

/* Make room for `need` bytes in *line; 0 on success. */
static int reserve(char **line, size_t *cap, size_t need)
{
    size_t n = *cap ? *cap : 128;
    char *p;

    if (need <= *cap)
        return 0;
    while (n < need)
        n *= 2;
    p = realloc(*line, n);
    if (p == NULL) {
        errno = ENOMEM;
        return -1;
    }
    *line = p;
    *cap = n;
    return 0;
}

ssize_t vs_compat_getline(char **line, size_t *cap, FILE *f)
{
    size_t len = 0;
    int c;

    if (line == NULL || cap == NULL || f == NULL) {
        errno = EINVAL;
        return -1;
    }
    if (*line == NULL)
        *cap = 0;
    while ((c = fgetc(f)) != EOF) {
        if (reserve(line, cap, len + 2) != 0)
            return -1;
        (*line)[len++] = (char)c;
        if (c == '\n')
            break;
    }
    if (len == 0 || ferror(f))
        return -1;
    (*line)[len] = '\0';
    return (ssize_t)len;
}
