/* info.c - see info.h. */
#include "runner/info.h"
#include "runner/size.h"
#include "runner/version.h"

void vs_info_json(vs_json *j, const char *key, const vs_sysinfo *si)
{
    vs_json_obj_begin(j, key);
    vs_json_str(j, "tool_version", VS_VERSION);
    vs_json_str(j, "git_revision", vs_git_revision());
    vs_json_str(j, "hostname", si->hostname);
    vs_json_str(j, "os", si->os);
    vs_json_str(j, "os_release", si->os_release);
    vs_json_str(j, "kernel", si->kernel);
    vs_json_str(j, "arch", si->arch);
    vs_json_str(j, "cpu_model", si->cpu_model);
    vs_json_int(j, "cpus", si->ncpu);
    vs_json_str(j, "hypervisor", si->hypervisor);
    if (si->vsock_cid_known)
        vs_json_uint(j, "vsock_cid", si->vsock_cid);
    else
        vs_json_null(j, "vsock_cid");
    vs_json_bool(j, "vsock_loopback", si->vsock_loopback);
    vs_json_uint(j, "wmem_max", si->wmem_max);
    vs_json_uint(j, "rmem_max", si->rmem_max);
    vs_json_obj_begin(j, "transports");
    for (int t = 0; t < VS_TR_COUNT; t++) {
        vs_json_obj_begin(j, vs_transport_name((enum vs_transport)t));
        vs_json_bool(j, "available", si->transport_ok[t]);
        vs_json_str(j, "detail", si->transport_why[t]);
        vs_json_obj_end(j);
    }
    vs_json_obj_end(j);
    vs_json_obj_end(j);
}

void vs_info_print(FILE *f, const vs_sysinfo *si)
{
    char a[32], b[32];

    fprintf(f, "vsbench %s (%s)\n", VS_VERSION, vs_git_revision());
    fprintf(f, "host        %s\n", si->hostname);
    fprintf(f, "os          %s (%s), kernel %s, %s\n", si->os_release, si->os,
            si->kernel, si->arch);
    fprintf(f, "cpu         %d x %s\n", si->ncpu, si->cpu_model);
    fprintf(f, "hypervisor  %s\n", si->hypervisor);
    if (si->vsock_cid_known)
        fprintf(f, "vsock CID   %lu\n", (unsigned long)si->vsock_cid);
    else
        fprintf(f, "vsock CID   none (no vsock device)\n");
    if (si->wmem_max != 0)
        fprintf(f, "limits      net.core.wmem_max %s, net.core.rmem_max %s\n",
                vs_size_format(si->wmem_max, a, sizeof a),
                vs_size_format(si->rmem_max, b, sizeof b));
    fprintf(f, "transports\n");
    for (int t = 0; t < VS_TR_COUNT; t++)
        fprintf(f, "  %-7s %-4s %s\n", vs_transport_name((enum vs_transport)t),
                si->transport_ok[t] ? "yes" : "no", si->transport_why[t]);
}
