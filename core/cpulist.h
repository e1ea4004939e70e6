/*
 * cpulist.h - a list of CPU numbers as people and the kernel write them:
 * "0", "2,3", "0-3,8". The session threads of a test are pinned to it
 * (`vsbench run --cpu`, `--server-cpu`; netperf's -T): session i runs on
 * the (i mod n)-th CPU of the list, in the order written.
 *
 * The text travels in the TEST message and in runs.csv, so it is
 * bounded (VS_CPULIST_TEXT_MAX) and parsed strictly: digits, commas and
 * ranges LO-HI with LO <= HI, every CPU below VS_CPU_MAX, at most
 * VS_CPULIST_MAX CPUs, none twice.
 */
#ifndef VS_CPULIST_H
#define VS_CPULIST_H

#include <stddef.h>

#include "platform/err.h"

#define VS_CPU_MAX 1024          /* CPU numbers 0..1023 */
#define VS_CPULIST_MAX 64        /* CPUs in one list (one per session) */
#define VS_CPULIST_TEXT_MAX 128  /* the text, terminator included */

typedef struct vs_cpulist {
    int n;                       /* 0: not pinned */
    int cpu[VS_CPULIST_MAX];     /* in the order written */
} vs_cpulist;

/* Parse `text` ("" is the empty list: no pinning). Errors (VS_ERR_USAGE)
 * quote the text and say what is wrong. */
int vs_cpulist_parse(const char *text, vs_cpulist *out, vs_err *e);

/* The canonical text: ranges of three or more consecutive CPUs written
 * LO-HI ("0-3,8"); "" for the empty list. Fits VS_CPULIST_TEXT_MAX for
 * any list that parses. */
const char *vs_cpulist_format(const vs_cpulist *l, char *buf, size_t n);

/* The CPU of session `i` (0-based), or -1 for the empty list. */
int vs_cpulist_for_session(const vs_cpulist *l, int i);

#endif
