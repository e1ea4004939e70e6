/*
 * facts_io.h - the facts of core/facts.h on the wire (JSON and text:
 * core/facts_text.h).
 *
 * Wire: a version byte, a count, then per fact its name, state, number and
 * text, each bounded (VS_FACTS_WIRE_MAX in all); facts are named, so peers
 * with different fact tables still understand each other (names they do
 * not know are skipped).
 */
#ifndef VS_FACTS_IO_H
#define VS_FACTS_IO_H

#include "core/facts.h"
#include "runner/wire.h"

#define VS_FACTS_WIRE_VERSION 1
#define VS_FACT_NAME_MAX 48 /* longest name on the wire, terminator included */
/* Upper bound of the wire form of one vs_facts (every fact present). */
#define VS_FACTS_WIRE_MAX \
    (2 + VS_FK_COUNT * (2 + VS_FACT_NAME_MAX + 1 + 8 + 2 + VS_FACT_TEXT_MAX))

/* Append the wire form to w (w->overflow on a short buffer). */
void vs_facts_put(vs_wbuf *w, const vs_facts *fs);

/* Read a wire form into fs (reset first). Values from the peer are
 * cleaned again; names this build does not know are skipped. 0 on
 * success, -1 on malformed input (r is then marked bad). */
int vs_facts_get(vs_rbuf *r, vs_facts *fs);

#endif
