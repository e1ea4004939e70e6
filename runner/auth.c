/* auth.c - see auth.h. */
#include "runner/auth.h"
#include "platform/crypto.h"
#include "platform/fs.h"

#include <stdlib.h>
#include <string.h>

static const char *const labels[] = { "vsbench-v2 client", "vsbench-v2 server" };

int vs_auth_key_load(const char *path, vs_auth_key *k, vs_err *e)
{
    char *text = NULL;
    size_t n;
    int rc;

    if (vs_file_check_private(path, e) != 0)
        return -1;
    rc = vs_slurp(path, 1u << 20, &text, e);
    if (rc == 1)
        return vs_err_set(e, VS_ERR_USAGE, "%s: no such key file", path);
    if (rc != 0)
        return -1;
    n = strlen(text);
    while (n > 0 && strchr(" \t\r\n", text[n - 1]) != NULL)
        n--;
    if (n < VS_AUTH_KEY_MIN || n > VS_AUTH_KEY_MAX) {
        free(text);
        return vs_err_set(e, VS_ERR_USAGE, "%s: a key must have %d to %d characters (make "
                          "one with: head -c 32 /dev/urandom | base64 > KEY; chmod 600 KEY)",
                          path, VS_AUTH_KEY_MIN, VS_AUTH_KEY_MAX);
    }
    k->len = n;
    memcpy(k->bytes, text, n);
    memset(text, 0, n);
    free(text);
    return 0;
}

int vs_auth_key_resolve(const char *option_path, vs_auth_key *k, vs_err *e)
{
    const char *path = option_path;

    if (path == NULL)
        path = getenv(VS_AUTH_KEY_ENV);
    if (path == NULL || path[0] == '\0')
        return 0;
    if (vs_auth_key_load(path, k, e) != 0)
        return option_path == NULL ? vs_err_prefix(e, "%s", VS_AUTH_KEY_ENV) : -1;
    return 1;
}

int vs_auth_prove(const vs_auth_key *k, enum vs_auth_side side,
                  const uint8_t sn[VS_NONCE_BYTES], const uint8_t cn[VS_NONCE_BYTES],
                  uint8_t out[VS_PROOF_BYTES], vs_err *e)
{
    uint8_t msg[32 + 2 * VS_NONCE_BYTES];
    size_t n = strlen(labels[side]);

    memcpy(msg, labels[side], n);
    memcpy(msg + n, sn, VS_NONCE_BYTES);
    memcpy(msg + n + VS_NONCE_BYTES, cn, VS_NONCE_BYTES);
    return vs_hmac_sha256(k->bytes, k->len, msg, n + 2 * VS_NONCE_BYTES, out, e);
}

int vs_auth_verify(const vs_auth_key *k, enum vs_auth_side side,
                   const uint8_t sn[VS_NONCE_BYTES], const uint8_t cn[VS_NONCE_BYTES],
                   const uint8_t proof[VS_PROOF_BYTES], vs_err *e)
{
    uint8_t want[VS_PROOF_BYTES];

    if (vs_auth_prove(k, side, sn, cn, want, e) != 0)
        return -1;
    if (!vs_equal_consttime(want, proof, VS_PROOF_BYTES))
        return vs_err_set(e, VS_ERR_REFUSED, "authentication failed: the %s's key differs",
                          side == VS_AUTH_CLIENT ? "client" : "server");
    return 0;
}

int vs_auth_check_server(const vs_auth_key *k, int answered, const vs_welcome *w,
                         const uint8_t sn[VS_NONCE_BYTES], const uint8_t cn[VS_NONCE_BYTES],
                         vs_err *e)
{
    int proved = (w->flags & VS_WELCOME_AUTHENTICATED) != 0;

    if (proved != answered)
        return vs_err_set(e, VS_ERR_PROTOCOL, "server: a proof of its key %s",
                          proved ? "without a challenge" : "is missing");
    if (k != NULL && !answered)
        return vs_err_set(e, VS_ERR_REFUSED, "the server did not ask for authentication "
                          "although this client has a key: it runs without --auth-key (or "
                          "is not the server you mean); refusing to use it");
    if (answered && vs_auth_verify(k, VS_AUTH_SERVER, sn, cn, w->proof, e) != 0)
        return vs_err_set(e, VS_ERR_REFUSED, "the server could not prove it holds this key "
                          "(another key, or not the server you mean)");
    return 0;
}
