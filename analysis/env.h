/*
 * env.h - the environment a results directory was measured in, read back
 * from its meta.json (docs/files.md: hosts.*.facts and paths, schema 2),
 * and what changed between two of them, ranked by the weights of the fact
 * table (core/facts.h): the data path's driver, MTU, offloads and
 * congestion control before the machine's governor or clock source.
 *
 * Both ends are kept apart: the client (hosts.local, paths[].local) and
 * the server (hosts.remote.facts, paths[].remote). A file without facts
 * (schema 1, or an end that recorded none) loads with that end marked not
 * recorded; nothing is guessed, and no difference is claimed against it.
 * Every member is checked against the table (core/facts_text.h
 * vs_fact_load): a malformed one is an unknown fact.
 */
#ifndef VS_ENV_H
#define VS_ENV_H

#include <jansson.h>

#include "core/facts.h"
#include "core/names.h"

enum vs_end { VS_END_CLIENT, VS_END_SERVER, VS_END_COUNT };

#define VS_ENV_PATHS_MAX 8
/* every fact of both ends: the machine and a path per transport */
#define VS_ENV_CHANGES_MAX (2 * VS_FK_COUNT * (VS_TR_COUNT + 1))
#define VS_ENV_VALUE_MAX (VS_FACT_TEXT_MAX + 16)

/* One distinct data path of a sweep. */
typedef struct vs_env_path {
    enum vs_transport tr;
    int tests;                      /* tests that crossed it */
    int has[VS_END_COUNT];          /* that end's facts were recorded */
    vs_facts end[VS_END_COUNT];
} vs_env_path;

typedef struct vs_env {
    int schema;                     /* meta.json "schema"; 1 when absent */
    int has_machine[VS_END_COUNT];  /* hosts.local.facts / hosts.remote.facts */
    vs_facts machine[VS_END_COUNT];
    int npaths;
    vs_env_path paths[VS_ENV_PATHS_MAX];
} vs_env;

/* Read `meta` (a parsed meta.json; NULL gives an empty env). */
void vs_env_from_meta(const json_t *meta, vs_env *env);

/* Read one facts object (as vs_facts_json writes it) into fs (reset
 * first). Returns the number of malformed members (each became unknown). */
int vs_env_facts_from_json(const json_t *obj, vs_facts *fs);

/* The path most tests of transport `tr` crossed, or NULL. */
const vs_env_path *vs_env_path_of(const vs_env *env, enum vs_transport tr);

/* One setting that differs between baseline and candidate. */
typedef struct vs_env_change {
    enum vs_end end;
    int tr;                         /* a path fact's transport; -1 for the machine */
    enum vs_fact_key key;
    int weight;                     /* of the key (core/facts.h) */
    char before[VS_ENV_VALUE_MAX];  /* for people (vs_facts_display); "" = absent */
    char after[VS_ENV_VALUE_MAX];
} vs_env_change;

typedef struct vs_env_diff {
    int n;                          /* in `c`, most likely to matter first */
    vs_env_change c[VS_ENV_CHANGES_MAX];
    /* what could not be compared, for a note: the end's machine facts or a
     * transport's path missing on one side */
    int unrecorded;
    char note[256];
} vs_env_diff;

/* The settings that differ between `base` and `cand`: machine facts of
 * each end, and for each transport both recorded the path facts of each
 * end (the path most tests crossed). Ranked by weight, then table order,
 * then client before server, then transport. */
void vs_env_diff_of(const vs_env *base, const vs_env *cand, vs_env_diff *out);

/* "client" or "server". */
const char *vs_end_name(enum vs_end end);

/* Where a change was seen: "client", "server", "client tcp path", ...
 * Returns buf. */
const char *vs_env_change_where(const vs_env_change *c, char *buf, size_t n);

#endif
