/* facts.c - see facts.h: the fact table, values and differences. */
#include "core/facts.h"
#include "core/clean.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define P VS_FS_PATH
#define M VS_FS_MACHINE

/* The one table of facts. Weights rank "what changed": the data path's
 * device, MTU, offloads, congestion control, qdisc and queues first,
 * then the machine's CPU, hypervisor and kernel, then power, mitigation
 * and clock settings. docs/files.md ("Facts") mirrors this table. */
static const vs_fact_def defs[VS_FK_COUNT] = {
    [VS_FK_PATH_TRANSPORT] = { "path.transport", "transport", 100, VS_FT_TEXT, P,
        "the socket's transport: tcp, vsock, unix, hvsock" },
    [VS_FK_NET_IF] = { "net.if", "interface", 60, VS_FT_TEXT, P,
        "Linux: RTM_GETROUTE to the peer (RTA_OIF), else the interface holding the "
        "local address (getifaddrs); Windows: the adapter holding the local address "
        "(GetAdaptersAddresses FriendlyName)" },
    [VS_FK_NET_DRIVER] = { "net.driver", "NIC driver", 98, VS_FT_TEXT, P,
        "Linux: ETHTOOL_GDRVINFO driver, else /sys/class/net/IF/device/driver, "
        "\"loopback\" for lo; Windows: adapter Description" },
    [VS_FK_NET_DRIVER_VERSION] = { "net.driver_version", "driver version", 70, VS_FT_TEXT, P,
        "Linux: ETHTOOL_GDRVINFO version; Windows: DriverVersion of the adapter's "
        "network class registry key" },
    [VS_FK_NET_FIRMWARE] = { "net.firmware", "NIC firmware", 45, VS_FT_TEXT, P,
        "Linux: ETHTOOL_GDRVINFO fw_version; Windows: not read" },
    [VS_FK_NET_MTU] = { "net.mtu", "MTU", 95, VS_FT_INT, P,
        "Linux: SIOCGIFMTU; Windows: IP_ADAPTER_ADDRESSES Mtu" },
    [VS_FK_NET_TSO] = { "net.tso", "TSO", 90, VS_FT_BOOL, P,
        "Linux: ETHTOOL_GFEATURES tx-tcp-segmentation (else ETHTOOL_GTSO); Windows: "
        "*LsoV2IPv4 adapter keyword" },
    [VS_FK_NET_GSO] = { "net.gso", "GSO", 85, VS_FT_BOOL, P,
        "Linux: ETHTOOL_GFEATURES tx-generic-segmentation (else ETHTOOL_GGSO); "
        "Windows: none" },
    [VS_FK_NET_GRO] = { "net.gro", "GRO", 90, VS_FT_BOOL, P,
        "Linux: ETHTOOL_GFEATURES rx-gro (else ETHTOOL_GGRO); Windows: none" },
    [VS_FK_NET_LRO] = { "net.lro", "LRO", 90, VS_FT_BOOL, P,
        "Linux: ETHTOOL_GFEATURES rx-lro (else ETHTOOL_GFLAGS); Windows: *RscIPv4 "
        "(receive segment coalescing) adapter keyword" },
    [VS_FK_NET_RSS] = { "net.rss", "RSS", 74, VS_FT_BOOL, P,
        "Windows: *RSS adapter keyword; Linux: absent (see net.rx_queues)" },
    [VS_FK_NET_RX_QUEUES] = { "net.rx_queues", "receive queues", 75, VS_FT_INT, P,
        "Linux: rx-N entries of /sys/class/net/IF/queues; Windows: *NumRssQueues "
        "adapter keyword" },
    [VS_FK_NET_TX_QUEUES] = { "net.tx_queues", "transmit queues", 75, VS_FT_INT, P,
        "Linux: tx-N entries of /sys/class/net/IF/queues; Windows: none" },
    [VS_FK_NET_QDISC] = { "net.qdisc", "qdisc", 80, VS_FT_TEXT, P,
        "Linux: root qdisc of the interface (RTM_GETQDISC dump, TCA_KIND), with its "
        "children's kind for mq; Windows: none" },
    [VS_FK_TCP_CC] = { "tcp.cc", "congestion control", 88, VS_FT_TEXT, P,
        "Linux: getsockopt TCP_CONGESTION on the connection; Windows: none per "
        "connection" },
    [VS_FK_VSOCK_TRANSPORT] = { "vsock.transport", "vsock transport", 98, VS_FT_TEXT, P,
        "Linux: the loaded module (/sys/module) the kernel's rule picks for the "
        "connection's CIDs; Windows: vmci or hvsocket" },
    [VS_FK_VSOCK_VERSION] = { "vsock.version", "vsock transport version", 70, VS_FT_TEXT, P,
        "Linux: /sys/module/X/version, else srcversion, else the kernel release for "
        "a built-in or in-tree module (taint without O); Windows: vmci.sys file version" },
    [VS_FK_OS_RELEASE] = { "os.release", "OS release", 60, VS_FT_TEXT, M,
        "Linux: PRETTY_NAME of /etc/os-release; Windows: RtlGetVersion" },
    [VS_FK_OS_KERNEL] = { "os.kernel", "kernel", 80, VS_FT_TEXT, M,
        "Linux: uname release; Windows: RtlGetVersion major.minor.build" },
    [VS_FK_CPU_MODEL] = { "cpu.model", "CPU model", 72, VS_FT_TEXT, M,
        "CPUID brand string, else /proc/cpuinfo model name" },
    [VS_FK_CPU_COUNT] = { "cpu.count", "online CPUs", 78, VS_FT_INT, M,
        "Linux: /sys/devices/system/cpu/online, else sysconf; Windows: "
        "GetActiveProcessorCount" },
    [VS_FK_CPU_SMT] = { "cpu.smt", "SMT", 55, VS_FT_TEXT, M,
        "Linux: /sys/devices/system/cpu/smt/active and control; Windows: "
        "GetLogicalProcessorInformationEx (LTP_PC_SMT)" },
    [VS_FK_NUMA_NODES] = { "numa.nodes", "NUMA nodes", 50, VS_FT_INT, M,
        "Linux: /sys/devices/system/node/online; Windows: GetNumaHighestNodeNumber" },
    [VS_FK_MEM_TOTAL] = { "mem.total", "memory", 30, VS_FT_BYTES, M,
        "Linux: MemTotal of /proc/meminfo; Windows: GlobalMemoryStatusEx" },
    [VS_FK_CPU_GOVERNOR] = { "cpu.governor", "frequency governor", 45, VS_FT_TEXT, M,
        "Linux: scaling_governor of every /sys/devices/system/cpu/cpufreq/policy*; "
        "Windows: the active power scheme (PowerGetActiveScheme)" },
    [VS_FK_CPU_FREQ_DRIVER] = { "cpu.freq_driver", "frequency driver", 40, VS_FT_TEXT, M,
        "Linux: scaling_driver of the cpufreq policies; Windows: none" },
    [VS_FK_CPU_MITIGATIONS] = { "cpu.mitigations", "CPU mitigations", 42, VS_FT_TEXT, M,
        "Linux: /sys/devices/system/cpu/vulnerabilities/* counted by state, with a "
        "digest of all; Windows: NtQuerySystemInformation speculation control and "
        "KVA shadow flags" },
    [VS_FK_CLOCK_SOURCE] = { "clock.source", "clock source", 35, VS_FT_TEXT, M,
        "Linux: /sys/devices/system/clocksource/clocksource0/current_clocksource; "
        "Windows: QueryPerformanceFrequency" },
    [VS_FK_HV_VENDOR] = { "hv.vendor", "hypervisor", 76, VS_FT_TEXT, M,
        "CPUID leaf 0x40000000 signature, else DMI sys_vendor" },
    [VS_FK_HV_VERSION] = { "hv.version", "hypervisor version", 68, VS_FT_TEXT, M,
        "CPUID leaf 0x40000002 (Hyper-V) or 0x40000001 (Xen); others publish none" },
    [VS_FK_HV_PRODUCT] = { "hv.product", "virtual hardware", 62, VS_FT_TEXT, M,
        "Linux: /sys/class/dmi/id/{sys_vendor,product_name,product_version}; Windows: "
        "HKLM\\HARDWARE\\DESCRIPTION\\System\\BIOS System*" },
    [VS_FK_HV_BIOS] = { "hv.bios", "firmware", 38, VS_FT_TEXT, M,
        "Linux: /sys/class/dmi/id/{bios_vendor,bios_version,bios_date}; Windows: "
        "HKLM\\HARDWARE\\DESCRIPTION\\System\\BIOS BIOS*" },
    [VS_FK_VSOCK_MODULES] = { "vsock.modules", "vsock modules", 64, VS_FT_TEXT, M,
        "Linux: vsock transport modules in /sys/module, or a registered virtio vsock "
        "driver; Windows: vmci.sys and "
        "hvsocket.sys in the drivers folder" },
    [VS_FK_NET_WMEM_MAX] = { "net.wmem_max", "send buffer limit", 66, VS_FT_BYTES, M,
        "Linux: /proc/sys/net/core/wmem_max; Windows: unknown (no such limit)" },
    [VS_FK_NET_RMEM_MAX] = { "net.rmem_max", "receive buffer limit", 66, VS_FT_BYTES, M,
        "Linux: /proc/sys/net/core/rmem_max; Windows: unknown (no such limit)" },
};

