/* facts_posix.c - machine facts of facts.h on Linux: sysfs, procfs, CPUID. */
#include "platform/facts.h"
#include "platform/facts_netparse.h"
#include "platform/facts_os.h"
#include "platform/facts_parse.h"
#include "platform/facts_posix.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define FILE_MAX 4096 /* sysfs files are at most a page */

int vs_fx_read(const char *root, const char *path, char *buf, size_t n, char *why,
               size_t wn)
{
    char full[512];
    ssize_t got;
    int fd, err;

    snprintf(full, sizeof full, "%s%s", root, path);
    fd = open(full, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        snprintf(why, wn, "cannot read %s: %s", path, strerror(errno));
        return -1;
    }
    got = read(fd, buf, n - 1);
    err = errno;
    close(fd);
    if (got < 0) {
        snprintf(why, wn, "cannot read %s: %s", path, strerror(err));
        return -1;
    }
    buf[got] = '\0';
    return 0;
}

int vs_fx_exists(const char *root, const char *path)
{
    char full[512];
    struct stat st;

    snprintf(full, sizeof full, "%s%s", root, path);
    return stat(full, &st) == 0;
}

unsigned vs_fx_vsock_loaded(const char *root)
{
    unsigned mask = 0;
    char path[128];

    for (int m = 0; m < VS_FP_VSOCK_MODS; m++) {
        snprintf(path, sizeof path, "/sys/module/%s", vs_fp_vsock_module(m));
        if (vs_fx_exists(root, path))
            mask |= 1u << m;
    }
    /* built in without parameters leaves no /sys/module entry */
    if (vs_fx_exists(root, "/sys/bus/virtio/drivers/vmw_vsock_virtio_transport"))
        mask |= 1u << VS_FP_VSOCK_VIRTIO;
    return mask;
}

/* A fact whose value is one sanitized line of a file. */
static void text_file(const char *root, vs_facts *fs, enum vs_fact_key k, const char *path)
{
    char buf[FILE_MAX], why[256];

    if (vs_fx_read(root, path, buf, sizeof buf, why, sizeof why) != 0)
        vs_fact_set_unknown(fs, k, "%s", why);
    else
        vs_fact_set_str(fs, k, buf);
}

/* A count from a kernel list file ("0-3,8"). */
static int list_file(const char *root, vs_facts *fs, enum vs_fact_key k, const char *path)
{
    char buf[FILE_MAX], why[256];
    uint64_t count;

    if (vs_fx_read(root, path, buf, sizeof buf, why, sizeof why) != 0) {
        vs_fact_set_unknown(fs, k, "%s", why);
        return -1;
    }
    if (vs_fp_cpulist(buf, &count) != 0) {
        vs_fact_set_unknown(fs, k, "%s is not a list of ids", path);
        return -1;
    }
    vs_fact_set_num(fs, k, count);
    return 0;
}

static void cpu_facts(const char *root, const vs_host *si, vs_facts *fs)
{
    char active[64], control[64], why[256], smt[64];
    int have_a, have_c;

    if (list_file(root, fs, VS_FK_CPU_COUNT, "/sys/devices/system/cpu/online") != 0 &&
        si->ncpu > 0)
        vs_fact_set_num(fs, VS_FK_CPU_COUNT, (uint64_t)si->ncpu); /* sysconf */
    have_a = vs_fx_read(root, "/sys/devices/system/cpu/smt/active", active, sizeof active,
                        why, sizeof why) == 0;
    have_c = vs_fx_read(root, "/sys/devices/system/cpu/smt/control", control,
                        sizeof control, why, sizeof why) == 0;
    if (vs_fp_smt(have_a ? active : NULL, have_c ? control : NULL, smt, sizeof smt) == 0)
        vs_fact_set_str(fs, VS_FK_CPU_SMT, smt);
    else if (!have_a && !have_c)
        vs_fact_set_unknown(fs, VS_FK_CPU_SMT, "%s", why);
    else
        vs_fact_set_unknown(fs, VS_FK_CPU_SMT, "unrecognised /sys/devices/system/cpu/smt");
    if (!vs_fx_exists(root, "/sys/devices/system/node"))
        vs_fact_set_unknown(fs, VS_FK_NUMA_NODES,
                            "no /sys/devices/system/node (kernel without NUMA)");
    else
        list_file(root, fs, VS_FK_NUMA_NODES, "/sys/devices/system/node/online");
}

