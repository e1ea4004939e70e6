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

#endif
