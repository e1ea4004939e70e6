/* latency.c - see latency.h. */
#include "core/latency.h"

#include <hdr/hdr_histogram.h>
#include <hdr/hdr_encoding.h>
#include <hdr/hdr_histogram_log.h>
#include <zlib.h>

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

/* HdrHistogram_c's compressed V2 format: a compression header (cookie,
 * length of the zlib data), then zlib data whose first 40 bytes are the
 * encoding header. Cookies carry a word size in bits 4-7. */
#define HLOG_V2_COMPRESSION 0x1c849304u
#define HLOG_V2_ENCODING 0x1c849303u
#define HLOG_COOKIE_BASE(c) ((c) & ~0xf0u)
#define HLOG_HEAD 40

static uint64_t big_endian(const uint8_t *p, int n)
{
    uint64_t v = 0;

    for (int i = 0; i < n; i++)
        v = v << 8 | p[i];
    return v;
}

/* The encoding header of a decoded field (`len` bytes) into head[]: NULL,
 * or what is wrong. */
static const char *inflate_head(const uint8_t *buf, size_t len, uint8_t head[HLOG_HEAD])
{
    uint64_t zlen = big_endian(buf + 4, 4);
    z_stream z;
    int rc;

    if (HLOG_COOKIE_BASE((uint32_t)big_endian(buf, 4)) != HLOG_V2_COMPRESSION)
        return "not the compressed V2 format vsbench writes";
    memset(&z, 0, sizeof z);
    if (inflateInit(&z) != Z_OK)
        return "zlib cannot start";
    z.next_in = (Bytef *)(buf + 8);
    z.avail_in = (uInt)(zlen < len - 8 ? zlen : len - 8);
    z.next_out = head;
    z.avail_out = HLOG_HEAD;
    rc = inflate(&z, Z_SYNC_FLUSH);
    inflateEnd(&z);
    return (rc == Z_OK || rc == Z_STREAM_END) && z.avail_out == 0 ? NULL
                                                                  : "bad compressed data";
}

/* A histogram field checked before HdrHistogram_c sizes a histogram from
 * its header (0.9.4 loops forever on some ranges, and allocates what the
 * payload length says): the format vsbench writes, with this build's
 * range and precision, no index offset, and a payload no longer than
 * those counts take (at most 9 bytes each). NULL, or what is wrong. */
static const char *check_field(const char *field)
{
    size_t n = strlen(field), len = hdr_base64_decoded_len(n);
    struct hdr_histogram_bucket_config cfg;
    uint8_t *buf, head[HLOG_HEAD];
    const char *why;

    if (n % 4 != 0 || len < 8)
        return "not base64 of a histogram";
    if ((buf = malloc(len)) == NULL)
        return "out of memory";
    why = hdr_base64_decode(field, n, buf, len) != 0 ? "not base64" : inflate_head(buf, len, head);
    free(buf);
    if (why != NULL)
        return why;
    if (hdr_calculate_bucket_config(1, VS_LAT_HIGHEST_NS, VS_LAT_DIGITS, &cfg) != 0)
        return "no histogram of this build's range";
    if (HLOG_COOKIE_BASE((uint32_t)big_endian(head, 4)) != HLOG_V2_ENCODING ||
        big_endian(head + 8, 4) != 0 || big_endian(head + 12, 4) != VS_LAT_DIGITS ||
        big_endian(head + 16, 8) != 1 || big_endian(head + 24, 8) != VS_LAT_HIGHEST_NS)
        return "not a histogram of vsbench's range (1 ns to 100 s, 3 digits)";
    if (big_endian(head + 4, 4) > 9 * (uint64_t)cfg.counts_len)
        return "payload longer than its counts";
    return NULL;
}

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
    const char *why;
    char *field;
    int rc;

    if (line[0] == '#' || line[0] == '"' || line[0] == '\0' || strncmp(line, "Tag=", 4) == 0)
        return 0;
    field = histogram_field(line);
    if (field == NULL)
        return vs_err_set(e, VS_ERR_USAGE, "%s:%d: not an interval line (START,LENGTH,MAX,"
                          "HISTOGRAM)", path, lineno);
    why = check_field(field);
    if (why != NULL)
        return vs_err_set(e, VS_ERR_USAGE, "%s:%d: bad histogram: %s", path, lineno, why);
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

int vs_hlog_add_text(char *text, const char *path, vs_hist **sum, vs_err *e)
{
    char *line, *next;
    int rc = 0, lineno = 0;

    for (line = text; line != NULL && rc == 0; line = next) {
        next = strchr(line, '\n');
        if (next != NULL)
            *next++ = '\0';
        line[strcspn(line, "\r")] = '\0';
        rc = read_line(line, path, ++lineno, sum, e);
    }
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
