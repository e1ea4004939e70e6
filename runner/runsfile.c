/* runsfile.c - see runsfile.h. */
#include "runner/runsfile.h"
#include "core/grow.h"
#include "core/runs.h"
#include "platform/fs.h"

#include <stdlib.h>
#include <string.h>

#define RUNS_MAX_BYTES (1024u * 1024 * 1024)

static int remember(vs_runsfile *rf, const vs_done_run *d)
{
    vs_done_run *p = vs_push(rf->done, &rf->ndone, &rf->cap, d, sizeof *d);

    return p != NULL ? (rf->done = p, 0) : -1;
}

/* ---- resume ------------------------------------------------------------ */

/* The rows found in the file, and which of them belong to complete runs. */
typedef struct found {
    int n, cap;
    vs_row *row;
    vs_strpool texts;  /* the rows' texts */
    char *keep;        /* per row, set by mark_complete */
} found;

static int same_run(const vs_row *a, const vs_row *b)
{
    return a->run == b->run && vs_point_equal(&a->pt, &b->pt);
}

/* A run is complete when its aggregate row and all session rows exist. */
static void mark_complete(found *fd)
{
    for (int i = 0; i < fd->n; i++) {
        const vs_row *all = &fd->row[i];
        int sessions = 0;
        if (all->session != VS_SESSION_ALL)
            continue;
        for (int j = 0; j < fd->n; j++)
            sessions += fd->row[j].session != VS_SESSION_ALL && same_run(&fd->row[j], all);
        if (sessions != all->pt.sessions)
            continue;
        for (int j = 0; j < fd->n; j++)
            if (same_run(&fd->row[j], all))
                fd->keep[j] = 1;
    }
}

/* Keep a row the reader gave, and its texts. */
static int add_found(found *fd, vs_row *row)
{
    vs_row *p;

    if (vs_row_intern(row, &fd->texts) != 0)
        return -1;
    p = vs_push(fd->row, &fd->n, &fd->cap, row, sizeof *row);
    return p != NULL ? (fd->row = p, 0) : -1;
}

/* Write the kept rows in this build's columns, then replace the file. */
static int rewrite(const char *path, const found *fd, vs_err *e)
{
    char tmp[4200];
    FILE *f;

    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    f = fopen(tmp, "wb");
    if (f == NULL)
        return vs_err_set(e, VS_ERR_RUNTIME, "cannot write %s", tmp);
    vs_runs_write_header(f);
    for (int i = 0; i < fd->n; i++)
        if (fd->keep[i])
            vs_runs_write_row(f, &fd->row[i]);
    if (vs_fsync_file(f, e) != 0) {
        fclose(f);
        return -1;
    }
    fclose(f);
    return vs_replace_file(tmp, path, e);
}

/* Every row of the file; a last line cut off mid-write is dropped. */
static int read_rows(vs_runsfile *rf, const char *text, found *fd, int *dropped, vs_err *e)
{
    vs_runs_reader rd;
    vs_row row;
    int got, complete;

    if (vs_runs_open(&rd, rf->path, text, e) != 0) {
        vs_runs_close(&rd);
        return -1;
    }
    *dropped = !rd.current; /* an older layout is rewritten in this one */
    while ((got = vs_runs_next(&rd, &row, &complete, e)) == 1 && complete)
        if (add_found(fd, &row) != 0) {
            got = vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
            break;
        }
    if (got == 1 || (got < 0 && vs_runs_cut_off(&rd))) {
        got = 0;
        (*dropped)++;
    }
    vs_runs_close(&rd);
    return got;
}

static int load_existing(vs_runsfile *rf, const char *text, vs_err *e)
{
    found fd;
    int dropped, rc = -1;

    memset(&fd, 0, sizeof fd);
    if (read_rows(rf, text, &fd, &dropped, e) != 0)
        goto out;
    fd.keep = calloc((size_t)fd.n + 1, 1);
    if (fd.keep == NULL) {
        vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
        goto out;
    }
    mark_complete(&fd);
    for (int i = 0; i < fd.n; i++) {
        const vs_row *r = &fd.row[i];
        dropped += !fd.keep[i];
        if (fd.keep[i] && r->session == VS_SESSION_ALL) {
            vs_done_run d = { r->pt, r->run, r->ok, vs_row_figure(r) };
            if (remember(rf, &d) != 0) {
                vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
                goto out;
            }
        }
    }
    rc = dropped ? rewrite(rf->path, &fd, e) : 0;
out:
    free(fd.row);
    vs_strpool_free(&fd.texts);
    free(fd.keep);
    return rc;
}

/* 1 when the text holds something after its first line (the header). */
static int has_rows(const char *text)
{
    const char *nl = strchr(text, '\n');

    return nl != NULL && nl[strspn(nl, "\r\n \t")] != '\0';
}

int vs_runsfile_open(vs_runsfile *rf, const char *dir, int resume, vs_err *e)
{
    char *text;
    int rc;

    memset(rf, 0, sizeof *rf);
    snprintf(rf->path, sizeof rf->path, "%s/runs.csv", dir);
    rc = vs_slurp(rf->path, RUNS_MAX_BYTES, &text, e);
    if (rc < 0)
        return -1;
    if (text != NULL && has_rows(text)) {
        if (!resume) {
            free(text);
            return vs_err_set(e, VS_ERR_USAGE, "%s already holds results: add --resume to "
                              "continue it, or choose a new --out directory", rf->path);
        }
        rc = load_existing(rf, text, e);
        free(text);
        if (rc != 0)
            return -1;
        rf->f = fopen(rf->path, "ab");
    } else {
        free(text);
        rf->f = fopen(rf->path, "wb");
        if (rf->f != NULL) {
            vs_runs_write_header(rf->f);
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
    const vs_row *all = vs_report_total(r);
    vs_done_run d = { all->pt, run, all->ok, vs_row_figure(all) };

    for (int i = 0; i < r->nrows; i++) {
        vs_row row = r->rows[i];
        row.run = run;
        vs_runs_write_row(rf->f, &row);
    }
    if (vs_fsync_file(rf->f, e) != 0)
        return vs_err_prefix(e, "%s", rf->path);
    return remember(rf, &d) == 0 ? 0 : vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
}

int vs_runsfile_runs(const vs_runsfile *rf, const vs_point *pt, double *figure, int max,
                     int *n_ok)
{
    int runs = 0;

    *n_ok = 0;
    for (int i = 0; i < rf->ndone; i++) {
        if (!vs_point_equal(&rf->done[i].pt, pt))
            continue;
        runs++;
        if (rf->done[i].ok && *n_ok < max)
            figure[(*n_ok)++] = rf->done[i].figure;
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