const vs_fact_def *vs_fact_def_of(enum vs_fact_key k)
{
    return (int)k >= 0 && k < VS_FK_COUNT ? &defs[k] : NULL;
}

int vs_fact_key_by_name(const char *name)
{
    for (int k = 0; k < VS_FK_COUNT; k++)
        if (strcmp(defs[k].name, name) == 0)
            return k;
    return -1;
}

void vs_facts_init(vs_facts *fs)
{
    memset(fs, 0, sizeof *fs);
}

static vs_fact *slot(vs_facts *fs, enum vs_fact_key k)
{
    return (int)k >= 0 && k < VS_FK_COUNT ? &fs->f[k] : NULL;
}

void vs_fact_set_text(vs_facts *fs, enum vs_fact_key k, const char *raw, size_t len)
{
    vs_fact *f = slot(fs, k);

    if (f == NULL)
        return;
    f->num = 0;
    if (raw == NULL || vs_clean_text(f->text, sizeof f->text, raw, len) == 0) {
        vs_fact_set_unknown(fs, k, "empty value");
        return;
    }
    f->state = VS_FACT_KNOWN;
}

void vs_fact_set_str(vs_facts *fs, enum vs_fact_key k, const char *s)
{
    vs_fact_set_text(fs, k, s, s != NULL ? strlen(s) : 0);
}

