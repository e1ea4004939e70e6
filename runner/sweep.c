/* sweep.c - see sweep.h. */
#include "runner/sweep.h"
#include "runner/client.h"
#include "runner/matrix.h"
#include "core/label.h"
#include "core/latency.h"
#include "core/safeprint.h"
#include "runner/metafile.h"
#include "runner/progress.h"
#include "runner/runsfile.h"
#include "platform/clock.h"
#include "platform/fs.h"
#include "platform/net.h"

#include <stdlib.h>
#include <string.h>

#define MAX_RUNS_PER_POINT 1000

typedef struct sweep {
    const vs_sweep_opts *o;
    vs_runsfile rf;
    vs_dir_lock *lock;     /* on --out: one sweep at a time */
    vs_matrix m;
    vs_meta meta;
    vs_progress prog;
    vs_run_report *report;
    uint32_t server_cid;
    /* interim figures of the run in progress */
    uint32_t prev_ms;
    uint64_t prev_sum;
    uint64_t rr_bytes;     /* rr, crr: request + response; 0 for streams */
    char hlog[4200];       /* the run's latency log (rr, crr) */
} sweep;

static void hms(double s, char *buf, size_t n)
{
    long t = (long)(s + 0.5);
    snprintf(buf, n, "%ldh %02ldm %02lds", t / 3600, t / 60 % 60, t % 60);
}

static int is_loopback_host(const vs_addr *a)
{
    return a->tr == VS_TR_UNIX ||
           (a->tr == VS_TR_TCP && (strncmp(a->host, "127.", 4) == 0 ||
                                   strcmp(a->host, "::1") == 0 ||
                                   strcmp(a->host, "localhost") == 0));
}

/* Whether transport t can run before the server is asked: this machine
 * cannot use it, unix sockets need the server here, and vsock to this
 * machine needs a loopback transport. `control` may be NULL (unknown). */
static int usable_here(enum vs_transport t, const vs_addr *control, char *why, size_t n)
{
    char reason[160];

    if (!vs_transport_probe(t, reason, sizeof reason)) {
        snprintf(why, n, "this machine: %s", reason);
        return 0;
    }
    if (t == VS_TR_UNIX && control != NULL && !is_loopback_host(control)) {
        snprintf(why, n, "unix sockets need the server on this machine");
        return 0;
    }
    if (t == VS_TR_VSOCK && control != NULL && is_loopback_host(control) &&
        !vs_vsock_loopback_present()) {
        snprintf(why, n, "the server is this machine and no vsock loopback transport is "
                 "loaded (modprobe vsock_loopback)");
        return 0;
    }
    return 1;
}

/* One estimate line: runs, measured and total time. */
static void estimate_line(FILE *out, const char *lead, const vs_matrix *m, const vs_profile *p)
{
    int runs;
    double measured, total;
    char a[32], b[32];

    vs_matrix_estimate(m, p, &runs, &measured, &total);
    hms(measured, a, sizeof a);
    hms(total, b, sizeof b);
    fprintf(out, "%s%d runs%s, measured time %.0f s (%s, %.2f hours); with warm-up and "
            "set-up about %s\n", lead, runs, p->rule.enabled ? " at least" : "", measured, a,
            measured / 3600.0, b);
}

void vs_sweep_dry_run(const vs_profile *p, const vs_addr *control, FILE *out)
{
    vs_matrix m, all;
    vs_err e;
    int skip[VS_TR_COUNT] = { 0 }, nskip = 0;
    char label[96], why[200];

    for (int i = 0; i < p->ntransports; i++)
        if (!usable_here(p->transports[i], control, why, sizeof why)) {
            skip[p->transports[i]] = 1;
            nskip++;
            fprintf(out, "skipped here: %s (%s)\n", vs_transport_name(p->transports[i]), why);
        }
    if (vs_matrix_expand(p, skip, &m, &e) != 0 || vs_matrix_expand(p, NULL, &all, &e) != 0) {
        vs_safe_fputs(out, e.msg); /* it may quote the profile */
        fputc('\n', out);
        return;
    }
    fprintf(out, "profile %s (%s): %d points%s\n", p->name, p->source, m.n,
            nskip ? " without the skipped transports" : "");
    for (int i = 0; i < m.n; i++)
        fprintf(out, "  %3d  %-32s %6.1f s x %d%s\n", i + 1,
                vs_label_point(&m.pts[i], label, sizeof label),
                vs_profile_duration(p, m.pts[i].sessions) / 1000.0, p->rule.min_runs,
                p->rule.enabled ? "+ (until the CI is narrow enough)" : "");
    estimate_line(out, "", &m, p);
    if (nskip)
        estimate_line(out, "with the skipped transports: ", &all, p);
    if (p->rule.enabled)
        fprintf(out, "each point repeats until its %d%% confidence interval is within "
                "+/-%.2f%% (%d to %d runs)\n", p->rule.level, p->rule.width / 2,
                p->rule.min_runs, p->rule.max_runs);
    vs_matrix_free(&m);
    vs_matrix_free(&all);
}

