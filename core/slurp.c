/* slurp.c - see slurp.h. */
#include "core/slurp.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK 65536

/* Read the rest of `f` into *buf; -1 when out of memory or too long. */
static int read_all(FILE *f, size_t max, char **buf, size_t *len)
{
    size_t cap = 0, got;

    *buf = NULL;
    *len = 0;
    do {
        if (cap - *len < CHUNK) {
            char *p = *len > max ? NULL : realloc(*buf, cap + CHUNK + 1);
            if (p == NULL)
                return -1;
            *buf = p;
            cap += CHUNK;
        }
        got = fread(*buf + *len, 1, cap - *len, f);
        *len += got;
    } while (got > 0);
    (*buf)[*len] = '\0';
    return *len > max ? -1 : 0;
}

int vs_slurp(const char *path, size_t max, char **text, vs_err *e)
{
    FILE *f = fopen(path, "rb");
    size_t len;
    int rc;

    *text = NULL;
    if (f == NULL)
        return errno == ENOENT ? 1 : vs_err_set(e, VS_ERR_USAGE, "%s: %s", path, strerror(errno));
    rc = read_all(f, max, text, &len);
    if (rc == 0 && ferror(f))
        rc = vs_err_set(e, VS_ERR_USAGE, "%s: read error", path);
    else if (rc != 0)
        vs_err_set(e, VS_ERR_USAGE, "%s: larger than %lu MiB, or out of memory", path,
                   (unsigned long)(max >> 20));
    else if (memchr(*text, '\0', len) != NULL)
        rc = vs_err_set(e, VS_ERR_USAGE, "%s: binary data, not text", path);
    fclose(f);
    if (rc != 0) {
        free(*text);
        *text = NULL;
    }
    return rc;
}
