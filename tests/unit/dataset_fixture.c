/* dataset_fixture.c - see dataset_fixture.h. */
#include "tests/unit/dataset_fixture.h"
#include "analysis/dataset.h"
#include "tests/unit/unit.h"

#include <stdio.h>
#include <string.h>

int vs_unit_write_file(const char *dir, const char *name, const char *text)
{
    char path[512];
    FILE *f;
    int bad;

    snprintf(path, sizeof path, "%s/%s", dir, name);
    f = fopen(path, "wb");
    if (f == NULL)
        return -1;
    bad = fputs(text, f) < 0;
    return fclose(f) != 0 || bad ? -1 : 0;
}

int vs_unit_load_refused(const char *dir, const char *want)
{
    vs_dataset d;
    vs_err e;

    vs_err_clear(&e);
    CU_ASSERT_EQUAL(vs_dataset_load(&d, &dir, 1, &e), -1);
    if (strstr(e.msg, want) == NULL)
        fprintf(stderr, "\n  message '%s' lacks '%s'\n", e.msg, want);
    CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, want));
    return e.code;
}
