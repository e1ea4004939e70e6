/* test_csv.c - RFC 4180 writing and reading, runs.csv rows. */
#include "core/csv.h"
#include "core/runs.h"
#include "tests/unit/unit.h"

#include <stdlib.h>
#include <string.h>

/* Write fields to memory and return the text (caller frees). */
static char *written(const char *const *fields, int n)
{
    vs_unit_capture cap;
    FILE *f = vs_unit_capture_open(&cap);

    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    for (int i = 0; i < n; i++) {
        if (i > 0)
            fputc(',', f);
        vs_csv_write_field(f, fields[i]);
    }
    fputc('\n', f);
    return vs_unit_capture_text(&cap);
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

/* Records without a quote (read at once) give the fields, lines and
 * completeness the same record gives with a quoted field; too many
 * fields fail the same way. */
static void test_plain_records_as_quoted(void)
{
    static const char *const plain[] = { "a,,b\r\n", "x\ry,z\n", ",\n", "tail,row" };
    static const char *const quoted[] = { "\"a\",,b\r\n", "\"x\ry\",z\n", "\"\",\n",
                                          "\"tail\",row" };
    char text[512] = "", qtext[512] = "", wide[200] = "";
    vs_csv_reader r, q;
    int c1, c2, last = 1, same = 1, n = 0;
    vs_err e;

    for (int i = 0; i < 4; i++) {
        strcat(text, plain[i]);
        strcat(qtext, quoted[i]);
    }
    vs_csv_init(&r, text);
    vs_csv_init(&q, qtext);
    while (vs_csv_next(&r, &c1, &e) == 1) {
        same = same && vs_csv_next(&q, &c2, &e) == 1 && c1 == c2 && r.line == q.line &&
               r.nfields == q.nfields;
        for (int i = 0; same && i < r.nfields; i++)
            same = strcmp(r.field[i], q.field[i]) == 0;
        last = c1;
        n++;
    }
    CU_ASSERT_TRUE(same);
    CU_ASSERT_EQUAL(n, 4);
    CU_ASSERT_FALSE(last); /* the last one lacks its newline */
    vs_csv_free(&r);
    vs_csv_free(&q);
    vs_csv_init(&r, "x\ry,z\n");
    CU_ASSERT_EQUAL_FATAL(vs_csv_next(&r, &c1, &e), 1);
    CU_ASSERT_STRING_EQUAL(r.field[0], "x\ry");
    vs_csv_free(&r);
    for (int i = 1; i < VS_CSV_MAX_FIELDS; i++)
        strcat(wide, ",");
    vs_csv_init(&r, wide); /* VS_CSV_MAX_FIELDS empty fields */
    CU_ASSERT_EQUAL(vs_csv_next(&r, &c1, &e), 1);
    CU_ASSERT_EQUAL(r.nfields, VS_CSV_MAX_FIELDS);
    vs_csv_free(&r);
    strcat(wide, ",\n");
    vs_csv_init(&r, wide);
    CU_ASSERT_EQUAL(vs_csv_next(&r, &c1, &e), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, "line 1: more than 64 fields"));
    vs_csv_free(&r);
}

/* The index of `name` among n header names (-1 if absent). */
static int named(char (*names)[32], int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (strcmp(names[i], name) == 0)
            return i;
    CU_FAIL("no such column");
    return 0;
}

