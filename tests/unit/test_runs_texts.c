/* test_runs_texts.c - the texts of runs.csv rows (core/runs.h): held out
 * of the row, pointing into the reader until vs_row_intern keeps them in
 * a pool; bounded; a NULL text reads as "". */
#include "core/runs.h"
#include "tests/unit/unit.h"

#include <stdlib.h>
#include <string.h>

/* A row of tcp stream 64K x1, session 1 of run `run`, with these texts. */
static vs_row text_row(int run, const char *pin_local, const char *pin_remote,
                       const char *congestion, const char *error)
{
    vs_row row;

    memset(&row, 0, sizeof row);
    row.pt = (vs_point){ VS_TR_TCP, VS_TEST_STREAM, 65536, 65536, 1, 0, 0 };
    row.session = 1;
    row.run = run;
    row.ok = error[0] == '\0';
    row.pin_local = pin_local;
    row.pin_remote = pin_remote;
    row.congestion = congestion;
    row.error = error;
    return row;
}

/* runs.csv of this build holding the rows (caller frees). */
static char *csv_of(const vs_row *rows, int n)
{
    vs_unit_capture cap;
    FILE *f = vs_unit_capture_open(&cap);

    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    vs_runs_write_header(f);
    for (int i = 0; i < n; i++)
        vs_runs_write_row(f, &rows[i]);
    return vs_unit_capture_text(&cap);
}

/* Rows read and interned: their texts as written, equal texts one copy,
 * all of them alive after the reader and the file's text are gone. */
static void test_interned_rows(void)
{
    const vs_row in[] = {
        text_row(1, "0-3", "4", "cubic", ""),
        text_row(2, "0-3", "4", "cubic", "recv: reset, by \"peer\"\n"),
        text_row(3, "1", "4", "", "recv: reset, by \"peer\"\n"),
    };
    vs_row out[3];
    vs_strpool pool;
    vs_runs_reader rd;
    char *text = csv_of(in, 3);
    int complete, n = 0;
    vs_err e;

    CU_ASSERT_PTR_NOT_NULL_FATAL(text);
    vs_strpool_init(&pool);
    CU_ASSERT_EQUAL_FATAL(vs_runs_open(&rd, "runs.csv", text, &e), 0);
    while (n < 3 && vs_runs_next(&rd, &out[n], &complete, &e) == 1)
        CU_ASSERT_EQUAL(vs_row_intern(&out[n++], &pool), 0);
    vs_runs_close(&rd);
    memset(text, 'x', strlen(text)); /* nothing points into it any more */
    free(text);
    CU_ASSERT_EQUAL_FATAL(n, 3);
    for (int i = 0; i < 3; i++) {
        CU_ASSERT_STRING_EQUAL(out[i].pin_local, in[i].pin_local);
        CU_ASSERT_STRING_EQUAL(out[i].pin_remote, in[i].pin_remote);
        CU_ASSERT_STRING_EQUAL(out[i].congestion, in[i].congestion);
        CU_ASSERT_STRING_EQUAL(out[i].error, in[i].error);
    }
    CU_ASSERT_PTR_EQUAL(out[0].pin_local, out[1].pin_local);
    CU_ASSERT_PTR_EQUAL(out[0].pin_remote, out[2].pin_remote);
    CU_ASSERT_PTR_EQUAL(out[0].congestion, out[1].congestion);
    CU_ASSERT_PTR_EQUAL(out[1].error, out[2].error);
    CU_ASSERT_PTR_NOT_EQUAL(out[0].pin_local, out[2].pin_local);
    CU_ASSERT_EQUAL(vs_strpool_count(&pool), 5); /* 0-3, 4, cubic, the error, 1 */
    vs_strpool_free(&pool);
}

/* An error text longer than VS_ERRTEXT_MAX is cut at a character, as
 * the runner bounds it; CPU lists and congestion names stay strict. */
static void test_texts_bounded(void)
{
    char long_error[3 * VS_ERRTEXT_MAX], *text;
    vs_row in, out;
    vs_strpool pool;
    vs_runs_reader rd;
    size_t len;
    int complete;
    vs_err e;

    for (size_t i = 0; i + 2 < sizeof long_error; i += 2)
        memcpy(long_error + i, "\xC3\xA9", 2); /* e acute, 2 bytes */
    long_error[sizeof long_error - 2] = '\0';
    in = text_row(1, "", "", "", long_error);
    text = csv_of(&in, 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(text);
    vs_strpool_init(&pool);
    CU_ASSERT_EQUAL_FATAL(vs_runs_open(&rd, "runs.csv", text, &e), 0);
    CU_ASSERT_EQUAL_FATAL(vs_runs_next(&rd, &out, &complete, &e), 1);
    CU_ASSERT_EQUAL(vs_row_intern(&out, &pool), 0);
    vs_runs_close(&rd);
    free(text);
    len = strlen(out.error);
    CU_ASSERT_TRUE(len < VS_ERRTEXT_MAX && len >= VS_ERRTEXT_MAX - 2);
    CU_ASSERT_EQUAL(len % 2, 0); /* whole characters */
    CU_ASSERT_EQUAL(strncmp(out.error, long_error, len), 0);
    vs_strpool_free(&pool);
}

/* A zeroed row (every text NULL) writes, shows and interns as empty. */
static void test_zeroed_row_is_empty(void)
{
    vs_row row;
    vs_cell cell;
    vs_strpool pool;
    vs_unit_capture cap;
    FILE *f = vs_unit_capture_open(&cap);
    char *text;
    int texts = 0;

    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    memset(&row, 0, sizeof row);
    CU_ASSERT_STRING_EQUAL(vs_row_error(&row), "");
    for (int c = 0; c < vs_runs_ncolumns(); c++) {
        vs_runs_cell(&row, c, &cell);
        if (strcmp(cell.name, "error") == 0 || strcmp(cell.name, "pin_local") == 0 ||
            strcmp(cell.name, "pin_remote") == 0 || strcmp(cell.name, "congestion") == 0) {
            CU_ASSERT_EQUAL(cell.kind, VS_CELL_TEXT);
            CU_ASSERT_PTR_NOT_NULL_FATAL(cell.text);
            CU_ASSERT_STRING_EQUAL(cell.text, "");
            texts++;
        }
    }
    CU_ASSERT_EQUAL(texts, 4);
    vs_runs_write_row(f, &row);
    text = vs_unit_capture_text(&cap);
    CU_ASSERT_PTR_NOT_NULL_FATAL(text);
    CU_ASSERT_PTR_NOT_NULL(strstr(text, ",error,,")); /* status, then an empty error */
    free(text);
    vs_strpool_init(&pool);
    CU_ASSERT_EQUAL(vs_row_intern(&row, &pool), 0);
    CU_ASSERT_TRUE(row.error != NULL && row.pin_local != NULL && row.pin_remote != NULL &&
                   row.congestion != NULL);
    CU_ASSERT_STRING_EQUAL(row.pin_local, "");
    vs_strpool_free(&pool);
}

static const CU_TestInfo tests[] = {
    { "rows interned: equal texts shared, outlive the reader", test_interned_rows },
    { "texts bounded: a long error cut at a character", test_texts_bounded },
    { "a zeroed row's texts are empty", test_zeroed_row_is_empty },
    CU_TEST_INFO_NULL,
};

VS_UNIT_SUITE("runs_texts", tests)
