/*
 * facts_io.h - the facts of platform/facts.h as JSON, on the wire and as
 * text for the terminal.
 *
 * JSON: one object, a member per fact that applies, in table order: the
 * value (string, number or boolean) or, when unknown, {"unknown":
 * "reason"}. Wire: a version byte, a count, then per fact its name, state,
 * number and text, each bounded (VS_FACTS_WIRE_MAX in all); facts are
 * named, so peers with different fact tables still understand each other
 * (names they do not know are skipped).
 */
#ifndef VS_FACTS_IO_H
#define VS_FACTS_IO_H

#include <stdio.h>

#include "platform/facts.h"
#include "core/json.h"
#include "runner/wire.h"

#define VS_FACTS_WIRE_VERSION 1
#define VS_FACT_NAME_MAX 48 /* longest name on the wire, terminator included */
/* Upper bound of the wire form of one vs_facts (every fact present). */
#define VS_FACTS_WIRE_MAX \
    (2 + VS_FK_COUNT * (2 + VS_FACT_NAME_MAX + 1 + 8 + 2 + VS_FACT_TEXT_MAX))

/* Write the facts as an object (member `key`, or a bare value if NULL). */
void vs_facts_json(vs_json *j, const char *key, const vs_facts *fs);

/* Append the wire form to w (w->overflow on a short buffer). */
void vs_facts_put(vs_wbuf *w, const vs_facts *fs);

/* Read a wire form into fs (reset first). Values from the peer are
 * sanitized again; names this build does not know are skipped. 0 on
 * success, -1 on malformed input (r is then marked bad). */
int vs_facts_get(vs_rbuf *r, vs_facts *fs);

/* A value for people: on/off, numbers, sizes as "208K" or "23.4 GiB",
 * "unknown (reason)". Returns buf. */
const char *vs_facts_display(const vs_facts *fs, enum vs_fact_key k, char *buf, size_t n);

/* One line per fact of `scope` that applies: "<indent>LABEL  VALUE". */
void vs_facts_print(FILE *f, const vs_facts *fs, enum vs_fact_scope scope,
                    const char *indent);

#endif