static void test_row_columns(void)
{
    vs_row row;
    char names[VS_CSV_MAX_FIELDS][32];
    vs_unit_capture cap;
    FILE *f = vs_unit_capture_open(&cap);
    char *buf;
    vs_csv_reader r;
    vs_err e;
    int complete, header_fields;

    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    memset(&row, 0, sizeof row);
    row.pt.tr = VS_TR_VSOCK;
    row.pt.test = VS_TEST_STREAM;
    row.pt.sock = 262144;
    row.pt.msg = 512;
    row.pt.sessions = 5;
    row.session = VS_SESSION_ALL;
    row.run = 2;
    row.gbps = 12.5;
    row.error = "peer died, sadly";
    vs_runs_write_row(f, &row);
    buf = vs_unit_capture_text(&cap);
    CU_ASSERT_PTR_NOT_NULL_FATAL(buf);
    vs_csv_init(&r, vs_runs_header());
    vs_csv_next(&r, &complete, &e);
    header_fields = r.nfields;
    CU_ASSERT_STRING_EQUAL(r.field[0], "transport");
    CU_ASSERT_STRING_EQUAL(r.field[17], "error"); /* the first 18 keep their places */
    for (int i = 0; i < header_fields; i++)
        snprintf(names[i], sizeof names[i], "%s", r.field[i]);
    vs_csv_free(&r);
    vs_csv_init(&r, buf);
    CU_ASSERT_EQUAL_FATAL(vs_csv_next(&r, &complete, &e), 1);
    CU_ASSERT_EQUAL(r.nfields, header_fields);
    CU_ASSERT_STRING_EQUAL(r.field[0], "vsock");
    CU_ASSERT_STRING_EQUAL(r.field[named(names, header_fields, "session")], "all");
    CU_ASSERT_STRING_EQUAL(r.field[named(names, header_fields, "run")], "2");
    CU_ASSERT_STRING_EQUAL(r.field[named(names, header_fields, "gbps")], "12.500000");
    CU_ASSERT_STRING_EQUAL(r.field[named(names, header_fields, "status")], "error");
    CU_ASSERT_STRING_EQUAL(r.field[named(names, header_fields, "error")], "peer died, sadly");
    /* a stream row leaves the latency cells empty */
    CU_ASSERT_STRING_EQUAL(r.field[named(names, header_fields, "lat_p99_us")], "");
    CU_ASSERT_STRING_EQUAL(r.field[named(names, header_fields, "resp")], "");
    vs_csv_free(&r);
    free(buf);
}

/* The texts of the rows read_one gave, which outlive its reader. */
static vs_strpool kept;

/* The whole text of runs.csv read back: 1 row parsed into *row, or -1. */
static int read_one(const char *text, vs_row *row, vs_err *e)
{
    vs_runs_reader r;
    int complete, rc = vs_runs_open(&r, "runs.csv", text, e);

    if (rc == 0)
        rc = vs_runs_next(&r, row, &complete, e);
    if (rc == 1 && vs_row_intern(row, &kept) != 0)
        rc = -1;
    vs_runs_close(&r);
    return rc;
}

static void test_rows_round_trip(void)
{
    vs_row in, out;
    vs_unit_capture cap;
    FILE *f = vs_unit_capture_open(&cap);
    char *buf;
    vs_err e;

    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    memset(&in, 0, sizeof in);
    in.pt = (vs_point){ VS_TR_UNIX, VS_TEST_MAERTS, 0, 65536, 3 };
    in.sock_eff_local = 212992;
    in.session = 2;
    in.run = 7;
    in.seconds = 1.5;
    in.bytes = 123456789;
    in.gbps = 3.25;
    in.cpu_local = 12.5;
    in.ok = 1;
    vs_runs_write_header(f);
    vs_runs_write_row(f, &in);
    buf = vs_unit_capture_text(&cap);
    CU_ASSERT_PTR_NOT_NULL_FATAL(buf);
    CU_ASSERT_EQUAL_FATAL(read_one(buf, &out, &e), 1);
    CU_ASSERT_TRUE(vs_point_equal(&in.pt, &out.pt));
    CU_ASSERT_EQUAL(out.sock_eff_local, 212992);
    CU_ASSERT_EQUAL(out.session, 2);
    CU_ASSERT_EQUAL(out.run, 7);
    CU_ASSERT_EQUAL(out.bytes, 123456789);
    CU_ASSERT_DOUBLE_EQUAL(out.gbps, 3.25, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(out.cpu_local, 12.5, 1e-9);
    CU_ASSERT_TRUE(out.ok);
    free(buf);
}

/* Columns are found by name; unknown or missing ones are refused. */
static void test_header_by_name(void)
{
    vs_row row;
    vs_err e;

    CU_ASSERT_EQUAL(read_one("error,status,sd_remote,sd_local,cpu_remote,cpu_local,gbps,bytes,"
                             "seconds,run,session,sessions,msg,sock_eff_remote,sock_eff_local,"
                             "sock_req,test,transport\n"
                             "boom,error,0,0,0,0,0,0,0,4,all,2,1024,0,0,0,maerts,tcp\n",
                             &row, &e), 1);
    CU_ASSERT_EQUAL(row.pt.test, VS_TEST_MAERTS);
    CU_ASSERT_EQUAL(row.pt.msg, 1024);
    CU_ASSERT_EQUAL(row.run, 4);
    CU_ASSERT_STRING_EQUAL(row.error, "boom");
    CU_ASSERT_EQUAL(read_one("transport,test,extra\n", &row, &e), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, "runs.csv:1:3: unknown column 'extra'"));
    CU_ASSERT_EQUAL(read_one("transport,test\n", &row, &e), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, "no column 'sock_req'"));
    CU_ASSERT_EQUAL(read_one("transport,transport\n", &row, &e), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, "appears twice"));
}

