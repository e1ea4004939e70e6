/* test_facts.c - platform/facts.h (table, values, differences, machine
 * facts from recorded sysfs trees) and the text parsers of
 * platform/facts_parse.h, on good and malformed samples. */
#include "platform/facts.h"
#include "platform/facts_parse.h"
#include "tests/unit/unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FIX "tests/fixtures/facts/"

/* 1 if s holds only printable ASCII and UTF-8 lead/continuation bytes. */
static int clean_text(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p < 0x20 || *p == 0x7F)
            return 0;
    return 1;
}

static void test_numbers(void)
{
    uint64_t v = 0;

    CU_ASSERT(vs_fp_u64("1500\n", &v) == 0 && v == 1500);
    CU_ASSERT(vs_fp_u64(" 7 ", &v) == 0 && v == 7);
    CU_ASSERT(vs_fp_u64("18446744073709551615", &v) == 0 && v == UINT64_MAX);
    CU_ASSERT_EQUAL(vs_fp_u64("18446744073709551616", &v), -1);
    CU_ASSERT_EQUAL(vs_fp_u64("-1", &v), -1);
    CU_ASSERT_EQUAL(vs_fp_u64("", &v), -1);
    CU_ASSERT_EQUAL(vs_fp_u64("12a", &v), -1);
    CU_ASSERT(vs_fp_cpulist("0-3,8,10-11\n", &v) == 0 && v == 7);
    CU_ASSERT(vs_fp_cpulist("0", &v) == 0 && v == 1);
    CU_ASSERT_EQUAL(vs_fp_cpulist("", &v), -1);
    CU_ASSERT_EQUAL(vs_fp_cpulist("3-1", &v), -1);
    CU_ASSERT_EQUAL(vs_fp_cpulist("0-99999999", &v), -1);
    CU_ASSERT_EQUAL(vs_fp_cpulist("0,,1", &v), -1);
    CU_ASSERT_EQUAL(vs_fp_cpulist("0-", &v), -1);
    CU_ASSERT_EQUAL(vs_fp_cpulist("0-1\x01", &v), -1);
}

static void test_meminfo(void)
{
    uint64_t b = 0;

    CU_ASSERT(vs_fp_meminfo_total("MemTotal:       16374684 kB\nMemFree: 1 kB\n", &b) == 0 &&
              b == 16374684ull * 1024);
    CU_ASSERT(vs_fp_meminfo_total("Other: 5 kB\nMemTotal: 2048 kB\n", &b) == 0 &&
              b == 2048ull * 1024);
    CU_ASSERT_EQUAL(vs_fp_meminfo_total("MemTotal: 12\n", &b), -1);
    CU_ASSERT_EQUAL(vs_fp_meminfo_total("MemTotal: 0 kB\n", &b), -1);
    CU_ASSERT_EQUAL(vs_fp_meminfo_total("MemTotal: 999999999999999999999 kB\n", &b), -1);
    CU_ASSERT_EQUAL(vs_fp_meminfo_total("MemFree: 1 kB\n", &b), -1);
    CU_ASSERT_EQUAL(vs_fp_meminfo_total("", &b), -1);
}

static void test_smt_and_dmi(void)
{
    char out[64];
    const char *vmw[] = { "VMware, Inc.\n", "VMware20,1\n", "None\n" };
    const char *qemu[] = { "QEMU", "Standard PC (i440FX + PIIX, 1996)", "pc-i440fx-7.2" };
    const char *junk[] = { "To be filled by O.E.M.", "Default string", "\n" };
    const char *bin[] = { "\x01\x02" "ACME\x7f", NULL, "" };

    CU_ASSERT(vs_fp_smt("1\n", "on\n", out, sizeof out) == 0 && strcmp(out, "on") == 0);
    CU_ASSERT(vs_fp_smt("0\n", "notsupported\n", out, sizeof out) == 0 &&
              strcmp(out, "off (not supported)") == 0);
    CU_ASSERT(vs_fp_smt(NULL, "forceoff", out, sizeof out) == 0 &&
              strcmp(out, "off (forced)") == 0);
    CU_ASSERT(vs_fp_smt("0", "off", out, sizeof out) == 0 && strcmp(out, "off (disabled)") == 0);
    CU_ASSERT_EQUAL(vs_fp_smt("banana", NULL, out, sizeof out), -1);
    CU_ASSERT_EQUAL(vs_fp_smt(NULL, NULL, out, sizeof out), -1);
    CU_ASSERT(vs_fp_dmi_join(vmw, 3, out, sizeof out) == 0 &&
              strcmp(out, "VMware, Inc. VMware20,1") == 0);
    CU_ASSERT(vs_fp_dmi_join(qemu, 3, out, sizeof out) == 0 &&
              strcmp(out, "QEMU Standard PC (i440FX + PIIX, 1996) pc-i440fx-7.2") == 0);
    CU_ASSERT_EQUAL(vs_fp_dmi_join(junk, 3, out, sizeof out), -1);
    CU_ASSERT(vs_fp_dmi_join(bin, 3, out, sizeof out) == 0 && strcmp(out, "??ACME?") == 0);
}

