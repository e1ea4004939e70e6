/*
 * latency.h - transaction latencies: histograms with fixed memory and
 * known precision (HdrHistogram_c, built from the pinned archive by
 * mk/deps.mk), their summary figures, and the HdrHistogram interval log
 * that HdrHistogram's own tools read (HistogramLogProcessor, the log
 * analysers of the Java, Go and Python ports).
 *
 * Values are nanoseconds, from 1 ns to VS_LAT_HIGHEST_NS, kept to three
 * significant digits (a value is within 0.1% of what was recorded);
 * longer ones are recorded as VS_LAT_HIGHEST_NS. Recording
 * (vs_hist_record) allocates nothing, takes no lock and makes no system
 * call: one histogram per session thread, allocated before the test
 * starts. Histograms of several sessions or runs are combined by adding
 * them (vs_hist_add), never by averaging percentiles.
 *
 * The log (docs/files.md) holds one interval per histogram: the untagged
 * line is the aggregate (what tools without a tag filter show), each
 * session follows as "Tag=session-N". The caller gives the interval's
 * start (Unix seconds) and length.
 */
#ifndef VS_LATENCY_H
#define VS_LATENCY_H

#include <stddef.h>
#include <stdint.h>

#include "core/point.h"
#include "platform/err.h"

struct hdr_histogram;
typedef struct hdr_histogram vs_hist;

#define VS_LAT_HIGHEST_NS 100000000000LL /* 100 s */
#define VS_LAT_DIGITS 3
#define VS_HLOG_MAX_BYTES (64u << 20)    /* a log file this build reads */

/* The summary of a histogram, in microseconds; all 0 when count is 0. */
typedef struct vs_latency {
    uint64_t count;
    double mean_us, stdev_us, min_us, max_us;
    double p50_us, p90_us, p99_us, p999_us, p9999_us;
} vs_latency;

/* A new empty histogram (its memory is fixed from here on). */
int vs_hist_new(vs_hist **h, vs_err *e);
void vs_hist_free(vs_hist *h);
void vs_hist_reset(vs_hist *h);

/* Record one latency (ns); values beyond the range are clamped. */
void vs_hist_record(vs_hist *h, int64_t ns);

/* Add `from` into `to` (same range and precision: any two of ours). */
void vs_hist_add(vs_hist *to, const vs_hist *from);

/* How many values it holds; the value at percentile p (0-100], in ns. */
uint64_t vs_hist_count(const vs_hist *h);
int64_t vs_hist_percentile(const vs_hist *h, double p);

/* The summary figures of a histogram. */
void vs_latency_of(const vs_hist *h, vs_latency *out);

/* ---- the interval log ---------------------------------------------------- */

/* Write `path`: a header with `comment` (one line, shortened to fit the
 * format's 127-character header lines; it must not contain newlines),
 * the aggregate `all` untagged, then hists[0..n) tagged session-1.. */
int vs_hlog_write(const char *path, const char *comment, double start_unix, double length_s,
                  const vs_hist *all, const vs_hist *const *hists, int n, vs_err *e);

/* The file name of a run's log in a sweep's DIR/latency/: the point and the
 * run, e.g. "rr-tcp-default-1-1-x5-b0-run3.hlog" (letters, digits, dashes
 * and a dot only). */
const char *vs_hlog_name(const vs_point *pt, int run, char *buf, size_t n);

/* Read the untagged (aggregate) intervals of a log and add them into
 * `*sum` (allocated when NULL): 0, or 1 (nothing added, no error) when
 * the file does not exist. A malformed file is refused (-1) with
 * FILE:LINE and what is wrong. */
int vs_hlog_read_aggregate(const char *path, vs_hist **sum, vs_err *e);

#endif