/* ---- set-up ------------------------------------------------------------ */

/* Decide which transports can run here; record why others cannot. */
static void choose_transports(sweep *s)
{
    const vs_profile *p = s->o->profile;
    vs_meta *mt = &s->meta;
    vs_err e;

    for (int i = 0; i < p->ntransports; i++) {
        enum vs_transport t = p->transports[i];
        char *why = mt->skip_reason[t];
        size_t n = sizeof mt->skip_reason[t];
        if (!usable_here(t, &s->o->control, why, n)) {
            mt->skipped[t] = 1;
        } else if (t == VS_TR_VSOCK && s->server_cid == VS_CID_ANY) {
            mt->skipped[t] = 1;
            snprintf(why, n, "the server has no vsock transport (no CID)");
        } else if (t == VS_TR_VSOCK && vs_vsock_peer_check(s->server_cid, &e) != 0) {
            mt->skipped[t] = 1;
            snprintf(why, n, "%s", e.msg);
        }
        if (mt->skipped[t])
            fprintf(stderr, "vsbench sweep: skipping %s: %s\n", vs_transport_name(t), why);
    }
}

/* Keep DIR/profile.txt; a resumed sweep must use the same profile. */
static int check_profile(const sweep *s, vs_err *e)
{
    char path[4200];
    FILE *f;
    const char *text = s->o->profile->text;

    snprintf(path, sizeof path, "%s/profile.txt", s->o->out_dir);
    f = fopen(path, "rb");
    if (f != NULL && s->rf.ndone > 0) {
        size_t n = strlen(text);
        char *old = malloc(n + 2);
        size_t got = old ? fread(old, 1, n + 1, f) : 0;
        int same = old != NULL && got == n && memcmp(old, text, n) == 0;
        free(old);
        fclose(f);
        if (!same)
            return vs_err_set(e, VS_ERR_USAGE, "%s was started with a different profile "
                              "(see %s); resume it with that profile or use a new --out",
                              s->o->out_dir, path);
        return 0;
    }
    if (f != NULL)
        fclose(f);
    if (s->rf.ndone > 0)
        return vs_err_set(e, VS_ERR_USAGE, "%s holds runs but no profile.txt: not a "
                          "directory vsbench sweep can resume", s->o->out_dir);
    f = fopen(path, "wb");
    if (f == NULL)
        return vs_err_set(e, VS_ERR_USAGE, "cannot write %s", path);
    fputs(text, f);
    if (vs_fsync_file(f, e) != 0) {
        fclose(f);
        return -1;
    }
    fclose(f);
    return 0;
}

/* ---- running ----------------------------------------------------------- */

/* Interim figures as Gbit/s: an rr run counts transactions, which carry
 * a request and a response each. */
static void on_interim(void *ctx, const vs_interim *im)
{
    sweep *s = ctx;
    uint64_t sum = 0, unit = s->rr_bytes ? s->rr_bytes : 1;

    for (int i = 0; i < im->count; i++)
        sum += im->bytes[i] * unit;
    if (im->elapsed_ms > s->prev_ms)
        vs_progress_interim(&s->prog, (double)(sum - s->prev_sum) * 8 /
                                          ((im->elapsed_ms - s->prev_ms) / 1000.0) / 1e9);
    s->prev_ms = im->elapsed_ms;
    s->prev_sum = sum;
}

/* Planned seconds of one run of a point. */
static double nominal_s(const sweep *s, const vs_point *pt)
{
    const vs_profile *p = s->o->profile;
    return (vs_profile_duration(p, pt->sessions) + p->warmup_ms) / 1000.0;
}

/* DIR/latency/NAME.hlog of a run (core/latency.h names it). */
static const char *hlog_path(sweep *s, const vs_point *pt, int run)
{
    char name[160];

    snprintf(s->hlog, sizeof s->hlog, "%s/latency/%s", s->o->out_dir,
             vs_hlog_name(pt, run, name, sizeof name));
    return s->hlog;
}

/* The profile's send options where the point takes them: zero-copy sends
 * for stream and maerts over tcp and vsock, congestion control for tcp
 * except crr (a sweep over several transports and tests keeps going). */
static void send_options(vs_test_req *q, const vs_profile *p)
{
    enum vs_transport tr = (enum vs_transport)q->transport;
    enum vs_test t = (enum vs_test)q->test;

    q->zerocopy = (uint8_t)(p->zerocopy && !vs_test_is_rr(t) &&
                            (tr == VS_TR_TCP || tr == VS_TR_VSOCK));
    if (tr == VS_TR_TCP && t != VS_TEST_CRR)
        snprintf(q->congestion, sizeof q->congestion, "%s", p->congestion);
}