/* The columns after the first 18 of a stream row: the rr ones empty, then
 * recv_size 0, zerocopy 0, no congestion control named, no overlap. */
#define NO_RR ",,,,,,,,,,,,,,,,,,0,0,,0"

/* Values outside physical sense are refused with FILE:LINE:COLUMN. */
static void test_ranges(void)
{
    static const struct { const char *gbps, *cpu, *want; } cases[] = {
        { "1e299", "1", "runs.csv:2:12: bad gbps '1e299' (a number from 0 to 100000)" },
        { "100000.000001", "1", "runs.csv:2:12: bad gbps" },
        { "-1", "1", "runs.csv:2:12: bad gbps '-1'" },
        { "nan", "1", "bad gbps 'nan'" },
        { "inf", "1", "bad gbps 'inf'" },
        { " 5", "1", "bad gbps ' 5'" },
        { "1", "100.001", "runs.csv:2:13: bad cpu_local '100.001' (a number from 0 to 100)" },
    };
    char text[512];
    vs_row row;
    vs_err e;

    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        snprintf(text, sizeof text, "%s\ntcp,stream,0,0,0,1,1,all,1,1,1,%s,%s,1,1,1,ok,"
                 NO_RR "\n", vs_runs_header(), cases[i].gbps, cases[i].cpu);
        CU_ASSERT_EQUAL(read_one(text, &row, &e), -1);
        if (strstr(e.msg, cases[i].want) == NULL)
            fprintf(stderr, "\n  '%s' lacks '%s'\n", e.msg, cases[i].want);
        CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, cases[i].want));
    }
    snprintf(text, sizeof text, "%s\ntcp,stream,0,0,0,1,1,all,1,1,1,100000,100,1,1,1,ok,"
             NO_RR "\n", vs_runs_header());
    CU_ASSERT_EQUAL(read_one(text, &row, &e), 1); /* the limits themselves are fine */
    snprintf(text, sizeof text, "\xEF\xBB\xBF%s\ntcp,stream,0,0,0,1,1,all,1,1,1,2.5,1,1,1,1,ok,"
             NO_RR "\n", vs_runs_header());
    CU_ASSERT_EQUAL(read_one(text, &row, &e), 1); /* a byte order mark is accepted */
    CU_ASSERT_DOUBLE_EQUAL(row.gbps, 2.5, 0);
}

