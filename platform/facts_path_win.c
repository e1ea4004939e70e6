/* facts_path_win.c - vs_facts_path of facts.h on Windows: the adapter
 * holding the socket's local address (GetAdaptersAddresses), its driver
 * version and the offload/RSS keywords of its network class registry
 * key; the VMCI driver's file version for vsock. */
#include "platform/facts.h"
#include "platform/facts_parse.h"
#include "platform/facts_win.h"

#include <winsock2.h>
#include <ws2tcpip.h>
#include <iphlpapi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <windows.h>

#define NET_CLASS_KEY "SYSTEM\\CurrentControlSet\\Control\\Class\\" \
                      "{4d36e972-e325-11ce-bfc1-08002be10318}"
#define CLASS_SUBKEYS_MAX 1000

/* 1 if unicast address `u` is the socket address `a`. */
static int same_addr(const SOCKADDR *u, const struct sockaddr_storage *a)
{
    if (u == NULL || u->sa_family != a->ss_family)
        return 0;
    if (a->ss_family == AF_INET)
        return memcmp(&((const struct sockaddr_in *)(const void *)u)->sin_addr,
                      &((const struct sockaddr_in *)a)->sin_addr, 4) == 0;
    if (a->ss_family == AF_INET6)
        return memcmp(&((const struct sockaddr_in6 *)(const void *)u)->sin6_addr,
                      &((const struct sockaddr_in6 *)a)->sin6_addr, 16) == 0;
    return 0;
}

/* Every adapter (caller frees), or NULL. */
static IP_ADAPTER_ADDRESSES *adapters(void)
{
    ULONG len = 32768;
    IP_ADAPTER_ADDRESSES *all = NULL;
    ULONG flags = GAA_FLAG_SKIP_ANYCAST | GAA_FLAG_SKIP_MULTICAST | GAA_FLAG_SKIP_DNS_SERVER;

    for (int tries = 0; tries < 3; tries++) {
        ULONG rc;
        free(all);
        if ((all = malloc(len)) == NULL)
            return NULL;
        rc = GetAdaptersAddresses(AF_UNSPEC, flags, NULL, all, &len);
        if (rc == ERROR_SUCCESS)
            return all;
        if (rc != ERROR_BUFFER_OVERFLOW || len > (1u << 24))
            break;
    }
    free(all);
    return NULL;
}

static const IP_ADAPTER_ADDRESSES *find_adapter(const IP_ADAPTER_ADDRESSES *all,
                                                const struct sockaddr_storage *local)
{
    for (const IP_ADAPTER_ADDRESSES *a = all; a != NULL; a = a->Next)
        for (const IP_ADAPTER_UNICAST_ADDRESS *u = a->FirstUnicastAddress; u != NULL;
             u = u->Next)
            if (same_addr(u->Address.lpSockaddr, local))
                return a;
    return NULL;
}

/* The subkey of the network class key whose NetCfgInstanceId is the
 * adapter's GUID ("0007"); 0 or -1. */
static int class_subkey(const char *guid, char *sub, size_t n)
{
    HKEY cls;
    char name[64], id[128], path[256];
    int rc = -1;

    if (RegOpenKeyExA(HKEY_LOCAL_MACHINE, NET_CLASS_KEY, 0, KEY_READ, &cls) != ERROR_SUCCESS)
        return -1;
    for (DWORD i = 0; i < CLASS_SUBKEYS_MAX && rc != 0; i++) {
        DWORD len = sizeof name;
        if (RegEnumKeyExA(cls, i, name, &len, NULL, NULL, NULL, NULL) != ERROR_SUCCESS)
            break;
        snprintf(path, sizeof path, NET_CLASS_KEY "\\%s", name);
        if (vs_fw_reg_str(HKEY_LOCAL_MACHINE, path, "NetCfgInstanceId", id, sizeof id) == 0 &&
            _stricmp(id, guid) == 0) {
            snprintf(sub, n, "%s", path);
            rc = 0;
        }
    }
    RegCloseKey(cls);
    return rc;
}

/* The adapter facts unknown, for `why`. */
static void adapter_unknown(vs_facts *fs, const char *why)
{
    const enum vs_fact_key ks[] = { VS_FK_NET_IF, VS_FK_NET_DRIVER, VS_FK_NET_MTU,
                                    VS_FK_NET_DRIVER_VERSION, VS_FK_NET_TSO, VS_FK_NET_LRO,
                                    VS_FK_NET_RSS, VS_FK_NET_RX_QUEUES };

    for (size_t i = 0; i < sizeof ks / sizeof ks[0]; i++)
        vs_fact_set_unknown(fs, ks[i], "%s", why);
}

