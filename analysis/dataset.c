/* dataset.c - see dataset.h. */
#include "analysis/dataset.h"
#include "core/grow.h"
#include "core/slurp.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RUNS_MAX_BYTES (1024u * 1024 * 1024)

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

static int load_csv(vs_dataset *d, int si, int *cap, vs_err *e)
{
    char file[1100];
    vs_runs_reader rd;
    vs_rec r;
    char *text;
    int got, complete;

    snprintf(file, sizeof file, "%s/runs.csv", d->src[si].path);
    got = vs_slurp(file, RUNS_MAX_BYTES, &text, e);
    if (got != 0)
        return got < 0 ? -1 : vs_err_set(e, VS_ERR_USAGE, "%s: no such file", file);
    if (vs_runs_open(&rd, file, text, e) == 0) {
        r.source = si;
        r.pair = d->src[si].pair;
        while ((got = vs_runs_next(&rd, &r.row, &complete, e)) == 1)
            if (add_rec(d, &r, cap) != 0) {
                got = vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
                break;
            }
    } else {
        got = -1;
    }
    vs_runs_close(&rd);
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

static int load_meta(vs_dataset *d, int si, vs_err *e)
{
    vs_source *s = &d->src[si];
    char file[1100], label[128];
    json_error_t je;

    snprintf(file, sizeof file, "%s/meta.json", s->path);
    s->meta = json_load_file(file, 0, &je);
    if (s->meta == NULL)
        return vs_err_set(e, VS_ERR_USAGE, "%s:%d:%d: %s", file, je.line, je.column, je.text);
    if (!json_is_object(s->meta) || !json_is_object(json_object_get(s->meta, "hosts")))
        return vs_err_set(e, VS_ERR_USAGE, "%s: not a vsbench meta.json (no hosts)", file);
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
        if (load_meta(d, i, e) != 0 || load_csv(d, i, &cap, e) != 0) {
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
    free(d->src);
    memset(d, 0, sizeof *d);
}