static int run_point(sweep *s, const vs_point *pt, int run, vs_err *e)
{
    const vs_profile *p = s->o->profile;
    vs_run_opts ro;
    vs_err re;
    uint32_t dur = vs_profile_duration(p, pt->sessions);

    memset(&ro, 0, sizeof ro);
    ro.control = s->o->control;
    ro.connect_timeout_ms = s->o->connect_timeout_ms;
    ro.watch_stop_signal = 1;
    ro.key = s->o->key;
    ro.busy_wait_ms = VS_BUSY_WAIT_DEFAULT_MS;
    ro.req.test = (uint8_t)pt->test;
    ro.req.transport = (uint8_t)pt->tr;
    ro.req.sessions = (uint16_t)pt->sessions;
    ro.req.msg_size = pt->msg;
    ro.req.sock_size = pt->sock;
    ro.req.resp_size = pt->resp;
    ro.req.burst = (uint16_t)pt->burst;
    snprintf(ro.cpus, sizeof ro.cpus, "%s", p->cpus);
    snprintf(ro.req.server_cpus, sizeof ro.req.server_cpus, "%s", p->server_cpus);
    send_options(&ro.req, p);
    s->rr_bytes = vs_test_is_rr(pt->test) ? (uint64_t)pt->msg + pt->resp : 0;
    ro.hdr_log = s->rr_bytes ? hlog_path(s, pt, run) : NULL;
    ro.req.duration_ms = dur;
    ro.req.warmup_ms = p->warmup_ms;
    ro.req.interval_ms = s->prog.tty ? 1000 : 0;
    ro.on_interim = on_interim;
    ro.ctx = s;
    s->prev_ms = 0;
    s->prev_sum = 0;
    vs_progress_run_start(&s->prog, pt, run);
    vs_client_run(&ro, s->report, &re); /* a failure is recorded, not fatal */
    if (vs_stop_requested())
        return 1;
    if (vs_runsfile_append(&s->rf, s->report, run, e) != 0)
        return -1;
    s->meta.runs_done++;
    s->meta.runs_failed += !vs_report_total(s->report)->ok;
    vs_meta_add_path(&s->meta, pt->tr, &s->report->path, &s->report->remote_path);
    vs_progress_run_end(&s->prog, vs_report_total(s->report), nominal_s(s, pt));
    return 0;
}

/* Runs still owed to the point, by its stop rule (0 = done). */
static int point_runs(const sweep *s, const vs_point *pt, int *next_run)
{
    double gbps[MAX_RUNS_PER_POINT];
    int n_ok, attempts = vs_runsfile_runs(&s->rf, pt, gbps, MAX_RUNS_PER_POINT, &n_ok);

    *next_run = attempts + 1;
    return !vs_stoprule_done(&s->o->profile->rule, gbps, n_ok, attempts);
}

/* Repeating until confidence intervals are narrow: the plan becomes an
 * upper bound, every unfinished point up to its max-runs. */
static void replan_at_most(sweep *s)
{
    double gbps[MAX_RUNS_PER_POINT], nominal = 0;
    int left = 0;

    for (int i = 0; i < s->m.n; i++) {
        int n_ok, attempts = vs_runsfile_runs(&s->rf, &s->m.pts[i], gbps, MAX_RUNS_PER_POINT,
                                              &n_ok);
        if (vs_stoprule_done(&s->o->profile->rule, gbps, n_ok, attempts))
            continue;
        left += s->o->profile->rule.max_runs - attempts;
        nominal += (s->o->profile->rule.max_runs - attempts) * nominal_s(s, &s->m.pts[i]);
    }
    vs_progress_replan(&s->prog, s->prog.done + left, s->prog.nominal_done_s + nominal);
}

/* Round after round until no point needs another run. Returns 1 when
 * interrupted, -1 on a write error. */
static int run_rounds(sweep *s, vs_err *e)
{
    int ran;

    do {
        ran = 0;
        for (int i = 0; i < s->m.n; i++) {
            int run, rc;
            if (!point_runs(s, &s->m.pts[i], &run))
                continue;
            if (s->prog.done >= s->prog.planned) /* repeating past the plan */
                replan_at_most(s);
            rc = run_point(s, &s->m.pts[i], run, e);
            if (rc != 0)
                return rc;
            ran++;
        }
    } while (ran > 0);
    return 0;
}

/* DIR/latency/ for the logs of rr and crr runs, when the profile has any. */
static int make_latency_dir(const vs_sweep_opts *o, vs_err *e)
{
    char path[4200];

    for (int t = 0; t < o->profile->ntests; t++)
        if (vs_test_is_rr(o->profile->tests[t])) {
            snprintf(path, sizeof path, "%s/latency", o->out_dir);
            return vs_mkdir_p(path, e);
        }
    return 0;
}

