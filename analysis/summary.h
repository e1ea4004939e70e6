/*
 * summary.h - runs grouped per matrix point, with the statistics a report
 * shows: throughput (mean, sd, CV, CI, min, max), CPU and service demand
 * of both ends, failures (counted, never averaged in), clamped buffers.
 * Also the axes of the matrix, to lay out tables and charts: panels
 * (host pair, test, sessions), series (transport, socket size) and
 * categories (message sizes).
 */
#ifndef VS_SUMMARY_H
#define VS_SUMMARY_H

#include "analysis/dataset.h"
#include "analysis/stats.h"

#define VS_CONFIDENCE 0.95

typedef struct vs_point_summary {
    vs_key key;
    int n_ok, n_failed;
    vs_stats gbps;
    double cpu_local, cpu_remote;  /* means over successful runs */
    double sd_local, sd_remote;
    uint64_t eff_local, eff_remote; /* smallest effective size seen */
    int clamped;                    /* an effective size below the request */
    char first_error[160];
} vs_point_summary;

typedef struct vs_panel {
    int pair;
    enum vs_test test;
    int sessions;
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

int vs_summarize(const vs_dataset *d, vs_summary *s, vs_err *e);
void vs_summary_free(vs_summary *s);

/* The point at (panel, series, msg), or NULL. */
const vs_point_summary *vs_summary_at(const vs_summary *s, const vs_panel *pn,
                                      const vs_series *se, uint32_t msg);

/* Ratio of series `a` over series `b`'s transport at the same socket size. */
void vs_summary_ratio(const vs_summary *s, const vs_panel *pn, enum vs_transport a,
                      enum vs_transport b, uint64_t sock, uint32_t msg, vs_ratio *r);

/* The transport ratios are taken against: tcp when present, else the
 * first transport. */
enum vs_transport vs_summary_baseline(const vs_summary *s);

#endif
