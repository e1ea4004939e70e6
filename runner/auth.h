/*
 * auth.h - optional mutual authentication of client and server with a
 * shared key (`--auth-key FILE` on both ends, or VSBENCH_AUTH_KEY=FILE).
 *
 * Challenge-response with HMAC-SHA256 (platform/crypto.h) over a nonce
 * from each side, 32 bytes from the OS's CSPRNG:
 *   S -> C  CHALLENGE(sn)
 *   C -> S  AUTH(cn, HMAC(key, "vsbench-v2 client" || sn || cn))
 *   S -> C  WELCOME(..., HMAC(key, "vsbench-v2 server" || sn || cn), ...)
 * The server proves itself only to a client that proved itself first,
 * the labels keep one side's proof from serving as the other's, and each
 * proof covers the other side's fresh nonce, so none can be replayed.
 * Proofs are compared in constant time. This authenticates the two ends
 * (who may run tests, which server the facts come from); it does not
 * encrypt the connection nor protect it from a man in the middle who
 * relays it.
 *
 * The key file: its text, trailing whitespace and newlines removed, at
 * least VS_AUTH_KEY_MIN bytes (e.g. `head -c 32 /dev/urandom | base64`).
 * Like ssh with a private key, a key file that others may read (group or
 * world permissions on POSIX systems) is refused.
 */
#ifndef VS_AUTH_H
#define VS_AUTH_H

#include <stddef.h>
#include <stdint.h>

#include "platform/err.h"
#include "runner/proto.h"

#define VS_AUTH_KEY_MIN 16
#define VS_AUTH_KEY_MAX 1024
#define VS_AUTH_KEY_ENV "VSBENCH_AUTH_KEY"

typedef struct vs_auth_key {
    size_t len;
    uint8_t bytes[VS_AUTH_KEY_MAX];
} vs_auth_key;

enum vs_auth_side { VS_AUTH_CLIENT, VS_AUTH_SERVER };

/* Read the key of `path` (checked as above). Usage errors name the file. */
int vs_auth_key_load(const char *path, vs_auth_key *k, vs_err *e);

/* The key an option names, or else the file $VSBENCH_AUTH_KEY names:
 * 1 with *k filled, 0 when neither is set, -1 on an error. */
int vs_auth_key_resolve(const char *option_path, vs_auth_key *k, vs_err *e);

/* The proof `side` gives for the nonces sn (server's) and cn (client's). */
int vs_auth_prove(const vs_auth_key *k, enum vs_auth_side side,
                  const uint8_t sn[VS_NONCE_BYTES], const uint8_t cn[VS_NONCE_BYTES],
                  uint8_t out[VS_PROOF_BYTES], vs_err *e);

/* 0 when `proof` is what `side` must give for sn and cn (compared in
 * constant time); -1 with VS_ERR_REFUSED otherwise. */
int vs_auth_verify(const vs_auth_key *k, enum vs_auth_side side,
                   const uint8_t sn[VS_NONCE_BYTES], const uint8_t cn[VS_NONCE_BYTES],
                   const uint8_t proof[VS_PROOF_BYTES], vs_err *e);

/* The client's rule for a WELCOME: `answered` says whether it answered a
 * CHALLENGE (with key k, its nonce cn, the server's sn). A proof must come
 * exactly when one was asked for (otherwise VS_ERR_PROTOCOL); a client
 * with a key accepts only a server that asked for it and proves it holds
 * the same key (otherwise VS_ERR_REFUSED, saying which). 0 when accepted. */
int vs_auth_check_server(const vs_auth_key *k, int answered, const vs_welcome *w,
                         const uint8_t sn[VS_NONCE_BYTES], const uint8_t cn[VS_NONCE_BYTES],
                         vs_err *e);

#endif
