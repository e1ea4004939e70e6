/*
 * hdr_smoke.c - HdrHistogram_c as built by mk/deps.mk links the way the
 * runner is linked (-static, with zlib) and works: record 1..1000 us,
 * read p50/p99/min/max within the histogram's precision, round-trip it
 * through the compressed (zlib + base64) encoding and through an
 * interval-log file. Usage: hdr_smoke LOGFILE. Exit 0 when all hold.
 * (0.9.4 allocates a histogram as one block: free() it; hdr_close came later.)
 */
#include <hdr/hdr_histogram.h>
#include <hdr/hdr_histogram_log.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures;

/* Is `got` within a relative `tol` of `want`? */
static void expect_near(const char *what, double got, double want, double tol)
{
    if (fabs(got - want) > tol * fabs(want)) {
        fprintf(stderr, "hdr_smoke: %s is %.0f, expected %.0f (within %g)\n", what, got, want, tol);
        failures++;
    }
}

/* 1000 latencies of 1..1000 us, in ns; 3 significant digits, up to 1 h. */
static struct hdr_histogram *make_histogram(void)
{
    struct hdr_histogram *h = NULL;

    if (hdr_init(1, 3600LL * 1000 * 1000 * 1000, 3, &h) != 0)
        return NULL;
    for (int v = 1; v <= 1000; v++)
        if (!hdr_record_value(h, (int64_t)v * 1000))
            failures++;
    return h;
}

static void check_percentiles(const struct hdr_histogram *h, const char *which)
{
    char what[64];

    snprintf(what, sizeof what, "%s count", which);
    expect_near(what, (double)h->total_count, 1000, 0);
    snprintf(what, sizeof what, "%s p50", which);
    expect_near(what, (double)hdr_value_at_percentile(h, 50.0), 500000, 1e-3);
    snprintf(what, sizeof what, "%s p99", which);
    expect_near(what, (double)hdr_value_at_percentile(h, 99.0), 990000, 1e-3);
    snprintf(what, sizeof what, "%s min", which);
    expect_near(what, (double)hdr_min(h), 1000, 1e-3);
    snprintf(what, sizeof what, "%s max", which);
    expect_near(what, (double)hdr_max(h), 1000000, 1e-3);
}

/* zlib-compressed, base64 text and back */
static void check_encoding(struct hdr_histogram *h)
{
    char *text = NULL;
    struct hdr_histogram *back = NULL;

    if (hdr_log_encode(h, &text) != 0 || hdr_log_decode(&back, text, strlen(text)) != 0) {
        fprintf(stderr, "hdr_smoke: encode/decode failed\n");
        failures++;
    } else {
        check_percentiles(back, "decoded");
    }
    free(text);
    free(back); /* one block in 0.9.4 (no hdr_close yet) */
}

/* the interval-log format other tools read: write one interval, read it */
static void check_log_file(struct hdr_histogram *h, const char *path)
{
    struct hdr_log_writer w;
    struct hdr_log_reader r;
    struct hdr_histogram *back = NULL;
    hdr_timespec start = { 1700000000, 0 }, end = { 1700000001, 0 };
    FILE *f = fopen(path, "w");

    if (f == NULL || hdr_log_writer_init(&w) != 0 ||
        hdr_log_write_header(&w, f, "vsbench", &start) != 0 ||
        hdr_log_write(&w, f, &start, &end, h) != 0) {
        fprintf(stderr, "hdr_smoke: cannot write the log %s\n", path);
        failures++;
    }
    if (f != NULL)
        fclose(f);
    f = fopen(path, "r");
    if (f == NULL || hdr_log_reader_init(&r) != 0 || hdr_log_read_header(&r, f) != 0 ||
        hdr_log_read(&r, f, &back, NULL, NULL) != 0 || back == NULL) {
        fprintf(stderr, "hdr_smoke: cannot read the log %s back\n", path);
        failures++;
    } else {
        check_percentiles(back, "log");
    }
    if (f != NULL)
        fclose(f);
    free(back); /* one block in 0.9.4 (no hdr_close yet) */
}

int main(int argc, char **argv)
{
    struct hdr_histogram *h = make_histogram();

    if (argc != 2 || h == NULL) {
        fprintf(stderr, "usage: hdr_smoke LOGFILE\n");
        return 2;
    }
    check_percentiles(h, "recorded");
    check_encoding(h);
    check_log_file(h, argv[1]);
    printf("hdr_smoke: p50 %lld ns, p99 %lld ns, %d failure(s)\n",
           (long long)hdr_value_at_percentile(h, 50.0), (long long)hdr_value_at_percentile(h, 99.0),
           failures);
    free(h); /* one block in 0.9.4 (no hdr_close yet) */
    return failures == 0 ? 0 : 1;
}
