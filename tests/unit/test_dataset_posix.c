/* test_dataset_posix.c - a FIFO or a device where a results file should
 * be: refused at once, never read (a FIFO without a writer would block a
 * plain open forever). POSIX only: Windows has neither (the Makefile
 * leaves this suite out there). */
#include "tests/unit/dataset_fixture.h"
#include "tests/unit/unit.h"

#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

static const char meta[] = "{\"hosts\":{}}\n";

static void test_fifo_and_device(void)
{
    char dir[256], path[300], other[300];
    const char *d = vs_unit_temp_folder(dir, sizeof dir);

    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    CU_ASSERT_EQUAL_FATAL(vs_unit_write_file(dir, "meta.json", meta), 0);
    snprintf(other, sizeof other, "%s/meta.json", dir);
    snprintf(path, sizeof path, "%s/runs.csv", dir);
    CU_ASSERT_EQUAL_FATAL(mkfifo(path, 0600), 0);
    vs_unit_load_refused(dir, "runs.csv: a FIFO (named pipe), not a regular file");
    remove(path);
    CU_ASSERT_EQUAL_FATAL(symlink("/dev/zero", path), 0);
    vs_unit_load_refused(dir, "runs.csv: a device, not a regular file");
    remove(path);
    remove(other);
    CU_ASSERT_EQUAL_FATAL(mkfifo(other, 0600), 0); /* meta.json too */
    vs_unit_load_refused(dir, "meta.json: a FIFO (named pipe), not a regular file");
    remove(other);
    rmdir(dir);
}

static const CU_TestInfo tests[] = {
    { "a FIFO or a device in a file's place", test_fifo_and_device },
    CU_TEST_INFO_NULL,
};

VS_UNIT_SUITE("dataset-posix", tests)
