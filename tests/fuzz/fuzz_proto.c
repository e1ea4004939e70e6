/*
 * fuzz_proto.c - libFuzzer target: the control protocol's decoders.
 * Input: one byte choosing the message type, then a body. Whatever a
 * decoder accepts must encode again, and decoding that frame must give
 * the very same message (decode -> encode -> decode round trip); a TEST
 * it accepts must pass validation. Any difference aborts.
 */
#include "tests/fuzz/codecs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void broken(const char *what, const fuzz_codec *c)
{
    fprintf(stderr, "fuzz_proto: message type %u: %s\n", c->type, what);
    abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static fuzz_msg a, b;
    static uint8_t frame[VS_PROTO_MAX_BODY + 64];
    const fuzz_codec *c;
    const uint8_t *rest;
    size_t n, rest_n;
    uint16_t type;
    vs_err e;

    if (size < 1)
        return 0;
    c = &fuzz_codecs[data[0] % FUZZ_NCODECS];
    memset(&a, 0, sizeof a);
    if (c->dec(data + 1, size - 1, &a, &e) != 0)
        return 0;
    if (c->type == VS_MSG_TEST && vs_test_req_validate(&a.test, &e) != 0)
        broken("a decoded TEST fails validation", c);
    n = c->enc(frame, sizeof frame, &a);
    if (n < 6)
        broken("a decoded message does not encode", c);
    if (((size_t)frame[0] << 24 | (size_t)frame[1] << 16 | (size_t)frame[2] << 8 | frame[3]) != n - 4)
        broken("the length prefix is wrong", c);
    if (vs_frame_split(frame + 4, n - 4, &type, &rest, &rest_n, &e) != 0 || type != c->type)
        broken("the encoded frame does not split", c);
    memset(&b, 0, sizeof b);
    if (c->dec(rest, rest_n, &b, &e) != 0)
        broken("the encoded message does not decode", c);
    if (memcmp(&a, &b, c->size) != 0)
        broken("decode -> encode -> decode changed the message", c);
    return 0;
}
