/* facts.c - see facts.h: the portable flow of machine facts. */
#include "platform/facts.h"
#include "platform/facts_os.h"
#include "platform/facts_parse.h"
#include "platform/sysinfo.h"

#include <string.h>

/* ---- machine facts: the portable part ------------------------------------------ */

/* Facts `si` already holds; "unknown" there means the OS did not say. */
static void from_sysinfo(const vs_host *si, vs_facts *fs)
{
    const struct {
        enum vs_fact_key k;
        const char *v;
    } text[] = {
        { VS_FK_OS_RELEASE, si->os_release }, { VS_FK_OS_KERNEL, si->kernel },
        { VS_FK_CPU_MODEL, si->cpu_model },   { VS_FK_HV_VENDOR, si->hypervisor },
    };

    for (size_t i = 0; i < sizeof text / sizeof text[0]; i++) {
        if (text[i].v[0] == '\0' || strcmp(text[i].v, "unknown") == 0)
            vs_fact_set_unknown(fs, text[i].k, "not reported by the OS");
        else
            vs_fact_set_str(fs, text[i].k, text[i].v);
    }
    if (si->wmem_max != 0)
        vs_fact_set_num(fs, VS_FK_NET_WMEM_MAX, si->wmem_max);
    if (si->rmem_max != 0)
        vs_fact_set_num(fs, VS_FK_NET_RMEM_MAX, si->rmem_max);
}

static void hypervisor_version(vs_facts *fs)
{
    uint32_t max_leaf, l1[4], l2[4];
    char sig[13], out[VS_FACT_TEXT_MAX];

    if (vs_cpuid_hv_leaves(sig, &max_leaf, l1, l2) != 0) {
        vs_fact_set_unknown(fs, VS_FK_HV_VERSION, "no hypervisor in CPUID");
        return;
    }
    if (vs_fp_hv_version(sig, max_leaf, l1, l2, out, sizeof out) == 0)
        vs_fact_set_str(fs, VS_FK_HV_VERSION, out);
    else
        vs_fact_set_unknown(fs, VS_FK_HV_VERSION, "%s", out);
}

void vs_facts_machine_at(const char *root, const vs_host *si, vs_facts *out)
{
    from_sysinfo(si, out);
    hypervisor_version(out);
    vs_facts_machine_os(root, si, out);
    vs_facts_fill_unknown(out, VS_FS_MACHINE, "not read on this OS");
}

void vs_facts_machine(const vs_host *si, vs_facts *out)
{
    vs_facts_machine_at("", si, out);
}
