/* cpu_win.c - cpu.h from GetSystemTimes, GetProcessTimes, GetThreadTimes. */
#include "platform/cpu.h"
#include "platform/clock.h"

#include <string.h>
#include <windows.h>

static uint64_t ft_ns(FILETIME ft)
{
    ULARGE_INTEGER u;

    u.LowPart = ft.dwLowDateTime;
    u.HighPart = ft.dwHighDateTime;
    return u.QuadPart * 100ull;
}

int vs_cpu_count(void)
{
    SYSTEM_INFO si;

    GetSystemInfo(&si);
    return si.dwNumberOfProcessors > 0 ? (int)si.dwNumberOfProcessors : 1;
}

int vs_cpu_sample_now(vs_cpu_sample *s)
{
    FILETIME idle, kernel, user, created, exited, pk, pu, tk, tu;
    int rc = 0;

    memset(s, 0, sizeof *s);
    s->wall_ns = vs_now_ns();
    /* Kernel time includes idle time; both are summed over all CPUs. */
    if (GetSystemTimes(&idle, &kernel, &user)) {
        s->total_ns = ft_ns(kernel) + ft_ns(user);
        s->busy_ns = s->total_ns - ft_ns(idle);
    } else {
        rc = -1;
    }
    if (GetProcessTimes(GetCurrentProcess(), &created, &exited, &pk, &pu)) {
        s->proc_ns = ft_ns(pk) + ft_ns(pu);
        s->own_ns = ft_ns(pu);
    } else {
        rc = -1;
    }
    if (GetThreadTimes(GetCurrentThread(), &created, &exited, &tk, &tu))
        s->own_ns += ft_ns(tk);
    else
        s->own_ns = 0;
    return rc;
}
