/* test_facts_linux.c - platform/facts.h: machine facts read from recorded
 * Linux sysfs/procfs trees (tests/fixtures/facts/) by the Linux reader.
 * POSIX-only: the Windows reader (facts_win.c) ignores the tree, so
 * `make windows-test` skips this suite by name. */
#include "platform/facts.h"
#include "tests/unit/unit.h"

#include <stdio.h>
#include <string.h>

#define FIX "tests/fixtures/facts/"

static vs_host fake_sysinfo(void)
{
    vs_host si;

    memset(&si, 0, sizeof si);
    snprintf(si.os_release, sizeof si.os_release, "Debian GNU/Linux 12 (bookworm)");
    snprintf(si.kernel, sizeof si.kernel, "6.1.0-27-amd64");
    snprintf(si.cpu_model, sizeof si.cpu_model, "unknown");
    snprintf(si.hypervisor, sizeof si.hypervisor, "VMware");
    si.ncpu = 3;
    si.wmem_max = 212992;
    return si;
}

static void test_machine_kvm_tree(void)
{
    vs_host si = fake_sysinfo();
    vs_facts fs;

    vs_facts_init(&fs);
    vs_facts_machine_at(FIX "kvm-guest", &si, &fs);
    for (int k = 0; k < VS_FK_COUNT; k++)
        CU_ASSERT_EQUAL(fs.f[k].state == VS_FACT_ABSENT,
                        vs_fact_def_of((enum vs_fact_key)k)->scope == VS_FS_PATH);
    CU_ASSERT_EQUAL(fs.f[VS_FK_CPU_COUNT].num, 2);
    CU_ASSERT_STRING_EQUAL(fs.f[VS_FK_CPU_SMT].text, "off (not supported)");
    CU_ASSERT_EQUAL(fs.f[VS_FK_NUMA_NODES].num, 1);
    CU_ASSERT_EQUAL(fs.f[VS_FK_MEM_TOTAL].num, 24684092ull * 1024);
    CU_ASSERT_STRING_EQUAL(fs.f[VS_FK_CLOCK_SOURCE].text, "tsc");
    CU_ASSERT_EQUAL(fs.f[VS_FK_CPU_GOVERNOR].state, VS_FACT_UNKNOWN);
    CU_ASSERT(strncmp(fs.f[VS_FK_CPU_MITIGATIONS].text,
                      "3 vulnerable (mmio_stale_data retbleed spec_store_bypass), 3 "
                      "mitigated, 13 not affected, digest ", 90) == 0);
    CU_ASSERT_EQUAL(fs.f[VS_FK_HV_PRODUCT].state, VS_FACT_UNKNOWN);
    CU_ASSERT_STRING_EQUAL(fs.f[VS_FK_VSOCK_MODULES].text, "vmw_vsock_virtio_transport");
    /* from sysinfo: "unknown" there stays unknown here, never guessed */
    CU_ASSERT_STRING_EQUAL(fs.f[VS_FK_OS_KERNEL].text, "6.1.0-27-amd64");
    CU_ASSERT_EQUAL(fs.f[VS_FK_CPU_MODEL].state, VS_FACT_UNKNOWN);
    CU_ASSERT_EQUAL(fs.f[VS_FK_NET_WMEM_MAX].num, 212992);
    CU_ASSERT_EQUAL(fs.f[VS_FK_NET_RMEM_MAX].state, VS_FACT_UNKNOWN);
}

static void test_machine_vmware_tree(void)
{
    vs_host si = fake_sysinfo();
    vs_facts fs;

    vs_facts_init(&fs);
    vs_facts_machine_at(FIX "vmware-guest", &si, &fs);
    CU_ASSERT_EQUAL(fs.f[VS_FK_CPU_COUNT].num, 8);
    CU_ASSERT_STRING_EQUAL(fs.f[VS_FK_CPU_SMT].text, "off");
    CU_ASSERT_STRING_EQUAL(fs.f[VS_FK_CPU_GOVERNOR].text, "mixed: performance, powersave");
    CU_ASSERT_STRING_EQUAL(fs.f[VS_FK_CPU_FREQ_DRIVER].text, "acpi-cpufreq");
    CU_ASSERT_STRING_EQUAL(fs.f[VS_FK_HV_PRODUCT].text, "VMware, Inc. VMware20,1");
    CU_ASSERT_STRING_EQUAL(fs.f[VS_FK_HV_BIOS].text,
                           "VMware, Inc. VMW201.00V.21805430.B64.2305221830 05/22/2023");
    CU_ASSERT_STRING_EQUAL(fs.f[VS_FK_VSOCK_MODULES].text, "vmw_vsock_vmci_transport");
    CU_ASSERT(strncmp(fs.f[VS_FK_CPU_MITIGATIONS].text, "1 vulnerable (gather_data_sampling), "
                      "3 mitigated, 3 not affected, 1 other, digest ", 80) == 0);
}

static void test_machine_malformed_tree(void)
{
    vs_host si = fake_sysinfo();
    vs_facts fs;

    vs_facts_init(&fs);
    vs_facts_machine_at(FIX "malformed", &si, &fs);
    for (int k = 0; k < VS_FK_COUNT; k++) {
        CU_ASSERT(strlen(fs.f[k].text) < VS_FACT_TEXT_MAX);
        for (const unsigned char *p = (const unsigned char *)fs.f[k].text; *p; p++)
            CU_ASSERT(*p >= 0x20 && *p != 0x7F);
    }
    CU_ASSERT_EQUAL(fs.f[VS_FK_CPU_COUNT].num, 3); /* absurd list: sysconf's count */
    CU_ASSERT_EQUAL(fs.f[VS_FK_CPU_SMT].state, VS_FACT_UNKNOWN);
    CU_ASSERT_EQUAL(fs.f[VS_FK_NUMA_NODES].state, VS_FACT_UNKNOWN);
    CU_ASSERT_EQUAL(fs.f[VS_FK_MEM_TOTAL].state, VS_FACT_UNKNOWN);
    CU_ASSERT_STRING_EQUAL(fs.f[VS_FK_CPU_GOVERNOR].text, "?[31mperformance?");
    CU_ASSERT_EQUAL(strlen(fs.f[VS_FK_CLOCK_SOURCE].text), VS_FACT_TEXT_MAX - 1);
    CU_ASSERT(strstr(fs.f[VS_FK_CLOCK_SOURCE].text, "xxx...") != NULL);
    CU_ASSERT(strncmp(fs.f[VS_FK_CPU_MITIGATIONS].text, "41 vulnerable (mds zz_fake_00 ", 30) == 0);
    CU_ASSERT_EQUAL(fs.f[VS_FK_HV_PRODUCT].state, VS_FACT_UNKNOWN);
    CU_ASSERT_STRING_EQUAL(fs.f[VS_FK_VSOCK_MODULES].text, "none");
}
static const CU_TestInfo tests[] = {
    { "machine: KVM guest tree", test_machine_kvm_tree },
    { "machine: VMware guest tree", test_machine_vmware_tree },
    { "machine: malformed tree", test_machine_malformed_tree },
    CU_TEST_INFO_NULL,
};

VS_UNIT_SUITE("facts-linux", tests)
