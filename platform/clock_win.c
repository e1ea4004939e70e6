/* clock_win.c - clock.h on Windows (QueryPerformanceCounter). */
#include "platform/clock.h"

#include <stdio.h>
#include <time.h>
#include <windows.h>

uint64_t vs_now_ns(void)
{
    static LARGE_INTEGER freq; /* set once; the frequency never changes */
    LARGE_INTEGER now;

    if (freq.QuadPart == 0)
        QueryPerformanceFrequency(&freq);
    QueryPerformanceCounter(&now);
    return (uint64_t)(now.QuadPart / freq.QuadPart) * 1000000000ull +
           (uint64_t)(now.QuadPart % freq.QuadPart) * 1000000000ull / (uint64_t)freq.QuadPart;
}

void vs_sleep_ms(int ms)
{
    Sleep((DWORD)ms);
}

double vs_wall_seconds(void)
{
    FILETIME ft;
    ULARGE_INTEGER u;

    GetSystemTimeAsFileTime(&ft);
    u.LowPart = ft.dwLowDateTime;
    u.HighPart = ft.dwHighDateTime;
    /* 100 ns ticks since 1601 -> seconds since 1970 */
    return (double)(u.QuadPart - 116444736000000000ull) / 1e7;
}

const char *vs_iso8601(double unix_seconds, char *buf, size_t n)
{
    __time64_t t = (__time64_t)unix_seconds;
    struct tm tm;

    if (_gmtime64_s(&tm, &t) != 0) {
        snprintf(buf, n, "unknown");
        return buf;
    }
    strftime(buf, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}