static void memory_fact(const char *root, vs_facts *fs)
{
    char buf[FILE_MAX], why[256];
    uint64_t bytes;

    if (vs_fx_read(root, "/proc/meminfo", buf, sizeof buf, why, sizeof why) != 0)
        vs_fact_set_unknown(fs, VS_FK_MEM_TOTAL, "%s", why);
    else if (vs_fp_meminfo_total(buf, &bytes) != 0)
        vs_fact_set_unknown(fs, VS_FK_MEM_TOTAL, "no plausible MemTotal in /proc/meminfo");
    else
        vs_fact_set_num(fs, VS_FK_MEM_TOTAL, bytes);
}

#define DISTINCT_MAX 4

static int cmp_text(const void *a, const void *b)
{
    return strcmp((const char *)a, (const char *)b);
}

static int listed(char (*seen)[64], int nseen, const char *v)
{
    for (int i = 0; i < nseen; i++)
        if (strcmp(seen[i], v) == 0)
            return 1;
    return 0;
}

/* Distinct values of a file of every cpufreq policy, joined: "performance"
 * or "mixed: performance, powersave". 0 when at least one was read. */
static int policy_values(const char *root, const char *file, char *out, size_t n)
{
    char dirpath[512], path[320], buf[128], seen[DISTINCT_MAX][64], why[256];
    char clean[64];
    int nseen = 0, read_any = 0;
    size_t len = 0;
    struct dirent *de;
    DIR *d;

    snprintf(dirpath, sizeof dirpath, "%s/sys/devices/system/cpu/cpufreq", root);
    if ((d = opendir(dirpath)) == NULL)
        return -1;
    while ((de = readdir(d)) != NULL) {
        if (strncmp(de->d_name, "policy", 6) != 0)
            continue;
        snprintf(path, sizeof path, "/sys/devices/system/cpu/cpufreq/%.64s/%s", de->d_name,
                 file);
        if (vs_fx_read(root, path, buf, sizeof buf, why, sizeof why) != 0)
            continue;
        vs_clean_text(clean, sizeof clean, buf, strlen(buf));
        read_any = 1;
        if (!listed(seen, nseen, clean) && nseen < DISTINCT_MAX)
            memcpy(seen[nseen++], clean, sizeof clean);
    }
    closedir(d);
    if (!read_any)
        return -1;
    qsort(seen, (size_t)nseen, sizeof seen[0], cmp_text);
    len = (size_t)snprintf(out, n, "%s", nseen > 1 ? "mixed: " : "");
    for (int i = 0; i < nseen && len < n; i++)
        len += (size_t)snprintf(out + len, n - len, "%s%s", i > 0 ? ", " : "", seen[i]);
    return 0;
}

static void freq_facts(const char *root, vs_facts *fs)
{
    char v[VS_FACT_TEXT_MAX];

    if (policy_values(root, "scaling_governor", v, sizeof v) == 0)
        vs_fact_set_str(fs, VS_FK_CPU_GOVERNOR, v);
    else
        vs_fact_set_unknown(fs, VS_FK_CPU_GOVERNOR,
                            "no cpufreq policy in /sys/devices/system/cpu/cpufreq");
    if (policy_values(root, "scaling_driver", v, sizeof v) == 0)
        vs_fact_set_str(fs, VS_FK_CPU_FREQ_DRIVER, v);
    else
        vs_fact_set_unknown(fs, VS_FK_CPU_FREQ_DRIVER,
                            "no cpufreq policy in /sys/devices/system/cpu/cpufreq");
}

#define VULN_DIR "/sys/devices/system/cpu/vulnerabilities"

