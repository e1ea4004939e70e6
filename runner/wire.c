/* wire.c - see wire.h. */
#include "runner/wire.h"

#include <string.h>

void vs_wbuf_init(vs_wbuf *w, uint8_t *buf, size_t cap)
{
    w->p = buf;
    w->cap = cap;
    w->len = 0;
    w->overflow = 0;
}

static void put_bytes(vs_wbuf *w, const void *src, size_t n)
{
    if (w->overflow || w->cap - w->len < n) {
        w->overflow = 1;
        return;
    }
    memcpy(w->p + w->len, src, n);
    w->len += n;
}

static void put_be(vs_wbuf *w, uint64_t v, int bytes)
{
    uint8_t b[8];

    for (int i = 0; i < bytes; i++)
        b[i] = (uint8_t)(v >> (8 * (bytes - 1 - i)));
    put_bytes(w, b, (size_t)bytes);
}

void vs_put_u8(vs_wbuf *w, uint8_t v) { put_be(w, v, 1); }
void vs_put_u16(vs_wbuf *w, uint16_t v) { put_be(w, v, 2); }
void vs_put_u32(vs_wbuf *w, uint32_t v) { put_be(w, v, 4); }
void vs_put_u64(vs_wbuf *w, uint64_t v) { put_be(w, v, 8); }

void vs_put_f64(vs_wbuf *w, double v)
{
    uint64_t bits;

    memcpy(&bits, &v, sizeof bits);
    put_be(w, bits, 8);
}

void vs_put_str(vs_wbuf *w, const char *s)
{
    size_t n = strlen(s);

    if (n > 0xFFFF)
        n = 0xFFFF;
    put_be(w, n, 2);
    put_bytes(w, s, n);
}

void vs_rbuf_init(vs_rbuf *r, const uint8_t *buf, size_t len)
{
    r->p = buf;
    r->len = len;
    r->pos = 0;
    r->bad = 0;
}

static uint64_t get_be(vs_rbuf *r, int bytes)
{
    uint64_t v = 0;

    if (r->bad || r->len - r->pos < (size_t)bytes) {
        r->bad = 1;
        return 0;
    }
    for (int i = 0; i < bytes; i++)
        v = (v << 8) | r->p[r->pos + (size_t)i];
    r->pos += (size_t)bytes;
    return v;
}

uint8_t vs_get_u8(vs_rbuf *r) { return (uint8_t)get_be(r, 1); }
uint16_t vs_get_u16(vs_rbuf *r) { return (uint16_t)get_be(r, 2); }
uint32_t vs_get_u32(vs_rbuf *r) { return (uint32_t)get_be(r, 4); }
uint64_t vs_get_u64(vs_rbuf *r) { return get_be(r, 8); }

double vs_get_f64(vs_rbuf *r)
{
    uint64_t bits = get_be(r, 8);
    double v;

    memcpy(&v, &bits, sizeof v);
    return v;
}

void vs_get_str(vs_rbuf *r, char *out, size_t n)
{
    size_t len = (size_t)get_be(r, 2);

    out[0] = '\0';
    if (r->bad || len >= n || r->len - r->pos < len ||
        memchr(r->p + r->pos, '\0', len) != NULL) {
        r->bad = 1;
        return;
    }
    memcpy(out, r->p + r->pos, len);
    out[len] = '\0';
    r->pos += len;
}

int vs_rbuf_done(const vs_rbuf *r)
{
    return !r->bad && r->pos == r->len;
}
