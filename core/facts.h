/*
 * facts.h - what was measured: the settings of a machine and the data path
 * of a connection, as typed facts (the model; platform/facts.h collects
 * them, core/facts_text.h writes, reads and shows them).
 *
 * A fact is either a value (bounded, cleaned text, a number, a byte count
 * or on/off) or "unknown" with a short reason; it is never guessed. A
 * fact that does not apply (a NIC driver for a unix socket) is absent.
 *
 * One table (vs_fact_def_of) names every fact: its key ("net.mtu"), a
 * label, a weight (how likely a change moves throughput, 0-100, used to
 * rank "what changed") and its sources per OS. docs/files.md mirrors the
 * table; a unit test keeps the two equal.
 */
#ifndef VS_CORE_FACTS_H
#define VS_CORE_FACTS_H

#include <stddef.h>
#include <stdint.h>

#include "platform/err.h"

/* Longest text value or reason, terminator included. */
#define VS_FACT_TEXT_MAX 128

/* Every fact, in table order (which breaks ties between equal weights).
 * Append new keys anywhere: the wire and JSON forms use names, not
 * numbers. */
enum vs_fact_key {
    /* data path of one connection */
    VS_FK_PATH_TRANSPORT,
    VS_FK_NET_IF,
    VS_FK_NET_DRIVER,
    VS_FK_NET_DRIVER_VERSION,
    VS_FK_NET_FIRMWARE,
    VS_FK_NET_MTU,
    VS_FK_NET_TSO,
    VS_FK_NET_GSO,
    VS_FK_NET_GRO,
    VS_FK_NET_LRO,
    VS_FK_NET_RSS,
    VS_FK_NET_RX_QUEUES,
    VS_FK_NET_TX_QUEUES,
    VS_FK_NET_QDISC,
    VS_FK_TCP_CC,
    VS_FK_VSOCK_TRANSPORT,
    VS_FK_VSOCK_VERSION,
    /* the machine */
    VS_FK_OS_RELEASE,
    VS_FK_OS_KERNEL,
    VS_FK_CPU_MODEL,
    VS_FK_CPU_COUNT,
    VS_FK_CPU_SMT,
    VS_FK_NUMA_NODES,
    VS_FK_MEM_TOTAL,
    VS_FK_CPU_GOVERNOR,
    VS_FK_CPU_FREQ_DRIVER,
    VS_FK_CPU_MITIGATIONS,
    VS_FK_CLOCK_SOURCE,
    VS_FK_HV_VENDOR,
    VS_FK_HV_VERSION,
    VS_FK_HV_PRODUCT,
    VS_FK_HV_BIOS,
    VS_FK_VSOCK_MODULES,
    VS_FK_NET_WMEM_MAX,
    VS_FK_NET_RMEM_MAX,
    VS_FK_COUNT
};

enum vs_fact_type {
    VS_FT_TEXT,  /* text */
    VS_FT_INT,   /* a count or size without unit */
    VS_FT_BYTES, /* a byte count */
    VS_FT_BOOL   /* on (1) / off (0) */
};

enum vs_fact_scope {
    VS_FS_PATH,   /* one connection's data path (vs_facts_path) */
    VS_FS_MACHINE /* the machine (vs_facts_machine) */
};

enum vs_fact_state {
    VS_FACT_ABSENT = 0, /* does not apply; not serialized */
    VS_FACT_KNOWN,      /* value in num or text */
    VS_FACT_UNKNOWN     /* could not be read; reason in text */
};

typedef struct vs_fact_def {
    const char *name;   /* "net.mtu": the JSON and wire key */
    const char *label;  /* "MTU": for tables */
    int weight;         /* 0-100: how likely a change moves throughput */
    enum vs_fact_type type;
    enum vs_fact_scope scope;
    const char *source; /* where the value comes from, per OS */
} vs_fact_def;

typedef struct vs_fact {
    enum vs_fact_state state;
    uint64_t num;                /* INT, BYTES, BOOL (0 or 1) */
    char text[VS_FACT_TEXT_MAX]; /* TEXT value, or the reason if UNKNOWN */
} vs_fact;

typedef struct vs_facts {
    vs_fact f[VS_FK_COUNT];
} vs_facts;

/* ---- the table ----------------------------------------------------------- */

/* The definition of `k` (NULL when out of range). */
const vs_fact_def *vs_fact_def_of(enum vs_fact_key k);

/* The key named `name`, or -1 if no fact has that name. */
int vs_fact_key_by_name(const char *name);

/* ---- values ---------------------------------------------------------------- */

/* Every fact absent. */
void vs_facts_init(vs_facts *fs);

/* Set a text value from untrusted bytes (need not be terminated): kept
 * are printable ASCII and well-formed UTF-8; control characters and
 * invalid bytes become '?'; runs of blanks become one space; the result is
 * trimmed and cut (on a character boundary, ending in "...") to fit. A
 * value that is empty afterwards makes the fact unknown ("empty value"). */
void vs_fact_set_text(vs_facts *fs, enum vs_fact_key k, const char *raw, size_t len);

/* Same for a terminated string. */
void vs_fact_set_str(vs_facts *fs, enum vs_fact_key k, const char *s);

/* Set a number (INT, BYTES) or on/off (BOOL: any non-zero is on). */
void vs_fact_set_num(vs_facts *fs, enum vs_fact_key k, uint64_t v);

/* Mark unknown with a reason (printf-style; sanitized and bounded). */
void vs_fact_set_unknown(vs_facts *fs, enum vs_fact_key k, const char *fmt, ...)
    VS_PRINTF(3, 4);

/* Mark every fact of `scope` that is still absent unknown with `why`. */
void vs_facts_fill_unknown(vs_facts *fs, enum vs_fact_scope scope, const char *why);

/* The value as text: "1500", "on", "veth", or "unknown (reason)"; "" for
 * an absent fact. Byte counts are plain numbers. Returns buf. */
const char *vs_fact_format(const vs_facts *fs, enum vs_fact_key k, char *buf, size_t n);

/* ---- differences ------------------------------------------------------------ */

/* 1 when fact `k` is the same in a and b (same state and value; two
 * unknowns are equal whatever their reasons; absent equals absent). */
int vs_fact_same(const vs_facts *a, const vs_facts *b, enum vs_fact_key k);

/* The keys that differ between a and b, most likely to move throughput
 * first (weight descending, then table order). Writes at most `max` keys
 * to out and returns how many differ in all. */
int vs_facts_diff(const vs_facts *a, const vs_facts *b, enum vs_fact_key *out, int max);

#endif
