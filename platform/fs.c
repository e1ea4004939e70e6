/* fs.c - the portable part of fs.h; the primitives are in fs_posix.c and
 * fs_win.c. */
#include "platform/fs.h"

#include <errno.h>
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
