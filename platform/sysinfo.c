/* sysinfo.c - CPUID probes shared by the POSIX and Windows sysinfo. */
#include "platform/sysinfo.h"
#include "platform/facts_parse.h"

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

int vs_cpuid_hv_leaves(char sig[13], uint32_t *max_leaf, uint32_t leaf1[4],
                       uint32_t leaf2[4])
{
    unsigned a, b, c, d;

    memset(leaf1, 0, 4 * sizeof leaf1[0]);
    memset(leaf2, 0, 4 * sizeof leaf2[0]);
    sig[0] = '\0';
    *max_leaf = 0;
    if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & (1u << 31)))
        return -1;
    __cpuid(0x40000000, a, b, c, d);
    *max_leaf = a;
    memcpy(sig, &b, 4);
    memcpy(sig + 4, &c, 4);
    memcpy(sig + 8, &d, 4);
    sig[12] = '\0';
    if (a >= 0x40000001u)
        __cpuid(0x40000001, leaf1[0], leaf1[1], leaf1[2], leaf1[3]);
    if (a >= 0x40000002u)
        __cpuid(0x40000002, leaf2[0], leaf2[1], leaf2[2], leaf2[3]);
    return 0;
}

void vs_cpuid_hypervisor(char *buf, size_t n)
{
    uint32_t max_leaf, l1[4], l2[4];
    char sig[13];
    char clean[32];

    snprintf(buf, n, "none");
    if (vs_cpuid_hv_leaves(sig, &max_leaf, l1, l2) != 0)
        return;
    for (size_t i = 0; i < sizeof hypervisors / sizeof hypervisors[0]; i++) {
        if (strcmp(sig, hypervisors[i].sig) == 0) {
            snprintf(buf, n, "%s", hypervisors[i].name);
            return;
        }
    }
    vs_clean_text(clean, sizeof clean, sig, 12);
    snprintf(buf, n, "unknown (%s)", clean);
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
int vs_cpuid_hv_leaves(char sig[13], uint32_t *max_leaf, uint32_t leaf1[4],
                       uint32_t leaf2[4])
{
    memset(leaf1, 0, 4 * sizeof leaf1[0]);
    memset(leaf2, 0, 4 * sizeof leaf2[0]);
    sig[0] = '\0';
    *max_leaf = 0;
    return -1;
}

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
