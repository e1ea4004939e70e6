/*
 * changes.h - "what changed": the settings that differ between a
 * comparison's baseline and candidate (analysis/env.h vs_env_diff), most
 * likely to move throughput first, in each output of `vsreport compare`:
 * a terminal table, a Markdown table, JUnit <properties> and a JSON
 * array. Every value comes from a file: it is escaped for its format
 * (reports/markup.h, core/json.h); the terminal gets the cleaned text
 * (core/clean.h: no control characters).
 */
#ifndef VS_CHANGES_H
#define VS_CHANGES_H

#include <stdio.h>

#include "analysis/env.h"
#include "core/json.h"

/* The section for the terminal ("what changed" and a row per setting). */
void vs_changes_table(FILE *f, const vs_env_diff *d);

/* The same as a Markdown heading and table. */
void vs_changes_markdown(FILE *f, const vs_env_diff *d);

/* <properties> with one <property> per change, named
 * "changed.END[.TRANSPORT].KEY" (e.g. "changed.client.tcp.net.mtu") with
 * the value "BEFORE -> AFTER", in rank order; nothing when d is NULL. */
void vs_changes_junit(FILE *f, const vs_env_diff *d, const char *indent);

/* Member "changed": an array of {rank, end, transport, key, label, weight,
 * baseline, candidate}; "changed_note" says what was not recorded. */
void vs_changes_json(vs_json *j, const vs_env_diff *d);

#endif
