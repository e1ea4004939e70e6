/*
 * dataset.h - results directories loaded for analysis: every row of each
 * runs.csv and each meta.json (the contract in docs/files.md). Malformed
 * input is refused with FILE:LINE and the column at fault; nothing in a
 * file can crash the loader.
 */
#ifndef VS_DATASET_H
#define VS_DATASET_H

#include <jansson.h>
#include <stdint.h>
#include <stdio.h>

#include "platform/err.h"
#include "core/latency.h"
#include "core/runs.h"
#include "core/strpool.h"

#define VS_PAIR_MAX 16
#define VS_DATASET_NOTES 16 /* things the loader forgave, e.g. a torn last row */

/* A matrix point within one host pair. */
typedef struct vs_key {
    int pair;          /* index into vs_dataset.pairs */
    vs_point pt;
} vs_key;

/* One row of runs.csv, with where it came from. Its texts (error, CPU
 * lists, congestion control) are the dataset's (`texts`). */
typedef struct vs_rec {
    int pair;          /* index into vs_dataset.pairs */
    int source;        /* index into vs_dataset.src */
    vs_row row;        /* the row (row.pt is the matrix point) */
} vs_rec;

/* One results directory. */
typedef struct vs_source {
    char path[1024];
    json_t *meta;      /* the parsed meta.json (owned) */
    int pair;
} vs_source;

typedef struct vs_dataset {
    int nsrc;
    vs_source *src;
    int npairs;
    char pairs[VS_PAIR_MAX][128]; /* e.g. "Linux 6.1 / Linux 6.1 (KVM)" */
    int nrec;
    vs_rec *rec;
    vs_strpool texts;  /* the records' texts, each distinct one once */
    int nnotes;
    char notes[VS_DATASET_NOTES][1300]; /* FILE:LINE: what was skipped, and why */
} vs_dataset;

/* Load directories (each with runs.csv and meta.json). A path that is not
 * a results directory, a missing file, a FIFO, a directory or a device in
 * a file's place, a bad value (out of the schema's range: negative, NaN,
 * above 100 Tbit/s or 100% CPU) fail with FILE:LINE:COLUMN; a last row cut
 * off by a crash is skipped and noted (`notes`). A UTF-8 byte order mark
 * is accepted in both files. */
int vs_dataset_load(vs_dataset *d, const char *const *dirs, int n, vs_err *e);
void vs_dataset_free(vs_dataset *d);

/* Add a note (printf-style; at most VS_DATASET_NOTES are kept). */
void vs_dataset_note(vs_dataset *d, const char *fmt, ...) VS_PRINTF(2, 3);

/* Print each note as "PROG: warning: NOTE" (escaped for a terminal). */
void vs_dataset_print_notes(const vs_dataset *d, const char *prog, FILE *f);

/* A string member of meta.json by path ("hosts.local.kernel"), or "". */
const char *vs_meta_str(const vs_source *s, const char *path);

/* When the sweep behind `s` did not finish (meta.json's status is not
 * "complete"): 1, with a sentence for people in `buf`, e.g. "was interrupted
 * after 40 of 128 planned runs (vsbench sweep --resume continues it)" or
 * "did not finish: ...". */
int vs_source_unfinished(const vs_source *s, char *buf, size_t n);

/* Add the aggregate intervals of record r's latency log (SOURCE/latency/NAME,
 * core/latency.h vs_hlog_name) into *sum: 0; 1 when the run has no log;
 * -1 for a log that is malformed (FILE:LINE), too large, or not a regular
 * file (a FIFO or a device is refused at once, never waited on). */
int vs_dataset_add_hlog(const vs_dataset *d, const vs_rec *r, vs_hist **sum, vs_err *e);

/* 1 when two keys name the same point. */
int vs_key_equal(const vs_key *a, const vs_key *b);

/* The key (host pair and point) of a record. */
vs_key vs_rec_key(const vs_rec *r);

#endif
