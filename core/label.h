/*
 * label.h - how a point and its parts read to a person, in every output:
 * the terminal table, charts, the workbook, the HTML page, comparison
 * verdicts, trends and sweep progress. One module, so a point reads the
 * same everywhere (a system-default socket size is "default", never 0).
 *
 * Labels are plain text: each writer escapes them for its format.
 */
#ifndef VS_LABEL_H
#define VS_LABEL_H

#include <stddef.h>
#include <stdint.h>

#include "core/point.h"

/* A socket size as requested: "default" for 0 (the system's), else "256K". */
const char *vs_label_sock(uint64_t sock, char *buf, size_t n);

/* A message size: "16K", "1536". */
const char *vs_label_msg(uint32_t msg, char *buf, size_t n);

/* A series of a chart or table column: "tcp default", "vsock 256K". */
const char *vs_label_series(enum vs_transport tr, uint64_t sock, char *buf, size_t n);

/* A panel: "stream, 5 sessions" ("1 session" in the singular); rr and crr
 * panels add ", 64K responses" when the response size is fixed (`resp`;
 * 0: as large as the request) and ", burst 4". */
const char *vs_label_panel(enum vs_test test, int sessions, uint32_t resp, int burst, char *buf,
                           size_t n);

/* A whole point: "tcp stream default/16K x5" (socket size/message size);
 * rr and crr: "tcp rr default/1:64K x5" (request:response), then " burst N"
 * when N > 0. */
const char *vs_label_point(const vs_point *pt, char *buf, size_t n);

/* A host pair shortened for a chart's caption: kernel versions lose their
 * build suffix ("6.1.0-27-cloud-amd64" -> "6.1.0-27", "6.18.44-fc-v657"
 * -> "6.18.44"), and a pair of identical hosts reads once:
 * "Linux 6.1.0-27 / Linux 6.1.0-27 (KVM)" -> "Linux 6.1.0-27 (KVM), both
 * ends". Other text (a pair's own name) is kept as it is. */
const char *vs_label_pair_short(const char *pair, char *buf, size_t n);

#endif