static void test_vulnerabilities(void)
{
    vs_fp_vulns a, b;
    char ta[128], tb[128], name[32];

    vs_fp_vulns_init(&a);
    CU_ASSERT_EQUAL(vs_fp_vulns_text(&a, ta, sizeof ta), -1);
    vs_fp_vulns_add(&a, "retbleed", "Vulnerable\n");
    vs_fp_vulns_add(&a, "meltdown", "Not affected\n");
    vs_fp_vulns_add(&a, "spectre_v2", "Mitigation: Retpolines; STIBP: disabled\n");
    vs_fp_vulns_add(&a, "mds", "Vulnerable: Clear CPU buffers attempted, no microcode\n");
    vs_fp_vulns_add(&a, "gds", "Unknown: Dependent on hypervisor status\n");
    CU_ASSERT_EQUAL(vs_fp_vulns_text(&a, ta, sizeof ta), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(ta, "2 vulnerable (mds retbleed), 1 mitigated, 1 not "
                                      "affected, 1 other, digest "));
    /* the order files are read in does not matter; any content change does */
    vs_fp_vulns_init(&b);
    vs_fp_vulns_add(&b, "gds", "Unknown: Dependent on hypervisor status\n");
    vs_fp_vulns_add(&b, "mds", "Vulnerable: Clear CPU buffers attempted, no microcode\n");
    vs_fp_vulns_add(&b, "spectre_v2", "Mitigation: Retpolines; STIBP: disabled\n");
    vs_fp_vulns_add(&b, "meltdown", "Not affected\n");
    vs_fp_vulns_add(&b, "retbleed", "Vulnerable\n");
    vs_fp_vulns_text(&b, tb, sizeof tb);
    CU_ASSERT_STRING_EQUAL(ta, tb);
    vs_fp_vulns_init(&b);
    vs_fp_vulns_add(&b, "gds", "Unknown: Dependent on hypervisor status\n");
    vs_fp_vulns_add(&b, "mds", "Vulnerable: Clear CPU buffers attempted, no microcode\n");
    vs_fp_vulns_add(&b, "spectre_v2", "Mitigation: Enhanced IBRS\n");
    vs_fp_vulns_add(&b, "meltdown", "Not affected\n");
    vs_fp_vulns_add(&b, "retbleed", "Vulnerable\n");
    vs_fp_vulns_text(&b, tb, sizeof tb);
    CU_ASSERT_STRING_NOT_EQUAL(ta, tb);
    /* many vulnerable files: bounded, counted, digest kept */
    vs_fp_vulns_init(&b);
    for (int i = 0; i < 60; i++) {
        snprintf(name, sizeof name, "vulnerability_number_%02d", i);
        vs_fp_vulns_add(&b, name, "Vulnerable");
    }
    vs_fp_vulns_text(&b, tb, sizeof tb);
    CU_ASSERT(strlen(tb) < sizeof tb);
    CU_ASSERT(strncmp(tb, "60 vulnerable (vulnerability_number_00 ", 39) == 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(tb, " +"));
    CU_ASSERT_PTR_NOT_NULL(strstr(tb, ", digest "));
}

static void test_hypervisor_version(void)
{
    const uint32_t hv1[4] = { 0 }, hv2[4] = { 20348, (10u << 16) | 0, 0, 2340 };
    const uint32_t xen1[4] = { (4u << 16) | 17, 0, 0, 0 }, zero[4] = { 0 };
    char out[128];

    CU_ASSERT_EQUAL(vs_fp_hv_version("Microsoft Hv", 0x40000006, hv1, hv2, out, sizeof out), 0);
    CU_ASSERT_STRING_EQUAL(out, "10.0.20348.2340 (service pack 0, branch 0)");
    CU_ASSERT_EQUAL(vs_fp_hv_version("Microsoft Hv", 0x40000001, hv1, hv2, out, sizeof out), -1);
    CU_ASSERT_EQUAL(vs_fp_hv_version("XenVMMXenVMM", 0x40000002, xen1, zero, out, sizeof out), 0);
    CU_ASSERT_STRING_EQUAL(out, "Xen 4.17");
    CU_ASSERT_EQUAL(vs_fp_hv_version("KVMKVMKVM\0\0\0", 0x40000001, zero, zero, out, sizeof out),
                    -1);
    CU_ASSERT_STRING_EQUAL(out, "KVMKVMKVM publishes no version in CPUID");
    CU_ASSERT_EQUAL(vs_fp_hv_version("", 0, zero, zero, out, sizeof out), -1);
    CU_ASSERT_EQUAL(vs_fp_hv_version("\x1b[2J\x01\x02\x03\x04\x05\x06\x07\x08", 0x40000001, zero,
                                     zero, out, sizeof out), -1);
    CU_ASSERT(clean_text(out));
}

static void test_windows_parsers(void)
{
    char out[128];

    CU_ASSERT_EQUAL(vs_fp_win_mitigations(0, 0, 0, 0, out, sizeof out), -1);
    CU_ASSERT_EQUAL(vs_fp_win_mitigations(1, 0x401, 1, 0x1, out, sizeof out), 0);
    CU_ASSERT_STRING_EQUAL(out, "BTI mitigation on, SSBD system-wide on, KVA shadow on, "
                                "flags 0x401/0x1");
    CU_ASSERT_EQUAL(vs_fp_win_mitigations(1, 0x2, 0, 0, out, sizeof out), 0);
    CU_ASSERT_STRING_EQUAL(out, "BTI mitigation off, SSBD system-wide off, flags 0x2/0x0");
    vs_fp_power_scheme("8C5E7FDA-E8BF-4A96-9A85-A6E23A8C635C", out, sizeof out);
    CU_ASSERT_STRING_EQUAL(out, "High performance");
    vs_fp_power_scheme("12345678-0000-0000-0000-000000000000", out, sizeof out);
    CU_ASSERT_STRING_EQUAL(out, "custom scheme 12345678-0000-0000-0000-000000000000");
}

static const CU_TestInfo tests[] = {
    { "numbers and lists", test_numbers },
    { "meminfo", test_meminfo },
    { "SMT and DMI", test_smt_and_dmi },
    { "vulnerabilities", test_vulnerabilities },
    { "hypervisor version", test_hypervisor_version },
    { "Windows flags", test_windows_parsers },
    CU_TEST_INFO_NULL,
};

VS_UNIT_SUITE("facts_parse", tests)
