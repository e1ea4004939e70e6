/* wire.c - see wire.h. */
#include "runner/wire.h"
#include "core/clean.h"

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

void vs_put_bytes(vs_wbuf *w, const void *src, size_t n)
{
    put_bytes(w, src, n);
}

void vs_put_block(vs_wbuf *w, const void *src, size_t n)
{
    if (n > 0xFFFF) {
        w->overflow = 1;
        return;
    }
    put_be(w, n, 2);
    put_bytes(w, src, n);
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

/* How a string that is too long for its field is taken. */
enum str_mode { STR_STRICT, STR_CUT, STR_RAW };

/* Take the next `len` bytes of r as a string. */
static void take_string(vs_rbuf *r, size_t len, char *out, size_t n, enum str_mode mode)
{
    size_t keep, left;
    const uint8_t *src;

    out[0] = '\0';
    if (r->bad || r->len - r->pos < len || memchr(r->p + r->pos, '\0', len) != NULL ||
        (len >= n && mode != STR_CUT)) {
        r->bad = 1;
        return;
    }
    src = r->p + r->pos;
    keep = len;
    if (keep >= n) { /* STR_CUT: drop the character the cut would split */
        keep = n - 1;
        while (keep > 0 && (src[keep] & 0xC0) == 0x80)
            keep--;
    }
    memcpy(out, src, keep);
    out[keep] = '\0';
    r->pos += len;
    if (mode != STR_RAW) {
        /* Cleaning may shrink the text; what it freed is zeroed, so that a
         * message decodes to the same bytes however it was first written. */
        vs_clean_in_place(out);
        left = strlen(out);
        memset(out + left, 0, keep - left);
    }
}

static void get_string(vs_rbuf *r, char *out, size_t n, enum str_mode mode)
{
    size_t len = (size_t)get_be(r, 2);

    take_string(r, len, out, n, mode);
}

void vs_get_text_rest(vs_rbuf *r, char *out, size_t n)
{
    take_string(r, r->bad ? 0 : r->len - r->pos, out, n, STR_CUT);
}

void vs_get_str(vs_rbuf *r, char *out, size_t n) { get_string(r, out, n, STR_STRICT); }
void vs_get_text(vs_rbuf *r, char *out, size_t n) { get_string(r, out, n, STR_CUT); }
void vs_get_raw(vs_rbuf *r, char *out, size_t n) { get_string(r, out, n, STR_RAW); }

void vs_get_bytes(vs_rbuf *r, void *out, size_t n)
{
    if (r->bad || r->len - r->pos < n) {
        r->bad = 1;
        memset(out, 0, n);
        return;
    }
    memcpy(out, r->p + r->pos, n);
    r->pos += n;
}

void vs_get_block(vs_rbuf *r, vs_rbuf *sub)
{
    size_t len = (size_t)get_be(r, 2);

    if (r->bad || r->len - r->pos < len) {
        r->bad = 1;
        vs_rbuf_init(sub, r->p, 0);
        return;
    }
    vs_rbuf_init(sub, r->p + r->pos, len);
    r->pos += len;
}

int vs_rbuf_done(const vs_rbuf *r)
{
    return !r->bad && r->pos == r->len;
}

