/*
 * fuzz_csv.c - libFuzzer target: the CSV record reader (core/csv) and the
 * runs.csv reader on top of it (core/runs). The input is a runs.csv text.
 * Besides not crashing: every row the reader accepts, written back with
 * the runs.csv writer, must read back as the same row (what vsbench
 * writes, vsbench reads) - the writer's decimals aside.
 */
#include "core/csv.h"
#include "core/runs.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The same row as far as runs.csv's decimals tell. */
static int same_row(const vs_row *a, const vs_row *b)
{
    const double *x[] = { &a->seconds, &a->gbps, &a->cpu_local, &a->cpu_remote, &a->sd_local,
                          &a->sd_remote };
    const double *y[] = { &b->seconds, &b->gbps, &b->cpu_local, &b->cpu_remote, &b->sd_local,
                          &b->sd_remote };

    for (int i = 0; i < 6; i++)
        if (fabs(*x[i] - *y[i]) > 0.0006 + fabs(*x[i]) * 1e-15)
            return 0;
    return vs_point_equal(&a->pt, &b->pt) && a->sock_eff_local == b->sock_eff_local &&
           a->sock_eff_remote == b->sock_eff_remote && a->session == b->session &&
           a->run == b->run && a->bytes == b->bytes && a->ok == b->ok &&
           strcmp(a->error, b->error) == 0;
}

/* Write the row with this build's header and read it back. */
static void round_trip(const vs_row *row)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    vs_runs_reader rd;
    vs_row back;
    int complete;
    vs_err e;

    vs_runs_write_header(f);
    vs_runs_write_row(f, row);
    fclose(f);
    if (vs_runs_open(&rd, "again.csv", buf, &e) != 0 ||
        vs_runs_next(&rd, &back, &complete, &e) != 1 || !complete || !same_row(row, &back)) {
        fprintf(stderr, "fuzz_csv: a row read does not read back once written:\n%s\n%s\n", buf,
                e.msg);
        abort();
    }
    vs_runs_close(&rd);
    free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    vs_csv_reader csv;
    vs_runs_reader rd;
    vs_row row;
    int complete, got, rows = 0;
    vs_err e;

    if (text == NULL)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    vs_csv_init(&csv, text);
    while ((got = vs_csv_next(&csv, &complete, &e)) == 1)
        if (csv.nfields < 1 || csv.nfields > VS_CSV_MAX_FIELDS)
            abort();
    vs_csv_free(&csv);
    if (vs_runs_open(&rd, "runs.csv", text, &e) == 0)
        while ((got = vs_runs_next(&rd, &row, &complete, &e)) == 1 && rows++ < 10000)
            round_trip(&row);
    vs_runs_close(&rd);
    free(text);
    return 0;
}