/* The server's WELCOME: its CID, host facts and settings for meta.json. */
static int probe_server(sweep *s, const vs_run_opts *po, vs_err *e)
{
    vs_welcome *w = malloc(sizeof *w);

    if (w == NULL)
        return vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
    if (vs_client_probe(po, w, e) != 0) {
        free(w);
        return -1;
    }
    s->server_cid = w->cid;
    s->meta.remote = w->host;
    s->meta.remote_facts = w->facts;
    s->meta.has_remote_facts = w->has_facts;
    free(w);
    return 0;
}

static int prepare(sweep *s, vs_err *e)
{
    const vs_sweep_opts *o = s->o;
    int planned, recorded = 0, n_ok;
    double measured, total, dummy[1];
    vs_run_opts po = { .control = o->control, .connect_timeout_ms = o->connect_timeout_ms,
                       .watch_stop_signal = 1, .key = o->key,
                       .busy_wait_ms = VS_BUSY_WAIT_DEFAULT_MS };

    /* the server first: a sweep that cannot start writes nothing */
    if (probe_server(s, &po, e) != 0)
        return vs_err_prefix(e, "cannot start the sweep");
    if (vs_mkdir_p(o->out_dir, e) != 0 || vs_dir_lock_take(o->out_dir, "sweep", &s->lock, e) != 0 ||
        vs_runsfile_open(&s->rf, o->out_dir, o->resume, e) != 0 || check_profile(s, e) != 0 ||
        make_latency_dir(o, e) != 0)
        return -1;
    choose_transports(s);
    if (vs_matrix_expand(o->profile, s->meta.skipped, &s->m, e) != 0)
        return -1;
    if (s->m.n == 0)
        return vs_err_set(e, VS_ERR_UNSUPPORTED, "no transport of the profile is usable here");
    vs_matrix_estimate(&s->m, o->profile, &planned, &measured, &total);
    for (int i = 0; i < s->m.n; i++)
        recorded += vs_runsfile_runs(&s->rf, &s->m.pts[i], dummy, 0, &n_ok);
    vs_meta_begin(&s->meta, o->profile, vs_wall_seconds());
    vs_addr_format(&o->control, s->meta.control, sizeof s->meta.control);
    s->meta.status = "running";
    s->meta.resumed = s->rf.ndone > 0;
    s->meta.has_remote = 1;
    s->meta.runs_planned = planned;
    s->meta.runs_done = recorded;
    for (int i = 0; i < s->rf.ndone; i++)
        s->meta.runs_failed += !s->rf.done[i].ok;
    if (recorded > 0)
        fprintf(stderr, "vsbench sweep: resuming %s: %d of %d runs already recorded\n",
                o->out_dir, recorded, planned);
    double nominal = 0;
    for (int i = 0; i < s->m.n; i++)
        nominal += o->profile->rule.min_runs * nominal_s(s, &s->m.pts[i]);
    vs_progress_begin(&s->prog, stderr, planned - recorded > 0 ? planned - recorded : 0,
                      nominal * (planned - recorded) / (planned ? planned : 1));
    return vs_meta_write(o->out_dir, &s->meta, e);
}

int vs_sweep_run(const vs_sweep_opts *o, vs_err *e)
{
    sweep *s = calloc(1, sizeof *s);
    int rc = -1, interrupted = 0;

    if (s == NULL || (s->report = calloc(1, sizeof *s->report)) == NULL) {
        free(s);
        return vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
    }
    s->o = o;
    if (vs_stop_signals_install(e) != 0 || prepare(s, e) != 0)
        goto out;
    rc = run_rounds(s, e);
    interrupted = rc == 1;
    vs_progress_end(&s->prog);
    if (rc < 0)
        goto out;
    vs_meta_finish(&s->meta, vs_wall_seconds(), interrupted ? "interrupted" : "complete");
    if (vs_meta_write(o->out_dir, &s->meta, e) != 0) {
        rc = -1;
        goto out;
    }
    fprintf(stderr, "vsbench sweep: %s: %d runs recorded (%d failed) in %s/runs.csv\n",
            s->meta.status, s->meta.runs_done, s->meta.runs_failed, o->out_dir);
    if (interrupted)
        rc = vs_err_set(e, VS_ERR_RUNTIME, "interrupted: continue with --resume");
    else if (s->meta.runs_failed > 0)
        rc = vs_err_set(e, VS_ERR_RUNTIME, "%d run(s) failed (see the error column)",
                        s->meta.runs_failed);
out:
    vs_runsfile_close(&s->rf);
    vs_dir_unlock(s->lock);
    vs_matrix_free(&s->m);
    free(s->report);
    free(s);
    return rc;
}
