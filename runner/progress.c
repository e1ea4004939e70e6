/* progress.c - see progress.h. */
#include "runner/progress.h"
#include "runner/matrix.h"
#include "core/label.h"
#include "platform/clock.h"
#include "platform/fs.h"

#include <string.h>

static const char *hms(double s, char *buf, size_t n)
{
    long t = s < 0 ? 0 : (long)(s + 0.5);

    snprintf(buf, n, "%02ld:%02ld:%02ld", t / 3600, t / 60 % 60, t % 60);
    return buf;
}

static double elapsed(const vs_progress *p)
{
    return (double)(vs_now_ns() - p->start_ns) / 1e9;
}

/* Remaining time, scaled by how actual time compared with plan so far. */
static double eta(const vs_progress *p)
{
    double left = p->nominal_total_s - p->nominal_done_s;

    if (p->nominal_done_s <= 0)
        return left;
    return left * elapsed(p) / p->nominal_done_s;
}

/* The live line, cut to the terminal's width so that it never wraps. */
static void live_line(vs_progress *p)
{
    char line[512], a[16], b[16];
    int len, cols = vs_tty_columns(p->out);

    len = snprintf(line, sizeof line, "[%d/%s%d]", p->done + p->running > p->planned ?
                   p->planned : p->done + p->running, p->upper ? "<=" : "", p->planned);
    if (p->running)
        len += snprintf(line + len, sizeof line - len, " %s", p->current);
    if (p->running && p->has_current)
        len += snprintf(line + len, sizeof line - len, ": %.3f Gbit/s", p->current_gbps);
    if (p->has_last && p->last_ok)
        len += snprintf(line + len, sizeof line - len, " | last: %s %.3f Gbit/s", p->last,
                        p->last_gbps);
    else if (p->has_last)
        len += snprintf(line + len, sizeof line - len, " | last: %s FAILED", p->last);
    snprintf(line + len, sizeof line - len, " | %s elapsed, ETA %s%s",
             hms(elapsed(p), a, sizeof a), p->upper ? "<= " : "", hms(eta(p), b, sizeof b));
    if (cols > 1 && (int)strlen(line) > cols - 1)
        line[cols - 1] = '\0';
    fprintf(p->out, "\r\033[K%s", line);
    fflush(p->out);
}

void vs_progress_begin(vs_progress *p, FILE *out, int planned, double nominal_total_s)
{
    memset(p, 0, sizeof *p);
    p->out = out;
    p->tty = vs_is_tty(out);
    p->planned = planned;
    p->nominal_total_s = nominal_total_s;
    p->start_ns = vs_now_ns();
}

void vs_progress_run_start(vs_progress *p, const vs_point *pt, int run)
{
    char label[80];

    snprintf(p->current, sizeof p->current, "%s run %d", vs_label_point(pt, label, sizeof label),
             run);
    p->running = 1;
    p->has_current = 0;
    if (p->tty)
        live_line(p);
}

void vs_progress_interim(vs_progress *p, double gbps)
{
    p->has_current = 1;
    p->current_gbps = gbps;
    if (p->tty)
        live_line(p);
}

void vs_progress_run_end(vs_progress *p, const vs_row *all, double nominal_s)
{
    char a[16], b[16];

    p->done++;
    p->nominal_done_s += nominal_s;
    p->running = 0;
    p->has_last = 1;
    p->last_ok = all->ok;
    p->last_gbps = all->gbps;
    snprintf(p->last, sizeof p->last, "%s", p->current);
    if (p->tty) {
        live_line(p);
        if (!all->ok)
            fprintf(p->out, "\n  %s: %s\n", p->current, all->error);
        return;
    }
    fprintf(p->out, "[%d/%s%d] %s: ", p->done, p->upper ? "<=" : "", p->planned, p->current);
    if (all->ok)
        fprintf(p->out, "ok %.3f Gbit/s", all->gbps);
    else
        fprintf(p->out, "FAILED - %s", all->error);
    fprintf(p->out, " (elapsed %s, ETA %s%s)\n", hms(elapsed(p), a, sizeof a),
            p->upper ? "<= " : "", hms(eta(p), b, sizeof b));
    fflush(p->out);
}

void vs_progress_replan(vs_progress *p, int planned, double nominal_total_s)
{
    p->planned = planned;
    p->nominal_total_s = nominal_total_s;
    p->upper = 1;
}

void vs_progress_end(vs_progress *p)
{
    if (p->tty)
        fputc('\n', p->out);
    fflush(p->out);
}
