/* result.c - see result.h. */
#include "runner/result.h"
#include "core/facts_text.h"
#include "runner/interval.h"
#include "core/label.h"
#include "core/safeprint.h"
#include "core/size.h"
#include "core/version.h"
#include "platform/cpu.h"

#include <stdarg.h>
#include <string.h>

static uint64_t min_u64(uint64_t a, uint64_t b)
{
    return a < b ? a : b;
}

const vs_row *vs_report_total(const vs_run_report *r)
{
    return &r->rows[r->nrows - 1];
}

void vs_report_warn(vs_run_report *r, const char *fmt, ...)
{
    va_list ap;

    if (r->nwarn >= VS_MAX_WARN)
        return;
    va_start(ap, fmt);
    vsnprintf(r->warn[r->nwarn++], VS_ERRTEXT_MAX, fmt, ap);
    va_end(ap);
}

/* The point, session number, pinning and texts of row i (of n sessions). */
static void fill_point(vs_run_report *r, vs_row *row, int i, int n)
{
    const vs_test_req *req = &r->req;

    row->pt.tr = (enum vs_transport)req->transport;
    row->pt.test = (enum vs_test)req->test;
    row->pt.sock = req->sock_size;
    row->pt.msg = req->msg_size;
    row->pt.sessions = n;
    row->pt.resp = req->resp_size;
    row->pt.burst = req->burst;
    row->session = i < n ? i + 1 : VS_SESSION_ALL;
    row->run = row->run ? row->run : 1;
    row->pin_local = r->pin_local;
    row->pin_remote = req->server_cpus;
    row->recv_size = vs_test_is_rr(row->pt.test) ? 0 : r->recv_size;
    row->zerocopy = req->zerocopy;
    row->congestion = req->congestion;
    row->error = r->error[i];
}

void vs_report_init(vs_run_report *r, const vs_test_req *req, const char *error)
{
    int n = req->sessions >= 1 && req->sessions <= VS_MAX_SESSIONS ? req->sessions : 1;

    memset(r, 0, sizeof *r);
    r->req = *req;
    r->nrows = n + 1;
    for (int i = 0; i <= n; i++) {
        vs_row *row = &r->rows[i];
        fill_point(r, row, i, n);
        vs_report_fail(r, i, error);
    }
}

void vs_report_pin(vs_run_report *r, const char *cpus)
{
    snprintf(r->pin_local, sizeof r->pin_local, "%s", cpus); /* rows[].pin_local */
}

void vs_report_fail(vs_run_report *r, int i, const char *text)
{
    r->rows[i].ok = 0;
    snprintf(r->error[i], sizeof r->error[i], "%s", text);
}

/* First error text among the flows of either side, for the aggregate. */
static const char *first_error(const vs_run_report *r)
{
    for (int i = 0; i < r->nrows - 1; i++)
        if (!r->rows[i].ok)
            return r->rows[i].error;
    return "";
}

static void overhead_of(vs_overhead *o, const vs_side_result *s, double seconds)
{
    o->own_cpu_us = s->own_cpu_us;
    o->proc_cpu_us = s->proc_pct / 100.0 * seconds * 1e6;
    o->edge_start_ns = s->edge_start_ns;
    o->edge_end_ns = s->edge_end_ns;
}

/* Session i's status from both sides' flows. */
static void flow_status(vs_run_report *r, int i, const vs_flow_result *a,
                        const vs_flow_result *b)
{
    r->rows[i].ok = !a->failed && !b->failed;
    snprintf(r->error[i], sizeof r->error[i], "%s",
             a->failed ? a->error : b->failed ? b->error : "");
}

/* What every row shares: both ends' CPU and the effective buffers. */
static void fill_common(vs_run_report *r, vs_row *row, int i, const vs_side_result *local,
                        const vs_side_result *remote)
{
    int n = r->nrows - 1;

    fill_point(r, row, i, n);
    row->cpu_local = local->util_pct;
    row->cpu_remote = remote->util_pct;
    if (i < n) {
        row->sock_eff_local = min_u64(r->local_buf[i].snd, r->local_buf[i].rcv);
        row->sock_eff_remote = min_u64(r->remote_buf[i].snd, r->remote_buf[i].rcv);
    }
}

