/* dataset.c - see dataset.h. */
#include "analysis/dataset.h"
#include "core/grow.h"
#include "core/safeprint.h"
#include "platform/fs.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RUNS_MAX_BYTES (1024u * 1024 * 1024)
#define META_MAX_BYTES (16u * 1024 * 1024)

int vs_key_equal(const vs_key *a, const vs_key *b)
{
    return a->pair == b->pair && vs_point_equal(&a->pt, &b->pt);
}

vs_key vs_rec_key(const vs_rec *r)
{
    vs_key k = { r->pair, r->row.pt };

    return k;
}

const char *vs_meta_str(const vs_source *s, const char *path)
{
    char buf[256], *save = NULL;
    json_t *j = s->meta;

    snprintf(buf, sizeof buf, "%s", path);
    for (char *k = strtok_r(buf, ".", &save); k != NULL && j != NULL;
         k = strtok_r(NULL, ".", &save))
        j = json_object_get(j, k);
    return json_is_string(j) ? json_string_value(j) : "";
}

int vs_source_unfinished(const vs_source *s, char *buf, size_t n)
{
    const char *status = vs_meta_str(s, "status");
    json_int_t done = json_integer_value(json_object_get(s->meta, "runs_done"));
    json_int_t planned = json_integer_value(json_object_get(s->meta, "runs_planned"));

    if (strcmp(status, "complete") == 0)
        return 0;
    if (strcmp(status, "interrupted") == 0)
        snprintf(buf, n, "was interrupted after %lld of %lld planned runs (vsbench sweep "
                 "--resume continues it)", (long long)done, (long long)planned);
    else
        snprintf(buf, n, "did not finish: %lld of %lld planned runs recorded (killed, or "
                 "still running?)", (long long)done, (long long)planned);
    return 1;
}

static int add_rec(vs_dataset *d, const vs_rec *r, int *cap)
{
    vs_rec *p = vs_push(d->rec, &d->nrec, cap, r, sizeof *r);

    return p != NULL ? (d->rec = p, 0) : -1;
}

/* The shortest row runs.csv can hold: 18 fields, each at least one
 * character but the error, and their commas. */
#define ROW_MIN_BYTES 35

/* Room for the rows of the text at once (its lines, at most one row per
 * ROW_MIN_BYTES): a large file is not copied again at each doubling. Only
 * a help: when it cannot be had, the array grows as rows come. */
static void reserve_recs(vs_dataset *d, int *cap, const char *text)
{
    size_t lines = 1, most;
    const char *s = text, *last = text;
    vs_rec *p;

    for (; (s = strchr(s, '\n')) != NULL; last = ++s)
        lines++;
    most = (size_t)(last - text + strlen(last)) / ROW_MIN_BYTES + 1;
    if (lines > most)
        lines = most;
    if (lines > (size_t)(INT_MAX - d->nrec) || (size_t)d->nrec + lines <= (size_t)*cap)
        return;
    p = realloc(d->rec, ((size_t)d->nrec + lines) * sizeof *p);
    if (p == NULL)
        return;
    d->rec = p;
    *cap = d->nrec + (int)lines;
}

void vs_dataset_note(vs_dataset *d, const char *fmt, ...)
{
    va_list ap;

    if (d->nnotes == VS_DATASET_NOTES)
        return;
    va_start(ap, fmt);
    vsnprintf(d->notes[d->nnotes++], sizeof d->notes[0], fmt, ap);
    va_end(ap);
}

/* Every row of the text: a last row cut off by a crash (no newline at the
 * end) is noted and skipped, never counted; any other bad row fails. */
static int read_rows(vs_dataset *d, int si, vs_runs_reader *rd, int *cap, vs_err *e)
{
    vs_rec r;
    int got, complete;

    r.source = si;
    r.pair = d->src[si].pair;
    while ((got = vs_runs_next(rd, &r.row, &complete, e)) == 1 && complete)
        if (vs_row_intern(&r.row, &d->texts) != 0 || add_rec(d, &r, cap) != 0)
            return vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
    if (got == 1 || (got < 0 && vs_runs_cut_off(rd))) {
        vs_dataset_note(d, "%s:%d: the last row is cut off (no newline at the end: the sweep "
                        "stopped while writing it); skipped", rd->file, vs_runs_line(rd));
        return 0;
    }
    return got;
}

static int load_csv(vs_dataset *d, int si, int *cap, vs_err *e)
{
    char file[1100];
    vs_runs_reader rd;
    char *text;
    int got;

    snprintf(file, sizeof file, "%s/runs.csv", d->src[si].path);
    got = vs_slurp(file, RUNS_MAX_BYTES, &text, e);
    if (got != 0)
        return got < 0 ? -1 : vs_err_set(e, VS_ERR_USAGE, "%s: missing (a results directory "
                                         "holds runs.csv and meta.json)", file);
    reserve_recs(d, cap, text);
    got = vs_runs_open(&rd, file, text, e);
    if (got == 0)
        got = read_rows(d, si, &rd, cap, e);
    vs_runs_close(&rd); /* also after a failed open */
    free(text);
    return got;
}

