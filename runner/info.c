/* info.c - see info.h. */
#include "runner/info.h"
#include "platform/sysinfo.h"
#include "core/size.h"

void vs_info_read(vs_host *h)
{
    vs_sysinfo_read(h);
    vs_host_set_tool(h);
}

void vs_info_print(FILE *f, const vs_host *si)
{
    char a[32], b[32];

    fprintf(f, "vsbench %s (%s)\n", si->tool_version, si->git_revision);
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
