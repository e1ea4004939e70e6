/* crypto_posix.c - see crypto.h: getrandom(2) and GNU Nettle. */
#include "platform/crypto.h"

#include <errno.h>
#include <string.h>
#include <sys/random.h>

#include <nettle/hmac.h>
#include <nettle/memops.h>

int vs_random_bytes(void *buf, size_t n, vs_err *e)
{
    uint8_t *p = buf;

    while (n > 0) {
        ssize_t k = getrandom(p, n, 0);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return vs_err_set(e, VS_ERR_RUNTIME, "getrandom: %s",
                              k < 0 ? strerror(errno) : "no bytes");
        p += k;
        n -= (size_t)k;
    }
    return 0;
}

int vs_hmac_sha256(const void *key, size_t key_len, const void *msg, size_t msg_len,
                   uint8_t out[VS_HMAC_SHA256_BYTES], vs_err *e)
{
    struct hmac_sha256_ctx ctx;

    (void)e; /* Nettle's HMAC cannot fail */
    hmac_sha256_set_key(&ctx, key_len, key);
    hmac_sha256_update(&ctx, msg_len, msg);
    hmac_sha256_digest(&ctx, VS_HMAC_SHA256_BYTES, out);
    memset(&ctx, 0, sizeof ctx);
    return 0;
}

int vs_equal_consttime(const void *a, const void *b, size_t n)
{
    return memeql_sec(a, b, n) != 0;
}
