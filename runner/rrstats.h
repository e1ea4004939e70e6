/*
 * rrstats.h - the latency figures of an rr or crr test, from its
 * requester sessions' histograms (workloads/rr.h): per session, and all
 * sessions together by adding their histograms (never by averaging
 * percentiles); and, when asked, the HdrHistogram interval log of the run
 * (core/latency.h; `vsbench run --hdr-log FILE`, a sweep's
 * DIR/latency/NAME.hlog).
 */
#ifndef VS_RRSTATS_H
#define VS_RRSTATS_H

#include "core/latency.h"
#include "runner/proto.h"
#include "workloads/flows.h"

/* Fill lat[0..n) per session and lat[n] for all, from flows `fl` (joined,
 * not yet freed). With `log_path`, write the log there: `comment` heads
 * it, the interval is the measured one of `local`. */
int vs_rrstats_collect(vs_flows *fl, int n, const vs_side_result *local, const char *log_path,
                       const char *comment, vs_latency *lat, vs_err *e);

#endif
