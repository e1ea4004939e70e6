/*
 * meta.h - the model of DIR/meta.json (docs/files.md): what a results
 * directory was made with - schema version, tool version and revision,
 * the profile's text, the control address, start and end, both hosts'
 * facts (core/host.h) with this machine's settings (core/facts.h), the
 * data paths the tests crossed, and the transports skipped and why. The
 * runner fills it and writes it (runner/metafile.h); the reports read the
 * file back (analysis/env.h for the facts).
 */
#ifndef VS_META_H
#define VS_META_H

#include "core/facts.h"
#include "core/host.h"
#include "core/json.h"

#define VS_META_REASON_MAX 200

/* meta.json's "schema": 2 added hosts.local.facts and paths; a file
 * without the member is schema 1. */
#define VS_META_SCHEMA 2

/* Distinct data paths one sweep records; more are counted, not kept. */
#define VS_META_PATHS_MAX 8

/* One distinct data path: the facts of a test's first data connection
 * (platform/facts.h vs_facts_path), kept once however many tests used it. */
typedef struct vs_meta_path {
    enum vs_transport tr;
    vs_facts local;    /* the client's end (this machine) */
    vs_facts remote;   /* the server's end (its CONNECTED); absent if it sent none */
    int tests;         /* tests that crossed it */
} vs_meta_path;

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
    vs_facts local_facts;           /* this machine's settings (hosts.local.facts) */
    /* The server's facts as its WELCOME carried them, decoded field by
     * field (runner/hostwire.h): written like `local`, null if unknown. */
    int has_remote;
    vs_host remote;
    int has_remote_facts;           /* the server sent its settings (WELCOME) */
    vs_facts remote_facts;          /* hosts.remote.facts */
    int npaths;
    int paths_dropped;              /* distinct paths beyond VS_META_PATHS_MAX */
    vs_meta_path paths[VS_META_PATHS_MAX];
    int skipped[VS_TR_COUNT];
    char skip_reason[VS_TR_COUNT][VS_META_REASON_MAX];
} vs_meta;

/* Count a test of transport `tr` that crossed data path `local` (the
 * client's end) and `remote` (the server's, NULL or all absent when it sent
 * none): a path equal at both ends to one already kept (vs_facts_diff)
 * adds to its count; a new one is kept while there is room. A local path
 * without a transport fact (the test failed before connecting) is
 * ignored. */
void vs_meta_add_path(vs_meta *m, enum vs_transport tr, const vs_facts *local,
                      const vs_facts *remote);

/* Write the whole document as one JSON object. */
void vs_meta_json(vs_json *j, const vs_meta *m);

#endif
