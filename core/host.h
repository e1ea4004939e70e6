/*
 * host.h - the facts about one host that results are read with: what
 * `vsbench info --json` prints, what the server sends in its WELCOME and
 * what meta.json records for both ends of a sweep ("hosts.local",
 * "hosts.remote"). platform/sysinfo.h fills it for this machine.
 *
 * One table in host.c lists the members (JSON name, kind, struct field),
 * so the writer below and the wire encoding of a peer's facts
 * (runner/hostwire.h) agree. To add a
 * fact: add the field here and one line to that table (docs/files.md
 * lists the members).
 */
#ifndef VS_HOST_H
#define VS_HOST_H

#include <stddef.h>
#include <stdint.h>

#include "core/json.h"
#include "core/names.h"

#define VS_HOST_DETAIL_MAX 160

typedef struct vs_host {
    char tool_version[32];  /* vsbench that collected the facts */
    char git_revision[48];
    char hostname[128];
    char os[32];            /* "Linux", "Windows" */
    char os_release[128];   /* e.g. "Debian GNU/Linux 12 (bookworm)" */
    char kernel[128];       /* e.g. "6.1.0-27-cloud-amd64" */
    char arch[32];          /* e.g. "x86_64" */
    char cpu_model[128];
    int ncpu;
    char hypervisor[64];    /* "KVM", "VMware", "Microsoft Hyper-V", "none" */
    int vsock_cid_known;    /* 0: written as null */
    uint32_t vsock_cid;
    int vsock_loopback;     /* vsock_loopback module loaded */
    uint64_t wmem_max;      /* 0 when the OS has no such limit */
    uint64_t rmem_max;
    int transport_ok[VS_TR_COUNT];
    char transport_why[VS_TR_COUNT][VS_HOST_DETAIL_MAX];
} vs_host;

/* Kinds of members. The numbers travel in the server's WELCOME
 * (runner/hostwire.h): add a kind at the end, never renumber. */
enum vs_host_kind {
    VS_HK_TEXT,     /* char[size] */
    VS_HK_INT,      /* int */
    VS_HK_U64,      /* uint64_t */
    VS_HK_BOOL,     /* int 0/1 */
    VS_HK_CID,      /* uint32_t, null unless vsock_cid_known */
};

/* One scalar member of the JSON object, in the order written. The
 * "transports" object ({NAME: {available, detail}}) follows them. */
typedef struct vs_host_field {
    const char *name;
    enum vs_host_kind kind;
    size_t offset;          /* of the field in vs_host */
    size_t size;            /* of the field (text capacity) */
} vs_host_field;

/* The member table; *n gets its length. */
const vs_host_field *vs_host_fields(int *n);

/* Set tool_version and git_revision to this build's. */
void vs_host_set_tool(vs_host *h);

/* Write `h` as a JSON object (member `key`, or a bare value if NULL). */
void vs_host_json(vs_json *j, const char *key, const vs_host *h);

/* The same members without the enclosing object (to add more, as `vsbench
 * info --json` adds its "facts"). */
void vs_host_json_members(vs_json *j, const vs_host *h);

#endif