/* "Linux 6.1.0-27 / Linux 6.1.0-27 (KVM)" from both hosts in meta.json. */
static void pair_label(const vs_source *s, char *buf, size_t n)
{
    const char *hv = vs_meta_str(s, "hosts.local.hypervisor");

    snprintf(buf, n, "%s %s / %s %s%s%s%s", vs_meta_str(s, "hosts.local.os"),
             vs_meta_str(s, "hosts.local.kernel"), vs_meta_str(s, "hosts.remote.os"),
             vs_meta_str(s, "hosts.remote.kernel"), hv[0] && strcmp(hv, "none") ? " (" : "",
             hv[0] && strcmp(hv, "none") ? hv : "", hv[0] && strcmp(hv, "none") ? ")" : "");
}

/* meta.json parsed (after a UTF-8 byte order mark, if any). */
static int parse_meta(vs_source *s, const char *file, vs_err *e)
{
    char *text;
    json_error_t je;
    int got = vs_slurp(file, META_MAX_BYTES, &text, e);

    if (got != 0)
        return got < 0 ? -1 : vs_err_set(e, VS_ERR_USAGE, "%s: missing (a results directory "
                                         "holds meta.json and runs.csv)", file);
    s->meta = json_loads(strncmp(text, "\xEF\xBB\xBF", 3) == 0 ? text + 3 : text, 0, &je);
    free(text);
    if (s->meta == NULL)
        return vs_err_set(e, VS_ERR_USAGE, "%s:%d:%d: %s", file, je.line, je.column, je.text);
    if (!json_is_object(s->meta) || !json_is_object(json_object_get(s->meta, "hosts")))
        return vs_err_set(e, VS_ERR_USAGE, "%s: not a vsbench meta.json (no hosts)", file);
    return 0;
}

static int load_meta(vs_dataset *d, int si, vs_err *e)
{
    vs_source *s = &d->src[si];
    char file[1100], label[128];

    snprintf(file, sizeof file, "%s/meta.json", s->path);
    if (parse_meta(s, file, e) != 0)
        return -1;
    pair_label(s, label, sizeof label);
    for (int p = 0; p < d->npairs; p++)
        if (strcmp(d->pairs[p], label) == 0) {
            s->pair = p;
            return 0;
        }
    if (d->npairs == VS_PAIR_MAX)
        return vs_err_set(e, VS_ERR_USAGE, "more than %d different host pairs", VS_PAIR_MAX);
    snprintf(d->pairs[d->npairs], sizeof d->pairs[0], "%s", label);
    s->pair = d->npairs++;
    return 0;
}

/* DIR is a results directory: it exists, is a directory and holds
 * meta.json or runs.csv (each is checked as it is read). */
static int check_dir(const char *dir, vs_err *e)
{
    char a[1100], b[1100];

    switch (vs_path_kind(dir)) {
    case VS_PATH_MISSING: return vs_err_set(e, VS_ERR_USAGE, "%s: no such directory", dir);
    case VS_PATH_DIR: break;
    default:
        return vs_err_set(e, VS_ERR_USAGE, "%s: not a directory (give vsbench results "
                          "directories: each holds meta.json and runs.csv)", dir);
    }
    snprintf(a, sizeof a, "%s/meta.json", dir);
    snprintf(b, sizeof b, "%s/runs.csv", dir);
    if (vs_path_kind(a) == VS_PATH_MISSING && vs_path_kind(b) == VS_PATH_MISSING)
        return vs_err_set(e, VS_ERR_USAGE, "%s: not a vsbench results directory (no meta.json, "
                          "no runs.csv)", dir);
    return 0;
}

int vs_dataset_load(vs_dataset *d, const char *const *dirs, int n, vs_err *e)
{
    int cap = 0;

    memset(d, 0, sizeof *d);
    d->src = calloc((size_t)(n > 0 ? n : 1), sizeof *d->src);
    if (d->src == NULL)
        return vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
    for (int i = 0; i < n; i++) {
        snprintf(d->src[i].path, sizeof d->src[i].path, "%s", dirs[i]);
        d->nsrc = i + 1;
        if (check_dir(dirs[i], e) != 0 || load_meta(d, i, e) != 0 ||
            load_csv(d, i, &cap, e) != 0) {
            vs_dataset_free(d);
            return -1;
        }
    }
    return 0;
}

void vs_dataset_free(vs_dataset *d)
{
    for (int i = 0; i < d->nsrc; i++)
        if (d->src[i].meta != NULL)
            json_decref(d->src[i].meta);
    free(d->rec);
    vs_strpool_free(&d->texts);
    free(d->src);
    memset(d, 0, sizeof *d);
}

void vs_dataset_print_notes(const vs_dataset *d, const char *prog, FILE *f)
{
    char shown[4 * sizeof d->notes[0]];

    for (int i = 0; i < d->nnotes; i++)
        fprintf(f, "%s: warning: %s\n", prog, vs_safe_copy(shown, sizeof shown, d->notes[i]));
}

int vs_dataset_add_hlog(const vs_dataset *d, const vs_rec *r, vs_hist **sum, vs_err *e)
{
    char name[160], path[1400], *text;
    int rc;

    snprintf(path, sizeof path, "%s/latency/%s", d->src[r->source].path,
             vs_hlog_name(&r->row.pt, r->row.run, name, sizeof name));
    rc = vs_slurp(path, VS_HLOG_MAX_BYTES, &text, e);
    if (rc != 0)
        return rc; /* 1: no log (older sweeps, stream tests) */
    rc = vs_hlog_add_text(text, path, sum, e);
    free(text);
    return rc;
}
