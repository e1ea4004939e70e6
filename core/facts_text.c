/* facts_text.c - see facts_text.h. */
#include "core/facts_text.h"
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

/* Whether a member of `kind` can hold a fact of `type`. */
static int kind_fits(enum vs_fact_jkind kind, enum vs_fact_type type)
{
    switch (kind) {
    case VS_FJ_STRING: return type == VS_FT_TEXT;
    case VS_FJ_NUMBER: return type == VS_FT_INT || type == VS_FT_BYTES;
    case VS_FJ_BOOL: return type == VS_FT_BOOL;
    case VS_FJ_UNKNOWN: return 1;
    default: return 0;
    }
}

int vs_fact_load(vs_facts *fs, const char *name, enum vs_fact_jkind kind, const char *text,
                 uint64_t num)
{
    int k = vs_fact_key_by_name(name);
    const vs_fact_def *d;

    if (k < 0)
        return 1;
    d = vs_fact_def_of((enum vs_fact_key)k);
    if (!kind_fits(kind, d->type) || (kind == VS_FJ_BOOL && num > 1)) {
        vs_fact_set_unknown(fs, (enum vs_fact_key)k, "malformed in the file");
        return -1;
    }
    if (kind == VS_FJ_UNKNOWN)
        vs_fact_set_unknown(fs, (enum vs_fact_key)k, "%s", text != NULL ? text : "");
    else if (kind == VS_FJ_STRING)
        vs_fact_set_str(fs, (enum vs_fact_key)k, text);
    else
        vs_fact_set_num(fs, (enum vs_fact_key)k, num);
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
