/*
 * facts_parse.h - pure parsers behind facts.h: text from sysfs and procfs,
 * CPUID registers, Windows flags (facts_netparse.h has the network half).
 * No I/O and no OS headers, so they run (and are unit-tested on recorded
 * samples) on any OS. Every input is untrusted: lengths are checked,
 * numbers bounded, text sanitized.
 */
#ifndef VS_FACTS_PARSE_H
#define VS_FACTS_PARSE_H

#include <stddef.h>
#include <stdint.h>

#include "core/clean.h"

/* ---- text and numbers ------------------------------------------------------ */

/* Text is cleaned with vs_clean_text (core/clean.h). */

/* Bytes before the first NUL in a fixed-size field (at most max). */
size_t vs_fp_field_len(const char *field, size_t max);

/* A decimal number with optional surrounding blanks ("1500\n"). 0 on
 * success; -1 for anything else (sign, garbage, overflow, empty). */
int vs_fp_u64(const char *text, uint64_t *out);

/* Count the CPUs or nodes of a kernel list ("0-3,8,10-11\n" = 7). -1 when
 * malformed, reversed, or naming ids beyond 4M. */
int vs_fp_cpulist(const char *text, uint64_t *count);

/* MemTotal of /proc/meminfo in bytes; -1 if missing or absurd. */
int vs_fp_meminfo_total(const char *text, uint64_t *bytes);

/* SMT from /sys/devices/system/cpu/smt/{active,control} (either may be
 * NULL): "on", "off", "off (not supported)", "off (forced)", ... 0 on
 * success, -1 when neither says anything parseable. */
int vs_fp_smt(const char *active, const char *control, char *out, size_t n);

/* Placeholder texts firmware leaves in DMI fields ("To be filled by
 * O.E.M.", "Not Specified", ...): 1 if `s` is one. */
int vs_fp_dmi_placeholder(const char *s);

/* Join the non-empty, non-placeholder parts with spaces, sanitized; -1 if
 * none is left. */
int vs_fp_dmi_join(const char *const *parts, int nparts, char *out, size_t n);

/* ---- CPU vulnerabilities (/sys/devices/system/cpu/vulnerabilities) ---------- */

#define VS_FP_VULN_NAMES 32
#define VS_FP_VULN_NAME_MAX 40

typedef struct vs_fp_vulns {
    int count, vulnerable, mitigated, unaffected, other;
    uint32_t digest; /* order-independent hash of every name=content */
    int nnames;      /* vulnerable ones, kept for the summary */
    char names[VS_FP_VULN_NAMES][VS_FP_VULN_NAME_MAX];
} vs_fp_vulns;

void vs_fp_vulns_init(vs_fp_vulns *v);

/* Add one file: its name ("spectre_v2") and content ("Mitigation: ..."). */
void vs_fp_vulns_add(vs_fp_vulns *v, const char *name, const char *content);

/* "2 vulnerable (retbleed spec_store_bypass), 3 mitigated, 15 not
 * affected, digest 1a2b3c4d": names sorted, cut to fit, the digest always
 * kept so that any change of any file shows. -1 if nothing was added. */
int vs_fp_vulns_text(const vs_fp_vulns *v, char *out, size_t n);

/* ---- hypervisor (CPUID leaves 0x40000000..) --------------------------------- */

/* The version a hypervisor publishes in CPUID: Hyper-V (leaf 0x40000002:
 * build, major.minor, service pack/branch/number) and Xen (leaf
 * 0x40000001: major.minor). `sig` is the 12-byte signature of leaf
 * 0x40000000, `max_leaf` its EAX; leaf1/leaf2 hold EAX..EDX of the next
 * two leaves (ignored when max_leaf is lower). 0 with the version in out;
 * -1 with the reason in out. */
int vs_fp_hv_version(const char *sig, uint32_t max_leaf, const uint32_t leaf1[4],
                     const uint32_t leaf2[4], char *out, size_t n);

/* ---- Windows ------------------------------------------------------------------- */

/* Mitigations from NtQuerySystemInformation: the flags of
 * SystemSpeculationControlInformation (class 201) and
 * SystemKernelVaShadowInformation (class 196), each valid when have_*.
 * "BTI mitigation on, KVA shadow off, SSBD system-wide off, flags
 * 0x1234/0x0". -1 when neither was read. */
int vs_fp_win_mitigations(int have_spec, uint32_t spec, int have_kva, uint32_t kva,
                          char *out, size_t n);

/* A Windows power scheme GUID as text ("381b4222-...") to its name
 * ("Balanced"); unlisted schemes are "custom scheme GUID". */
void vs_fp_power_scheme(const char *guid, char *out, size_t n);

#endif
