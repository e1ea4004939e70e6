/*
 * cpu.h - CPU usage of the whole machine and of this process.
 *
 * Take a sample before and after an interval; vs_cpu_between turns the
 * pair into utilisation and busy time, from which service demand (CPU
 * microseconds per KB moved, netperf's figure) follows.
 * Implementations: cpu_posix.c (/proc/stat, getrusage), cpu_win.c
 * (GetSystemTimes, GetProcessTimes); cpu.c holds the arithmetic.
 */
#ifndef VS_CPU_H
#define VS_CPU_H

#include <stdint.h>

typedef struct vs_cpu_sample {
    uint64_t busy_ns;  /* all CPUs together, system-wide, non-idle */
    uint64_t total_ns; /* all CPUs together, busy + idle */
    uint64_t proc_ns;  /* this process, user + system */
    /* CPU outside the system calls of other threads: this process's user
     * time (all threads) plus the calling thread's system time. When the
     * other threads do nothing but send or recv, this is the CPU the tool
     * itself spends. 0 where the OS has no per-thread figures. */
    uint64_t own_ns;
    uint64_t wall_ns;  /* vs_now_ns() at the sample */
} vs_cpu_sample;

typedef struct vs_cpu_usage {
    double util_pct; /* system-wide, percent of all CPUs (0-100) */
    double proc_pct; /* this process, percent of one CPU */
    double busy_us;  /* system-wide busy CPU time in microseconds */
    double own_us;   /* own_ns between the samples, in microseconds */
} vs_cpu_usage;

/* Take a sample now; -1 if the OS gives no figures (fields zeroed). */
int vs_cpu_sample_now(vs_cpu_sample *s);

/* Number of online CPUs (at least 1). */
int vs_cpu_count(void);

/* Usage between two samples (a before b). Zeroed if not measurable. */
void vs_cpu_between(const vs_cpu_sample *a, const vs_cpu_sample *b,
                    vs_cpu_usage *u);

/* Service demand: busy microseconds per KB (1024 bytes); 0 if bytes=0. */
double vs_service_demand(double busy_us, uint64_t bytes);

#endif
