/* latency.c - see latency.h. */
#include "core/latency.h"
#include "core/slurp.h"

#include <hdr/hdr_histogram.h>
#include <hdr/hdr_histogram_log.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int vs_hist_new(vs_hist **h, vs_err *e)
{
    *h = NULL;
    if (hdr_init(1, VS_LAT_HIGHEST_NS, VS_LAT_DIGITS, h) != 0)
        return vs_err_set(e, VS_ERR_RUNTIME, "out of memory (latency histogram)");
    return 0;
}

void vs_hist_free(vs_hist *h)
{
    free(h); /* one block in HdrHistogram_c 0.9.4 (hdr_close came later) */
}

void vs_hist_reset(vs_hist *h)
{
    hdr_reset(h);
}

void vs_hist_record(vs_hist *h, int64_t ns)
{
    hdr_record_value(h, ns < 1 ? 1 : ns > VS_LAT_HIGHEST_NS ? VS_LAT_HIGHEST_NS : ns);
}

void vs_hist_add(vs_hist *to, const vs_hist *from)
{
    hdr_add(to, from);
}

uint64_t vs_hist_count(const vs_hist *h)
{
    return h->total_count > 0 ? (uint64_t)h->total_count : 0;
}

int64_t vs_hist_percentile(const vs_hist *h, double p)
{
    return hdr_value_at_percentile(h, p);
}

void vs_latency_of(const vs_hist *h, vs_latency *out)
{
    memset(out, 0, sizeof *out);
    out->count = vs_hist_count(h);
    if (out->count == 0)
        return;
    out->mean_us = hdr_mean(h) / 1e3;
    out->stdev_us = hdr_stddev(h) / 1e3;
    out->min_us = (double)hdr_min(h) / 1e3;
    out->max_us = (double)hdr_max(h) / 1e3;
    out->p50_us = (double)hdr_value_at_percentile(h, 50.0) / 1e3;
    out->p90_us = (double)hdr_value_at_percentile(h, 90.0) / 1e3;
    out->p99_us = (double)hdr_value_at_percentile(h, 99.0) / 1e3;
    out->p999_us = (double)hdr_value_at_percentile(h, 99.9) / 1e3;
    out->p9999_us = (double)hdr_value_at_percentile(h, 99.99) / 1e3;
}

/* ---- writing --------------------------------------------------------------- */

/* One interval line (format 1.3): [Tag=T,]start,length,max,histogram;
 * times in seconds with milliseconds, the maximum in milliseconds (the
 * unit ratio HdrHistogram's tools assume for nanosecond values). */
static int write_interval(FILE *f, const char *tag, double length_s, const vs_hist *h)
{
    char *text = NULL;
    int rc = hdr_log_encode((vs_hist *)h, &text); /* 0.9.4 takes no const */

    if (rc == 0) {
        if (tag != NULL)
            fprintf(f, "Tag=%s,", tag);
        fprintf(f, "0.000,%.3f,%.3f,%s\n", length_s, (double)hdr_max(h) / 1e6, text);
    }
    free(text);
    return rc;
}

static void write_header(FILE *f, const char *comment, double start_unix)
{
    fprintf(f, "#[%.100s]\n", comment);
    fprintf(f, "#[Histogram log format version 1.3]\n");
    fprintf(f, "#[StartTime: %.3f (seconds since epoch)]\n", start_unix);
    fprintf(f, "#[BaseTime: %.3f (seconds since epoch)]\n", start_unix);
    fprintf(f, "#[Latency in nanoseconds; Interval_Max in milliseconds]\n");
    fprintf(f, "\"StartTimestamp\",\"Interval_Length\",\"Interval_Max\","
               "\"Interval_Compressed_Histogram\"\n");
}

int vs_hlog_write(const char *path, const char *comment, double start_unix, double length_s,
                  const vs_hist *all, const vs_hist *const *hists, int n, vs_err *e)
{
    FILE *f = fopen(path, "w");
    int rc = 0, bad;

    if (f == NULL)
        return vs_err_set(e, VS_ERR_USAGE, "cannot write %s: %s", path, strerror(errno));
    write_header(f, comment, start_unix);
    rc = write_interval(f, NULL, length_s, all);
    for (int i = 0; i < n && rc == 0; i++) {
        char tag[32];
        snprintf(tag, sizeof tag, "session-%d", i + 1);
        rc = write_interval(f, tag, length_s, hists[i]);
    }
    bad = ferror(f);
    if (fclose(f) != 0 || bad)
        return vs_err_set(e, VS_ERR_RUNTIME, "writing %s failed", path);
    if (rc != 0)
        return vs_err_set(e, VS_ERR_RUNTIME, "encoding a histogram for %s: %s", path,
                          hdr_strerror(rc));
    return 0;
}

/* ---- reading --------------------------------------------------------------- */

/* The histogram field of an untagged interval line: after the third
 * comma; NULL for a line with a different number of fields. */
static char *histogram_field(char *line)
{
    char *p = line;

    for (int commas = 0; commas < 3; commas++) {
        p = strchr(p, ',');
        if (p == NULL)
            return NULL;
        p++;
    }
    return strchr(p, ',') == NULL && *p != '\0' ? p : NULL;
}

/* One line of the log: headers and tagged lines are passed over. */
static int read_line(char *line, const char *path, int lineno, vs_hist **sum, vs_err *e)
{
    vs_hist *h = NULL;
    char *field;
    int rc;

    if (line[0] == '#' || line[0] == '"' || line[0] == '\0' || strncmp(line, "Tag=", 4) == 0)
        return 0;
    field = histogram_field(line);
    if (field == NULL)
        return vs_err_set(e, VS_ERR_USAGE, "%s:%d: not an interval line (START,LENGTH,MAX,"
                          "HISTOGRAM)", path, lineno);
    rc = hdr_log_decode(&h, field, strlen(field));
    if (rc != 0 || h == NULL) {
        free(h);
        return vs_err_set(e, VS_ERR_USAGE, "%s:%d: bad histogram: %s", path, lineno,
                          rc != 0 ? hdr_strerror(rc) : "empty");
    }
    if (*sum == NULL)
        *sum = h;
    else {
        hdr_add(*sum, h);
        free(h);
    }
    return 0;
}

int vs_hlog_read_aggregate(const char *path, vs_hist **sum, vs_err *e)
{
    char *text, *line, *next;
    int rc = vs_slurp(path, VS_HLOG_MAX_BYTES, &text, e), lineno = 0;

    if (rc == 1)
        return 1; /* no such file: the caller decides */
    if (rc != 0)
        return -1;
    for (line = text; line != NULL && rc == 0; line = next) {
        next = strchr(line, '\n');
        if (next != NULL)
            *next++ = '\0';
        line[strcspn(line, "\r")] = '\0';
        rc = read_line(line, path, ++lineno, sum, e);
    }
    free(text);
    return rc;
}

const char *vs_hlog_name(const vs_point *pt, int run, char *buf, size_t n)
{
    char sock[24];

    if (pt->sock == 0)
        snprintf(sock, sizeof sock, "default");
    else
        snprintf(sock, sizeof sock, "%llu", (unsigned long long)pt->sock);
    snprintf(buf, n, "%s-%s-%s-%lu-%lu-x%d-b%d-run%d.hlog", vs_test_name(pt->test),
             vs_transport_name(pt->tr), sock, (unsigned long)pt->msg, (unsigned long)pt->resp,
             pt->sessions, pt->burst, run);
    return buf;
}
