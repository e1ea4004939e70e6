/* fs.c - the portable part of fs.h; the primitives are in fs_posix.c and
 * fs_win.c. */
#include "platform/fs.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

int vs_mkdir_p(const char *path, vs_err *e)
{
    char buf[4096];
    size_t n = strlen(path);

    if (n == 0 || n >= sizeof buf)
        return vs_err_set(e, VS_ERR_USAGE, "bad directory name '%s'", path);
    memcpy(buf, path, n + 1);
    for (char *p = buf + 1; *p != '\0'; p++) {
        if (!vs_path_is_sep(buf, p))
            continue;
        char c = *p;
        *p = '\0';
        if (vs_mkdir_one(buf) != 0)
            return vs_err_set(e, VS_ERR_USAGE, "cannot create directory %s: %s", buf,
                              strerror(errno));
        *p = c;
    }
    if (vs_mkdir_one(buf) != 0)
        return vs_err_set(e, VS_ERR_USAGE, "cannot create directory %s: %s", buf,
                          strerror(errno));
    return 0;
}

/* Read the rest of f (expected: `size` bytes, but a file may grow while
 * it is read) into *buf; -1 when out of memory or over max. */
static int read_all(FILE *f, uint64_t size, size_t max, char **buf, size_t *len)
{
    size_t cap = size < max ? (size_t)size + 1 : max + 1, got;

    *len = 0;
    if ((*buf = malloc(cap + 1)) == NULL)
        return -1;
    while ((got = fread(*buf + *len, 1, cap - *len, f)) > 0) {
        *len += got;
        if (*len == cap) {
            char *p = cap > max ? NULL : realloc(*buf, 2 * cap + 1);
            if (p == NULL)
                return -1;
            *buf = p;
            cap *= 2;
        }
    }
    (*buf)[*len] = '\0';
    return *len > max ? -1 : 0;
}

int vs_slurp(const char *path, size_t max, char **text, vs_err *e)
{
    uint64_t size = 0;
    int missing, rc;
    size_t len;
    FILE *f = vs_open_regular(path, &size, &missing, e);

    *text = NULL;
    if (f == NULL)
        return missing ? 1 : -1;
    if (size > max)
        rc = vs_err_set(e, VS_ERR_USAGE, "%s: larger than %lu MiB", path,
                        (unsigned long)(max >> 20));
    else if ((rc = read_all(f, size, max, text, &len)) != 0)
        vs_err_set(e, VS_ERR_USAGE, "%s: larger than %lu MiB, or out of memory", path,
                   (unsigned long)(max >> 20));
    else if (ferror(f))
        rc = vs_err_set(e, VS_ERR_USAGE, "%s: read error: %s", path, strerror(errno));
    else if (memchr(*text, '\0', len) != NULL)
        rc = vs_err_set(e, VS_ERR_USAGE, "%s: binary data, not text", path);
    fclose(f);
    if (rc != 0) {
        free(*text);
        *text = NULL;
    }
    return rc;
}
