/* test_dataset.c - loading results directories, good and malformed;
 * grouping into points. */
#include "analysis/summary.h"
#include "platform/fs.h"
#include "tests/unit/dataset_fixture.h"
#include "tests/unit/unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define HEADER \
    "transport,test,sock_req,sock_eff_local,sock_eff_remote,msg,sessions,session,run," \
    "seconds,bytes,gbps,cpu_local,cpu_remote,sd_local,sd_remote,status,error\n"

static const char meta[] =
    "{\"hosts\":{\"local\":{\"os\":\"Linux\",\"kernel\":\"6.1\"},"
    "\"remote\":{\"os\":\"Linux\",\"kernel\":\"6.1\"}}}\n";

/* Make DIR with the given runs.csv and meta.json texts; returns DIR, or
 * NULL when it cannot be made. */
static const char *make_dir(const char *csv, const char *json)
{
    static char dir[256];

    if (vs_unit_temp_folder(dir, sizeof dir) == NULL ||
        vs_unit_write_file(dir, "runs.csv", csv) != 0 ||
        vs_unit_write_file(dir, "meta.json", json) != 0)
        return NULL;
    return dir;
}

static void remove_dir(const char *dir)
{
    char path[300];

    snprintf(path, sizeof path, "%s/runs.csv", dir);
    remove(path);
    snprintf(path, sizeof path, "%s/meta.json", dir);
    remove(path);
    rmdir(dir);
}

/* Loading fails, a usage error whose message holds `want`. */
static void refused(const char *csv, const char *json, const char *want)
{
    const char *dir = make_dir(csv, json);

    CU_ASSERT_PTR_NOT_NULL_FATAL(dir);
    CU_ASSERT_EQUAL(vs_unit_load_refused(dir, want), VS_ERR_USAGE);
    remove_dir(dir);
}

static void test_malformed_inputs(void)
{
    const char *row = "tcp,stream,65536,65536,65536,1024,1,all,1,1.0,100,0.5,1,1,1,1,ok,\n";
    char buf[1024];

    refused("nonsense\n", meta, "runs.csv:1");
    refused("transport,test\n", meta, "runs.csv:1");
    snprintf(buf, sizeof buf, HEADER "%s%s", row,
             "tcp,stream,65536,65536,65536,1024,1,all,2,1.0,100,fast,1,1,1,1,ok,\n");
    refused(buf, meta, "runs.csv:3:12: bad gbps 'fast'");
    snprintf(buf, sizeof buf, HEADER "udp,stream,0,0,0,1,1,all,1,1,1,1,1,1,1,1,ok,\n");
    refused(buf, meta, "bad transport 'udp'");
    snprintf(buf, sizeof buf, HEADER "tcp,stream,0,0,0,1,1,all,1,1,1,nan,1,1,1,1,ok,\n");
    refused(buf, meta, "bad gbps");
    snprintf(buf, sizeof buf, HEADER "tcp,stream,0,0,0,1,1,7,1,1,1,1,1,1,1,1,ok,\n");
    refused(buf, meta, "bad session '7'");
    snprintf(buf, sizeof buf, HEADER "tcp,stream,0,0,0,1,1,all,1,1,1,1,1,1,1,1,maybe,\n");
    refused(buf, meta, "bad status");
    snprintf(buf, sizeof buf, HEADER "tcp,stream,0,0\n");
    refused(buf, meta, "runs.csv:2: 4 fields");
    snprintf(buf, sizeof buf, HEADER "tcp,\"unterminated\n");
    refused(buf, meta, "unterminated");
    snprintf(buf, sizeof buf, HEADER "%s", row);
    refused(buf, "{\"hosts\": [1, 2,\n", "meta.json:2");
    refused(buf, "[]", "not a vsbench meta.json");
}

