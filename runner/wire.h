/*
 * wire.h - bounded big-endian encoding (network byte order).
 *
 * A writer appends into a fixed buffer and remembers overflow; a reader
 * consumes a received body and remembers underflow, so a decoder can read
 * every field and check once at the end. Strings are a u16 length and
 * that many bytes (no terminator on the wire).
 */
#ifndef VS_WIRE_H
#define VS_WIRE_H

#include <stddef.h>
#include <stdint.h>

typedef struct vs_wbuf {
    uint8_t *p;
    size_t cap;
    size_t len;
    int overflow;
} vs_wbuf;

typedef struct vs_rbuf {
    const uint8_t *p;
    size_t len;
    size_t pos;
    int bad; /* set on underflow or an over-long string */
} vs_rbuf;

void vs_wbuf_init(vs_wbuf *w, uint8_t *buf, size_t cap);
void vs_put_u8(vs_wbuf *w, uint8_t v);
void vs_put_u16(vs_wbuf *w, uint16_t v);
void vs_put_u32(vs_wbuf *w, uint32_t v);
void vs_put_u64(vs_wbuf *w, uint64_t v);
void vs_put_f64(vs_wbuf *w, double v);          /* IEEE-754 bits as u64 */
void vs_put_str(vs_wbuf *w, const char *s);     /* truncated at 65535 */

void vs_rbuf_init(vs_rbuf *r, const uint8_t *buf, size_t len);
uint8_t vs_get_u8(vs_rbuf *r);
uint16_t vs_get_u16(vs_rbuf *r);
uint32_t vs_get_u32(vs_rbuf *r);
uint64_t vs_get_u64(vs_rbuf *r);
double vs_get_f64(vs_rbuf *r);
/* Copy a string into out (size n, always terminated); a string that does
 * not fit in n-1 bytes or contains NUL marks the reader bad. */
void vs_get_str(vs_rbuf *r, char *out, size_t n);

/* 1 when every byte was consumed and nothing went wrong. */
int vs_rbuf_done(const vs_rbuf *r);

#endif
