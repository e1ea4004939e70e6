/* test_auth_mode.c - a key file that group or others may read is refused,
 * as ssh refuses such a private key (POSIX mode bits: Windows keeps ACLs,
 * which vsbench does not inspect, so tests/windows/unit.sh skips this). */
#include "runner/auth.h"
#include "platform/fs.h"
#include "tests/unit/unit.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

/* Refused with advice at `mode`, read at 0600 and 0400. */
static void test_modes(void)
{
    static const int refused[] = { 0644, 0640, 0604, 0660, 0606 };
    char path[256];
    vs_auth_key k;
    vs_err e;
    FILE *f;

    snprintf(path, sizeof path, "%s/vsbench-unit-mode-%ld", vs_temp_dir(), vs_pid());
    f = fopen(path, "w");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    fputs("c2VjcmV0IGtleSBvZiBzb21lIGxlbmd0aA==\n", f);
    fclose(f);
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        chmod(path, (mode_t)refused[i]);
        CU_ASSERT_EQUAL(vs_auth_key_load(path, &k, &e), -1);
        CU_ASSERT_EQUAL(e.code, VS_ERR_USAGE);
        CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, "chmod 600"));
    }
    chmod(path, 0600);
    CU_ASSERT_EQUAL(vs_auth_key_load(path, &k, &e), 0);
    chmod(path, 0400);
    CU_ASSERT_EQUAL(vs_auth_key_load(path, &k, &e), 0);
    remove(path);
    CU_ASSERT_EQUAL(vs_auth_key_load(vs_temp_dir(), &k, &e), -1); /* a directory */
    CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, "not a regular file"));
}

static const CU_TestInfo tests[] = {
    { "key files others may read are refused", test_modes },
    CU_TEST_INFO_NULL,
};

VS_UNIT_SUITE("auth-mode", tests)
