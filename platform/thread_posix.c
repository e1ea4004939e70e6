/* thread_posix.c - thread.h with pthreads. */
#include "platform/thread.h"

#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct vs_thread {
    pthread_t tid;
    void (*fn)(void *);
    void *arg;
};

struct vs_gate {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int open;
};

struct vs_mutex {
    pthread_mutex_t mu;
};

static void *trampoline(void *p)
{
    vs_thread *t = p;
    t->fn(t->arg);
    return NULL;
}

int vs_thread_start(vs_thread **out, void (*fn)(void *), void *arg, vs_err *e)
{
    return vs_thread_start_on(out, fn, arg, -1, e);
}

/* Thread attributes that pin to `cpu` (nothing for -1). */
static int pin_attr(pthread_attr_t *attr, int cpu, vs_err *e)
{
    cpu_set_t set;
    int rc;

    if (cpu < 0)
        return 0;
    if (cpu >= CPU_SETSIZE)
        return vs_err_set(e, VS_ERR_USAGE, "cannot pin to CPU %d: at most %d CPUs", cpu,
                          CPU_SETSIZE);
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    rc = pthread_attr_setaffinity_np(attr, sizeof set, &set);
    if (rc != 0)
        return vs_err_set(e, VS_ERR_RUNTIME, "cannot pin to CPU %d: %s", cpu, strerror(rc));
    return 0;
}

int vs_thread_start_on(vs_thread **out, void (*fn)(void *), void *arg, int cpu, vs_err *e)
{
    vs_thread *t = calloc(1, sizeof *t);
    pthread_attr_t attr;
    int rc;

    if (t == NULL)
        return vs_err_set(e, VS_ERR_RUNTIME, "out of memory starting a thread");
    t->fn = fn;
    t->arg = arg;
    pthread_attr_init(&attr);
    if (pin_attr(&attr, cpu, e) != 0) {
        pthread_attr_destroy(&attr);
        free(t);
        return -1;
    }
    rc = pthread_create(&t->tid, &attr, trampoline, t);
    pthread_attr_destroy(&attr);
    if (rc != 0) {
        free(t);
        if (cpu >= 0 && rc == EINVAL)
            return vs_err_set(e, VS_ERR_USAGE, "cannot pin a thread to CPU %d: this machine "
                              "has no such CPU online (it has %ld)", cpu,
                              sysconf(_SC_NPROCESSORS_ONLN));
        return vs_err_set(e, VS_ERR_RUNTIME, "cannot start a thread: %s", strerror(rc));
    }
    *out = t;
    return 0;
}

int vs_thread_cpu_now(void)
{
    return sched_getcpu();
}


void vs_thread_join(vs_thread *t)
{
    if (t == NULL)
        return;
    pthread_join(t->tid, NULL);
    free(t);
}

static void *detached_trampoline(void *p)
{
    vs_thread t = *(vs_thread *)p;

    free(p);
    t.fn(t.arg);
    return NULL;
}

int vs_thread_spawn_detached(void (*fn)(void *), void *arg, vs_err *e)
{
    vs_thread *t = calloc(1, sizeof *t);
    pthread_attr_t attr;
    pthread_t tid;
    int rc;

    if (t == NULL)
        return vs_err_set(e, VS_ERR_RUNTIME, "out of memory starting a thread");
    t->fn = fn;
    t->arg = arg;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    rc = pthread_create(&tid, &attr, detached_trampoline, t);
    pthread_attr_destroy(&attr);
    if (rc != 0) {
        free(t);
        return vs_err_set(e, VS_ERR_RUNTIME, "cannot start a thread: %s",
                          strerror(rc));
    }
    return 0;
}

vs_gate *vs_gate_new(void)
{
    vs_gate *g = calloc(1, sizeof *g);

    if (g == NULL)
        return NULL;
    pthread_mutex_init(&g->mu, NULL);
    pthread_cond_init(&g->cv, NULL);
    return g;
}

void vs_gate_wait(vs_gate *g)
{
    pthread_mutex_lock(&g->mu);
    while (!g->open)
        pthread_cond_wait(&g->cv, &g->mu);
    pthread_mutex_unlock(&g->mu);
}

void vs_gate_open(vs_gate *g)
{
    pthread_mutex_lock(&g->mu);
    g->open = 1;
    pthread_cond_broadcast(&g->cv);
    pthread_mutex_unlock(&g->mu);
}

void vs_gate_free(vs_gate *g)
{
    if (g == NULL)
        return;
    pthread_cond_destroy(&g->cv);
    pthread_mutex_destroy(&g->mu);
    free(g);
}

vs_mutex *vs_mutex_new(void)
{
    vs_mutex *m = calloc(1, sizeof *m);

    if (m != NULL)
        pthread_mutex_init(&m->mu, NULL);
    return m;
}

void vs_mutex_lock(vs_mutex *m)
{
    pthread_mutex_lock(&m->mu);
}

void vs_mutex_unlock(vs_mutex *m)
{
    pthread_mutex_unlock(&m->mu);
}

void vs_mutex_free(vs_mutex *m)
{
    if (m == NULL)
        return;
    pthread_mutex_destroy(&m->mu);
    free(m);
}

int vs_thread_cpu_allowed(int cpu, vs_err *e)
{
    cpu_set_t set;

    CPU_ZERO(&set);
    if (cpu < 0 || cpu >= CPU_SETSIZE)
        return vs_err_set(e, VS_ERR_USAGE, "no CPU %d on this machine", cpu), 0;
    if (sched_getaffinity(0, sizeof set, &set) != 0)
        return 1; /* unknown: pinning will tell */
    if (!CPU_ISSET(cpu, &set))
        return vs_err_set(e, VS_ERR_USAGE, "CPU %d is not available to vsbench here (%d CPUs "
                          "online; the process may run on %d of them)", cpu,
                          (int)sysconf(_SC_NPROCESSORS_ONLN), CPU_COUNT(&set)), 0;
    return 1;
}
