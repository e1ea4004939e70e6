/* sysinfo.c - CPUID probes shared by the POSIX and Windows sysinfo. */
#include "platform/sysinfo.h"

#include <stdio.h>
#include <string.h>

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>

static const struct {
    const char *sig;
    const char *name;
} hypervisors[] = {
    { "KVMKVMKVM", "KVM" },        { "VMwareVMware", "VMware" },
    { "Microsoft Hv", "Microsoft Hyper-V" }, { "XenVMMXenVMM", "Xen" },
    { "TCGTCGTCGTCG", "QEMU (TCG)" }, { "VBoxVBoxVBox", "VirtualBox" },
    { "ACRNACRNACRN", "ACRN" },    { " lrpepyh  vr", "Parallels" },
    { "bhyve bhyve ", "bhyve" },
};

void vs_cpuid_hypervisor(char *buf, size_t n)
{
    unsigned a, b, c, d;
    char sig[13];

    snprintf(buf, n, "none");
    if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & (1u << 31)))
        return;
    __cpuid(0x40000000, a, b, c, d);
    memcpy(sig, &b, 4);
    memcpy(sig + 4, &c, 4);
    memcpy(sig + 8, &d, 4);
    sig[12] = '\0';
    for (size_t i = 0; i < sizeof hypervisors / sizeof hypervisors[0]; i++) {
        if (strcmp(sig, hypervisors[i].sig) == 0) {
            snprintf(buf, n, "%s", hypervisors[i].name);
            return;
        }
    }
    snprintf(buf, n, "unknown (%s)", sig);
}

void vs_cpuid_brand(char *buf, size_t n)
{
    unsigned r[12];
    char brand[49];

    buf[0] = '\0';
    if (__get_cpuid_max(0x80000000, NULL) < 0x80000004)
        return;
    for (unsigned i = 0; i < 3; i++)
        __cpuid(0x80000002 + i, r[i * 4], r[i * 4 + 1], r[i * 4 + 2], r[i * 4 + 3]);
    memcpy(brand, r, 48);
    brand[48] = '\0';
    const char *p = brand;
    while (*p == ' ')
        p++;
    snprintf(buf, n, "%s", p);
}
#else
void vs_cpuid_hypervisor(char *buf, size_t n)
{
    snprintf(buf, n, "unknown");
}

void vs_cpuid_brand(char *buf, size_t n)
{
    if (n > 0)
        buf[0] = '\0';
}
#endif
