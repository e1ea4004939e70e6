/* test_result.c - composing rows from both sides' figures. */
#include "runner/result.h"
#include "tests/unit/unit.h"

#include <stdlib.h>
#include <string.h>

static vs_test_req req3(void)
{
    vs_test_req t;

    memset(&t, 0, sizeof t);
    t.test = VS_TEST_STREAM;
    t.transport = VS_TR_TCP;
    t.sessions = 3;
    t.msg_size = 16384;
    t.sock_size = 262144;
    t.duration_ms = 2000;
    return t;
}

static void fill(vs_side_result *rx, vs_side_result *tx)
{
    memset(rx, 0, sizeof *rx);
    memset(tx, 0, sizeof *tx);
    rx->count = tx->count = 3;
    rx->util_pct = 40;
    rx->busy_us = 2e6;
    tx->util_pct = 60;
    tx->busy_us = 3e6;
    for (int i = 0; i < 3; i++) {
        rx->flow[i].window_count = 250000000ull * (uint64_t)(i + 1);
        rx->flow[i].window_ns = 2000000000ull;
        rx->flow[i].total_bytes = 300000000ull * (uint64_t)(i + 1);
        tx->flow[i].total_bytes = rx->flow[i].total_bytes;
    }
}

static void test_aggregate_is_sum(void)
{
    vs_run_report *r = calloc(1, sizeof *r);
    vs_side_result rx, tx;
    vs_test_req t = req3();

    vs_report_init(r, &t, "");
    for (int i = 0; i < 3; i++) {
        r->local_buf[i] = (vs_bufsize){ 262144, 262144 };
        r->remote_buf[i] = (vs_bufsize){ 262144, 200000 };
    }
    fill(&rx, &tx);
    /* stream: the client sends, so local = sender. */
    vs_report_compose(r, VS_ROLE_SEND, &tx, &rx);
    const vs_row *all = vs_report_total(r);
    CU_ASSERT_EQUAL(r->nrows, 4);
    CU_ASSERT_EQUAL(all->session, VS_SESSION_ALL);
    CU_ASSERT_EQUAL(all->bytes, 1500000000ull);
    CU_ASSERT_DOUBLE_EQUAL(all->gbps, r->rows[0].gbps + r->rows[1].gbps + r->rows[2].gbps,
                           1e-9);
    CU_ASSERT_DOUBLE_EQUAL(r->rows[0].gbps, 1.0, 1e-9); /* 250 MB in 2 s */
    CU_ASSERT_DOUBLE_EQUAL(all->seconds, 2.0, 1e-9);
    CU_ASSERT_TRUE(all->ok);
    CU_ASSERT_EQUAL(all->sock_eff_local, 262144);
    CU_ASSERT_EQUAL(all->sock_eff_remote, 200000);
    CU_ASSERT_DOUBLE_EQUAL(all->cpu_local, 60, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(all->cpu_remote, 40, 1e-9);
    /* service demand: 3e6 us over 1.5e9/1024 KB */
    CU_ASSERT_DOUBLE_EQUAL(all->sd_local, 3e6 / (1.5e9 / 1024), 1e-9);
    CU_ASSERT_EQUAL(all->bytes_total, 1800000000ull);
    free(r);
}

static void test_failed_session_fails_aggregate(void)
{
    vs_run_report *r = calloc(1, sizeof *r);
    vs_side_result rx, tx;
    vs_test_req t = req3();

    vs_report_init(r, &t, "");
    fill(&rx, &tx);
    rx.flow[1].failed = 1;
    strcpy(rx.flow[1].error, "session 2 ended before the measured interval did");
    vs_report_compose(r, VS_ROLE_RECV, &rx, &tx);
    CU_ASSERT_TRUE(r->rows[0].ok);
    CU_ASSERT_FALSE(r->rows[1].ok);
    CU_ASSERT_FALSE(vs_report_total(r)->ok);
    CU_ASSERT_STRING_EQUAL(vs_report_total(r)->error, rx.flow[1].error);
    CU_ASSERT_STRING_EQUAL(vs_row_status(&r->rows[1]), "error");
    free(r);
}

static void test_json_names_match_csv(void)
{
    static const char *const columns[] = {
        "transport", "test", "sock_req", "sock_eff_local", "sock_eff_remote", "msg",
        "sessions", "session", "run", "seconds", "bytes", "gbps", "cpu_local",
        "cpu_remote", "sd_local", "sd_remote", "status", "error",
    };
    vs_run_report *r = calloc(1, sizeof *r);
    vs_test_req t = req3();
    vs_json j;
    char key[64];

    vs_report_init(r, &t, "not run");
    vs_json_init(&j, 0);
    vs_report_json(&j, r);
    for (size_t i = 0; i < sizeof columns / sizeof columns[0]; i++) {
        snprintf(key, sizeof key, "\"%s\":", columns[i]);
        CU_ASSERT_PTR_NOT_NULL(strstr(vs_json_text(&j), key));
    }
    CU_ASSERT_PTR_NOT_NULL(strstr(vs_json_text(&j), "\"session\":\"all\""));
    vs_json_free(&j);
    free(r);
}

/* Two rr sessions: 1000 and 3000 transactions in 2 s, 1-byte requests and
 * 100-byte responses; the latencies as the requester kept them. */
static void rr_case(vs_run_report *r, vs_side_result *loc, vs_side_result *rem,
                    vs_latency *lat)
{
    vs_test_req t = req3();

    t.test = VS_TEST_RR;
    t.sessions = 2;
    t.msg_size = 1;
    t.resp_size = 100;
    snprintf(t.server_cpus, sizeof t.server_cpus, "1");
    vs_report_init(r, &t, "");
    vs_report_pin(r, "0");
    memset(loc, 0, sizeof *loc);
    memset(rem, 0, sizeof *rem);
    memset(lat, 0, 3 * sizeof *lat);
    loc->count = rem->count = 2;
    loc->busy_us = 8000;
    rem->busy_us = 4000;
    for (int i = 0; i < 2; i++) {
        loc->flow[i].window_ns = 2000000000ull;
        loc->flow[i].transactions = rem->flow[i].transactions = 5000ull * (uint64_t)(i + 1);
        lat[i].count = 1000ull + 2000ull * (uint64_t)i;
        lat[i].p50_us = 10.0 * (i + 1);
    }
    lat[2].count = 4000;
    lat[2].p50_us = 17.5;
}

static void test_rr_rows(void)
{
    vs_run_report *r = calloc(1, sizeof *r);
    vs_side_result loc, rem;
    vs_latency lat[3];

    rr_case(r, &loc, &rem, lat);
    vs_report_compose_rr(r, &loc, &rem, lat);
    const vs_row *all = vs_report_total(r);
    CU_ASSERT_TRUE(all->ok);
    CU_ASSERT_EQUAL(r->rows[0].transactions, 1000);
    CU_ASSERT_DOUBLE_EQUAL(r->rows[1].tps, 1500.0, 1e-9);
    CU_ASSERT_EQUAL(all->transactions, 4000);
    CU_ASSERT_DOUBLE_EQUAL(all->tps, 2000.0, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(all->lat_p50, 17.5, 1e-9); /* from the added histograms */
    CU_ASSERT_EQUAL(all->bytes, 4000ull * 101);
    CU_ASSERT_DOUBLE_EQUAL(all->sdt_local, 8000.0 / 4000, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(all->sdt_remote, 4000.0 / 4000, 1e-9);
    CU_ASSERT_EQUAL(all->pt.resp, 100);
    CU_ASSERT_STRING_EQUAL(all->pin_local, "0");
    CU_ASSERT_STRING_EQUAL(r->rows[0].pin_remote, "1");
    free(r);
}

/* The server answered one transaction more than the client completed. */
static void test_rr_counts_must_agree(void)
{
    vs_run_report *r = calloc(1, sizeof *r);
    vs_side_result loc, rem;
    vs_latency lat[3];

    rr_case(r, &loc, &rem, lat);
    rem.flow[1].transactions++;
    vs_report_compose_rr(r, &loc, &rem, lat);
    CU_ASSERT_TRUE(r->rows[0].ok);
    CU_ASSERT_FALSE(r->rows[1].ok);
    CU_ASSERT_FALSE(vs_report_total(r)->ok);
    CU_ASSERT_PTR_NOT_NULL(strstr(r->rows[1].error, "client completed 10000, the server "
                                  "answered 10001"));
    free(r);
}

/* The rows' texts are the report's: the pinning, the server's CPUs and
 * the congestion control of the request, each row's own error; a report
 * composed again keeps them, and a row written as CSV shows them. */
static void test_rows_texts_are_the_reports(void)
{
    vs_run_report *r = calloc(1, sizeof *r);
    vs_side_result rx, tx;
    vs_test_req t = req3();
    vs_unit_capture cap;
    FILE *f = vs_unit_capture_open(&cap);
    char *csv;

    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    snprintf(t.server_cpus, sizeof t.server_cpus, "4-6");
    snprintf(t.congestion, sizeof t.congestion, "reno");
    vs_report_init(r, &t, "not run yet");
    vs_report_pin(r, "0,2");
    for (int i = 0; i < r->nrows; i++) {
        CU_ASSERT_STRING_EQUAL(r->rows[i].pin_local, "0,2");
        CU_ASSERT_STRING_EQUAL(r->rows[i].pin_remote, "4-6");
        CU_ASSERT_STRING_EQUAL(r->rows[i].congestion, "reno");
        CU_ASSERT_STRING_EQUAL(r->rows[i].error, "not run yet");
        CU_ASSERT_FALSE(r->rows[i].ok);
    }
    fill(&rx, &tx);
    vs_report_compose(r, VS_ROLE_RECV, &rx, &tx);
    CU_ASSERT_TRUE(vs_report_total(r)->ok);
    CU_ASSERT_STRING_EQUAL(vs_report_total(r)->error, "");
    CU_ASSERT_STRING_EQUAL(vs_report_total(r)->pin_local, "0,2");
    vs_report_fail(r, 2, "session 2: reset by peer");
    CU_ASSERT_FALSE(r->rows[2].ok);
    CU_ASSERT_STRING_EQUAL(r->rows[2].error, "session 2: reset by peer");
    CU_ASSERT_STRING_EQUAL(r->rows[1].error, "");
    vs_runs_write_row(f, &r->rows[2]);
    csv = vs_unit_capture_text(&cap);
    CU_ASSERT_PTR_NOT_NULL_FATAL(csv);
    CU_ASSERT_PTR_NOT_NULL(strstr(csv, ",error,session 2: reset by peer,"));
    CU_ASSERT_PTR_NOT_NULL(strstr(csv, ",\"0,2\",4-6,"));
    CU_ASSERT_PTR_NOT_NULL(strstr(csv, ",reno,"));
    free(csv);
    free(r);
}

static const CU_TestInfo tests[] = {
    { "aggregate is the sum of sessions", test_aggregate_is_sum },
    { "a failed session fails the aggregate", test_failed_session_fails_aggregate },
    { "JSON names match the CSV columns", test_json_names_match_csv },
    { "rr rows: rates, latency, service demand", test_rr_rows },
    { "rr: both sides must count the same transactions", test_rr_counts_must_agree },
    { "the rows' texts are the report's", test_rows_texts_are_the_reports },
    CU_TEST_INFO_NULL,
};

VS_UNIT_SUITE("result", tests)
