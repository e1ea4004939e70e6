/*
 * safeprint.h - untrusted text for a terminal (and for the messages and
 * plain-text files a person reads). A string from a results file or a
 * peer may hold escape sequences that recolour, retitle or rewrite the
 * terminal, or line breaks that forge lines; these functions show such
 * characters escaped instead of sending them:
 *
 *   \n \r \t                as those two characters
 *   other C0 controls, DEL  \xNN (ESC is \x1b)
 *   C1 controls, bidi and line-separator format characters
 *                           \uNNNN (vs_utf8_is_control)
 *   a byte that is not valid UTF-8
 *                           \xNN
 *
 * Everything else, including valid non-ASCII text, passes unchanged. A
 * backslash is not doubled (paths stay readable), so the result is for
 * reading, not for parsing back.
 */
#ifndef VS_SAFEPRINT_H
#define VS_SAFEPRINT_H

#include <stddef.h>
#include <stdio.h>

/* Write s to f escaped as above. */
void vs_safe_fputs(FILE *f, const char *s);

/* The same, but line breaks and tabs pass as they are: for a message of
 * several lines made by the program, whose untrusted parts were already
 * escaped with vs_safe_copy. */
void vs_safe_fputs_lines(FILE *f, const char *s);

/* s escaped as above into out (n bytes, always NUL-terminated, cut short
 * at a whole character or escape). Returns out, for use in printf
 * arguments, e.g. to quote a bad value in an error message. */
char *vs_safe_copy(char *out, size_t n, const char *s);

#endif
