/*
 * frame.h - control frames over a socket: each frame is a 4-byte
 * big-endian length, then a body of at most VS_PROTO_MAX_BODY bytes (its
 * first 2 bytes the message type, proto.h). A larger announced length is
 * refused before anything of it is read; a closed peer, a timeout and a
 * lost connection are distinct errors.
 */
#ifndef VS_FRAME_H
#define VS_FRAME_H

#include <stddef.h>
#include <stdint.h>

#include "platform/err.h"
#include "platform/net.h"

#define VS_PROTO_MAX_BODY 65536u

/* Send a whole encoded frame. */
int vs_frame_send(vs_sock s, const uint8_t *frame, size_t n, vs_err *e);

/* Receive one frame body into buf (cap >= VS_PROTO_MAX_BODY), waiting
 * at most timeout_ms in total (-1 = forever). A closed peer, a timeout and
 * an oversized length are distinct errors. */
int vs_frame_recv(vs_sock s, int timeout_ms, uint8_t *buf, size_t cap,
                  size_t *n, vs_err *e);

#endif
