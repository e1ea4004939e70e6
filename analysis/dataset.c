/* dataset.c - see dataset.h. */
#include "analysis/dataset.h"
#include "runner/csv.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { C_TR, C_TEST, C_SOCK, C_EFFL, C_EFFR, C_MSG, C_SESSIONS, C_SESSION, C_RUN,
       C_SECONDS, C_BYTES, C_GBPS, C_CPUL, C_CPUR, C_SDL, C_SDR, C_STATUS, C_ERROR,
       C_COUNT };

static const char *const columns[C_COUNT] = {
    "transport", "test", "sock_req", "sock_eff_local", "sock_eff_remote", "msg",
    "sessions", "session", "run", "seconds", "bytes", "gbps", "cpu_local", "cpu_remote",
    "sd_local", "sd_remote", "status", "error",
};

int vs_key_equal(const vs_key *a, const vs_key *b)
{
    return a->pair == b->pair && vs_point_equal(&a->pt, &b->pt);
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

static char *slurp(const char *path, vs_err *e)
{
    FILE *f = fopen(path, "rb");
    char *buf;
    long n;

    if (f == NULL) {
        vs_err_set(e, VS_ERR_USAGE, "%s: %s", path, strerror(errno));
        return NULL;
    }
    if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0 ||
        (buf = malloc((size_t)n + 1)) == NULL) {
        fclose(f);
        vs_err_set(e, VS_ERR_USAGE, "%s: cannot read", path);
        return NULL;
    }
    if (fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        fclose(f);
        vs_err_set(e, VS_ERR_USAGE, "%s: read error", path);
        return NULL;
    }
    fclose(f);
    buf[n] = '\0';
    if (memchr(buf, '\0', (size_t)n) != NULL) {
        free(buf);
        vs_err_set(e, VS_ERR_USAGE, "%s: binary data, not CSV", path);
        return NULL;
    }
    return buf;
}

/* Strict numbers: the whole field, finite, within limits. */
static int num_u64(const char *s, uint64_t *out)
{
    char *end;

    if (*s < '0' || *s > '9')
        return -1;
    errno = 0;
    *out = strtoull(s, &end, 10);
    return errno == 0 && *end == '\0' ? 0 : -1;
}

static int num_f(const char *s, double *out)
{
    char *end;

    if (*s == '\0')
        return -1;
    errno = 0;
    *out = strtod(s, &end);
    return errno == 0 && *end == '\0' && *out == *out && *out > -1e300 && *out < 1e300 &&
                   *out >= 0
               ? 0
               : -1;
}

static int bad(vs_err *e, const char *file, int line, int col, const char *v)
{
    return vs_err_set(e, VS_ERR_USAGE, "%s:%d: bad %s '%.40s'", file, line, columns[col], v);
}

