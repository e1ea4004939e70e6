/*
 * fuzz_frame.c - libFuzzer target: the frame reader on a real socket.
 * The input is what a peer sends on a control connection (then it closes
 * its end): frames are read with vs_frame_recv until it fails, each split
 * and decoded by its type. Nothing may crash, hang or read out of bounds;
 * an announced length over the limit must be refused before any body.
 */
#include "tests/fuzz/codecs.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Send the input (what fits in the socket's buffer) and close that end. */
static int peer_sends(int fd, const uint8_t *data, size_t size)
{
    fcntl(fd, F_SETFL, O_NONBLOCK);
    while (size > 0) {
        ssize_t n = send(fd, data, size, MSG_NOSIGNAL);
        if (n <= 0)
            break;
        data += n;
        size -= (size_t)n;
    }
    return shutdown(fd, SHUT_WR);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static uint8_t body[VS_PROTO_MAX_BODY];
    static fuzz_msg m;
    int sv[2];
    size_t n;
    vs_err e;

    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0)
        abort();
    if (peer_sends(sv[0], data, size) != 0)
        abort();
    for (int frames = 0; frames < 1000; frames++) {
        const uint8_t *rest;
        size_t rest_n;
        uint16_t type;
        const fuzz_codec *c;
        if (vs_frame_recv(sv[1], 1000, body, sizeof body, &n, &e) != 0)
            break;
        if (n > VS_PROTO_MAX_BODY)
            abort();
        if (vs_frame_split(body, n, &type, &rest, &rest_n, &e) != 0)
            continue;
        if ((c = fuzz_codec_of(type)) != NULL)
            c->dec(rest, rest_n, &m, &e);
    }
    close(sv[0]);
    close(sv[1]);
    return 0;
}
