/* flows.c - see flows.h. */
#include "workloads/flows.h"
#include "platform/clock.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void vs_flow_fail_text(vs_flow *f, const char *text)
{
    if (f->info.failed)
        return;
    f->info.failed = 1;
    snprintf(f->info.error, sizeof f->info.error, "%s", text);
}

void vs_flow_fail(vs_flow *f, const char *what, long rc)
{
    char why[128], text[sizeof f->info.error];

    if (f->info.failed || vs_flow_aborted(f))
        return;
    if (rc == 0)
        snprintf(text, sizeof text, "%s: peer closed the connection", what);
    else
        snprintf(text, sizeof text, "%s: %s", what,
                 vs_sock_strerror(vs_sock_errno(), why, sizeof why));
    vs_flow_fail_text(f, text);
}

static void flow_main(void *arg)
{
    vs_flow *f = arg;
    vs_flows *fl = f->fl;
    int ready = fl->ops->prepare == NULL || fl->ops->prepare(f) == 0;

    vs_gate_wait(fl->gate);
    f->info.start_ns = vs_now_ns();
    atomic_fetch_add(&fl->started, 1);
    if (ready && !atomic_load(&fl->aborted))
        fl->ops->run(f);
    f->info.end_ns = vs_now_ns();
    atomic_store(&f->done, 1);
    if (ready && !f->info.failed && !atomic_load(&fl->aborted) && fl->ops->finish != NULL)
        fl->ops->finish(f);
}

/* Timeouts on every socket, so that no blocked call outlives a vanished
 * peer by more than VS_DATA_TIMEOUT_MS. */
static int set_timeouts(vs_flows *fl, vs_err *e)
{
    for (int i = 0; i < fl->n; i++)
        if (fl->flows[i].sock != VS_SOCK_NONE &&
            vs_sock_set_timeouts(fl->flows[i].sock, VS_DATA_TIMEOUT_MS, e) != 0)
            return -1;
    return 0;
}

static vs_flows *flows_new(const vs_sock *socks, int n, const vs_flow_ops *ops,
                           const void *cfg)
{
    vs_flows *fl = calloc(1, sizeof *fl);

    if (fl == NULL || (fl->flows = calloc((size_t)n, sizeof *fl->flows)) == NULL ||
        (fl->gate = vs_gate_new()) == NULL) {
        if (fl != NULL)
            free(fl->flows);
        free(fl);
        return NULL;
    }
    fl->ops = ops;
    fl->cfg = cfg;
    fl->n = n;
    atomic_store(&fl->win_start, UINT64_MAX);
    atomic_store(&fl->win_end, UINT64_MAX);
    for (int i = 0; i < n; i++) {
        fl->flows[i].fl = fl;
        fl->flows[i].index = i;
        fl->flows[i].sock = socks[i];
    }
    return fl;
}

int vs_flows_create(vs_flows **out, const vs_sock *socks, int n, const vs_flow_ops *ops,
                    const void *cfg, const vs_cpulist *pin, vs_err *e)
{
    vs_flows *fl = flows_new(socks, n, ops, cfg);

    if (fl == NULL) {
        for (int i = 0; i < n; i++)
            vs_sock_close(socks[i]);
        return vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
    }
    if (set_timeouts(fl, e) != 0)
        goto fail;
    for (int i = 0; i < n; i++) {
        int cpu = pin != NULL ? vs_cpulist_for_session(pin, i) : -1;
        if (vs_thread_start_on(&fl->flows[i].thread, flow_main, &fl->flows[i], cpu, e) != 0) {
            vs_err_prefix(e, "session %d", i + 1);
            goto fail;
        }
    }
    *out = fl;
    return 0;
fail:
    vs_flows_abort(fl);
    vs_flows_free(fl);
    return -1;
}

void vs_flows_go(vs_flows *fl)
{
    vs_gate_open(fl->gate);
}

void vs_flows_window_open(vs_flows *fl, uint64_t at_ns)
{
    atomic_store(&fl->win_start, at_ns);
}

void vs_flows_window_close(vs_flows *fl, uint64_t at_ns)
{
    atomic_store(&fl->win_end, at_ns);
}

void vs_flows_counters(vs_flows *fl, uint64_t *counts)
{
    for (int i = 0; i < fl->n; i++)
        counts[i] = atomic_load_explicit(&fl->flows[i].count, memory_order_relaxed);
}

int vs_flows_started(vs_flows *fl)
{
    return atomic_load(&fl->started);
}

int vs_flows_ended(vs_flows *fl)
{
    int k = 0;

    for (int i = 0; i < fl->n; i++)
        k += atomic_load(&fl->flows[i].done) != 0;
    return k;
}

int vs_flows_failures(vs_flows *fl)
{
    int k = 0;

    for (int i = 0; i < fl->n; i++)
        k += atomic_load(&fl->flows[i].done) && fl->flows[i].info.failed;
    return k;
}

void vs_flows_stop(vs_flows *fl)
{
    atomic_store(&fl->stop, 1);
}

void vs_flows_abort(vs_flows *fl)
{
    atomic_store(&fl->aborted, 1);
    atomic_store(&fl->stop, 1);
    for (int i = 0; i < fl->n; i++)
        if (fl->flows[i].sock != VS_SOCK_NONE)
            (void)vs_sock_shutdown(fl->flows[i].sock, VS_SHUT_RDWR); /* wake-up only */
    vs_gate_open(fl->gate);
}

void vs_flows_join(vs_flows *fl, vs_flow_info *out)
{
    for (int i = 0; i < fl->n; i++) {
        vs_thread_join(fl->flows[i].thread);
        fl->flows[i].thread = NULL;
        if (out != NULL)
            out[i] = fl->flows[i].info;
    }
}

void vs_flows_free(vs_flows *fl)
{
    if (fl == NULL)
        return;
    for (int i = 0; i < fl->n; i++) {
        vs_flow *f = &fl->flows[i];
        if (f->thread != NULL)
            vs_thread_join(f->thread);
        if (fl->ops->release != NULL)
            fl->ops->release(f);
        vs_sock_close(f->sock);
    }
    vs_gate_free(fl->gate);
    free(fl->flows);
    free(fl);
}

int vs_flows_pin_check(const vs_cpulist *pin, vs_err *e)
{
    for (int i = 0; i < pin->n; i++)
        if (!vs_thread_cpu_allowed(pin->cpu[i], e))
            return -1;
    return 0;
}

void vs_flows_mark(vs_flows *fl)
{
    atomic_fetch_add(&fl->marks, 1);
}

void vs_flow_note_mark(vs_flow *f, int m)
{
    if (m >= 1 && m <= VS_FLOW_MARKS)
        f->info.mark_ns[m - 1] = vs_now_ns();
}
