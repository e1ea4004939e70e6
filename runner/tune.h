/*
 * tune.h - the data-socket options of a test beyond buffer sizes, applied
 * alike by both ends: TCP congestion control (--congestion, every data
 * connection of either end) and zero-copy sends (--zerocopy, the sending
 * end's connections). Applied before the first data byte, so a refusal
 * ends the test before it starts, with the reason (platform/sockext.h).
 */
#ifndef VS_TUNE_H
#define VS_TUNE_H

#include "platform/net.h"
#include "runner/proto.h"

/* Apply the request's options to one data connection of this end;
 * `sender` is 1 on the end that sends the stream. */
int vs_tune_data_socket(vs_sock s, const vs_test_req *q, int sender, vs_err *e);

/* "" or a note of what was applied, e.g. ", congestion reno, zero-copy
 * sends", for logs and headers. */
const char *vs_tune_text(const vs_test_req *q, char *buf, size_t n);

#endif
