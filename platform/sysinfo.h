/*
 * sysinfo.h - facts about this machine (the vs_host model of core/host.h)
 * for `vsbench info`, meta.json and the server's handshake.
 * Implementations: sysinfo_posix.c (uname, /proc, DMI), sysinfo_win.c;
 * sysinfo.c holds the CPUID probes.
 */
#ifndef VS_SYSINFO_H
#define VS_SYSINFO_H

#include <stddef.h>
#include <stdint.h>

#include "core/host.h"

/* Fill this machine's facts (core/host.h) but the tool's version (the
 * runner's vs_info_read adds it); fields that cannot be read are left as
 * "unknown"/0. */
void vs_sysinfo_read(vs_host *si);

/* CPUID helpers (x86 only; "" elsewhere). */
void vs_cpuid_hypervisor(char *buf, size_t n);
void vs_cpuid_brand(char *buf, size_t n);

/* The raw hypervisor leaves: the 12-byte signature of leaf 0x40000000
 * (sig, terminated), its EAX (the highest hypervisor leaf) and EAX..EDX of
 * leaves 0x40000001 and 0x40000002 (zero when beyond the highest). -1
 * when the CPU reports no hypervisor, or is not x86. */
int vs_cpuid_hv_leaves(char sig[13], uint32_t *max_leaf, uint32_t leaf1[4],
                       uint32_t leaf2[4]);

#endif