/* The aggregate: the smallest buffers of all sessions, the first error. */
static void finish_total(vs_run_report *r)
{
    int n = r->nrows - 1;
    vs_row *all = &r->rows[n];

    all->sock_eff_local = all->sock_eff_remote = UINT64_MAX;
    for (int i = 0; i < n; i++) {
        all->sock_eff_local = min_u64(all->sock_eff_local, r->rows[i].sock_eff_local);
        all->sock_eff_remote = min_u64(all->sock_eff_remote, r->rows[i].sock_eff_remote);
    }
    snprintf(r->error[n], sizeof r->error[n], "%s", first_error(r));
    all->ok = all->error[0] == '\0';
}

void vs_report_compose(vs_run_report *r, enum vs_role local_role,
                       const vs_side_result *local, const vs_side_result *remote)
{
    const vs_side_result *rx = local_role == VS_ROLE_RECV ? local : remote;
    const vs_side_result *tx = local_role == VS_ROLE_RECV ? remote : local;
    int n = r->nrows - 1;
    vs_row *all = &r->rows[n];
    uint64_t sum = 0;

    for (int i = 0; i < n; i++)
        sum += rx->flow[i].window_count;
    r->proc_local = local->proc_pct;
    r->proc_remote = remote->proc_pct;
    if (rx->has_recv) {
        r->recv_size = rx->recv_chunk;
        r->rcvlowat = rx->rcvlowat;
    }
    memset(all, 0, sizeof *all);
    all->tcpi_ok = 1;
    for (int i = 0; i <= n; i++) {
        vs_row *row = &r->rows[i];
        fill_common(r, row, i, local, remote);
        row->sd_local = vs_service_demand(local->busy_us, sum);
        row->sd_remote = vs_service_demand(remote->busy_us, sum);
        row->overlap = remote->overlap;
        if (i == n)
            break;
        const vs_flow_result *fr = &rx->flow[i], *ft = &tx->flow[i];
        row->seconds = (double)fr->window_ns / 1e9;
        row->bytes = fr->window_count;
        row->gbps = vs_rate_bps(fr->window_count, fr->window_ns) / 1e9;
        flow_status(r, i, fr, ft);
        row->bytes_total = fr->total_bytes;
        row->sent_total = ft->total_bytes;
        row->tcpi_ok = fr->tcp_ok && ft->tcp_ok;
        row->tcpi_bytes_received = fr->tcp_received;
        row->tcpi_bytes_acked = ft->tcp_acked;
        all->seconds = row->seconds;
        all->bytes_total += row->bytes_total;
        all->sent_total += row->sent_total;
        all->tcpi_ok = all->tcpi_ok && row->tcpi_ok;
        all->tcpi_bytes_received += row->tcpi_bytes_received;
        all->tcpi_bytes_acked += row->tcpi_bytes_acked;
    }
    all->bytes = sum;
    all->gbps = vs_rate_bps(sum, (uint64_t)(all->seconds * 1e9 + 0.5)) / 1e9;
    overhead_of(&r->ovh_local, local, all->seconds);
    overhead_of(&r->ovh_remote, remote, all->seconds);
    finish_total(r);
}

/* ---- rr, crr --------------------------------------------------------------- */

static void set_latency(vs_row *row, const vs_latency *l)
{
    row->transactions = l->count;
    row->lat_mean = l->mean_us;
    row->lat_stdev = l->stdev_us;
    row->lat_min = l->min_us;
    row->lat_max = l->max_us;
    row->lat_p50 = l->p50_us;
    row->lat_p90 = l->p90_us;
    row->lat_p99 = l->p99_us;
    row->lat_p999 = l->p999_us;
    row->lat_p9999 = l->p9999_us;
}