/* An adapter keyword ("*LsoV2IPv4") as a number; `bool` facts take 0/1. */
static void keyword_fact(const char *sub, const char *kw, enum vs_fact_key k, vs_facts *fs)
{
    char v[32];
    uint64_t num;

    if (vs_fw_reg_str(HKEY_LOCAL_MACHINE, sub, kw, v, sizeof v) != 0)
        vs_fact_set_unknown(fs, k, "the adapter has no %s keyword", kw);
    else if (vs_fp_u64(v, &num) != 0 || num > 4096)
        vs_fact_set_unknown(fs, k, "%s is not a number", kw);
    else
        vs_fact_set_num(fs, k, num);
}

static void registry_facts(const char *guid, vs_facts *fs)
{
    char sub[320], v[VS_FACT_TEXT_MAX];

    if (class_subkey(guid, sub, sizeof sub) != 0) {
        const enum vs_fact_key ks[] = { VS_FK_NET_DRIVER_VERSION, VS_FK_NET_TSO,
                                        VS_FK_NET_LRO, VS_FK_NET_RSS, VS_FK_NET_RX_QUEUES };
        for (size_t i = 0; i < sizeof ks / sizeof ks[0]; i++)
            vs_fact_set_unknown(fs, ks[i], "no network class registry key for %s", guid);
        return;
    }
    if (vs_fw_reg_str(HKEY_LOCAL_MACHINE, sub, "DriverVersion", v, sizeof v) == 0)
        vs_fact_set_str(fs, VS_FK_NET_DRIVER_VERSION, v);
    else
        vs_fact_set_unknown(fs, VS_FK_NET_DRIVER_VERSION, "no DriverVersion in the registry");
    keyword_fact(sub, "*LsoV2IPv4", VS_FK_NET_TSO, fs);
    keyword_fact(sub, "*RscIPv4", VS_FK_NET_LRO, fs);
    keyword_fact(sub, "*RSS", VS_FK_NET_RSS, fs);
    keyword_fact(sub, "*NumRssQueues", VS_FK_NET_RX_QUEUES, fs);
}

static void tcp_path(SOCKET s, vs_facts *fs)
{
    struct sockaddr_storage local;
    int ll = sizeof local;
    IP_ADAPTER_ADDRESSES *all;
    const IP_ADAPTER_ADDRESSES *a;
    char text[VS_FACT_TEXT_MAX];

    vs_fact_set_unknown(fs, VS_FK_NET_FIRMWARE, "not read on Windows");
    vs_fact_set_unknown(fs, VS_FK_NET_GSO, "Windows has no GSO setting");
    vs_fact_set_unknown(fs, VS_FK_NET_GRO, "Windows has no GRO setting (see net.lro, RSC)");
    vs_fact_set_unknown(fs, VS_FK_NET_TX_QUEUES, "Windows does not expose transmit queues");
    vs_fact_set_unknown(fs, VS_FK_NET_QDISC, "Windows has no qdisc");
    vs_fact_set_unknown(fs, VS_FK_TCP_CC, "Windows exposes no per-connection congestion "
                        "control");
    if (getsockname(s, (struct sockaddr *)&local, &ll) != 0 || (all = adapters()) == NULL) {
        adapter_unknown(fs, "cannot list the adapters or the socket's address");
        return;
    }
    if ((a = find_adapter(all, &local)) == NULL) {
        adapter_unknown(fs, "no adapter holds the local address");
    } else {
        vs_fw_utf8(a->FriendlyName, text, sizeof text);
        vs_fact_set_str(fs, VS_FK_NET_IF, text);
        vs_fw_utf8(a->Description, text, sizeof text);
        vs_fact_set_str(fs, VS_FK_NET_DRIVER, text);
        if (a->Mtu >= 68 && a->Mtu <= 1048576)
            vs_fact_set_num(fs, VS_FK_NET_MTU, a->Mtu);
        else
            vs_fact_set_unknown(fs, VS_FK_NET_MTU, "implausible MTU %lu",
                                (unsigned long)a->Mtu);
        registry_facts(a->AdapterName != NULL ? a->AdapterName : "?", fs);
    }
    free(all);
}

void vs_facts_path(vs_sock s, enum vs_transport tr, vs_facts *out)
{
    char v[VS_FACT_TEXT_MAX];

    vs_fact_set_str(out, VS_FK_PATH_TRANSPORT, vs_transport_name(tr));
    if (tr == VS_TR_TCP) {
        tcp_path((SOCKET)s, out);
    } else if (tr == VS_TR_VSOCK) {
        vs_fact_set_str(out, VS_FK_VSOCK_TRANSPORT, "vmci");
        if (vs_fw_driver_version("vmci.sys", v, sizeof v) == 0)
            vs_fact_set_str(out, VS_FK_VSOCK_VERSION, v);
        else
            vs_fact_set_unknown(out, VS_FK_VSOCK_VERSION, "%s", v);
    } else if (tr == VS_TR_HVSOCK) {
        vs_fact_set_str(out, VS_FK_VSOCK_TRANSPORT, "hvsocket");
        vs_fact_set_unknown(out, VS_FK_VSOCK_VERSION,
                            "part of Windows (see os.kernel and hv.version)");
    }
}
