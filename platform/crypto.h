/*
 * crypto.h - the cryptography vsbench needs, from well-kept code only:
 * random bytes from the OS's CSPRNG, HMAC-SHA256 and a comparison whose
 * time does not depend on the bytes compared. Nothing here is home-made.
 *
 * Implementations: crypto_posix.c (getrandom(2); HMAC-SHA256 and the
 * comparison from GNU Nettle, linked statically into the runner) and
 * crypto_win.c (BCryptGenRandom and BCrypt's HMAC-SHA256 from the
 * system's CNG; the comparison is a fixed-time loop).
 */
#ifndef VS_CRYPTO_H
#define VS_CRYPTO_H

#include <stddef.h>
#include <stdint.h>

#include "platform/err.h"

#define VS_HMAC_SHA256_BYTES 32

/* Fill buf with n bytes from the OS's CSPRNG (blocks only until the
 * pool is initialised at boot). */
int vs_random_bytes(void *buf, size_t n, vs_err *e);

/* out = HMAC-SHA256(key, msg) (RFC 2104 with SHA-256, as RFC 4231 tests
 * it). */
int vs_hmac_sha256(const void *key, size_t key_len, const void *msg, size_t msg_len,
                   uint8_t out[VS_HMAC_SHA256_BYTES], vs_err *e);

/* 1 when the n bytes at a and b are equal, 0 otherwise, in a time that
 * depends on n only. */
int vs_equal_consttime(const void *a, const void *b, size_t n);

#endif
