/*
 * thread.h - threads and a start gate (all sessions start together).
 * Implementations: thread_posix.c (pthreads), thread_win.c (Win32).
 */
#ifndef VS_THREAD_H
#define VS_THREAD_H

#include "platform/err.h"

typedef struct vs_thread vs_thread;
typedef struct vs_gate vs_gate;
typedef struct vs_mutex vs_mutex;

/* Start fn(arg) on a new thread; join it exactly once (or detach). */
int vs_thread_start(vs_thread **t, void (*fn)(void *), void *arg, vs_err *e);

/* The same on CPU `cpu` only (netperf's -T; -1: anywhere): the thread is
 * pinned before fn runs (pthread_attr_setaffinity_np; a suspended thread
 * and SetThreadAffinityMask on Windows, which pins within the first 64
 * CPUs). A CPU this machine does not have is refused with a message
 * naming it. */
int vs_thread_start_on(vs_thread **t, void (*fn)(void *), void *arg, int cpu, vs_err *e);

/* The CPU the calling thread runs on now (-1 if unknown). */
int vs_thread_cpu_now(void);

/* 1 when this process may run threads on CPU `cpu` (it exists, is online
 * and in the process's affinity set), else 0 with the reason in `e`. */
int vs_thread_cpu_allowed(int cpu, vs_err *e);
void vs_thread_join(vs_thread *t);
/* Start fn(arg) on a thread nobody joins; its resources go when it ends. */
int vs_thread_spawn_detached(void (*fn)(void *), void *arg, vs_err *e);

/* A gate: threads wait until it is opened, once. */
vs_gate *vs_gate_new(void);
void vs_gate_wait(vs_gate *g);
void vs_gate_open(vs_gate *g);
void vs_gate_free(vs_gate *g);

/* A plain mutex. */
vs_mutex *vs_mutex_new(void);
void vs_mutex_lock(vs_mutex *m);
void vs_mutex_unlock(vs_mutex *m);
void vs_mutex_free(vs_mutex *m);

#endif
