/* rrstats.c - see rrstats.h. */
#include "runner/rrstats.h"
#include "platform/clock.h"
#include "workloads/rr.h"

#include <string.h>

int vs_rrstats_collect(vs_flows *fl, int n, const vs_side_result *local, const char *log_path,
                       const char *comment, vs_latency *lat, vs_err *e)
{
    const vs_hist *each[VS_MAX_SESSIONS];
    vs_hist *all;
    double length_s = local->count > 0 ? (double)local->flow[0].window_ns / 1e9 : 0.0;
    int rc = 0;

    memset(lat, 0, sizeof *lat * (size_t)(n + 1));
    if (vs_hist_new(&all, e) != 0)
        return -1;
    for (int i = 0; i < n; i++) {
        each[i] = vs_rr_histogram(fl, i);
        if (each[i] == NULL) { /* the session could not prepare */
            rc = -1;
            break;
        }
        vs_latency_of(each[i], &lat[i]);
        vs_hist_add(all, each[i]);
    }
    vs_latency_of(all, &lat[n]);
    if (rc != 0)
        vs_err_set(e, VS_ERR_RUNTIME, "a session kept no latencies (it never started)");
    else if (log_path != NULL)
        rc = vs_hlog_write(log_path, comment, vs_wall_seconds() - length_s, length_s, all,
                           each, n, e);
    vs_hist_free(all);
    return rc;
}
