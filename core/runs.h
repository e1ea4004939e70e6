/*
 * runs.h - runs.csv, the contract between the runner and the reports
 * (docs/files.md): one row per session per run plus the run's aggregate
 * row (session "all").
 *
 * The columns are named in exactly one place: the schema table in runs.c
 * (name, type, struct field, range, and the value an older file without
 * the column means). The sweep's writer, `--resume`'s reader and the
 * analysis loader all go through it. To add a column: add the field to
 * vs_row and one line to the table; old files read with its default.
 *
 * The reader maps columns by the header's names, so their order is free.
 * A header naming a column this build does not know is refused (a newer
 * file: its meaning could change every figure), as is a row with a bad
 * value; errors read FILE:LINE:COLUMN: what, with the value quoted.
 */
#ifndef VS_RUNS_H
#define VS_RUNS_H

#include <stdint.h>
#include <stdio.h>

#include "core/cpulist.h"
#include "core/csv.h"
#include "core/point.h"
#include "core/strpool.h"
#include "platform/err.h"

#define VS_SESSION_ALL 0 /* the session number of a run's aggregate row */

/* One row of runs.csv.
 *
 * Its texts (pin_local, pin_remote, congestion, error) are not held in
 * the row, which stays small for the millions a large file holds: each
 * points to a NUL-terminated text its owner keeps - the runner's
 * vs_run_report, a reader until its next row, a dataset's pool
 * (vs_row_intern) - so a copy of a row shares them. The writer,
 * vs_runs_cell, vs_row_error and vs_row_intern read a NULL text as ""
 * (a zeroed row is an empty one); the rows of a reader or a report have
 * none. */
typedef struct vs_row {
    vs_point pt;              /* transport, test, sock_req, msg, sessions */
    uint64_t sock_eff_local;  /* min(send, receive) buffer of this end */
    uint64_t sock_eff_remote;
    int session;              /* 1..sessions, or VS_SESSION_ALL */
    int run;                  /* 1-based, within a point */
    double seconds;           /* measured interval all sessions shared */
    uint64_t bytes;           /* received in that interval */
    double gbps;              /* 1e9 bit/s */
    double cpu_local;         /* system-wide percent of all CPUs */
    double cpu_remote;
    double sd_local;          /* service demand, CPU us per KB */
    double sd_remote;
    /* rr and crr only (empty cells in runs.csv for stream and maerts): */
    uint64_t transactions;    /* completed in the measured interval */
    double tps;               /* transactions per second */
    double lat_mean, lat_stdev, lat_min, lat_max; /* latency per transaction, us */
    double lat_p50, lat_p90, lat_p99, lat_p999, lat_p9999;
    double sdt_local;         /* service demand: CPU us per transaction */
    double sdt_remote;
    /* Every test: the CPUs the session threads were pinned to ("": none),
     * each shorter than VS_CPULIST_TEXT_MAX. */
    const char *pin_local;
    const char *pin_remote;
    /* Stream and maerts: bytes per recv() on the receiving end (the rule of
     * workloads/stream.h or -M); 0 for rr and crr, and in older files. */
    uint64_t recv_size;
    /* How the data was sent: 1 with MSG_ZEROCOPY (--zerocopy); the TCP
     * congestion control both ends used (--congestion), "" the default. */
    const char *congestion;   /* shorter than VS_CC_NAME_MAX */
    int zerocopy;
    int overlap;              /* 1: another test ran on the server meanwhile */
    int ok;                   /* column status: "ok" or "error" */
    const char *error;        /* shorter than VS_ERRTEXT_MAX, "" when ok */
    /* Not in runs.csv: whole-connection accounting for `run --json`. */
    uint64_t bytes_total;     /* receiver's count, whole connection */
    uint64_t sent_total;      /* sender's count, whole connection */
    int tcpi_ok;
    uint64_t tcpi_bytes_received; /* receiver's TCP_INFO */
    uint64_t tcpi_bytes_acked;    /* sender's TCP_INFO */
    uint64_t tx_total_local;  /* rr, crr: transactions of the whole test, */
    uint64_t tx_total_remote; /* as each side counted them */
} vs_row;

/* The header line of this build (no newline). */
const char *vs_runs_header(void);

/* Write the header line, or one row, as CSV with its newline (no flush). */
void vs_runs_write_header(FILE *f);
void vs_runs_write_row(FILE *f, const vs_row *row);

/* "ok" or "error". */
const char *vs_row_status(const vs_row *row);

/* The row's error text, "" for none (also when NULL). */
const char *vs_row_error(const vs_row *row);

/* A run's headline figure, higher is better: Gbit/s for stream and
 * maerts, transactions per second for rr and crr (what a sweep's
 * repetition rule and its progress go by). */
double vs_row_figure(const vs_row *row);

/* A column's value in a row, for writers of other formats (the JSON of
 * `vsbench run --json`, the workbook's Runs sheet), so that they follow
 * the schema instead of naming the columns again. */
enum vs_cell_kind {
    VS_CELL_TEXT,    /* text */
    VS_CELL_UINT,    /* u */
    VS_CELL_REAL,    /* d, shown with `shown` decimals to a person */
    VS_CELL_SESSION, /* text "all" (u 0) or the session number (u, text) */
    VS_CELL_NONE,    /* not applicable: an rr-only column of a stream row */
};

typedef struct vs_cell {
    const char *name;
    enum vs_cell_kind kind;
    const char *text;
    uint64_t u;
    double d;
    int shown;
    char buf[24];    /* holds `text` when it is a number */
} vs_cell;

/* How many columns; column `col` of `row` into `cell`. */
int vs_runs_ncolumns(void);
void vs_runs_cell(const vs_row *row, int col, vs_cell *cell);

/* A reader over the whole text of a runs.csv (not copied). */
typedef struct vs_runs_reader {
    const char *file;                 /* names the file in errors */
    vs_csv_reader csv;
    int nfields;                      /* fields of the header */
    int col[VS_CSV_MAX_FIELDS];       /* header field -> schema column */
    int current;                      /* 1: the header is this build's own */
    const char *row_start;            /* where the last vs_runs_next began */
    int rr_missing;                   /* an rr-only column the header lacks, or -1 */
    vs_row base;                      /* every row's start: columns the header */
                                      /* lacks at their fallbacks, the rest 0 */
} vs_runs_reader;

/* Read and check the header (after a UTF-8 byte order mark, if any).
 * Fails (usage error) on a text that is not a runs.csv, a missing
 * required column, a repeated or unknown one. */
int vs_runs_open(vs_runs_reader *r, const char *file, const char *text, vs_err *e);

/* Next row: 1 with `row` filled, 0 at the end, -1 on a malformed row.
 * `complete` is 0 for a last line without its newline (a write cut off
 * by a crash); such a line may also fail to parse, which the caller may
 * forgive by checking vs_runs_cut_off(). The row's texts point into the
 * reader, valid until its next vs_runs_next or vs_runs_close: a caller
 * that keeps rows keeps their texts with vs_row_intern. */
int vs_runs_next(vs_runs_reader *r, vs_row *row, int *complete, vs_err *e);

/* 1 when the last vs_runs_next met the end of the text mid-line. */
int vs_runs_cut_off(const vs_runs_reader *r);

/* Line where the last row began. */
int vs_runs_line(const vs_runs_reader *r);

/* Point the row's texts to their copies in `pool` (equal texts share one),
 * so that they live as long as the pool. -1 when out of memory. */
int vs_row_intern(vs_row *row, vs_strpool *pool);

void vs_runs_close(vs_runs_reader *r);

#endif
