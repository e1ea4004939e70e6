/*
 * clean.h - untrusted text made safe to keep: printable, bounded, valid
 * UTF-8. Used for every string read from the system, a file or a peer
 * before it is stored (facts, host names); the writers then escape it for
 * their format (JSON, HTML, XML, Markdown, terminal).
 */
#ifndef VS_CLEAN_H
#define VS_CLEAN_H

#include <stddef.h>

/* Copy up to `len` bytes of `src` (stopping at a NUL) into dst (size n,
 * always terminated) keeping printable ASCII and well-formed UTF-8;
 * control characters and invalid bytes become '?', blank runs (space,
 * tab, newline) one space, and leading/trailing blanks go. Text that does
 * not fit is cut on a character boundary and ends in "...". Returns the
 * length written. */
size_t vs_clean_text(char *dst, size_t n, const char *src, size_t len);

#endif
