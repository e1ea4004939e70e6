/* fs.c - the portable part of fs.h; the primitives are in fs_posix.c and
 * fs_win.c. */
#include "platform/fs.h"

#include <errno.h>
#include <stdio.h>
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

void vs_afile_tmp_name(const char *path, char *tmp, size_t n)
{
    snprintf(tmp, n, "%s.tmp-%ld", path, vs_pid());
}

int vs_afile_open(vs_afile *a, const char *path, const char *mode, vs_err *e)
{
    memset(a, 0, sizeof *a);
    if (strlen(path) >= sizeof a->path)
        return vs_err_set(e, VS_ERR_USAGE, "path too long: %s", path);
    snprintf(a->path, sizeof a->path, "%s", path);
    vs_afile_tmp_name(path, a->tmp, sizeof a->tmp);
    a->direct = vs_path_kind(path) == VS_PATH_OTHER; /* never rename over a device */
    a->f = fopen(a->direct ? a->path : a->tmp, mode);
    if (a->f == NULL)
        return vs_err_set(e, VS_ERR_USAGE, "cannot write %s: %s", path, strerror(errno));
    return 0;
}

/* Flush, sync and close a->f: 0, or the errno of the first failure (-1
 * when a write failed earlier and the reason is gone). */
static int finish(vs_afile *a)
{
    vs_err ignored;
    int err = 0;

    errno = 0;
    if (fflush(a->f) != 0 || ferror(a->f))
        err = errno ? errno : -1;
    else if (vs_fsync_file(a->f, &ignored) != 0)
        err = errno ? errno : -1;
    if (fclose(a->f) != 0 && err == 0)
        err = errno ? errno : -1;
    a->f = NULL;
    return err;
}

int vs_afile_commit(vs_afile *a, vs_err *e)
{
    int err = finish(a);

    if (err != 0) {
        if (!a->direct)
            remove(a->tmp);
        return vs_err_set(e, VS_ERR_RUNTIME, "writing %s failed: %s", a->path,
                          err > 0 ? strerror(err) : "write error");
    }
    if (a->direct)
        return 0;
    if (vs_replace_file(a->tmp, a->path, e) != 0) {
        remove(a->tmp);
        return -1;
    }
    return 0;
}

void vs_afile_abort(vs_afile *a)
{
    if (a->f != NULL)
        fclose(a->f);
    a->f = NULL;
    if (!a->direct)
        remove(a->tmp);
}

int vs_copy_file(const char *from, const char *to, vs_err *e)
{
    uint64_t size;
    int missing;
    FILE *in = vs_open_regular(from, &size, &missing, e);
    vs_afile out;
    char buf[65536];
    size_t n;

    if (in == NULL)
        return missing ? vs_err_set(e, VS_ERR_USAGE, "%s: missing", from) : -1;
    if (vs_afile_open(&out, to, "wb", e) != 0) {
        fclose(in);
        return -1;
    }
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        if (fwrite(buf, 1, n, out.f) != n)
            break;
    if (ferror(in)) {
        fclose(in);
        vs_afile_abort(&out);
        return vs_err_set(e, VS_ERR_RUNTIME, "reading %s failed", from);
    }
    fclose(in);
    return vs_afile_commit(&out, e);
}
