/* runsfile.c - see runsfile.h. */
#include "runner/runsfile.h"
#include "runner/csv.h"
#include "platform/fs.h"

#include <stdlib.h>
#include <string.h>

enum { C_TR, C_TEST, C_SOCK, C_EFFL, C_EFFR, C_MSG, C_SESSIONS, C_SESSION, C_RUN,
       C_SECONDS, C_BYTES, C_GBPS, C_CPUL, C_CPUR, C_SDL, C_SDR, C_STATUS, C_ERROR,
       C_COUNT };

int vs_point_equal(const vs_point *a, const vs_point *b)
{
    return a->tr == b->tr && a->test == b->test && a->sock == b->sock &&
           a->msg == b->msg && a->sessions == b->sessions;
}

void vs_row_write_csv(FILE *f, const vs_row *r)
{
    char session[16];

    snprintf(session, sizeof session, "%d", r->session);
    fprintf(f, "%s,%s,%llu,%llu,%llu,%lu,%d,%s,%d,%.6f,%llu,%.6f,%.3f,%.3f,%.6f,%.6f,%s,",
            vs_transport_name(r->tr), vs_test_name(r->test),
            (unsigned long long)r->sock_req, (unsigned long long)r->sock_eff_local,
            (unsigned long long)r->sock_eff_remote, (unsigned long)r->msg, r->sessions,
            r->session == VS_SESSION_ALL ? "all" : session, r->run, r->seconds,
            (unsigned long long)r->bytes, r->gbps, r->cpu_local, r->cpu_remote,
            r->sd_local, r->sd_remote, vs_row_status(r));
    vs_csv_write_field(f, r->error);
    fputc('\n', f);
}

static int remember(vs_runsfile *rf, const vs_done_run *d)
{
    if (rf->ndone == rf->cap) {
        int cap = rf->cap ? rf->cap * 2 : 64;
        vs_done_run *p = realloc(rf->done, (size_t)cap * sizeof *p);
        if (p == NULL)
            return -1;
        rf->done = p;
        rf->cap = cap;
    }
    rf->done[rf->ndone++] = *d;
    return 0;
}

/* ---- resume ------------------------------------------------------------ */

/* One record kept in memory while checking which runs are complete. */
typedef struct record {
    char *field[C_COUNT];
    vs_point pt;
    int run, is_all;
    int keep;
} record;

static int parse_point(record *rec, vs_err *e, int line)
{
    char **f = rec->field;

    if (vs_transport_parse(f[C_TR], &rec->pt.tr, e) != 0 ||
        vs_test_parse(f[C_TEST], &rec->pt.test, e) != 0)
        return vs_err_prefix(e, "runs.csv line %d", line);
    rec->pt.sock = strtoull(f[C_SOCK], NULL, 10);
    rec->pt.msg = (uint32_t)strtoul(f[C_MSG], NULL, 10);
    rec->pt.sessions = atoi(f[C_SESSIONS]);
    rec->run = atoi(f[C_RUN]);
    rec->is_all = strcmp(f[C_SESSION], "all") == 0;
    if (rec->pt.sessions < 1 || rec->run < 1)
        return vs_err_set(e, VS_ERR_USAGE, "runs.csv line %d: bad sessions or run", line);
    return 0;
}

/* A run is complete when its aggregate row and all session rows exist. */
static void mark_complete(record *recs, int n)
{
    for (int i = 0; i < n; i++) {
        if (!recs[i].is_all)
            continue;
        int sessions = 0;
        for (int j = 0; j < n; j++)
            sessions += !recs[j].is_all && recs[j].run == recs[i].run &&
                        vs_point_equal(&recs[j].pt, &recs[i].pt);
        if (sessions != recs[i].pt.sessions)
            continue;
        for (int j = 0; j < n; j++)
            if (recs[j].run == recs[i].run && vs_point_equal(&recs[j].pt, &recs[i].pt))
                recs[j].keep = 1;
    }
}

static int rewrite(const char *path, record *recs, int n, vs_err *e)
{
    char tmp[4200];
    FILE *f;

    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    f = fopen(tmp, "w");
    if (f == NULL)
        return vs_err_set(e, VS_ERR_RUNTIME, "cannot write %s", tmp);
    fprintf(f, "%s\n", VS_RUNS_HEADER);
    for (int i = 0; i < n; i++) {
        if (!recs[i].keep)
            continue;
        for (int c = 0; c < C_COUNT; c++) {
            if (c > 0)
                fputc(',', f);
            vs_csv_write_field(f, recs[i].field[c]);
        }
        fputc('\n', f);
    }
    if (vs_fsync_file(f, e) != 0) {
        fclose(f);
        return -1;
    }
    fclose(f);
    return vs_replace_file(tmp, path, e);
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t len = 0, cap = 0, got;

    if (f == NULL)
        return NULL;
    do {
        if (cap - len < 65536) {
            char *p = realloc(buf, cap + 65536 + 1);
            if (p == NULL) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = p;
            cap += 65536;
        }
        got = fread(buf + len, 1, cap - len, f);
        len += got;
    } while (got > 0);
    fclose(f);
    if (buf != NULL)
        buf[len] = '\0';
    return buf;
}

