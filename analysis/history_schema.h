/*
 * history_schema.h - the tables of a results history, the same on every
 * engine of db.h, created and migrated by vsreport:
 *
 *   vsbench_schema(version)             one row: the schema version
 *   sweeps(id, started, tool_version, git_revision, pair, profile,
 *          source, meta, added)         UNIQUE(started, pair, profile)
 *   runs(sweep -> sweeps.id, transport, test, sock, msg, sessions, run,
 *        gbps, sd, ok, error, resp, burst, tps, lat_p50, lat_p99)
 *                                       sd = local + remote service demand
 *                                       (per KB; per transaction for rr and
 *                                       crr); resp .. lat_p99 are 0 for
 *                                       stream and maerts
 *   indexes runs_sweep(sweep), runs_point(transport, test, sock, msg, sessions)
 *
 * Versions: 1 was the first SQLite history (PRAGMA user_version = 1, no
 * vsbench_schema table, no runs_sweep index); 2 added them; 3 (the present
 * one) added the columns of rr and crr (resp to lat_p99). An
 * older history is migrated in one transaction; a newer one is refused.
 * Only one process creates or migrates at a time (VS_TX_SCHEMA); a history
 * already at the present version is only read, so a role without CREATE
 * rights can use a history its owner created.
 */
#ifndef VS_HISTORY_SCHEMA_H
#define VS_HISTORY_SCHEMA_H

#include "analysis/db.h"

#define VS_SCHEMA_VERSION 3

/* The version of the tables in db: 0 none yet, 1, 2, ... */
int vs_schema_version(vs_db *db, int *version, vs_err *e);

/* Make the tables current: create, migrate, or refuse a newer version
 * (VS_ERR_USAGE). *was is the version found (may be NULL). */
int vs_schema_prepare(vs_db *db, int *was, vs_err *e);

#endif
