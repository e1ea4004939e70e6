/*
 * facts_text.h - the facts of core/facts.h as JSON (written, and read back
 * member by member) and as text for people. Shared by vsbench (info,
 * meta.json) and vsreport (compare, report).
 *
 * JSON: one object, a member per fact that applies, in table order: the
 * value (string, number or boolean) or, when unknown, {"unknown":
 * "reason"}. Readers go member by member through vs_fact_load, which
 * checks the kind against the table and cleans text, so a file's content
 * is never copied unchecked.
 */
#ifndef VS_FACTS_TEXT_H
#define VS_FACTS_TEXT_H

#include <stdint.h>
#include <stdio.h>

#include "core/facts.h"
#include "core/json.h"

/* Write the facts as an object (member `key`, or a bare value if NULL). */
void vs_facts_json(vs_json *j, const char *key, const vs_facts *fs);

/* What a JSON reader found for one member. */
enum vs_fact_jkind {
    VS_FJ_STRING,  /* text */
    VS_FJ_NUMBER,  /* num (a non-negative integer) */
    VS_FJ_BOOL,    /* num 0 or 1 */
    VS_FJ_UNKNOWN, /* {"unknown": text} */
    VS_FJ_OTHER    /* anything else (a negative or fractional number, null, ...) */
};

/* Store member `name` of a facts object read from a file: 0 stored; 1 the
 * name is no fact this build knows (skipped: a newer file); -1 the kind
 * does not fit the fact's type, which makes the fact unknown ("malformed
 * in the file"), never guessed. `text` (for STRING and UNKNOWN) is
 * cleaned and cut like any other value. */
int vs_fact_load(vs_facts *fs, const char *name, enum vs_fact_jkind kind, const char *text,
                 uint64_t num);

/* A value for people: on/off, numbers, sizes as "208K" or "23.4 GiB",
 * "unknown (reason)", "" when absent. Returns buf. */
const char *vs_facts_display(const vs_facts *fs, enum vs_fact_key k, char *buf, size_t n);

/* One line per fact of `scope` that applies: "<indent>LABEL  VALUE". The
 * values are clean (core/clean.h), safe for a terminal. */
void vs_facts_print(FILE *f, const vs_facts *fs, enum vs_fact_scope scope,
                    const char *indent);

#endif