/* Rates of a row from its transactions over its seconds: transactions/s,
 * and the payload both ways as bytes and Gbit/s. */
static void set_rates(vs_row *row, const vs_test_req *req)
{
    uint64_t ns = (uint64_t)(row->seconds * 1e9 + 0.5);

    row->tps = ns > 0 ? (double)row->transactions * 1e9 / (double)ns : 0.0;
    row->bytes = row->transactions * ((uint64_t)req->msg_size + req->resp_size);
    row->gbps = vs_rate_bps(row->bytes, ns) / 1e9;
}

/* Row i's two sides must have counted the same transactions. */
static void check_counts(vs_run_report *r, int i)
{
    const vs_row *row = &r->rows[i];

    if (!row->ok || row->tx_total_local == row->tx_total_remote)
        return;
    r->rows[i].ok = 0;
    snprintf(r->error[i], sizeof r->error[i], "transaction counts differ: the client completed "
             "%llu, the server answered %llu", (unsigned long long)row->tx_total_local,
             (unsigned long long)row->tx_total_remote);
}

void vs_report_compose_rr(vs_run_report *r, const vs_side_result *local,
                          const vs_side_result *remote, const vs_latency *lat)
{
    int n = r->nrows - 1;
    vs_row *all = &r->rows[n];

    r->proc_local = local->proc_pct;
    r->proc_remote = remote->proc_pct;
    memset(all, 0, sizeof *all);
    for (int i = 0; i <= n; i++) {
        vs_row *row = &r->rows[i];
        fill_common(r, row, i, local, remote);
        set_latency(row, &lat[i]);
        row->sdt_local = lat[n].count ? local->busy_us / (double)lat[n].count : 0.0;
        row->sdt_remote = lat[n].count ? remote->busy_us / (double)lat[n].count : 0.0;
        if (i == n)
            break;
        row->seconds = (double)local->flow[i].window_ns / 1e9;
        flow_status(r, i, &local->flow[i], &remote->flow[i]);
        row->tx_total_local = local->flow[i].transactions;
        row->tx_total_remote = remote->flow[i].transactions;
        check_counts(r, i);
        set_rates(row, &r->req);
        all->seconds = row->seconds;
        all->tx_total_local += row->tx_total_local;
        all->tx_total_remote += row->tx_total_remote;
    }
    set_rates(all, &r->req);
    all->sd_local = vs_service_demand(local->busy_us, all->bytes);
    all->sd_remote = vs_service_demand(remote->busy_us, all->bytes);
    for (int i = 0; i < n; i++) {
        r->rows[i].sd_local = all->sd_local;
        r->rows[i].sd_remote = all->sd_remote;
    }
    overhead_of(&r->ovh_local, local, all->seconds);
    overhead_of(&r->ovh_remote, remote, all->seconds);
    finish_total(r);
}

/* ---- output ----------------------------------------------------------------- */

static const char *session_text(const vs_row *row, char *buf, size_t n)
{
    if (row->session == VS_SESSION_ALL)
        snprintf(buf, n, "all");
    else
        snprintf(buf, n, "%d", row->session);
    return buf;
}

