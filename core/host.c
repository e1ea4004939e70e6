/* host.c - see host.h. */
#include "core/host.h"
#include "core/version.h"

#include <stdio.h>

#define F(name, kind, field) { name, kind, offsetof(vs_host, field), sizeof(((vs_host *)0)->field) }

static const vs_host_field fields[] = {
    F("tool_version", VS_HK_TEXT, tool_version),
    F("git_revision", VS_HK_TEXT, git_revision),
    F("hostname", VS_HK_TEXT, hostname),
    F("os", VS_HK_TEXT, os),
    F("os_release", VS_HK_TEXT, os_release),
    F("kernel", VS_HK_TEXT, kernel),
    F("arch", VS_HK_TEXT, arch),
    F("cpu_model", VS_HK_TEXT, cpu_model),
    F("cpus", VS_HK_INT, ncpu),
    F("hypervisor", VS_HK_TEXT, hypervisor),
    F("vsock_cid", VS_HK_CID, vsock_cid),
    F("vsock_loopback", VS_HK_BOOL, vsock_loopback),
    F("wmem_max", VS_HK_U64, wmem_max),
    F("rmem_max", VS_HK_U64, rmem_max),
};

#define NFIELDS ((int)(sizeof fields / sizeof fields[0]))

const vs_host_field *vs_host_fields(int *n)
{
    *n = NFIELDS;
    return fields;
}

void vs_host_set_tool(vs_host *h)
{
    snprintf(h->tool_version, sizeof h->tool_version, "%s", VS_VERSION);
    snprintf(h->git_revision, sizeof h->git_revision, "%s", vs_git_revision());
}

static void write_field(vs_json *j, const vs_host *h, const vs_host_field *f)
{
    const void *p = (const char *)h + f->offset;

    switch (f->kind) {
    case VS_HK_TEXT: vs_json_str(j, f->name, p); break;
    case VS_HK_INT: vs_json_int(j, f->name, *(const int *)p); break;
    case VS_HK_U64: vs_json_uint(j, f->name, *(const uint64_t *)p); break;
    case VS_HK_BOOL: vs_json_bool(j, f->name, *(const int *)p); break;
    case VS_HK_CID:
        if (h->vsock_cid_known)
            vs_json_uint(j, f->name, *(const uint32_t *)p);
        else
            vs_json_null(j, f->name);
        break;
    }
}

void vs_host_json(vs_json *j, const char *key, const vs_host *h)
{
    vs_json_obj_begin(j, key);
    vs_host_json_members(j, h);
    vs_json_obj_end(j);
}

void vs_host_json_members(vs_json *j, const vs_host *h)
{
    for (int i = 0; i < NFIELDS; i++)
        write_field(j, h, &fields[i]);
    vs_json_obj_begin(j, "transports");
    for (int t = 0; t < VS_TR_COUNT; t++) {
        vs_json_obj_begin(j, vs_transport_name((enum vs_transport)t));
        vs_json_bool(j, "available", h->transport_ok[t]);
        vs_json_str(j, "detail", h->transport_why[t]);
        vs_json_obj_end(j);
    }
    vs_json_obj_end(j);
}
