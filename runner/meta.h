/*
 * meta.h - DIR/meta.json: what a results directory was made with (tool
 * version and revision, the profile's text, start and end, both hosts'
 * `vsbench info`, transports skipped and why). Written atomically at the
 * start of a sweep and again at its end (docs/files.md).
 */
#ifndef VS_META_H
#define VS_META_H

#include "platform/addr.h"
#include "platform/err.h"
#include "runner/profile.h"

typedef struct vs_meta {
    const vs_profile *profile;
    char control[300];
    double start;            /* Unix seconds */
    double end;              /* 0 while running */
    const char *status;      /* "running", "complete", "interrupted" */
    int resumed;
    const char *remote_info; /* the server's info JSON */
    int skipped[VS_TR_COUNT];
    char skip_reason[VS_TR_COUNT][200];
    int runs_planned, runs_done, runs_failed;
} vs_meta;

/* Write DIR/meta.json (via a temporary file and rename). */
int vs_meta_write(const char *dir, const vs_meta *m, vs_err *e);

#endif