static void test_good_input_grouped(void)
{
    const char *dir = make_dir(
        HEADER
        "tcp,stream,65536,65536,65536,1024,2,1,1,1.0,100,0.5,10,20,1,2,ok,\n"
        "tcp,stream,65536,65536,65536,1024,2,2,1,1.0,100,0.5,10,20,1,2,ok,\n"
        "tcp,stream,65536,65536,65536,1024,2,all,1,1.0,200,1.0,10,20,1,2,ok,\n"
        "tcp,stream,65536,65536,65536,1024,2,all,2,1.0,300,3.0,30,40,3,4,ok,\n"
        "tcp,stream,65536,65536,65536,1024,2,all,3,0,0,0,0,0,0,0,error,\"boom, twice\"\n"
        "vsock,stream,65536,32768,65536,1024,2,all,1,1.0,300,4.0,1,1,1,1,ok,\n",
        meta);
    vs_dataset d;
    vs_summary s;
    vs_err e;

    CU_ASSERT_PTR_NOT_NULL_FATAL(dir);
    CU_ASSERT_EQUAL_FATAL(vs_dataset_load(&d, &dir, 1, &e), 0);
    CU_ASSERT_EQUAL(d.nrec, 6);
    CU_ASSERT_EQUAL(d.npairs, 1);
    CU_ASSERT_EQUAL_FATAL(vs_summarize(&d, &s, &e), 0);
    CU_ASSERT_EQUAL(s.n, 2);
    CU_ASSERT_EQUAL(s.nseries, 2);
    CU_ASSERT_EQUAL(s.series[0].tr, VS_TR_TCP);
    CU_ASSERT_EQUAL(s.npanels, 1);
    const vs_point_summary *tcp = vs_summary_at(&s, &s.panels[0], &s.series[0], 1024);
    const vs_point_summary *vs = vs_summary_at(&s, &s.panels[0], &s.series[1], 1024);
    CU_ASSERT_PTR_NOT_NULL_FATAL(tcp);
    CU_ASSERT_EQUAL(tcp->n_ok, 2);          /* session rows are not runs */
    CU_ASSERT_EQUAL(tcp->n_failed, 1);      /* counted, never averaged in */
    CU_ASSERT_DOUBLE_EQUAL(tcp->gbps.mean, 2.0, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(tcp->cpu_local, 20.0, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(tcp->sd_remote, 3.0, 1e-12);
    CU_ASSERT_STRING_EQUAL(tcp->first_error, "boom, twice");
    CU_ASSERT_FALSE(tcp->clamped);
    CU_ASSERT_TRUE(vs->clamped);            /* 32768 < 65536 requested */
    vs_ratio r;
    vs_summary_ratio(&s, &s.panels[0], VS_TR_VSOCK, VS_TR_TCP, 65536, 1024, &r);
    CU_ASSERT_DOUBLE_EQUAL(r.r, 2.0, 1e-12);
    vs_summary_free(&s);
    vs_dataset_free(&d);
    remove_dir(dir);
}

/* A last row cut off by a crash is skipped and noted with its line; the
 * rows before it count. */
static void test_torn_last_row(void)
{
    const char *dir = make_dir(HEADER
                               "tcp,stream,65536,65536,65536,1024,1,all,1,1.0,100,2.0,1,1,1,1,ok,\n"
                               "tcp,stream,65536,65536,65536,1024,1,all,2,1.0,100,4.0,1,1,1,1,ok,\n"
                               "tcp,stream,65536,65536,65536,1024,1,all,3,1.0,100,9", meta);
    vs_dataset d;
    vs_err e;

    CU_ASSERT_PTR_NOT_NULL_FATAL(dir);
    CU_ASSERT_EQUAL_FATAL(vs_dataset_load(&d, &dir, 1, &e), 0);
    CU_ASSERT_EQUAL(d.nrec, 2);
    CU_ASSERT_EQUAL_FATAL(d.nnotes, 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.notes[0], "runs.csv:4: the last row is cut off"));
    vs_dataset_free(&d);
    remove_dir(dir);
    /* one that parses whole but lacks its newline is skipped just the same */
    dir = make_dir(HEADER "tcp,stream,65536,65536,65536,1024,1,all,1,1.0,100,2.0,1,1,1,1,ok,", meta);
    CU_ASSERT_EQUAL_FATAL(vs_dataset_load(&d, &dir, 1, &e), 0);
    CU_ASSERT_EQUAL(d.nrec, 0);
    CU_ASSERT_EQUAL(d.nnotes, 1);
    vs_dataset_free(&d);
    remove_dir(dir);
}

#define RR_HEADER \
    "transport,test,sock_req,sock_eff_local,sock_eff_remote,msg,sessions,session,run," \
    "seconds,bytes,gbps,cpu_local,cpu_remote,sd_local,sd_remote,status,error,resp,burst," \
    "transactions,tps,lat_mean_us,lat_stdev_us,lat_min_us,lat_p50_us,lat_p90_us,lat_p99_us," \
    "lat_p999_us,lat_p9999_us,lat_max_us,sdt_local,sdt_remote,pin_local,pin_remote\n"

/* One rr aggregate row: transport, run, tps, p50, p99 (the rest fixed). */
static void rr_row(char *buf, size_t n, const char *tr, int run, double tps, double p50,
                   double p99)
{
    size_t len = strlen(buf);

    snprintf(buf + len, n - len, "%s,rr,0,1,1,1,1,all,%d,1.0,2,0.1,50,50,1,1,ok,,1,0,%.0f,%.1f,"
             "%.1f,1,%.1f,%.1f,%.1f,%.1f,%.1f,%.1f,%.1f,2.5,1.5,\"0,1\",\n", tr, run, tps, tps,
             p50, p50 / 2, p50, p50 * 1.2, p99, p99 * 2, p99 * 3, p99 * 4);
}

/* rr points: transactions/s and latency over runs, headline ratios. */
static void test_rr_summary(void)
{
    char csv[4096] = RR_HEADER;
    const char *dir;
    vs_dataset d;
    vs_summary s;
    vs_err e;

    rr_row(csv, sizeof csv, "tcp", 1, 10000, 10, 20);
    rr_row(csv, sizeof csv, "tcp", 2, 12000, 14, 40);
    rr_row(csv, sizeof csv, "unix", 1, 33000, 3, 9);
    dir = make_dir(csv, meta);
    CU_ASSERT_PTR_NOT_NULL_FATAL(dir);
    CU_ASSERT_EQUAL_FATAL(vs_dataset_load(&d, &dir, 1, &e), 0);
    CU_ASSERT_EQUAL_FATAL(vs_summarize(&d, &s, &e), 0);
    CU_ASSERT_EQUAL(s.npanels, 1);
    CU_ASSERT_EQUAL(s.panels[0].test, VS_TEST_RR);
    CU_ASSERT_EQUAL(s.panels[0].resp, 0); /* the response is as large as the request */
    const vs_point_summary *tcp = vs_summary_at(&s, &s.panels[0], &s.series[0], 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(tcp);
    CU_ASSERT_DOUBLE_EQUAL(tcp->tps.mean, 11000, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(tcp->lat_p50.mean, 12, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(tcp->lat_p99.mean, 30, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(tcp->sdt_local, 2.5, 1e-9);
    CU_ASSERT_PTR_EQUAL(vs_point_headline(tcp), &tcp->tps);
    vs_ratio r;
    vs_summary_ratio(&s, &s.panels[0], VS_TR_UNIX, VS_TR_TCP, 0, 1, &r);
    CU_ASSERT_DOUBLE_EQUAL(r.r, 3.0, 1e-12); /* transactions/s, not Gbit/s */
    vs_summary_free(&s);
    vs_dataset_free(&d);
    remove_dir(dir);
}

/* The records' texts (CPU lists, congestion control, errors) are the
 * dataset's, kept once each, alive after the file's text is gone; the
 * summary quotes a failed run's error. */
static void test_record_texts(void)
{
    const char *dir = make_dir(
        "transport,test,sock_req,sock_eff_local,sock_eff_remote,msg,sessions,session,run,"
        "seconds,bytes,gbps,cpu_local,cpu_remote,sd_local,sd_remote,status,error,pin_local,"
        "pin_remote,congestion\n"
        "tcp,stream,65536,65536,65536,1024,1,all,1,1.0,100,2.0,1,1,1,1,ok,,\"0,1\",2,cubic\n"
        "tcp,stream,65536,65536,65536,1024,1,all,2,1.0,100,2.0,1,1,1,1,ok,,\"0,1\",2,cubic\n"
        "tcp,stream,65536,65536,65536,1024,1,all,3,1.0,0,0,1,1,1,1,error,recv: reset,3,2,\n",
        meta);
    const vs_point_summary *ps;
    vs_dataset d;
    vs_summary s;
    vs_err e;

    CU_ASSERT_PTR_NOT_NULL_FATAL(dir);
    CU_ASSERT_EQUAL_FATAL(vs_dataset_load(&d, &dir, 1, &e), 0);
    remove_dir(dir);
    CU_ASSERT_EQUAL_FATAL(d.nrec, 3);
    CU_ASSERT_STRING_EQUAL(d.rec[0].row.pin_local, "0,1");
    CU_ASSERT_PTR_EQUAL(d.rec[0].row.pin_local, d.rec[1].row.pin_local);
    CU_ASSERT_PTR_EQUAL(d.rec[0].row.pin_remote, d.rec[2].row.pin_remote);
    CU_ASSERT_STRING_EQUAL(d.rec[1].row.congestion, "cubic");
    CU_ASSERT_STRING_EQUAL(d.rec[2].row.congestion, "");
    CU_ASSERT_STRING_EQUAL(d.rec[0].row.error, "");
    CU_ASSERT_STRING_EQUAL(d.rec[2].row.error, "recv: reset");
    CU_ASSERT_EQUAL(vs_strpool_count(&d.texts), 5); /* 0,1  2  cubic  recv: reset  3 */
    CU_ASSERT_EQUAL_FATAL(vs_summarize(&d, &s, &e), 0);
    ps = vs_summary_at(&s, &s.panels[0], &s.series[0], 1024);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ps);
    CU_ASSERT_EQUAL(ps->n_failed, 1);
    CU_ASSERT_STRING_EQUAL(ps->first_error, "recv: reset");
    vs_summary_free(&s);
    vs_dataset_free(&d);
}

/* What is not a results directory, or holds a directory in a file's
 * place, is said so at once (FIFOs and devices: test_dataset_posix.c). */
static void test_not_results(void)
{
    const char *dir = make_dir(HEADER, "\xEF\xBB\xBF" "{\"hosts\":{}}");
    char path[300], other[300];
    vs_dataset d;
    vs_err e;

    CU_ASSERT_PTR_NOT_NULL_FATAL(dir);
    CU_ASSERT_EQUAL(vs_dataset_load(&d, &dir, 1, &e), 0); /* BOM in meta.json */
    vs_dataset_free(&d);
    snprintf(path, sizeof path, "%s/runs.csv", dir);
    snprintf(other, sizeof other, "%s/meta.json", dir);
    vs_unit_load_refused(other, "not a directory");
    remove(path);
    CU_ASSERT_EQUAL_FATAL(vs_mkdir_p(path, &e), 0);
    vs_unit_load_refused(dir, "runs.csv: a directory, not a regular file");
    rmdir(path);
    vs_unit_load_refused(dir, "runs.csv: missing");
    remove(other);
    vs_unit_load_refused(dir, "not a vsbench results directory");
    rmdir(dir);
    vs_unit_load_refused(dir, "no such directory");
}

static const CU_TestInfo tests[] = {
    { "malformed input refused with file:line", test_malformed_inputs },
    { "rr points: transactions/s and latency over runs", test_rr_summary },
    { "good input grouped per point", test_good_input_grouped },
    { "a torn last row: skipped and noted", test_torn_last_row },
    { "the records' texts are the dataset's", test_record_texts },
    { "directory in a file's place, missing files", test_not_results },
    CU_TEST_INFO_NULL,
};

VS_UNIT_SUITE("dataset", tests)
