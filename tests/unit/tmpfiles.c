/* tmpfiles.c - temporary files and folders for the suites (unit.h), made
 * through platform/fs.h so that the same tests run on Linux and, under
 * wine, on Windows (which has neither open_memstream nor mkdtemp). */
#include "tests/unit/unit.h"
#include "platform/fs.h"

#include <stdlib.h>
#include <string.h>

static int made; /* names made by this process so far */

char *vs_unit_temp_name(char *buf, size_t n, const char *what)
{
    snprintf(buf, n, "%s/vs-unit-%ld-%d-%s", vs_temp_dir(), vs_pid(), ++made, what);
    remove(buf); /* a leftover of an earlier process with this id */
    return buf;
}

char *vs_unit_temp_folder(char *buf, size_t n)
{
    vs_unit_temp_name(buf, n, "dir");
    return vs_mkdir_one(buf) == 0 ? buf : NULL;
}

FILE *vs_unit_capture_open(vs_unit_capture *c)
{
    vs_unit_temp_name(c->path, sizeof c->path, "capture");
    c->f = fopen(c->path, "w+b");
    return c->f;
}

char *vs_unit_capture_text(vs_unit_capture *c)
{
    long len;
    char *text = NULL;

    if (c->f == NULL)
        return NULL;
    if (fflush(c->f) == 0 && fseek(c->f, 0, SEEK_END) == 0 && (len = ftell(c->f)) >= 0 &&
        fseek(c->f, 0, SEEK_SET) == 0 && (text = malloc((size_t)len + 1)) != NULL) {
        size_t got = fread(text, 1, (size_t)len, c->f);
        text[got] = '\0';
    }
    fclose(c->f);
    c->f = NULL;
    remove(c->path);
    return text;
}