/* Parse one record into `r`. */
static int parse_rec(char **f, const char *file, int line, vs_rec *r, vs_err *e)
{
    uint64_t u;
    double *dbl[] = { &r->seconds, NULL, &r->gbps, &r->cpu_local, &r->cpu_remote,
                      &r->sd_local, &r->sd_remote };

    memset(r, 0, sizeof *r);
    if (vs_transport_parse(f[C_TR], &r->key.pt.tr, NULL) != 0)
        return bad(e, file, line, C_TR, f[C_TR]);
    if (vs_test_parse(f[C_TEST], &r->key.pt.test, NULL) != 0)
        return bad(e, file, line, C_TEST, f[C_TEST]);
    if (num_u64(f[C_SOCK], &r->key.pt.sock) != 0)
        return bad(e, file, line, C_SOCK, f[C_SOCK]);
    if (num_u64(f[C_EFFL], &r->sock_eff_local) != 0)
        return bad(e, file, line, C_EFFL, f[C_EFFL]);
    if (num_u64(f[C_EFFR], &r->sock_eff_remote) != 0)
        return bad(e, file, line, C_EFFR, f[C_EFFR]);
    if (num_u64(f[C_MSG], &u) != 0 || u < 1 || u > VS_MAX_MSG)
        return bad(e, file, line, C_MSG, f[C_MSG]);
    r->key.pt.msg = (uint32_t)u;
    if (num_u64(f[C_SESSIONS], &u) != 0 || u < 1 || u > VS_MAX_SESSIONS)
        return bad(e, file, line, C_SESSIONS, f[C_SESSIONS]);
    r->key.pt.sessions = (int)u;
    if (strcmp(f[C_SESSION], "all") == 0)
        r->session = 0;
    else if (num_u64(f[C_SESSION], &u) != 0 || u < 1 || u > (uint64_t)r->key.pt.sessions)
        return bad(e, file, line, C_SESSION, f[C_SESSION]);
    else
        r->session = (int)u;
    if (num_u64(f[C_RUN], &u) != 0 || u < 1 || u > 100000)
        return bad(e, file, line, C_RUN, f[C_RUN]);
    r->run = (int)u;
    if (num_u64(f[C_BYTES], &r->bytes) != 0)
        return bad(e, file, line, C_BYTES, f[C_BYTES]);
    for (int c = C_SECONDS; c <= C_SDR; c++)
        if (c != C_BYTES && num_f(f[c], dbl[c - C_SECONDS]) != 0)
            return bad(e, file, line, c, f[c]);
    if (strcmp(f[C_STATUS], "ok") != 0 && strcmp(f[C_STATUS], "error") != 0)
        return bad(e, file, line, C_STATUS, f[C_STATUS]);
    r->ok = strcmp(f[C_STATUS], "ok") == 0;
    r->error = strdup(f[C_ERROR]);
    return r->error != NULL ? 0 : vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
}

static int add_rec(vs_dataset *d, const vs_rec *r, int *cap)
{
    if (d->nrec == *cap) {
        int n = *cap ? *cap * 2 : 1024;
        vs_rec *p = realloc(d->rec, (size_t)n * sizeof *p);
        if (p == NULL)
            return -1;
        d->rec = p;
        *cap = n;
    }
    d->rec[d->nrec++] = *r;
    return 0;
}

static int load_csv(vs_dataset *d, int si, int *cap, vs_err *e)
{
    char file[1100];
    vs_csv_reader rd;
    char *text;
    int got, complete, rc = 0;

    snprintf(file, sizeof file, "%s/runs.csv", d->src[si].path);
    if ((text = slurp(file, e)) == NULL)
        return -1;
    vs_csv_init(&rd, text);
    got = vs_csv_next(&rd, &complete, e);
    if (got <= 0 || rd.nfields != C_COUNT) {
        rc = vs_err_set(e, VS_ERR_USAGE, "%s:1: not a runs.csv header (expected %d columns: "
                        "%s, ...)", file, C_COUNT, columns[0]);
        goto out;
    }
    for (int c = 0; c < C_COUNT; c++)
        if (strcmp(rd.field[c], columns[c]) != 0) {
            rc = vs_err_set(e, VS_ERR_USAGE, "%s:1: column %d is '%.40s', expected '%s'",
                            file, c + 1, rd.field[c], columns[c]);
            goto out;
        }
    while ((got = vs_csv_next(&rd, &complete, e)) == 1) {
        vs_rec r;
        if (rd.nfields != C_COUNT) {
            rc = vs_err_set(e, VS_ERR_USAGE, "%s:%d: %d fields, expected %d", file, rd.line,
                            rd.nfields, C_COUNT);
            goto out;
        }
        if (parse_rec(rd.field, file, rd.line, &r, e) != 0) {
            rc = -1;
            goto out;
        }
        r.source = si;
        r.key.pair = d->src[si].pair;
        if (add_rec(d, &r, cap) != 0) {
            free(r.error);
            rc = vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
            goto out;
        }
    }
    if (got < 0)
        rc = vs_err_prefix(e, "%s", file);
out:
    vs_csv_free(&rd);
    free(text);
    return rc;
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
    for (int i = 0; i < d->nrec; i++)
        free(d->rec[i].error);
    for (int i = 0; i < d->nsrc; i++)
        if (d->src[i].meta != NULL)
            json_decref(d->src[i].meta);
    free(d->rec);
    free(d->src);
    memset(d, 0, sizeof *d);
}
