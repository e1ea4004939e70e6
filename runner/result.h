/*
 * result.h - one test's figures as rows: one per session plus the
 * aggregate (session "all"), with the columns of runs.csv (core/runs.h).
 * Printed as a table, as JSON (`run --json`) and, by the sweep, as CSV.
 */
#ifndef VS_RESULT_H
#define VS_RESULT_H

#include <stdio.h>

#include "core/facts.h"
#include "core/json.h"
#include "core/runs.h"
#include "runner/proto.h"
#include "core/latency.h"
#include "workloads/stream.h"
#include "platform/sockext.h"

#define VS_MAX_WARN 8

/* What measuring cost one side (proto.h vs_side_result, measure.h). */
typedef struct vs_overhead {
    double own_cpu_us;      /* CPU outside send/recv during the interval */
    double proc_cpu_us;     /* all of this side's vsbench CPU in the interval */
    uint64_t edge_start_ns; /* last counted byte to timestamp, each edge */
    uint64_t edge_end_ns;
} vs_overhead;

/* A test's report. Its rows' texts point into it (pin_local, req's
 * server_cpus and congestion, error[]): keep a report in one place (a
 * copy of a row is fine while its report lives). */
typedef struct vs_run_report {
    vs_test_req req;
    char control[300];        /* control address as text */
    char data[300];           /* data address (without port) as text */
    int nrows;                /* sessions + 1 */
    vs_row rows[VS_MAX_SESSIONS + 1]; /* sessions, then the aggregate */
    char error[VS_MAX_SESSIONS + 1][VS_ERRTEXT_MAX]; /* rows[i].error, "" when ok */
    vs_bufsize local_buf[VS_MAX_SESSIONS];
    vs_bufsize remote_buf[VS_MAX_SESSIONS];
    double proc_local;        /* process CPU, percent of one CPU */
    double proc_remote;
    vs_overhead ovh_local;
    vs_overhead ovh_remote;
    uint64_t recv_size;       /* bytes per recv on the receiving side */
    uint32_t rcvlowat;        /* the receiver's wake-up threshold (SO_RCVLOWAT), 0 none */
    vs_zc zc_local;           /* --zerocopy on a local sender: its completions */
    int nwarn;
    char warn[VS_MAX_WARN][VS_ERRTEXT_MAX];
    uint32_t server_cid;
    char pin_local[VS_CPULIST_TEXT_MAX]; /* the client's --cpu, as given */
    double clock_ns;          /* rr, crr: cost of one clock read (1 per transaction) */
    vs_facts path;            /* the client end of the first data connection */
    vs_facts remote_path;     /* the server's end, as its CONNECTED said (absent if not) */
} vs_run_report;

/* Prepare rows for a test that has not run (or failed before measuring):
 * parameters filled, every row failed with `error`. */
void vs_report_init(vs_run_report *r, const vs_test_req *req, const char *error);

/* Fill the rows from both sides' figures. */
void vs_report_compose(vs_run_report *r, enum vs_role local_role,
                       const vs_side_result *local, const vs_side_result *remote);

/* rr and crr: fill the rows from the requester's (local) and the
 * responder's (remote) figures and the requester's latencies, lat[i] for
 * session i and lat[sessions] for all together (their histograms added).
 * A session whose two sides counted different numbers of transactions
 * fails with both counts in its error. */
void vs_report_compose_rr(vs_run_report *r, const vs_side_result *local,
                          const vs_side_result *remote, const vs_latency *lat);

/* The client's CPU list (--cpu), in the report and every row. */
void vs_report_pin(vs_run_report *r, const char *cpus);

/* Row i fails with `text` (the report keeps a copy, cut to VS_ERRTEXT_MAX). */
void vs_report_fail(vs_run_report *r, int i, const char *text);

/* Add a warning (kept up to VS_MAX_WARN). */
void vs_report_warn(vs_run_report *r, const char *fmt, ...) VS_PRINTF(2, 3);

/* The aggregate row. */
const vs_row *vs_report_total(const vs_run_report *r);

/* The human form: the header (test, addresses, sizes, buffer warnings),
 * printed before the test runs, and the table of rows and CPU after. */
void vs_report_print_header(FILE *f, const vs_run_report *r);
void vs_report_print_table(FILE *f, const vs_run_report *r);

/* The receive size and what measuring cost each side (run --verbose). */
void vs_report_print_overhead(FILE *f, const vs_run_report *r);

void vs_report_json(vs_json *j, const vs_run_report *r);

#endif
