/*
 * libs_smoke.c - the libraries vsreport and the unit tests link (CUnit,
 * inih, jansson, libxlsxwriter with zlib) link and work: on Linux
 * Debian's, for MinGW those mk/deps.mk builds from the pinned archives
 * (run under wine). The program is itself a CUnit suite, so running it
 * checks CUnit too. Usage: libs_smoke DIR (where it may write a workbook).
 */
#include <CUnit/Basic.h>
#include <ini.h>
#include <jansson.h>
#include <xlsxwriter.h>

#include <stdio.h>
#include <string.h>

static const char *work_dir = ".";

static void test_cunit_version(void)
{
    CU_ASSERT_STRING_EQUAL(CU_VERSION, "2.1-3");
}

struct ini_seen {
    char section[32], name[32], value[32];
    int calls;
};

static int on_ini_entry(void *user, const char *section, const char *name, const char *value)
{
    struct ini_seen *s = user;

    snprintf(s->section, sizeof s->section, "%s", section);
    snprintf(s->name, sizeof s->name, "%s", name);
    snprintf(s->value, sizeof s->value, "%s", value);
    s->calls++;
    return 1;
}

/* the defaults Debian's libinih has: inline ';' comments, '#' lines */
static void test_inih(void)
{
    struct ini_seen s = { "", "", "", 0 };

    CU_ASSERT_EQUAL(ini_parse_string("# profile\n[sweep]\nsizes = 64K ; bytes\n", on_ini_entry, &s), 0);
    CU_ASSERT_EQUAL(s.calls, 1);
    CU_ASSERT_STRING_EQUAL(s.section, "sweep");
    CU_ASSERT_STRING_EQUAL(s.name, "sizes");
    CU_ASSERT_STRING_EQUAL(s.value, "64K");
    CU_ASSERT_EQUAL(ini_parse_string("[a]\nno equals sign\n", on_ini_entry, &s), 2);
}

/* parse and dump: same text on every OS (integers beyond 32 bits, reals) */
static void test_jansson(void)
{
    json_error_t err;
    json_t *v = json_loads("{\"b\": [1, 2.5, \"x\"], \"a\": 1234567890123, \"e\": 1e20}", 0, &err);
    char *text;

    CU_ASSERT_PTR_NOT_NULL_FATAL(v);
    text = json_dumps(v, JSON_COMPACT | JSON_SORT_KEYS);
    CU_ASSERT_STRING_EQUAL(text, "{\"a\":1234567890123,\"b\":[1,2.5,\"x\"],\"e\":1e20}");
    free(text);
    CU_ASSERT_EQUAL(json_integer_value(json_object_get(v, "a")), 1234567890123LL);
    json_decref(v);
    CU_ASSERT_PTR_NULL(json_loads("{\"a\": }", 0, &err));
    CU_ASSERT_EQUAL(err.line, 1);
}

/* a workbook is a zip (minizip + zlib): it starts with PK\3\4 */
static void test_xlsxwriter(void)
{
    char path[512], magic[4] = { 0 };
    lxw_workbook *wb;
    lxw_worksheet *ws;
    FILE *f;

    snprintf(path, sizeof path, "%s/libs_smoke.xlsx", work_dir);
    wb = workbook_new(path);
    CU_ASSERT_PTR_NOT_NULL_FATAL(wb);
    ws = workbook_add_worksheet(wb, "runs");
    CU_ASSERT_PTR_NOT_NULL_FATAL(ws);
    CU_ASSERT_EQUAL(worksheet_write_number(ws, 0, 0, 9.42, NULL), LXW_NO_ERROR);
    CU_ASSERT_EQUAL(worksheet_write_string(ws, 0, 1, "Gbit/s", NULL), LXW_NO_ERROR);
    CU_ASSERT_EQUAL(workbook_close(wb), LXW_NO_ERROR);
    f = fopen(path, "rb");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_EQUAL(fread(magic, 1, 4, f), 4);
    fclose(f);
    remove(path);
    CU_ASSERT_EQUAL(memcmp(magic, "PK\3\4", 4), 0);
}

int main(int argc, char **argv)
{
    static CU_TestInfo tests[] = {
        { "CUnit is 2.1-3", test_cunit_version },
        { "inih parses with Debian's defaults", test_inih },
        { "jansson parses and dumps", test_jansson },
        { "libxlsxwriter writes a zip", test_xlsxwriter },
        CU_TEST_INFO_NULL,
    };
    CU_pSuite s;
    unsigned failures;

    if (argc == 2)
        work_dir = argv[1];
    if (CU_initialize_registry() != CUE_SUCCESS)
        return 2;
    s = CU_add_suite("third-party libraries", NULL, NULL);
    for (CU_TestInfo *t = tests; s != NULL && t->pName != NULL; t++)
        CU_add_test(s, t->pName, t->pTestFunc);
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    failures = CU_get_number_of_failures() + CU_get_number_of_tests_failed();
    CU_cleanup_registry();
    return s != NULL && failures == 0 ? 0 : 1;
}
