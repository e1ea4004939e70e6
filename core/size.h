/*
 * size.h - parse and print sizes ("256K", "1M", "512") and durations
 * ("60", "0.5", "2m") as the command line and profiles write them.
 * K, M, G are powers of 1024 (socket and message sizes are binary).
 */
#ifndef VS_SIZE_H
#define VS_SIZE_H

#include <stddef.h>
#include <stdint.h>

#include "platform/err.h"

/* Parse a byte count with an optional K/M/G suffix (case-insensitive,
 * optional trailing B or iB, e.g. "64KiB"). Errors name the text. */
int vs_size_parse(const char *text, uint64_t *out, vs_err *e);

/* Shortest exact form: 65536 -> "64K", 1536 -> "1536". */
const char *vs_size_format(uint64_t bytes, char *buf, size_t n);

/* An amount of data for people, in binary units with three significant
 * digits: 512 -> "512 B", 1536 -> "1.50 KiB", 19618757755 -> "18.3 GiB".
 * (Byte counts in files stay exact integers.) */
const char *vs_bytes_format(uint64_t bytes, char *buf, size_t n);

/* Parse seconds ("60", "0.5", "90s", "2m", "1h") into milliseconds. */
int vs_seconds_parse(const char *text, uint32_t *ms, vs_err *e);

#endif
