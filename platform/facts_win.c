/* facts_win.c - machine facts of facts.h on Windows, and the helpers both
 * Windows halves use (registry, UTF-16, driver file versions). Optional
 * DLLs (powrprof, version) and ntdll's NtQuerySystemInformation are
 * looked up at run time: a missing one makes a fact unknown, not the
 * program fail (wine has stubs for several). */
#include "platform/facts.h"
#include "platform/facts_os.h"
#include "platform/facts_parse.h"
#include "platform/facts_win.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <windows.h>

#ifndef LTP_PC_SMT
#define LTP_PC_SMT 0x1
#endif

/* ---- helpers ----------------------------------------------------------------- */

int vs_fw_reg_str(HKEY root, const char *sub, const char *value, char *out, size_t n)
{
    DWORD size = (DWORD)n;

    out[0] = '\0';
    if (RegGetValueA(root, sub, value, RRF_RT_REG_SZ, NULL, out, &size) != ERROR_SUCCESS) {
        out[0] = '\0';
        return -1;
    }
    out[n - 1] = '\0';
    return 0;
}

void vs_fw_utf8(const wchar_t *w, char *out, size_t n)
{
    char tmp[1024];

    out[0] = '\0';
    if (w == NULL || WideCharToMultiByte(CP_UTF8, 0, w, -1, tmp, (int)sizeof tmp, NULL,
                                         NULL) <= 0)
        return;
    vs_clean_text(out, n, tmp, strlen(tmp));
}

typedef DWORD(WINAPI *ver_size_fn)(LPCSTR, LPDWORD);
typedef BOOL(WINAPI *ver_info_fn)(LPCSTR, DWORD, DWORD, LPVOID);
typedef BOOL(WINAPI *ver_query_fn)(LPCVOID, LPCSTR, LPVOID *, PUINT);

int vs_fw_driver_version(const char *file, char *out, size_t n)
{
    HMODULE ver = LoadLibraryA("version.dll");
    ver_size_fn size_fn = NULL;
    ver_info_fn info_fn = NULL;
    ver_query_fn query_fn = NULL;
    char path[MAX_PATH + 64];
    VS_FIXEDFILEINFO *fi = NULL;
    UINT fl = 0;
    DWORD size = 0, h = 0;
    void *data = NULL;
    int rc = -1;

    snprintf(out, n, "cannot read the version of %s", file);
    if (ver != NULL) {
        size_fn = (ver_size_fn)(void (*)(void))GetProcAddress(ver, "GetFileVersionInfoSizeA");
        info_fn = (ver_info_fn)(void (*)(void))GetProcAddress(ver, "GetFileVersionInfoA");
        query_fn = (ver_query_fn)(void (*)(void))GetProcAddress(ver, "VerQueryValueA");
    }
    UINT len = GetSystemDirectoryA(path, MAX_PATH);
    if (size_fn != NULL && info_fn != NULL && query_fn != NULL && len > 0 && len < MAX_PATH) {
        snprintf(path + len, sizeof path - len, "\\drivers\\%s", file);
        if (GetFileAttributesA(path) == INVALID_FILE_ATTRIBUTES)
            snprintf(out, n, "no %s in the drivers folder", file);
        else if ((size = size_fn(path, &h)) > 0 && size < (1u << 24) &&
                 (data = malloc(size)) != NULL && info_fn(path, 0, size, data) &&
                 query_fn(data, "\\", (void **)&fi, &fl) && fl >= sizeof *fi) {
            snprintf(out, n, "%u.%u.%u.%u", (unsigned)HIWORD(fi->dwFileVersionMS),
                     (unsigned)LOWORD(fi->dwFileVersionMS),
                     (unsigned)HIWORD(fi->dwFileVersionLS),
                     (unsigned)LOWORD(fi->dwFileVersionLS));
            rc = 0;
        }
    }
    free(data);
    if (ver != NULL)
        FreeLibrary(ver);
    return rc;
}

/* ---- machine facts --------------------------------------------------------------- */

