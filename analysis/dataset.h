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

#include "platform/err.h"
#include "core/runs.h"

#define VS_PAIR_MAX 16

/* A matrix point within one host pair. */
typedef struct vs_key {
    int pair;          /* index into vs_dataset.pairs */
    vs_point pt;
} vs_key;

/* One row of runs.csv, with where it came from. */
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
} vs_dataset;

/* Load directories (each with runs.csv and meta.json). */
int vs_dataset_load(vs_dataset *d, const char *const *dirs, int n, vs_err *e);
void vs_dataset_free(vs_dataset *d);

/* A string member of meta.json by path ("hosts.local.kernel"), or "". */
const char *vs_meta_str(const vs_source *s, const char *path);

/* When the sweep behind `s` did not finish (meta.json's status is not
 * "complete"): 1, with a sentence for people in `buf`, e.g. "was interrupted
 * after 40 of 128 planned runs (vsbench sweep --resume continues it)" or
 * "did not finish: ...". */
int vs_source_unfinished(const vs_source *s, char *buf, size_t n);

/* 1 when two keys name the same point. */
int vs_key_equal(const vs_key *a, const vs_key *b);

/* The key (host pair and point) of a record. */
vs_key vs_rec_key(const vs_rec *r);

#endif
