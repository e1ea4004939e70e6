/* hostwire.c - see hostwire.h. */
#include "runner/hostwire.h"

#include <limits.h>
#include <string.h>

/* ---- encoding ---------------------------------------------------------- */

static void put_value(vs_wbuf *w, const vs_host *h, const vs_host_field *f)
{
    const void *p = (const char *)h + f->offset;
    uint8_t v[8];
    vs_wbuf vb;

    vs_wbuf_init(&vb, v, sizeof v);
    switch (f->kind) {
    case VS_HK_TEXT:
        vs_put_block(w, p, strlen(p));
        return;
    case VS_HK_INT: vs_put_u64(&vb, (uint64_t)(int64_t)*(const int *)p); break;
    case VS_HK_U64: vs_put_u64(&vb, *(const uint64_t *)p); break;
    case VS_HK_BOOL: vs_put_u8(&vb, *(const int *)p != 0); break;
    case VS_HK_CID:
        if (h->vsock_cid_known)
            vs_put_u32(&vb, *(const uint32_t *)p);
        break;
    }
    vs_put_block(w, v, vb.len);
}

void vs_host_put(vs_wbuf *w, const vs_host *h)
{
    int n;
    const vs_host_field *f = vs_host_fields(&n);

    vs_put_u16(w, (uint16_t)n);
    for (int i = 0; i < n; i++) {
        vs_put_str(w, f[i].name);
        vs_put_u8(w, (uint8_t)f[i].kind);
        put_value(w, h, &f[i]);
    }
    vs_put_u16(w, VS_TR_COUNT);
    for (int t = 0; t < VS_TR_COUNT; t++) {
        vs_put_str(w, vs_transport_name((enum vs_transport)t));
        vs_put_u8(w, h->transport_ok[t] != 0);
        vs_put_str(w, h->transport_why[t]);
    }
}

/* ---- decoding ---------------------------------------------------------- */

static int bad_fact(const char *name, const char *why, vs_err *e)
{
    return vs_err_set(e, VS_ERR_PROTOCOL, "WELCOME: host fact '%s' %s", name, why);
}

/* An integer value: exactly `bytes` bytes (8 or 1 or 4). */
static int get_fixed(vs_rbuf *v, size_t bytes, uint64_t *out)
{
    if (v->len != bytes)
        return -1;
    *out = bytes == 8 ? vs_get_u64(v) : bytes == 4 ? vs_get_u32(v) : vs_get_u8(v);
    return 0;
}

/* Store one value of a known fact. */
static int get_value(vs_rbuf *v, vs_host *h, const vs_host_field *f, vs_err *e)
{
    void *p = (char *)h + f->offset;
    uint64_t u = 0;

    switch (f->kind) {
    case VS_HK_TEXT:
        vs_get_text_rest(v, p, f->size);
        return v->bad ? bad_fact(f->name, "holds a NUL byte", e) : 0;
    case VS_HK_INT:
        if (get_fixed(v, 8, &u) != 0 || (int64_t)u < INT_MIN || (int64_t)u > INT_MAX)
            return bad_fact(f->name, "is not an int", e);
        *(int *)p = (int)(int64_t)u;
        return 0;
    case VS_HK_U64:
        if (get_fixed(v, 8, &u) != 0)
            return bad_fact(f->name, "is not a 64-bit number", e);
        *(uint64_t *)p = u;
        return 0;
    case VS_HK_BOOL:
        if (get_fixed(v, 1, &u) != 0 || u > 1)
            return bad_fact(f->name, "is not a boolean", e);
        *(int *)p = (int)u;
        return 0;
    case VS_HK_CID:
        if (v->len == 0)
            return h->vsock_cid_known = 0, 0;
        if (get_fixed(v, 4, &u) != 0)
            return bad_fact(f->name, "is not a CID", e);
        *(uint32_t *)p = (uint32_t)u;
        h->vsock_cid_known = 1;
        return 0;
    }
    return 0;
}

/* The member of the table named `name`, or -1. */
static int field_index(const vs_host_field *f, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (strcmp(f[i].name, name) == 0)
            return i;
    return -1;
}

static int get_facts(vs_rbuf *r, vs_host *h, vs_err *e)
{
    int nf;
    const vs_host_field *f = vs_host_fields(&nf);
    unsigned char seen[VS_HOSTWIRE_MAX_FACTS] = { 0 };
    unsigned count = vs_get_u16(r);

    if (count > VS_HOSTWIRE_MAX_FACTS)
        return vs_err_set(e, VS_ERR_PROTOCOL, "WELCOME: %u host facts (at most %d)", count,
                          VS_HOSTWIRE_MAX_FACTS);
    for (unsigned i = 0; i < count && !r->bad; i++) {
        char name[VS_HOSTWIRE_NAME_MAX];
        vs_rbuf v;
        int k;
        uint8_t kind;
        vs_get_str(r, name, sizeof name);
        kind = vs_get_u8(r);
        vs_get_block(r, &v);
        k = r->bad ? -1 : field_index(f, nf, name);
        if (k < 0)
            continue; /* a fact of a newer peer (or a truncated message) */
        if (kind != (uint8_t)f[k].kind)
            return bad_fact(f[k].name, "has another type than this build's", e);
        if (seen[k]++)
            return bad_fact(f[k].name, "is given twice", e);
        if (get_value(&v, h, &f[k], e) != 0)
            return -1;
    }
    return 0;
}

static int get_transports(vs_rbuf *r, vs_host *h, vs_err *e)
{
    unsigned char seen[VS_TR_COUNT] = { 0 };
    unsigned count = vs_get_u16(r);

    if (count > VS_HOSTWIRE_MAX_FACTS)
        return vs_err_set(e, VS_ERR_PROTOCOL, "WELCOME: %u transports (at most %d)", count,
                          VS_HOSTWIRE_MAX_FACTS);
    for (unsigned i = 0; i < count && !r->bad; i++) {
        char name[VS_HOSTWIRE_NAME_MAX], detail[VS_HOST_DETAIL_MAX];
        enum vs_transport t;
        uint8_t ok;
        vs_get_str(r, name, sizeof name);
        ok = vs_get_u8(r);
        vs_get_text(r, detail, sizeof detail);
        if (r->bad || vs_transport_parse(name, &t, NULL) != 0)
            continue; /* a transport this build does not know */
        if (ok > 1 || seen[t]++)
            return vs_err_set(e, VS_ERR_PROTOCOL, "WELCOME: transport '%s' is given twice "
                              "or badly", name);
        h->transport_ok[t] = ok;
        memcpy(h->transport_why[t], detail, strlen(detail) + 1);
    }
    return 0;
}

int vs_host_get(vs_rbuf *r, vs_host *h, vs_err *e)
{
    memset(h, 0, sizeof *h);
    if (get_facts(r, h, e) != 0 || get_transports(r, h, e) != 0) {
        memset(h, 0, sizeof *h);
        return -1;
    }
    return 0;
}