static int load_existing(vs_runsfile *rf, const char *text, vs_err *e)
{
    vs_csv_reader rd;
    record *recs = NULL;
    int n = 0, cap = 0, complete = 1, rc = -1, dropped = 0, got;

    vs_csv_init(&rd, text);
    got = vs_csv_next(&rd, &complete, e);
    if (got <= 0 || !complete || rd.nfields != C_COUNT ||
        strncmp(text, VS_RUNS_HEADER, strlen(VS_RUNS_HEADER)) != 0) {
        vs_csv_free(&rd);
        return vs_err_set(e, VS_ERR_USAGE, "%s does not start with the runs.csv header",
                          rf->path);
    }
    while ((got = vs_csv_next(&rd, &complete, e)) == 1 && complete) {
        if (rd.nfields != C_COUNT) {
            dropped++;
            continue;
        }
        if (n == cap) {
            cap = cap ? cap * 2 : 256;
            record *p = realloc(recs, (size_t)cap * sizeof *p);
            if (p == NULL)
                goto out;
            recs = p;
        }
        memset(&recs[n], 0, sizeof recs[n]);
        for (int c = 0; c < C_COUNT; c++)
            recs[n].field[c] = strdup(rd.field[c]);
        if (parse_point(&recs[n], e, rd.line) != 0) {
            n++;
            goto out;
        }
        n++;
    }
    if (got < 0)
        goto out;
    dropped += !complete; /* a line cut off mid-write */
    mark_complete(recs, n);
    for (int i = 0; i < n; i++) {
        dropped += !recs[i].keep;
        if (recs[i].keep && recs[i].is_all) {
            vs_done_run d = { recs[i].pt, recs[i].run,
                              strcmp(recs[i].field[C_STATUS], "ok") == 0,
                              strtod(recs[i].field[C_GBPS], NULL) };
            if (remember(rf, &d) != 0)
                goto out;
        }
    }
    rc = dropped ? rewrite(rf->path, recs, n, e) : 0;
out:
    for (int i = 0; i < n; i++)
        for (int c = 0; c < C_COUNT; c++)
            free(recs[i].field[c]);
    free(recs);
    vs_csv_free(&rd);
    return rc;
}

int vs_runsfile_open(vs_runsfile *rf, const char *dir, int resume, vs_err *e)
{
    char *text;

    memset(rf, 0, sizeof *rf);
    snprintf(rf->path, sizeof rf->path, "%s/runs.csv", dir);
    text = slurp(rf->path);
    if (text != NULL && text[0] != '\0') {
        if (!resume) {
            free(text);
            return vs_err_set(e, VS_ERR_USAGE, "%s already holds results: add --resume to "
                              "continue it, or choose a new --out directory", rf->path);
        }
        int rc = load_existing(rf, text, e);
        free(text);
        if (rc != 0)
            return -1;
        rf->f = fopen(rf->path, "a");
    } else {
        free(text);
        rf->f = fopen(rf->path, "w");
        if (rf->f != NULL) {
            fprintf(rf->f, "%s\n", VS_RUNS_HEADER);
            if (vs_fsync_file(rf->f, e) != 0)
                return -1;
        }
    }
    if (rf->f == NULL)
        return vs_err_set(e, VS_ERR_USAGE, "cannot open %s for writing", rf->path);
    return 0;
}

int vs_runsfile_append(vs_runsfile *rf, const vs_run_report *r, int run, vs_err *e)
{
    vs_done_run d;

    for (int i = 0; i < r->nrows; i++) {
        vs_row row = r->rows[i];
        row.run = run;
        vs_row_write_csv(rf->f, &row);
    }
    if (vs_fsync_file(rf->f, e) != 0)
        return vs_err_prefix(e, "%s", rf->path);
    d.pt = (vs_point){ (enum vs_transport)r->req.transport, (enum vs_test)r->req.test,
                       r->req.sock_size, r->req.msg_size, r->req.sessions };
    d.run = run;
    d.ok = vs_report_total(r)->ok;
    d.gbps = vs_report_total(r)->gbps;
    return remember(rf, &d) == 0 ? 0 : vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
}

int vs_runsfile_runs(const vs_runsfile *rf, const vs_point *pt, double *gbps, int max,
                     int *n_ok)
{
    int runs = 0;

    *n_ok = 0;
    for (int i = 0; i < rf->ndone; i++) {
        if (!vs_point_equal(&rf->done[i].pt, pt))
            continue;
        runs++;
        if (rf->done[i].ok && *n_ok < max)
            gbps[(*n_ok)++] = rf->done[i].gbps;
    }
    return runs;
}

void vs_runsfile_close(vs_runsfile *rf)
{
    if (rf->f != NULL)
        fclose(rf->f);
    free(rf->done);
    memset(rf, 0, sizeof *rf);
}
