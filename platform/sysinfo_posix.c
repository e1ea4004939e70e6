/* sysinfo_posix.c - sysinfo.h on Linux and other POSIX systems. */
#include "platform/sysinfo.h"
#include "platform/cpu.h"
#include "platform/net.h"

#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

/* Copy the first line of a file, trimmed; 0 on success. */
static int read_line(const char *path, char *buf, size_t n)
{
    FILE *f = fopen(path, "r");
    size_t len;

    if (f == NULL)
        return -1;
    if (fgets(buf, (int)n, f) == NULL) {
        fclose(f);
        return -1;
    }
    fclose(f);
    len = strlen(buf);
    while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == ' '))
        buf[--len] = '\0';
    return 0;
}

/* Value of KEY="..." in an os-release style file. */
static void read_os_release(char *buf, size_t n)
{
    char line[256];
    FILE *f = fopen("/etc/os-release", "r");

    snprintf(buf, n, "unknown");
    if (f == NULL)
        return;
    while (fgets(line, sizeof line, f) != NULL) {
        if (strncmp(line, "PRETTY_NAME=", 12) == 0) {
            char *v = line + 12;
            size_t len;
            if (*v == '"')
                v++;
            len = strcspn(v, "\"\n");
            v[len] = '\0';
            snprintf(buf, n, "%s", v);
            break;
        }
    }
    fclose(f);
}

static void read_cpu_model(char *buf, size_t n)
{
    char line[256];
    FILE *f;

    vs_cpuid_brand(buf, n);
    if (buf[0] != '\0')
        return;
    snprintf(buf, n, "unknown");
    f = fopen("/proc/cpuinfo", "r");
    if (f == NULL)
        return;
    while (fgets(line, sizeof line, f) != NULL) {
        char *colon = strchr(line, ':');
        if (colon != NULL && strncmp(line, "model name", 10) == 0) {
            colon += 2;
            colon[strcspn(colon, "\n")] = '\0';
            snprintf(buf, n, "%s", colon);
            break;
        }
    }
    fclose(f);
}

/* CPUID names the hypervisor; DMI names the product when CPUID is silent
 * (e.g. VMware with the hypervisor bit hidden). */
static void read_hypervisor(char *buf, size_t n)
{
    char dmi[128];

    vs_cpuid_hypervisor(buf, n);
    if (strcmp(buf, "none") != 0)
        return;
    if (read_line("/sys/class/dmi/id/sys_vendor", dmi, sizeof dmi) == 0 &&
        (strstr(dmi, "VMware") || strstr(dmi, "QEMU") || strstr(dmi, "Microsoft") ||
         strstr(dmi, "Xen") || strstr(dmi, "innotek") || strstr(dmi, "Amazon")))
        snprintf(buf, n, "%s (DMI)", dmi);
}

void vs_sysinfo_read(vs_host *si)
{
    struct utsname u;
    char name[64];

    memset(si, 0, sizeof *si);
    if (uname(&u) == 0) {
        snprintf(si->os, sizeof si->os, "%s", u.sysname);
        snprintf(si->kernel, sizeof si->kernel, "%s", u.release);
        snprintf(si->arch, sizeof si->arch, "%s", u.machine);
        snprintf(si->hostname, sizeof si->hostname, "%s", u.nodename);
    }
    read_os_release(si->os_release, sizeof si->os_release);
    read_cpu_model(si->cpu_model, sizeof si->cpu_model);
    read_hypervisor(si->hypervisor, sizeof si->hypervisor);
    si->ncpu = vs_cpu_count();
    si->vsock_cid_known = vs_vsock_local_cid(&si->vsock_cid) == 0;
    si->vsock_loopback = vs_vsock_loopback_present();
    vs_sock_buf_limit(VS_TR_TCP, 1, name, sizeof name, &si->wmem_max);
    vs_sock_buf_limit(VS_TR_TCP, 0, name, sizeof name, &si->rmem_max);
    for (int t = 0; t < VS_TR_COUNT; t++)
        si->transport_ok[t] = vs_transport_probe((enum vs_transport)t,
                                                 si->transport_why[t],
                                                 sizeof si->transport_why[t]);
}
