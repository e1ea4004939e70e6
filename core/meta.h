/*
 * meta.h - the model of DIR/meta.json (docs/files.md): what a results
 * directory was made with - tool version and revision, the profile's
 * text, the control address, start and end, both hosts' facts
 * (core/host.h) and the transports skipped and why. The runner fills it
 * and writes it (runner/metafile.h); the reports read the file back.
 */
#ifndef VS_META_H
#define VS_META_H

#include "core/host.h"
#include "core/json.h"

#define VS_META_REASON_MAX 200

typedef struct vs_meta {
    const char *profile_name;
    const char *profile_description;
    const char *profile_source;     /* file path, or "built-in NAME" */
    const char *profile_text;
    char control[300];              /* the server's control address */
    char start[32];                 /* ISO 8601 UTC */
    char end[32];                   /* "" while running: written as null */
    const char *status;             /* "running", "complete", "interrupted" */
    int resumed;
    int runs_planned, runs_done, runs_failed;
    vs_host local;
    /* The server's facts as its WELCOME carried them, decoded field by
     * field (runner/hostwire.h): written like `local`, null if unknown. */
    int has_remote;
    vs_host remote;
    int skipped[VS_TR_COUNT];
    char skip_reason[VS_TR_COUNT][VS_META_REASON_MAX];
} vs_meta;

/* Write the whole document as one JSON object. */
void vs_meta_json(vs_json *j, const vs_meta *m);

#endif
