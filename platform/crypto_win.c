/* crypto_win.c - see crypto.h: the system's CNG (bcrypt.dll). */
#include "platform/crypto.h"

#include <windows.h>
#include <bcrypt.h>

int vs_random_bytes(void *buf, size_t n, vs_err *e)
{
    uint8_t *p = buf;

    while (n > 0) {
        ULONG k = n > 0x10000000u ? 0x10000000u : (ULONG)n;
        NTSTATUS st = BCryptGenRandom(NULL, p, k, BCRYPT_USE_SYSTEM_PREFERRED_RNG);
        if (!BCRYPT_SUCCESS(st))
            return vs_err_set(e, VS_ERR_RUNTIME, "BCryptGenRandom failed (NTSTATUS 0x%08lx)",
                              (unsigned long)st);
        p += k;
        n -= k;
    }
    return 0;
}

/* Key and message through one BCrypt HMAC object; st gets the first error. */
static NTSTATUS hmac_once(BCRYPT_ALG_HANDLE alg, const void *key, size_t key_len,
                          const void *msg, size_t msg_len, uint8_t *out)
{
    BCRYPT_HASH_HANDLE h = NULL;
    NTSTATUS st = BCryptCreateHash(alg, &h, NULL, 0, (PUCHAR)key, (ULONG)key_len, 0);

    if (BCRYPT_SUCCESS(st))
        st = BCryptHashData(h, (PUCHAR)msg, (ULONG)msg_len, 0);
    if (BCRYPT_SUCCESS(st))
        st = BCryptFinishHash(h, out, VS_HMAC_SHA256_BYTES, 0);
    if (h != NULL)
        BCryptDestroyHash(h);
    return st;
}

int vs_hmac_sha256(const void *key, size_t key_len, const void *msg, size_t msg_len,
                   uint8_t out[VS_HMAC_SHA256_BYTES], vs_err *e)
{
    BCRYPT_ALG_HANDLE alg = NULL;
    NTSTATUS st;

    if (key_len > 0xFFFFFFFFu || msg_len > 0xFFFFFFFFu)
        return vs_err_set(e, VS_ERR_RUNTIME, "HMAC input too large");
    st = BCryptOpenAlgorithmProvider(&alg, BCRYPT_SHA256_ALGORITHM, NULL,
                                     BCRYPT_ALG_HANDLE_HMAC_FLAG);
    if (BCRYPT_SUCCESS(st))
        st = hmac_once(alg, key, key_len, msg, msg_len, out);
    if (alg != NULL)
        BCryptCloseAlgorithmProvider(alg, 0);
    if (!BCRYPT_SUCCESS(st))
        return vs_err_set(e, VS_ERR_RUNTIME, "BCrypt HMAC-SHA256 failed (NTSTATUS 0x%08lx)",
                          (unsigned long)st);
    return 0;
}

/* CNG has no comparison: every byte is looked at, whatever differs. */
int vs_equal_consttime(const void *a, const void *b, size_t n)
{
    const volatile uint8_t *x = a, *y = b;
    uint8_t diff = 0;

    for (size_t i = 0; i < n; i++)
        diff |= (uint8_t)(x[i] ^ y[i]);
    return diff == 0;
}
