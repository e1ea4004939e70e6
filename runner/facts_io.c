/* facts_io.c - see facts_io.h. */
#include "runner/facts_io.h"
#include "core/size.h"

#include <string.h>

void vs_facts_json(vs_json *j, const char *key, const vs_facts *fs)
{
    vs_json_obj_begin(j, key);
    for (int k = 0; k < VS_FK_COUNT; k++) {
        const vs_fact_def *d = vs_fact_def_of((enum vs_fact_key)k);
        const vs_fact *f = &fs->f[k];
        if (f->state == VS_FACT_ABSENT)
            continue;
        if (f->state == VS_FACT_UNKNOWN) {
            vs_json_obj_begin(j, d->name);
            vs_json_str(j, "unknown", f->text);
            vs_json_obj_end(j);
        } else if (d->type == VS_FT_TEXT) {
            vs_json_str(j, d->name, f->text);
        } else if (d->type == VS_FT_BOOL) {
            vs_json_bool(j, d->name, f->num != 0);
        } else {
            vs_json_uint(j, d->name, f->num);
        }
    }
    vs_json_obj_end(j);
}

void vs_facts_put(vs_wbuf *w, const vs_facts *fs)
{
    int n = 0;

    for (int k = 0; k < VS_FK_COUNT; k++)
        n += fs->f[k].state != VS_FACT_ABSENT;
    vs_put_u8(w, VS_FACTS_WIRE_VERSION);
    vs_put_u8(w, (uint8_t)n);
    for (int k = 0; k < VS_FK_COUNT; k++) {
        const vs_fact *f = &fs->f[k];
        if (f->state == VS_FACT_ABSENT)
            continue;
        vs_put_str(w, vs_fact_def_of((enum vs_fact_key)k)->name);
        vs_put_u8(w, (uint8_t)f->state);
        vs_put_u64(w, f->num);
        vs_put_str(w, f->text);
    }
}

/* Store one received fact; -1 if its state or value is impossible. */
static int store(vs_facts *fs, int k, int state, uint64_t num, const char *text)
{
    const vs_fact_def *d = vs_fact_def_of((enum vs_fact_key)k);

    if (state == VS_FACT_UNKNOWN) {
        vs_fact_set_unknown(fs, (enum vs_fact_key)k, "%s", text);
        return 0;
    }
    if (state != VS_FACT_KNOWN || (d->type == VS_FT_BOOL && num > 1))
        return -1;
    if (d->type == VS_FT_TEXT)
        vs_fact_set_str(fs, (enum vs_fact_key)k, text);
    else
        vs_fact_set_num(fs, (enum vs_fact_key)k, num);
    return 0;
}

int vs_facts_get(vs_rbuf *r, vs_facts *fs)
{
    uint8_t version, n;

    vs_facts_init(fs);
    version = vs_get_u8(r);
    n = vs_get_u8(r);
    if (r->bad || version != VS_FACTS_WIRE_VERSION) {
        r->bad = 1;
        return -1;
    }
    for (int i = 0; i < n; i++) {
        char name[VS_FACT_NAME_MAX], text[VS_FACT_TEXT_MAX];
        uint8_t state;
        uint64_t num;
        int k;
        vs_get_str(r, name, sizeof name);
        state = vs_get_u8(r);
        num = vs_get_u64(r);
        vs_get_raw(r, text, sizeof text); /* store() sanitizes it (vs_fp_sanitize) */
        if (r->bad)
            return -1;
        if ((k = vs_fact_key_by_name(name)) >= 0 && store(fs, k, state, num, text) != 0) {
            r->bad = 1;
            return -1;
        }
    }
    return 0;
}

const char *vs_facts_display(const vs_facts *fs, enum vs_fact_key k, char *buf, size_t n)
{
    const vs_fact_def *d = vs_fact_def_of(k);
    const vs_fact *f = d != NULL ? &fs->f[k] : NULL;

    if (f == NULL || f->state != VS_FACT_KNOWN || d->type != VS_FT_BYTES)
        return vs_fact_format(fs, k, buf, n);
    if (f->num >= (1ull << 30) && f->num % (1ull << 30) != 0)
        snprintf(buf, n, "%.1f GiB", (double)f->num / (double)(1ull << 30));
    else
        vs_size_format(f->num, buf, n);
    return buf;
}

void vs_facts_print(FILE *f, const vs_facts *fs, enum vs_fact_scope scope,
                    const char *indent)
{
    char v[VS_FACT_TEXT_MAX + 16];

    for (int k = 0; k < VS_FK_COUNT; k++) {
        const vs_fact_def *d = vs_fact_def_of((enum vs_fact_key)k);
        if (d->scope != scope || fs->f[k].state == VS_FACT_ABSENT)
            continue;
        fprintf(f, "%s%-22s %s\n", indent, d->label,
                vs_facts_display(fs, (enum vs_fact_key)k, v, sizeof v));
    }
}