/* The reader's fast decimal path gives exactly what strtod gives. */
static void test_numbers_exact(void)
{
    char text[512], num[64];
    vs_row row;
    vs_err e;
    unsigned seed = 7;

    for (int i = 0; i < 20000; i++) {
        seed = seed * 1103515245u + 12345u;
        double v = (seed >> 8) / 167.0 * (i % 7 == 0 ? 1e-6 : 1);
        snprintf(num, sizeof num, i % 3 ? "%.6f" : "%.17g", v > 99999 ? v / 1000 : v);
        snprintf(text, sizeof text, "%s\ntcp,stream,0,0,0,1,1,all,1,1,1,%s,1,1,1,1,ok," NO_RR "\n",
                 vs_runs_header(), num);
        if (read_one(text, &row, &e) != 1 || row.gbps != strtod(num, NULL)) {
            fprintf(stderr, "\n  %s read as %.17g\n", num, row.gbps);
            CU_FAIL("not what strtod gives");
            return;
        }
    }
}

/* Many records, quoted fields across lines, a lone CR kept as data. */
static void test_many_records(void)
{
    vs_unit_capture cap;
    FILE *f = vs_unit_capture_open(&cap);
    char *buf;
    vs_csv_reader r;
    vs_err e;
    int complete, n = 0, ok = 1;

    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    for (int i = 0; i < 100000; i++)
        fprintf(f, "%d,\"q\"\"%d\nx\",a\rb\r\n", i, i);
    buf = vs_unit_capture_text(&cap);
    CU_ASSERT_PTR_NOT_NULL_FATAL(buf);
    vs_csv_init(&r, buf);
    while (vs_csv_next(&r, &complete, &e) == 1) {
        char want[32];
        snprintf(want, sizeof want, "q\"%d\nx", n);
        ok = ok && r.nfields == 3 && atoi(r.field[0]) == n && strcmp(r.field[1], want) == 0 &&
             strcmp(r.field[2], "a\rb") == 0 && r.line == 2 * n + 1;
        n++;
    }
    CU_ASSERT_TRUE(ok);
    CU_ASSERT_EQUAL(n, 100000);
    vs_csv_free(&r);
    free(buf);
}

/* An rr row keeps every latency figure and the CPU lists (quoted: they
 * hold commas). */
