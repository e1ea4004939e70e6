/* sysinfo_win.c - sysinfo.h on Windows. */
#include "platform/sysinfo.h"
#include "platform/cpu.h"
#include "platform/net.h"

#include <stdio.h>
#include <string.h>
#include <windows.h>

typedef LONG(WINAPI *rtl_get_version_fn)(OSVERSIONINFOW *);

/* GetVersionEx lies to unmanifested programs; ntdll's RtlGetVersion does not. */
static void read_version(vs_host *si)
{
    HMODULE ntdll = GetModuleHandleA("ntdll.dll");
    rtl_get_version_fn fn = NULL;
    OSVERSIONINFOW v;

    snprintf(si->os_release, sizeof si->os_release, "Windows (version unknown)");
    snprintf(si->kernel, sizeof si->kernel, "unknown");
    if (ntdll != NULL)
        fn = (rtl_get_version_fn)(void (*)(void))GetProcAddress(ntdll, "RtlGetVersion");
    memset(&v, 0, sizeof v);
    v.dwOSVersionInfoSize = sizeof v;
    if (fn == NULL || fn(&v) != 0)
        return;
    snprintf(si->kernel, sizeof si->kernel, "%lu.%lu.%lu", (unsigned long)v.dwMajorVersion,
             (unsigned long)v.dwMinorVersion, (unsigned long)v.dwBuildNumber);
    snprintf(si->os_release, sizeof si->os_release, "Windows %s (build %lu)",
             v.dwMajorVersion >= 10 ? (v.dwBuildNumber >= 22000 ? "11 / Server 2022+" : "10 / Server 2016+")
                                    : "before 10",
             (unsigned long)v.dwBuildNumber);
}

void vs_sysinfo_read(vs_host *si)
{
    DWORD n;
    SYSTEM_INFO sys;

    memset(si, 0, sizeof *si);
    snprintf(si->os, sizeof si->os, "Windows");
    read_version(si);
    GetNativeSystemInfo(&sys);
    snprintf(si->arch, sizeof si->arch, "%s",
             sys.wProcessorArchitecture == PROCESSOR_ARCHITECTURE_AMD64 ? "x86_64"
             : sys.wProcessorArchitecture == PROCESSOR_ARCHITECTURE_ARM64 ? "arm64"
                                                                          : "other");
    n = sizeof si->hostname;
    if (!GetComputerNameA(si->hostname, &n))
        snprintf(si->hostname, sizeof si->hostname, "unknown");
    vs_cpuid_brand(si->cpu_model, sizeof si->cpu_model);
    if (si->cpu_model[0] == '\0')
        snprintf(si->cpu_model, sizeof si->cpu_model, "unknown");
    vs_cpuid_hypervisor(si->hypervisor, sizeof si->hypervisor);
    si->ncpu = vs_cpu_count();
    si->vsock_cid_known = vs_vsock_local_cid(&si->vsock_cid) == 0;
    for (int t = 0; t < VS_TR_COUNT; t++)
        si->transport_ok[t] = vs_transport_probe((enum vs_transport)t, si->transport_why[t],
                                                 sizeof si->transport_why[t]);
}
