/*
 * codecs.h - the control protocol's decoders and encoders in one table,
 * for the fuzz targets of the protocol (fuzz_proto.c, fuzz_frame.c).
 * Each entry wraps one message type's pair with a common signature.
 */
#ifndef VS_FUZZ_CODECS_H
#define VS_FUZZ_CODECS_H

#include "runner/proto.h"

#include <stddef.h>
#include <stdint.h>

/* Room for any decoded message. */
typedef union fuzz_msg {
    vs_hello hello;
    vs_welcome welcome;
    vs_error_msg error;
    vs_test_req test;
    vs_endpoints endpoints;
    vs_connected connected;
    vs_interim interim;
    vs_side_result result;
} fuzz_msg;

typedef struct fuzz_codec {
    uint16_t type;
    int (*dec)(const uint8_t *b, size_t n, fuzz_msg *m, vs_err *e);
    size_t (*enc)(uint8_t *buf, size_t cap, const fuzz_msg *m);
    size_t size; /* of the decoded struct */
} fuzz_codec;

#define FUZZ_CODEC(name, field)                                                        \
    static int fuzz_dec_##name(const uint8_t *b, size_t n, fuzz_msg *m, vs_err *e)    \
    {                                                                                  \
        return vs_dec_##name(b, n, &m->field, e);                                      \
    }                                                                                  \
    static size_t fuzz_enc_##name(uint8_t *buf, size_t cap, const fuzz_msg *m)        \
    {                                                                                  \
        return vs_enc_##name(buf, cap, &m->field);                                     \
    }

FUZZ_CODEC(hello, hello)
FUZZ_CODEC(welcome, welcome)
FUZZ_CODEC(error, error)
FUZZ_CODEC(test, test)
FUZZ_CODEC(endpoints, endpoints)
FUZZ_CODEC(connected, connected)
FUZZ_CODEC(interim, interim)
FUZZ_CODEC(result, result)

#define FUZZ_ENTRY(type, name, field) { type, fuzz_dec_##name, fuzz_enc_##name, sizeof(((fuzz_msg *)0)->field) }

static const fuzz_codec fuzz_codecs[] = {
    FUZZ_ENTRY(VS_MSG_HELLO, hello, hello),
    FUZZ_ENTRY(VS_MSG_WELCOME, welcome, welcome),
    FUZZ_ENTRY(VS_MSG_ERROR, error, error),
    FUZZ_ENTRY(VS_MSG_TEST, test, test),
    FUZZ_ENTRY(VS_MSG_ENDPOINTS, endpoints, endpoints),
    FUZZ_ENTRY(VS_MSG_CONNECTED, connected, connected),
    FUZZ_ENTRY(VS_MSG_INTERIM, interim, interim),
    FUZZ_ENTRY(VS_MSG_RESULT, result, result),
};

#define FUZZ_NCODECS (sizeof fuzz_codecs / sizeof fuzz_codecs[0])

/* The codec of a message type, or NULL. */
static inline const fuzz_codec *fuzz_codec_of(uint16_t type)
{
    for (size_t i = 0; i < FUZZ_NCODECS; i++)
        if (fuzz_codecs[i].type == type)
            return &fuzz_codecs[i];
    return NULL;
}

#endif
