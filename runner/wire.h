/*
 * wire.h - bounded big-endian encoding (network byte order).
 *
 * A writer appends into a fixed buffer and remembers overflow; a reader
 * consumes a received body and remembers underflow, so a decoder can read
 * every field and check once at the end. Strings are a u16 length and
 * that many bytes (no terminator on the wire).
 *
 * Every string a reader hands out is safe to print and to write into any
 * format's escaper: NUL refuses the message, and control characters
 * (C0, DEL, C1; tab and newline too) and bytes that are not UTF-8 are
 * replaced with '?' (vs_clean_in_place, core/clean.h). Only vs_get_raw
 * hands out bytes as they came.
 * Everything here is a pure function of the bytes (no I/O, no globals).
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
void vs_put_bytes(vs_wbuf *w, const void *src, size_t n); /* as they are */
/* A block: u16 length, then n bytes (what vs_get_block reads back). */
void vs_put_block(vs_wbuf *w, const void *src, size_t n);

void vs_rbuf_init(vs_rbuf *r, const uint8_t *buf, size_t len);
uint8_t vs_get_u8(vs_rbuf *r);
uint16_t vs_get_u16(vs_rbuf *r);
uint32_t vs_get_u32(vs_rbuf *r);
uint64_t vs_get_u64(vs_rbuf *r);
double vs_get_f64(vs_rbuf *r);
/* Copy a string into out (size n, always terminated); a string that does
 * not fit in n-1 bytes or contains NUL marks the reader bad. The copy is
 * cleaned (vs_clean_in_place). */
void vs_get_str(vs_rbuf *r, char *out, size_t n);
/* Like vs_get_str, but a longer string is cut to n-1 bytes at a UTF-8
 * character boundary instead of marking the reader bad. */
void vs_get_text(vs_rbuf *r, char *out, size_t n);
/* Every byte left in `r` as one text, cut and cleaned as vs_get_text. */
void vs_get_text_rest(vs_rbuf *r, char *out, size_t n);
/* Like vs_get_str without cleaning: for a file path (its bytes matter),
 * or text that the caller cleans itself (runner/facts_io.c). */
void vs_get_raw(vs_rbuf *r, char *out, size_t n);
/* Exactly n raw bytes. */
void vs_get_bytes(vs_rbuf *r, void *out, size_t n);
/* The next block (u16 length, then its bytes) as a reader of its own;
 * `r` moves past it. On underflow `r` is marked bad and `sub` is empty. */
void vs_get_block(vs_rbuf *r, vs_rbuf *sub);

/* 1 when every byte was consumed and nothing went wrong. */
int vs_rbuf_done(const vs_rbuf *r);

#endif
