/* cpu_posix.c - cpu.h from /proc/stat and getrusage (RUSAGE_THREAD where it exists). */
#include "platform/cpu.h"
#include "platform/clock.h"

#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

int vs_cpu_count(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)n : 1;
}

/* First line of /proc/stat: cpu user nice system idle iowait irq softirq
 * steal ... in clock ticks. Steal counts as busy: the hypervisor took it. */
static int read_proc_stat(uint64_t *busy_ns, uint64_t *total_ns)
{
    unsigned long long v[8] = { 0 };
    long hz = sysconf(_SC_CLK_TCK);
    FILE *f = fopen("/proc/stat", "r");
    int got;

    if (f == NULL || hz <= 0) {
        if (f != NULL)
            fclose(f);
        return -1;
    }
    got = fscanf(f, "cpu %llu %llu %llu %llu %llu %llu %llu %llu", &v[0], &v[1],
                 &v[2], &v[3], &v[4], &v[5], &v[6], &v[7]);
    fclose(f);
    if (got < 4)
        return -1;
    unsigned long long idle = v[3] + v[4];
    unsigned long long busy = v[0] + v[1] + v[2] + v[5] + v[6] + v[7];
    *busy_ns = busy * (1000000000ull / (unsigned long long)hz);
    *total_ns = (busy + idle) * (1000000000ull / (unsigned long long)hz);
    return 0;
}

static uint64_t tv_ns(struct timeval tv)
{
    return (uint64_t)tv.tv_sec * 1000000000ull + (uint64_t)tv.tv_usec * 1000ull;
}

int vs_cpu_sample_now(vs_cpu_sample *s)
{
    struct rusage ru;
    int rc = 0;

    memset(s, 0, sizeof *s);
    s->wall_ns = vs_now_ns();
    if (read_proc_stat(&s->busy_ns, &s->total_ns) != 0)
        rc = -1;
    if (getrusage(RUSAGE_SELF, &ru) == 0) {
        s->proc_ns = tv_ns(ru.ru_utime) + tv_ns(ru.ru_stime);
        s->own_ns = tv_ns(ru.ru_utime);
    } else {
        rc = -1;
    }
#ifdef RUSAGE_THREAD
    if (getrusage(RUSAGE_THREAD, &ru) == 0)
        s->own_ns += tv_ns(ru.ru_stime);
    else
        s->own_ns = 0;
#else
    s->own_ns = 0;
#endif
    return rc;
}