static void test_rr_rows_round_trip(void)
{
    vs_row in, out;
    vs_unit_capture cap;
    FILE *f = vs_unit_capture_open(&cap);
    char *buf;
    vs_err e;

    memset(&in, 0, sizeof in);
    in.pt = (vs_point){ VS_TR_VSOCK, VS_TEST_RR, 0, 1, 5, 65536, 4 };
    in.session = VS_SESSION_ALL;
    in.run = 3;
    in.transactions = 123456;
    in.tps = 61728.0;
    in.lat_p50 = 12.25;
    in.lat_p9999 = 480.5;
    in.lat_max = 1999.75;
    in.sdt_remote = 3.125;
    in.pin_local = "0,2";
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    in.pin_remote = "1-3";
    in.ok = 1;
    vs_runs_write_header(f);
    vs_runs_write_row(f, &in);
    buf = vs_unit_capture_text(&cap);
    CU_ASSERT_PTR_NOT_NULL_FATAL(buf);
    CU_ASSERT_PTR_NOT_NULL(strstr(buf, ",\"0,2\","));
    CU_ASSERT_EQUAL_FATAL(read_one(buf, &out, &e), 1);
    CU_ASSERT_TRUE(vs_point_equal(&in.pt, &out.pt));
    CU_ASSERT_EQUAL(out.transactions, 123456);
    CU_ASSERT_DOUBLE_EQUAL(out.tps, 61728.0, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(out.lat_p50, 12.25, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(out.lat_p9999, 480.5, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(out.lat_max, 1999.75, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(out.sdt_remote, 3.125, 1e-9);
    CU_ASSERT_STRING_EQUAL(out.pin_local, "0,2");
    CU_ASSERT_STRING_EQUAL(out.pin_remote, "1-3");
    free(buf);
}

/* The original 18 columns, as vsbench wrote them before rr. */
#define OLD_HEADER "transport,test,sock_req,sock_eff_local,sock_eff_remote,msg,sessions," \
                   "session,run,seconds,bytes,gbps,cpu_local,cpu_remote,sd_local,"     \
                   "sd_remote,status,error\n"

/* A file of an older vsbench still loads: its rows are stream rows with no
 * latency and no pinning. A transaction row needs the new columns. */
static void test_older_file_loads(void)
{
    vs_row row;
    vs_err e;

    CU_ASSERT_EQUAL_FATAL(read_one(OLD_HEADER "tcp,stream,0,1,1,16384,1,all,1,1.0,125000000,"
                                   "1.0,50,40,1,2,ok,\n", &row, &e), 1);
    CU_ASSERT_EQUAL(row.pt.resp, 0);
    CU_ASSERT_EQUAL(row.pt.burst, 0);
    CU_ASSERT_EQUAL(row.transactions, 0);
    CU_ASSERT_STRING_EQUAL(row.pin_local, "");
    CU_ASSERT_DOUBLE_EQUAL(row.gbps, 1.0, 1e-9);
    CU_ASSERT_EQUAL(row.recv_size, 0);
    CU_ASSERT_EQUAL(row.zerocopy, 0);
    CU_ASSERT_STRING_EQUAL(row.congestion, "");
    CU_ASSERT_EQUAL(read_one(OLD_HEADER "tcp,rr,0,1,1,1,1,all,1,1.0,2,1.0,50,40,1,2,ok,\n",
                             &row, &e), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, "a rr row needs the column 'resp'"));
}

/* The header of the build before recv_size, zerocopy and congestion. */
#define PIN_HEADER "transport,test,sock_req,sock_eff_local,sock_eff_remote,msg,sessions," \
                   "session,run,seconds,bytes,gbps,cpu_local,cpu_remote,sd_local,"     \
                   "sd_remote,status,error,resp,burst,transactions,tps,lat_mean_us,"  \
                   "lat_stdev_us,lat_min_us,lat_p50_us,lat_p90_us,lat_p99_us,"        \
                   "lat_p999_us,lat_p9999_us,lat_max_us,sdt_local,sdt_remote,"        \
                   "pin_local,pin_remote\n"

/* A file without the receive size and the send options loads: unknown
 * receive size (0), plain sends, the default congestion control. */
static void test_file_without_recv_size_loads(void)
{
    vs_row row;
    vs_err e;

    CU_ASSERT_EQUAL_FATAL(read_one(PIN_HEADER "tcp,stream,65536,65536,65536,65536,5,all,2,2.0,"
                                   "1000,4.0,50,40,1,2,ok,,,,,,,,,,,,,,,,,0,\n", &row, &e), 1);
    CU_ASSERT_EQUAL(row.run, 2);
    CU_ASSERT_STRING_EQUAL(row.pin_local, "0");
    CU_ASSERT_EQUAL(row.recv_size, 0);
    CU_ASSERT_EQUAL(row.zerocopy, 0);
    CU_ASSERT_STRING_EQUAL(row.congestion, "");
}

/* The receive size and the send options round trip; a malformed
 * congestion control name or zero-copy flag is refused. */
static void test_send_options_round_trip(void)
{
    vs_row in, out;
    vs_unit_capture cap;
    FILE *f = vs_unit_capture_open(&cap);
    char *buf, *cell;
    vs_err e;

    memset(&in, 0, sizeof in);
    in.pt = (vs_point){ VS_TR_TCP, VS_TEST_STREAM, 65536, 65536, 1, 0, 0 };
    in.session = 1;
    in.run = 1;
    in.ok = 1;
    in.recv_size = 65536;
    in.zerocopy = 1;
    in.congestion = "reno";
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    vs_runs_write_header(f);
    vs_runs_write_row(f, &in);
    buf = vs_unit_capture_text(&cap);
    CU_ASSERT_PTR_NOT_NULL_FATAL(buf);
    CU_ASSERT_PTR_NOT_NULL(strstr(buf, ",recv_size,zerocopy,congestion,overlap\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(buf, ",65536,1,reno,0\n"));
    CU_ASSERT_EQUAL_FATAL(read_one(buf, &out, &e), 1);
    CU_ASSERT_EQUAL(out.recv_size, 65536);
    CU_ASSERT_EQUAL(out.zerocopy, 1);
    CU_ASSERT_STRING_EQUAL(out.congestion, "reno");
    cell = strstr(buf, ",65536,1,reno,0\n");
    CU_ASSERT_PTR_NOT_NULL_FATAL(cell);
    memcpy(cell, ",65536,1,r;no", 13);
    CU_ASSERT_EQUAL(read_one(buf, &out, &e), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, "bad congestion"));
    memcpy(cell, ",65536,2,reno", 13);
    CU_ASSERT_EQUAL(read_one(buf, &out, &e), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, "bad zerocopy"));
    free(buf);
}

/* Latency cells are there exactly when the row is rr or crr. */
static void test_latency_cells_match_the_test(void)
{
    vs_unit_capture cap;
    FILE *f = vs_unit_capture_open(&cap);
    char *text;
    vs_row row, out;
    vs_err e;
    char *cell;

    memset(&row, 0, sizeof row);
    row.pt = (vs_point){ VS_TR_TCP, VS_TEST_STREAM, 0, 1024, 1, 0, 0 };
    row.session = 1;
    row.run = 1;
    vs_runs_write_header(f);
    vs_runs_write_row(f, &row);
    text = vs_unit_capture_text(&cap);
    CU_ASSERT_PTR_NOT_NULL_FATAL(text);
    CU_ASSERT_EQUAL(read_one(text, &out, &e), 1);
    cell = strstr(text, "tcp,stream,");  /* the same row as rr: its cells are empty */
    memcpy(cell, "tcp,rr,", 7);
    memmove(cell + 7, cell + 11, strlen(cell + 11) + 1);
    CU_ASSERT_EQUAL(read_one(text, &out, &e), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, "needs a value in a rr row"));
    free(text);
}

/* A stream row with a latency figure is refused. */
static void test_stream_row_without_latency(void)
{
    vs_row row;
    vs_err e;

    CU_ASSERT_EQUAL(read_one("transport,test,sock_req,sock_eff_local,sock_eff_remote,msg,"
                             "sessions,session,run,seconds,bytes,gbps,cpu_local,cpu_remote,"
                             "sd_local,sd_remote,status,error,lat_p50_us\n"
                             "tcp,stream,0,1,1,16384,1,all,1,1.0,1,1.0,50,40,1,2,ok,,12.5\n",
                             &row, &e), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, "runs.csv:2:19: lat_p50_us applies to rr and crr "
                                  "rows only, not to stream"));
}

static const CU_TestInfo tests[] = {
    { "quoting", test_quoting },
    { "round trip", test_round_trip },
    { "malformed input", test_malformed },
    { "records without quotes read as quoted ones", test_plain_records_as_quoted },
    { "runs.csv row has the header's columns", test_row_columns },
    { "runs.csv rows round trip", test_rows_round_trip },
    { "runs.csv columns found by header name", test_header_by_name },
    { "runs.csv values in physical range; BOM", test_ranges },
    { "numbers read exactly as strtod", test_numbers_exact },
    { "100000 records, quotes, CR", test_many_records },
    { "runs.csv rr rows round trip", test_rr_rows_round_trip },
    { "runs.csv of an older vsbench loads", test_older_file_loads },
    { "runs.csv without recv_size loads", test_file_without_recv_size_loads },
    { "runs.csv send options round trip", test_send_options_round_trip },
    { "runs.csv latency cells match the test", test_latency_cells_match_the_test },
    { "runs.csv stream rows have no latency", test_stream_row_without_latency },
    CU_TEST_INFO_NULL,
};

VS_UNIT_SUITE("csv", tests)