void vs_report_print_header(FILE *f, const vs_run_report *r)
{
    char a[32], b[32], c[32], shown[4 * VS_ERRTEXT_MAX];
    int rr = vs_test_is_rr((enum vs_test)r->req.test);

    fprintf(f, "vsbench %s: %s over %s, control %s, data %s\n", VS_VERSION,
            vs_test_name((enum vs_test)r->req.test),
            vs_transport_name((enum vs_transport)r->req.transport), r->control,
            r->data);
    if (rr)
        fprintf(f, "%u session%s, %s requests, %s responses, burst %u, ", r->req.sessions,
                r->req.sessions == 1 ? "" : "s", vs_size_format(r->req.msg_size, a, sizeof a),
                vs_size_format(r->req.resp_size, c, sizeof c), r->req.burst);
    else
        fprintf(f, "%u session%s, %s messages, ", r->req.sessions,
                r->req.sessions == 1 ? "" : "s", vs_size_format(r->req.msg_size, a, sizeof a));
    fprintf(f, "socket size %s requested, %.1f s measured after %.1f s warm-up\n",
            vs_label_sock(r->req.sock_size, b, sizeof b), r->req.duration_ms / 1000.0,
            r->req.warmup_ms / 1000.0);
    if (r->pin_local[0] != '\0' || r->req.server_cpus[0] != '\0')
        fprintf(f, "session threads pinned: client CPUs %s, server CPUs %s\n",
                r->pin_local[0] ? r->pin_local : "-",
                r->req.server_cpus[0] ? r->req.server_cpus : "-");
    if (r->req.congestion[0] != '\0')
        fprintf(f, "congestion control %s on both ends\n", r->req.congestion);
    if (r->req.zerocopy)
        fprintf(f, "the sender (%s) sends with MSG_ZEROCOPY\n",
                r->req.test == VS_TEST_STREAM ? "local" : "remote");
    for (int i = 0; i < r->nwarn; i++)
        fprintf(f, "warning: %s\n", vs_safe_copy(shown, sizeof shown, r->warn[i]));
}

static void print_stream_rows(FILE *f, const vs_run_report *r)
{
    char s[16], b[32], c[32], d[32], shown[4 * VS_ERRTEXT_MAX];

    fprintf(f, "\n%8s %8s %10s %9s %11s %11s  %s\n", "session", "seconds", "received",
            "Gbit/s", "sock local", "sock remote", "status");
    for (int i = 0; i < r->nrows; i++) {
        const vs_row *row = &r->rows[i];
        fprintf(f, "%8s %8.2f %10s %9.3f %11s %11s  %s%s%s\n",
                session_text(row, s, sizeof s), row->seconds,
                vs_bytes_format(row->bytes, d, sizeof d), row->gbps,
                vs_size_format(row->sock_eff_local, b, sizeof b),
                vs_size_format(row->sock_eff_remote, c, sizeof c),
                vs_row_status(row), row->ok ? "" : ": ",
                vs_safe_copy(shown, sizeof shown, row->error));
    }
}

/* Transactions and latency in microseconds per session. */
static void print_rr_rows(FILE *f, const vs_run_report *r)
{
    char s[16], shown[4 * VS_ERRTEXT_MAX];

    fprintf(f, "\n%8s %8s %12s %11s %9s %9s %9s %9s %9s %9s  %s\n", "session", "seconds",
            "transactions", "trans/s", "mean us", "p50", "p90", "p99", "p99.9", "max",
            "status");
    for (int i = 0; i < r->nrows; i++) {
        const vs_row *row = &r->rows[i];
        fprintf(f, "%8s %8.2f %12llu %11.1f %9.2f %9.2f %9.2f %9.2f %9.2f %9.2f  %s%s%s\n",
                session_text(row, s, sizeof s), row->seconds,
                (unsigned long long)row->transactions, row->tps, row->lat_mean, row->lat_p50,
                row->lat_p90, row->lat_p99, row->lat_p999, row->lat_max, vs_row_status(row),
                row->ok ? "" : ": ", vs_safe_copy(shown, sizeof shown, row->error));
    }
}

void vs_report_print_table(FILE *f, const vs_run_report *r)
{
    const vs_row *all = vs_report_total(r);

    if (!vs_test_is_rr((enum vs_test)r->req.test)) {
        print_stream_rows(f, r);
        fprintf(f, "\nCPU local  %5.1f%% of all CPUs (vsbench %.0f%% of one), service "
                "demand %.3f us/KB\n", all->cpu_local, r->proc_local, all->sd_local);
        fprintf(f, "CPU remote %5.1f%% of all CPUs (vsbench %.0f%% of one), service "
                "demand %.3f us/KB\n", all->cpu_remote, r->proc_remote, all->sd_remote);
        return;
    }
    print_rr_rows(f, r);
    fprintf(f, "\nlatency: p99.99 %.2f us, stdev %.2f us, min %.2f us; the client read the "
            "clock once per transaction (%.0f ns a read)\n", all->lat_p9999, all->lat_stdev,
            all->lat_min, r->clock_ns);
    fprintf(f, "CPU local  %5.1f%% of all CPUs (vsbench %.0f%% of one), service "
            "demand %.2f us per transaction\n", all->cpu_local, r->proc_local, all->sdt_local);
    fprintf(f, "CPU remote %5.1f%% of all CPUs (vsbench %.0f%% of one), service "
            "demand %.2f us per transaction\n", all->cpu_remote, r->proc_remote,
            all->sdt_remote);
}