static void smt_fact(vs_facts *fs)
{
    DWORD len = 0;
    char *buf;
    int smt = 0;

    GetLogicalProcessorInformationEx(RelationProcessorCore, NULL, &len);
    if (len == 0 || len > (1u << 22) || (buf = malloc(len)) == NULL) {
        vs_fact_set_unknown(fs, VS_FK_CPU_SMT, "GetLogicalProcessorInformationEx failed");
        return;
    }
    if (!GetLogicalProcessorInformationEx(RelationProcessorCore,
                                          (SYSTEM_LOGICAL_PROCESSOR_INFORMATION_EX *)buf,
                                          &len)) {
        free(buf);
        vs_fact_set_unknown(fs, VS_FK_CPU_SMT, "GetLogicalProcessorInformationEx failed");
        return;
    }
    for (DWORD off = 0; off + sizeof(DWORD) * 2 <= len;) {
        SYSTEM_LOGICAL_PROCESSOR_INFORMATION_EX *p =
            (SYSTEM_LOGICAL_PROCESSOR_INFORMATION_EX *)(buf + off);
        if (p->Size == 0 || p->Size > len - off)
            break;
        if (p->Relationship == RelationProcessorCore && (p->Processor.Flags & LTP_PC_SMT))
            smt = 1;
        off += p->Size;
    }
    free(buf);
    vs_fact_set_str(fs, VS_FK_CPU_SMT, smt ? "on" : "off");
}

static void cpu_memory_facts(vs_facts *fs)
{
    DWORD n = GetActiveProcessorCount(ALL_PROCESSOR_GROUPS);
    ULONG node = 0;
    MEMORYSTATUSEX ms;

    if (n > 0)
        vs_fact_set_num(fs, VS_FK_CPU_COUNT, n);
    else
        vs_fact_set_unknown(fs, VS_FK_CPU_COUNT, "GetActiveProcessorCount failed");
    smt_fact(fs);
    if (GetNumaHighestNodeNumber(&node) && node < 4096)
        vs_fact_set_num(fs, VS_FK_NUMA_NODES, (uint64_t)node + 1);
    else
        vs_fact_set_unknown(fs, VS_FK_NUMA_NODES, "GetNumaHighestNodeNumber failed");
    ms.dwLength = sizeof ms;
    if (GlobalMemoryStatusEx(&ms) && ms.ullTotalPhys >= (1u << 20))
        vs_fact_set_num(fs, VS_FK_MEM_TOTAL, ms.ullTotalPhys);
    else
        vs_fact_set_unknown(fs, VS_FK_MEM_TOTAL, "GlobalMemoryStatusEx failed");
}

typedef DWORD(WINAPI *active_scheme_fn)(HKEY, GUID **);

static void power_fact(vs_facts *fs)
{
    HMODULE pp = LoadLibraryA("powrprof.dll");
    active_scheme_fn fn = NULL;
    GUID *g = NULL;
    char text[48], name[VS_FACT_TEXT_MAX];

    if (pp != NULL)
        fn = (active_scheme_fn)(void (*)(void))GetProcAddress(pp, "PowerGetActiveScheme");
    if (fn == NULL || fn(NULL, &g) != ERROR_SUCCESS || g == NULL) {
        vs_fact_set_unknown(fs, VS_FK_CPU_GOVERNOR, "PowerGetActiveScheme failed");
    } else {
        snprintf(text, sizeof text, "%08lx-%04x-%04x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                 (unsigned long)g->Data1, g->Data2, g->Data3, g->Data4[0], g->Data4[1],
                 g->Data4[2], g->Data4[3], g->Data4[4], g->Data4[5], g->Data4[6],
                 g->Data4[7]);
        vs_fp_power_scheme(text, name, sizeof name);
        vs_fact_set_str(fs, VS_FK_CPU_GOVERNOR, name);
        LocalFree(g);
    }
    if (pp != NULL)
        FreeLibrary(pp);
    vs_fact_set_unknown(fs, VS_FK_CPU_FREQ_DRIVER, "Windows names no frequency driver");
}

