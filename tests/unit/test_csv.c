/* test_csv.c - RFC 4180 writing and reading, runs.csv rows. */
#include "runner/csv.h"
#include "runner/runsfile.h"
#include "tests/unit/suites.h"

#include <stdlib.h>
#include <string.h>

/* Write fields to memory and return the text (caller frees). */
static char *written(const char *const *fields, int n)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);

    for (int i = 0; i < n; i++) {
        if (i > 0)
            fputc(',', f);
        vs_csv_write_field(f, fields[i]);
    }
    fputc('\n', f);
    fclose(f);
    return buf;
}

static void test_quoting(void)
{
    const char *fields[] = { "plain", "a,b", "say \"hi\"", "two\nlines", "" };
    char *text = written(fields, 5);

    CU_ASSERT_STRING_EQUAL(text, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\n");
    free(text);
}

static void test_round_trip(void)
{
    const char *fields[] = { "x", "recv: Connection reset, by \"peer\"\r\n", "3.5" };
    char *text = written(fields, 3);
    vs_csv_reader r;
    vs_err e;
    int complete;

    vs_csv_init(&r, text);
    CU_ASSERT_EQUAL_FATAL(vs_csv_next(&r, &complete, &e), 1);
    CU_ASSERT_TRUE(complete);
    CU_ASSERT_EQUAL(r.nfields, 3);
    CU_ASSERT_STRING_EQUAL(r.field[1], fields[1]);
    CU_ASSERT_STRING_EQUAL(r.field[2], "3.5");
    CU_ASSERT_EQUAL(vs_csv_next(&r, &complete, &e), 0);
    vs_csv_free(&r);
    free(text);
}

static void test_malformed(void)
{
    vs_csv_reader r;
    vs_err e;
    int complete;

    vs_csv_init(&r, "a,b\n\"open,quote\n");
    CU_ASSERT_EQUAL(vs_csv_next(&r, &complete, &e), 1);
    CU_ASSERT_EQUAL(vs_csv_next(&r, &complete, &e), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, "line 2"));
    vs_csv_free(&r);
    /* a last line without its newline is reported as incomplete */
    vs_csv_init(&r, "a,b\nc,d");
    CU_ASSERT_EQUAL(vs_csv_next(&r, &complete, &e), 1);
    CU_ASSERT_TRUE(complete);
    CU_ASSERT_EQUAL(vs_csv_next(&r, &complete, &e), 1);
    CU_ASSERT_FALSE(complete);
    vs_csv_free(&r);
}

static void test_row_columns(void)
{
    vs_row row;
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    vs_csv_reader r;
    vs_err e;
    int complete, header_fields;

    memset(&row, 0, sizeof row);
    row.tr = VS_TR_VSOCK;
    row.test = VS_TEST_STREAM;
    row.sock_req = 262144;
    row.msg = 512;
    row.sessions = 5;
    row.session = VS_SESSION_ALL;
    row.run = 2;
    row.gbps = 12.5;
    snprintf(row.error, sizeof row.error, "peer died, sadly");
    vs_row_write_csv(f, &row);
    fclose(f);
    vs_csv_init(&r, VS_RUNS_HEADER "\n");
    vs_csv_next(&r, &complete, &e);
    header_fields = r.nfields;
    vs_csv_free(&r);
    vs_csv_init(&r, buf);
    CU_ASSERT_EQUAL_FATAL(vs_csv_next(&r, &complete, &e), 1);
    CU_ASSERT_EQUAL(r.nfields, header_fields);
    CU_ASSERT_STRING_EQUAL(r.field[0], "vsock");
    CU_ASSERT_STRING_EQUAL(r.field[7], "all");
    CU_ASSERT_STRING_EQUAL(r.field[8], "2");
    CU_ASSERT_STRING_EQUAL(r.field[16], "error");
    CU_ASSERT_STRING_EQUAL(r.field[17], "peer died, sadly");
    vs_csv_free(&r);
    free(buf);
}

int vs_suite_csv(void)
{
    static const CU_TestInfo tests[] = {
        { "quoting", test_quoting },
        { "round trip", test_round_trip },
        { "malformed input", test_malformed },
        { "runs.csv row has the header's columns", test_row_columns },
        CU_TEST_INFO_NULL,
    };
    return vs_add_suite("csv", tests);
}