void vs_fact_set_num(vs_facts *fs, enum vs_fact_key k, uint64_t v)
{
    vs_fact *f = slot(fs, k);

    if (f == NULL)
        return;
    f->state = VS_FACT_KNOWN;
    f->num = defs[k].type == VS_FT_BOOL ? v != 0 : v;
    f->text[0] = '\0';
}

void vs_fact_set_unknown(vs_facts *fs, enum vs_fact_key k, const char *fmt, ...)
{
    vs_fact *f = slot(fs, k);
    char why[256];
    va_list ap;

    if (f == NULL)
        return;
    va_start(ap, fmt);
    vsnprintf(why, sizeof why, fmt, ap);
    va_end(ap);
    f->state = VS_FACT_UNKNOWN;
    f->num = 0;
    if (vs_clean_text(f->text, sizeof f->text, why, strlen(why)) == 0)
        snprintf(f->text, sizeof f->text, "no reason given");
}

void vs_facts_fill_unknown(vs_facts *fs, enum vs_fact_scope scope, const char *why)
{
    for (int k = 0; k < VS_FK_COUNT; k++)
        if (defs[k].scope == scope && fs->f[k].state == VS_FACT_ABSENT)
            vs_fact_set_unknown(fs, (enum vs_fact_key)k, "%s", why);
}

const char *vs_fact_format(const vs_facts *fs, enum vs_fact_key k, char *buf, size_t n)
{
    const vs_fact *f = (int)k >= 0 && k < VS_FK_COUNT ? &fs->f[k] : NULL;

    if (n == 0)
        return buf;
    buf[0] = '\0';
    if (f == NULL || f->state == VS_FACT_ABSENT)
        return buf;
    if (f->state == VS_FACT_UNKNOWN)
        snprintf(buf, n, "unknown (%s)", f->text);
    else if (defs[k].type == VS_FT_TEXT)
        snprintf(buf, n, "%s", f->text);
    else if (defs[k].type == VS_FT_BOOL)
        snprintf(buf, n, "%s", f->num ? "on" : "off");
    else
        snprintf(buf, n, "%llu", (unsigned long long)f->num);
    return buf;
}

int vs_fact_same(const vs_facts *a, const vs_facts *b, enum vs_fact_key k)
{
    const vs_fact *x = &a->f[k], *y = &b->f[k];

    if (x->state != y->state)
        return 0;
    if (x->state != VS_FACT_KNOWN)
        return 1;
    if (defs[k].type == VS_FT_TEXT)
        return strcmp(x->text, y->text) == 0;
    return x->num == y->num;
}

int vs_facts_diff(const vs_facts *a, const vs_facts *b, enum vs_fact_key *out, int max)
{
    int total = 0;

    /* weights are small integers: walk them from the top for a stable
     * order without sorting */
    for (int w = 100; w >= 0; w--) {
        for (int k = 0; k < VS_FK_COUNT; k++) {
            if (defs[k].weight != w || vs_fact_same(a, b, (enum vs_fact_key)k))
                continue;
            if (total < max)
                out[total] = (enum vs_fact_key)k;
            total++;
        }
    }
    return total;
}