typedef LONG(WINAPI *query_info_fn)(ULONG, PVOID, ULONG, PULONG);

static void mitigation_fact(vs_facts *fs)
{
    HMODULE nt = GetModuleHandleA("ntdll.dll");
    query_info_fn fn = NULL;
    ULONG spec = 0, kva = 0, got = 0;
    int have_spec = 0, have_kva = 0;
    char out[VS_FACT_TEXT_MAX];

    if (nt != NULL)
        fn = (query_info_fn)(void (*)(void))GetProcAddress(nt, "NtQuerySystemInformation");
    if (fn != NULL) {
        have_spec = fn(201, &spec, sizeof spec, &got) == 0; /* SpeculationControl */
        have_kva = fn(196, &kva, sizeof kva, &got) == 0;    /* KernelVaShadow */
    }
    if (vs_fp_win_mitigations(have_spec, spec, have_kva, kva, out, sizeof out) == 0)
        vs_fact_set_str(fs, VS_FK_CPU_MITIGATIONS, out);
    else
        vs_fact_set_unknown(fs, VS_FK_CPU_MITIGATIONS,
                            "NtQuerySystemInformation reports no speculation control");
}

#define BIOS_KEY "HARDWARE\\DESCRIPTION\\System\\BIOS"

/* Registry BIOS values joined like DMI fields. */
static void bios_fact(vs_facts *fs, enum vs_fact_key k, const char *const names[3])
{
    char v[3][256], out[VS_FACT_TEXT_MAX];
    const char *parts[3];

    for (int i = 0; i < 3; i++)
        parts[i] = vs_fw_reg_str(HKEY_LOCAL_MACHINE, BIOS_KEY, names[i], v[i],
                                 sizeof v[i]) == 0 ? v[i] : NULL;
    if (vs_fp_dmi_join(parts, 3, out, sizeof out) == 0)
        vs_fact_set_str(fs, k, out);
    else
        vs_fact_set_unknown(fs, k, "no %s, %s, %s under HKLM\\" BIOS_KEY, names[0],
                            names[1], names[2]);
}

static void vsock_modules_fact(vs_facts *fs)
{
    char v[96], out[VS_FACT_TEXT_MAX] = "";

    if (vs_fw_driver_version("vmci.sys", v, sizeof v) == 0)
        snprintf(out, sizeof out, "vmci");
    if (vs_fw_driver_version("hvsocket.sys", v, sizeof v) == 0)
        snprintf(out + strlen(out), sizeof out - strlen(out), "%shvsocket", out[0] ? " " : "");
    vs_fact_set_str(fs, VS_FK_VSOCK_MODULES, out[0] ? out : "none");
}

void vs_facts_machine_os(const char *root, const vs_host *si, vs_facts *out)
{
    static const char *const product[3] = { "SystemManufacturer", "SystemProductName",
                                            "SystemVersion" };
    static const char *const bios[3] = { "BIOSVendor", "BIOSVersion", "BIOSReleaseDate" };
    LARGE_INTEGER f;

    (void)root;
    (void)si;
    cpu_memory_facts(out);
    power_fact(out);
    mitigation_fact(out);
    if (QueryPerformanceFrequency(&f) && f.QuadPart > 0) {
        char text[64];
        snprintf(text, sizeof text, "QueryPerformanceCounter at %lld Hz",
                 (long long)f.QuadPart);
        vs_fact_set_str(out, VS_FK_CLOCK_SOURCE, text);
    }
    bios_fact(out, VS_FK_HV_PRODUCT, product);
    bios_fact(out, VS_FK_HV_BIOS, bios);
    vsock_modules_fact(out);
    vs_fact_set_unknown(out, VS_FK_NET_WMEM_MAX, "Windows has no such limit");
    vs_fact_set_unknown(out, VS_FK_NET_RMEM_MAX, "Windows has no such limit");
}
