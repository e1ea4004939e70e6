/* thread_win.c - thread.h with Win32 threads. */
#include "platform/thread.h"

#include <stdlib.h>
#include <windows.h>

struct vs_thread {
    HANDLE handle;
    void (*fn)(void *);
    void *arg;
};

struct vs_gate {
    CRITICAL_SECTION cs;
    CONDITION_VARIABLE cv;
    int open;
};

struct vs_mutex {
    CRITICAL_SECTION cs;
};

static DWORD WINAPI trampoline(LPVOID p)
{
    vs_thread *t = p;
    t->fn(t->arg);
    return 0;
}

int vs_thread_start(vs_thread **out, void (*fn)(void *), void *arg, vs_err *e)
{
    return vs_thread_start_on(out, fn, arg, -1, e);
}

/* Created suspended, pinned, then let go, so fn runs on `cpu` only. */
int vs_thread_start_on(vs_thread **out, void (*fn)(void *), void *arg, int cpu, vs_err *e)
{
    vs_thread *t = calloc(1, sizeof *t);

    if (t == NULL)
        return vs_err_set(e, VS_ERR_RUNTIME, "out of memory starting a thread");
    if (cpu >= 64) {
        free(t);
        return vs_err_set(e, VS_ERR_USAGE, "cannot pin to CPU %d: Windows pins within the "
                          "first 64 CPUs (one processor group)", cpu);
    }
    t->fn = fn;
    t->arg = arg;
    t->handle = CreateThread(NULL, 0, trampoline, t, cpu >= 0 ? CREATE_SUSPENDED : 0, NULL);
    if (t->handle == NULL) {
        free(t);
        return vs_err_set(e, VS_ERR_RUNTIME, "cannot start a thread (error %lu)",
                          (unsigned long)GetLastError());
    }
    if (cpu >= 0 && SetThreadAffinityMask(t->handle, (DWORD_PTR)1 << cpu) == 0) {
        DWORD err = GetLastError();
        TerminateThread(t->handle, 1); /* never ran: it was suspended */
        CloseHandle(t->handle);
        free(t);
        return vs_err_set(e, VS_ERR_USAGE, "cannot pin a thread to CPU %d (error %lu): this "
                          "machine has no such CPU", cpu, (unsigned long)err);
    }
    if (cpu >= 0)
        ResumeThread(t->handle);
    *out = t;
    return 0;
}

int vs_thread_cpu_now(void)
{
    return (int)GetCurrentProcessorNumber();
}

void vs_thread_join(vs_thread *t)
{
    if (t == NULL)
        return;
    WaitForSingleObject(t->handle, INFINITE);
    CloseHandle(t->handle);
    free(t);
}

static DWORD WINAPI detached_trampoline(LPVOID p)
{
    vs_thread t = *(vs_thread *)p;

    free(p);
    t.fn(t.arg);
    return 0;
}

int vs_thread_spawn_detached(void (*fn)(void *), void *arg, vs_err *e)
{
    vs_thread *t = calloc(1, sizeof *t);
    HANDLE h;

    if (t == NULL)
        return vs_err_set(e, VS_ERR_RUNTIME, "out of memory starting a thread");
    t->fn = fn;
    t->arg = arg;
    h = CreateThread(NULL, 0, detached_trampoline, t, 0, NULL);
    if (h == NULL) {
        free(t);
        return vs_err_set(e, VS_ERR_RUNTIME, "cannot start a thread (error %lu)",
                          (unsigned long)GetLastError());
    }
    CloseHandle(h);
    return 0;
}

vs_gate *vs_gate_new(void)
{
    vs_gate *g = calloc(1, sizeof *g);

    if (g == NULL)
        return NULL;
    InitializeCriticalSection(&g->cs);
    InitializeConditionVariable(&g->cv);
    return g;
}

void vs_gate_wait(vs_gate *g)
{
    EnterCriticalSection(&g->cs);
    while (!g->open)
        SleepConditionVariableCS(&g->cv, &g->cs, INFINITE);
    LeaveCriticalSection(&g->cs);
}

void vs_gate_open(vs_gate *g)
{
    EnterCriticalSection(&g->cs);
    g->open = 1;
    WakeAllConditionVariable(&g->cv);
    LeaveCriticalSection(&g->cs);
}

void vs_gate_free(vs_gate *g)
{
    if (g == NULL)
        return;
    DeleteCriticalSection(&g->cs);
    free(g);
}

vs_mutex *vs_mutex_new(void)
{
    vs_mutex *m = calloc(1, sizeof *m);

    if (m != NULL)
        InitializeCriticalSection(&m->cs);
    return m;
}

void vs_mutex_lock(vs_mutex *m)
{
    EnterCriticalSection(&m->cs);
}

void vs_mutex_unlock(vs_mutex *m)
{
    LeaveCriticalSection(&m->cs);
}

void vs_mutex_free(vs_mutex *m)
{
    if (m == NULL)
        return;
    DeleteCriticalSection(&m->cs);
    free(m);
}

int vs_thread_cpu_allowed(int cpu, vs_err *e)
{
    DWORD_PTR proc = 0, sys = 0;

    if (cpu < 0 || cpu >= 64)
        return vs_err_set(e, VS_ERR_USAGE, "no CPU %d here (Windows pins within the first 64 "
                          "CPUs)", cpu), 0;
    if (!GetProcessAffinityMask(GetCurrentProcess(), &proc, &sys))
        return 1; /* unknown: pinning will tell */
    if ((proc & ((DWORD_PTR)1 << cpu)) == 0)
        return vs_err_set(e, VS_ERR_USAGE, "CPU %d is not available to vsbench here", cpu), 0;
    return 1;
}