static const char *edge_text(uint64_t ns, char *buf, size_t n)
{
    if (ns == 0)
        snprintf(buf, n, "-");
    else
        snprintf(buf, n, "%.1f us", (double)ns / 1000.0);
    return buf;
}

static void print_side_overhead(FILE *f, const char *side, const char *role,
                                const vs_overhead *o, double seconds)
{
    uint64_t edge = o->edge_start_ns > o->edge_end_ns ? o->edge_start_ns : o->edge_end_ns;
    char a[32], b[32];

    fprintf(f, "overhead %-6s (%s): CPU outside send/recv %.2f ms = %.3f%% of one CPU, "
            "%.1f%% of vsbench's\n", side, role, o->own_cpu_us / 1000.0,
            seconds > 0 ? o->own_cpu_us / (seconds * 1e4) : 0.0,
            o->proc_cpu_us > 0 ? 100.0 * o->own_cpu_us / o->proc_cpu_us : 0.0);
    if (edge > 0) /* the stream loops mark the edges; rr times every transaction */
        fprintf(f, "    last counted byte to timestamp %s (start), %s (end): "
                "%.2f ppm of the interval\n",
                edge_text(o->edge_start_ns, a, sizeof a), edge_text(o->edge_end_ns, b, sizeof b),
                seconds > 0 ? (double)edge / (seconds * 1e3) : 0.0);
}

void vs_report_print_overhead(FILE *f, const vs_run_report *r)
{
    int rr = vs_test_is_rr((enum vs_test)r->req.test);
    int local_recv = r->req.test == VS_TEST_MAERTS;
    double secs = vs_report_total(r)->seconds;
    char a[32];

    fputc('\n', f);
    if (r->recv_size != 0)
        fprintf(f, "the receiver (%s) reads up to %s per recv (%s)\n",
                local_recv ? "local" : "remote", vs_size_format(r->recv_size, a, sizeof a),
                r->req.recv_size != 0 ? "-M"
                : r->recv_size < 16384 ? "one message per call: tcp over segments under 16K"
                : "the largest of the message size, a quarter of its buffer (the buffer up to "
                  "64K over tcp segments under 16K) and 16K");
    if (r->rcvlowat != 0)
        fprintf(f, "the receiver is woken once %s wait (SO_RCVLOWAT: tcp messages up to 1K "
                "on a path whose segments carry 16K)\n", vs_size_format(r->rcvlowat, a, sizeof a));
    if (rr)
        fprintf(f, "the requester read the clock once per transaction, %.0f ns a read\n",
                r->clock_ns);
    if (r->zc_local.sends != 0)
        fprintf(f, "zero-copy sends %llu, completed %llu, of which the kernel copied %llu; "
                "%llu retried after ENOBUFS\n", (unsigned long long)r->zc_local.sends,
                (unsigned long long)r->zc_local.completed,
                (unsigned long long)r->zc_local.copied,
                (unsigned long long)r->zc_local.retries);
    print_side_overhead(f, "local", rr ? "requester" : local_recv ? "receiver" : "sender",
                        &r->ovh_local, secs);
    print_side_overhead(f, "remote", rr ? "responder" : local_recv ? "sender" : "receiver",
                        &r->ovh_remote, secs);
}

