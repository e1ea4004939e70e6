/*
 * summary.h - runs grouped per matrix point, with the statistics a report
 * shows: throughput (mean, sd, CV, CI, min, max), CPU and service demand
 * of both ends, failures (counted, never averaged in), clamped buffers;
 * for rr and crr also transactions/s and latency percentiles. Also the
 * axes of the matrix, to lay out tables and charts: panels (host pair,
 * test, sessions; for rr and crr the response size and burst too),
 * series (transport, socket size) and categories (message sizes: the
 * request sizes of rr and crr).
 *
 * A run's latency percentiles come from its histogram (the sessions'
 * histograms added); a point's figure is their mean over its runs with a
 * 95% confidence interval, like every figure here: runs are the samples.
 */
#ifndef VS_SUMMARY_H
#define VS_SUMMARY_H

#include "analysis/dataset.h"
#include "analysis/stats.h"

#define VS_CONFIDENCE 0.95

/* Fewer successful runs than this and reports show the range (min-max)
 * of the runs instead of a t-interval: with 2 runs the 95% interval is
 * mean +/- 12.7 standard errors (t with 1 degree of freedom), wider than
 * anything it could tell. */
#define VS_MIN_CI_RUNS 3

typedef struct vs_point_summary {
    vs_key key;
    int n_ok, n_failed;
    vs_stats gbps;
    double cpu_local, cpu_remote;  /* means over successful runs */
    double sd_local, sd_remote;
    vs_stats sd_total;              /* service demand, local + remote, per run (per KB;
                                     * rr, crr: per transaction) */
    uint64_t eff_local, eff_remote; /* smallest effective size seen */
    int clamped;                    /* an effective size below the request */
    char first_error[160];
    /* rr and crr (zero otherwise): over the runs' aggregate rows */
    vs_stats tps;
    vs_stats lat_mean, lat_p50, lat_p90, lat_p99, lat_p999;
    double sdt_local, sdt_remote;   /* CPU us per transaction, means */
} vs_point_summary;

typedef struct vs_panel {
    int pair;
    enum vs_test test;
    int sessions;
    uint32_t resp;   /* rr, crr: the response size; 0: as large as the request */
    int burst;       /* rr: requests in flight beyond the first */
} vs_panel;

typedef struct vs_series {
    enum vs_transport tr;
    uint64_t sock;
} vs_series;

typedef struct vs_summary {
    int n;
    vs_point_summary *p;
    int npanels;
    vs_panel *panels;
    int nseries;
    vs_series *series;       /* transports in enum order, then sizes ascending */
    int nmsgs;
    uint32_t *msgs;          /* ascending */
} vs_summary;

/* What a report draws around a mean. */
enum vs_interval_kind {
    VS_IV_NONE,   /* one run: no interval */
    VS_IV_RANGE,  /* fewer than VS_MIN_CI_RUNS runs: min..max of the runs */
    VS_IV_CI,     /* the 95% confidence interval of the mean */
};

/* The interval reports show for `st`: [lo, hi] and its kind (lo = hi =
 * mean for VS_IV_NONE). */
enum vs_interval_kind vs_summary_interval(const vs_stats *st, double *lo, double *hi);

int vs_summarize(const vs_dataset *d, vs_summary *s, vs_err *e);
void vs_summary_free(vs_summary *s);

/* The point at (panel, series, msg), or NULL. */
const vs_point_summary *vs_summary_at(const vs_summary *s, const vs_panel *pn,
                                      const vs_series *se, uint32_t msg);

/* A point's headline figure, higher is better: transactions/s for rr and
 * crr, Gbit/s for the others. */
const vs_stats *vs_point_headline(const vs_point_summary *ps);

/* Ratio of series `a` over series `b`'s transport at the same socket size
 * (their headline figures),
 * and the interval a report shows around it (`lo`, `hi`, `kind`): its CI
 * when both sides have VS_MIN_CI_RUNS runs, else the range of the run
 * figures' ratios (min a / max b to max a / min b), none with one run. */
void vs_summary_ratio(const vs_summary *s, const vs_panel *pn, enum vs_transport a,
                      enum vs_transport b, uint64_t sock, uint32_t msg, vs_ratio *r);

/* The transport ratios are taken against: tcp when present, else the
 * first transport. */
enum vs_transport vs_summary_baseline(const vs_summary *s);

/* The panel's label (core/label.h): "rr, 5 sessions, 64K responses". */
const char *vs_panel_label(const vs_panel *pn, char *buf, size_t n);

#endif
