/* cpu.c - the OS-independent arithmetic of cpu.h. */
#include "platform/cpu.h"

#include <string.h>

void vs_cpu_between(const vs_cpu_sample *a, const vs_cpu_sample *b,
                    vs_cpu_usage *u)
{
    memset(u, 0, sizeof *u);
    if (b->total_ns > a->total_ns && b->busy_ns >= a->busy_ns) {
        double busy = (double)(b->busy_ns - a->busy_ns);
        u->util_pct = 100.0 * busy / (double)(b->total_ns - a->total_ns);
        if (u->util_pct > 100.0) /* counters read a moment apart; runs.csv holds <= 100 */
            u->util_pct = 100.0;
        u->busy_us = busy / 1000.0;
    }
    if (b->wall_ns > a->wall_ns && b->proc_ns >= a->proc_ns)
        u->proc_pct = 100.0 * (double)(b->proc_ns - a->proc_ns) /
                      (double)(b->wall_ns - a->wall_ns);
    if (b->own_ns >= a->own_ns)
        u->own_us = (double)(b->own_ns - a->own_ns) / 1000.0;
}

double vs_service_demand(double busy_us, uint64_t bytes)
{
    if (bytes == 0)
        return 0.0;
    return busy_us / ((double)bytes / 1024.0);
}