static void mitigation_fact(const char *root, vs_facts *fs)
{
    char dirpath[512], path[320], buf[1024], why[256], text[VS_FACT_TEXT_MAX];
    struct dirent *de;
    vs_fp_vulns v;
    DIR *d;

    snprintf(dirpath, sizeof dirpath, "%s" VULN_DIR, root);
    if ((d = opendir(dirpath)) == NULL) {
        vs_fact_set_unknown(fs, VS_FK_CPU_MITIGATIONS, "cannot read " VULN_DIR ": %s",
                            strerror(errno));
        return;
    }
    vs_fp_vulns_init(&v);
    while ((de = readdir(d)) != NULL && v.count < 256) {
        if (de->d_name[0] == '.')
            continue;
        snprintf(path, sizeof path, VULN_DIR "/%.64s", de->d_name);
        if (vs_fx_read(root, path, buf, sizeof buf, why, sizeof why) == 0)
            vs_fp_vulns_add(&v, de->d_name, buf);
    }
    closedir(d);
    if (vs_fp_vulns_text(&v, text, sizeof text) == 0)
        vs_fact_set_str(fs, VS_FK_CPU_MITIGATIONS, text);
    else
        vs_fact_set_unknown(fs, VS_FK_CPU_MITIGATIONS, VULN_DIR " is empty");
}

/* DMI fields joined (vendor, name, version); placeholders skipped. */
static void dmi_fact(const char *root, vs_facts *fs, enum vs_fact_key k,
                     const char *const files[3])
{
    char v[3][256], path[128], why[256], out[VS_FACT_TEXT_MAX];
    const char *parts[3];

    if (!vs_fx_exists(root, "/sys/class/dmi/id")) {
        vs_fact_set_unknown(fs, k, "no DMI tables (/sys/class/dmi/id absent)");
        return;
    }
    for (int i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "/sys/class/dmi/id/%s", files[i]);
        parts[i] = vs_fx_read(root, path, v[i], sizeof v[i], why, sizeof why) == 0 ? v[i]
                                                                                    : NULL;
    }
    if (vs_fp_dmi_join(parts, 3, out, sizeof out) == 0)
        vs_fact_set_str(fs, k, out);
    else
        vs_fact_set_unknown(fs, k, "DMI %s, %s, %s are empty or placeholders", files[0],
                            files[1], files[2]);
}

static void vsock_modules_fact(const char *root, vs_facts *fs)
{
    unsigned mask = vs_fx_vsock_loaded(root);
    char out[VS_FACT_TEXT_MAX];
    size_t len = 0;

    out[0] = '\0';
    for (int m = 0; m < VS_FP_VSOCK_MODS; m++)
        if (mask & (1u << m))
            len += (size_t)snprintf(out + len, sizeof out - len, "%s%s", len ? " " : "",
                                    vs_fp_vsock_module(m));
    vs_fact_set_str(fs, VS_FK_VSOCK_MODULES, len > 0 ? out : "none");
}

void vs_facts_machine_os(const char *root, const vs_host *si, vs_facts *out)
{
    static const char *const product[3] = { "sys_vendor", "product_name", "product_version" };
    static const char *const bios[3] = { "bios_vendor", "bios_version", "bios_date" };

    cpu_facts(root, si, out);
    memory_fact(root, out);
    freq_facts(root, out);
    mitigation_fact(root, out);
    text_file(root, out, VS_FK_CLOCK_SOURCE,
              "/sys/devices/system/clocksource/clocksource0/current_clocksource");
    dmi_fact(root, out, VS_FK_HV_PRODUCT, product);
    dmi_fact(root, out, VS_FK_HV_BIOS, bios);
    vsock_modules_fact(root, out);
    if (out->f[VS_FK_NET_WMEM_MAX].state == VS_FACT_ABSENT)
        vs_fact_set_unknown(out, VS_FK_NET_WMEM_MAX, "cannot read net.core.wmem_max");
    if (out->f[VS_FK_NET_RMEM_MAX].state == VS_FACT_ABSENT)
        vs_fact_set_unknown(out, VS_FK_NET_RMEM_MAX, "cannot read net.core.rmem_max");
}
