/*
 * sysinfo.h - facts about this machine for `vsbench info`, meta.json and
 * the server's handshake. Implementations: sysinfo_posix.c (uname,
 * /proc, DMI), sysinfo_win.c; sysinfo.c holds the CPUID probes.
 */
#ifndef VS_SYSINFO_H
#define VS_SYSINFO_H

#include <stddef.h>
#include <stdint.h>

#include "platform/addr.h"

typedef struct vs_sysinfo {
    char os[32];            /* "Linux", "Windows" */
    char os_release[128];   /* e.g. "Debian GNU/Linux 12 (bookworm)" */
    char kernel[128];       /* e.g. "6.1.0-27-cloud-amd64" */
    char arch[32];          /* e.g. "x86_64" */
    char hostname[128];
    char cpu_model[128];
    int ncpu;
    char hypervisor[64];    /* "KVM", "VMware", "Microsoft Hyper-V", "none" */
    int vsock_cid_known;
    uint32_t vsock_cid;
    int vsock_loopback;     /* vsock_loopback module loaded */
    uint64_t wmem_max;      /* 0 when the OS has no such limit */
    uint64_t rmem_max;
    int transport_ok[VS_TR_COUNT];
    char transport_why[VS_TR_COUNT][160];
} vs_sysinfo;

/* Fill `si`; fields that cannot be read are left as "unknown"/0. */
void vs_sysinfo_read(vs_sysinfo *si);

/* CPUID helpers (x86 only; "" elsewhere). */
void vs_cpuid_hypervisor(char *buf, size_t n);
void vs_cpuid_brand(char *buf, size_t n);

#endif