static void overhead_json(vs_json *j, const char *key, const vs_overhead *o)
{
    vs_json_obj_begin(j, key);
    vs_json_num(j, "cpu_outside_io_us", o->own_cpu_us);
    vs_json_num(j, "edge_start_us", (double)o->edge_start_ns / 1000.0);
    vs_json_num(j, "edge_end_us", (double)o->edge_end_ns / 1000.0);
    vs_json_obj_end(j);
}

/* A local zero-copy sender's completions (--zerocopy, stream). */
static void zc_json(vs_json *j, const vs_zc *z)
{
    vs_json_obj_begin(j, "zerocopy_local");
    vs_json_uint(j, "sends", z->sends);
    vs_json_uint(j, "completed", z->completed);
    vs_json_uint(j, "copied", z->copied);
    vs_json_uint(j, "enobufs_retries", z->retries);
    vs_json_obj_end(j);
}

static void row_json(vs_json *j, const vs_row *row)
{
    vs_cell c;

    vs_json_obj_begin(j, NULL);
    for (int i = 0; i < vs_runs_ncolumns(); i++) {
        vs_runs_cell(row, i, &c);
        if (c.kind == VS_CELL_UINT)
            vs_json_uint(j, c.name, c.u);
        else if (c.kind == VS_CELL_REAL)
            vs_json_num(j, c.name, c.d);
        else if (c.kind == VS_CELL_NONE)
            vs_json_null(j, c.name);
        else
            vs_json_str(j, c.name, c.text);
    }
    if (vs_test_is_rr(row->pt.test)) {
        vs_json_uint(j, "transactions_total_local", row->tx_total_local);
        vs_json_uint(j, "transactions_total_remote", row->tx_total_remote);
    } else {
        vs_json_uint(j, "bytes_total", row->bytes_total);
        vs_json_uint(j, "sent_total", row->sent_total);
    }
    if (row->tcpi_ok) {
        vs_json_uint(j, "tcpi_bytes_received", row->tcpi_bytes_received);
        vs_json_uint(j, "tcpi_bytes_acked", row->tcpi_bytes_acked);
    }
    vs_json_obj_end(j);
}

void vs_report_json(vs_json *j, const vs_run_report *r)
{
    vs_json_obj_begin(j, NULL);
    vs_json_str(j, "tool", "vsbench");
    vs_json_str(j, "version", VS_VERSION);
    vs_json_str(j, "control", r->control);
    vs_json_str(j, "data", r->data);
    vs_json_num(j, "duration", r->req.duration_ms / 1000.0);
    vs_json_num(j, "warmup", r->req.warmup_ms / 1000.0);
    vs_json_num(j, "proc_cpu_local", r->proc_local);
    vs_json_num(j, "proc_cpu_remote", r->proc_remote);
    overhead_json(j, "overhead_local", &r->ovh_local);
    overhead_json(j, "overhead_remote", &r->ovh_remote);
    if (vs_test_is_rr((enum vs_test)r->req.test))
        vs_json_num(j, "clock_read_ns", r->clock_ns);
    if (r->zc_local.sends != 0)
        zc_json(j, &r->zc_local);
    if (!vs_test_is_rr((enum vs_test)r->req.test))
        vs_json_uint(j, "recv_lowat", r->rcvlowat);
    if (r->path.f[VS_FK_PATH_TRANSPORT].state != VS_FACT_ABSENT)
        vs_facts_json(j, "path", &r->path);
    if (r->remote_path.f[VS_FK_PATH_TRANSPORT].state != VS_FACT_ABSENT)
        vs_facts_json(j, "remote_path", &r->remote_path);
    vs_json_arr_begin(j, "warnings");
    for (int i = 0; i < r->nwarn; i++)
        vs_json_str(j, NULL, r->warn[i]);
    vs_json_arr_end(j);
    vs_json_arr_begin(j, "results");
    for (int i = 0; i < r->nrows; i++)
        row_json(j, &r->rows[i]);
    vs_json_arr_end(j);
    vs_json_obj_end(j);
}
