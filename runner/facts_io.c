/* facts_io.c - see facts_io.h. */
#include "runner/facts_io.h"

#include <string.h>

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
        vs_get_raw(r, text, sizeof text); /* store() cleans it (core/clean.h) */
        if (r->bad)
            return -1;
        if ((k = vs_fact_key_by_name(name)) >= 0 && store(fs, k, state, num, text) != 0) {
            r->bad = 1;
            return -1;
        }
    }
    return 0;
}
