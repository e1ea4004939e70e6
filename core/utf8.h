/*
 * utf8.h - UTF-8, strictly: the decoder every escaper uses to tell a
 * character from a stray byte. Text from files and peers is untrusted, so
 * overlong forms, surrogates, code points beyond U+10FFFF and sequences
 * cut short are invalid, never guessed at.
 */
#ifndef VS_UTF8_H
#define VS_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define VS_UTF8_REPLACEMENT 0xFFFDu /* what an invalid byte is shown as */

/* The character that starts at s (NUL-terminated): its length in bytes
 * (1 to 4) with *cp set, or 0 when the bytes at s do not form a valid
 * sequence (the caller then treats one byte, s[0], as invalid). At the
 * terminating NUL it returns 1 with *cp 0. Never reads past a NUL. */
int vs_utf8_decode(const char *s, uint32_t *cp);

/* The same for text that need not end in a NUL: at most `len` bytes (at
 * least 1) are read from s, and a character they cut short is invalid (0). */
int vs_utf8_decode_n(const char *s, size_t len, uint32_t *cp);

/* Write cp (a Unicode scalar value) as UTF-8 into out (room for 4
 * bytes); its length, or 0 when cp is not a scalar value. */
int vs_utf8_encode(uint32_t cp, char *out);

/* The length of the longest prefix of s, at most max bytes, that does not
 * end inside a multibyte character: where to cut s to fit max bytes. */
size_t vs_utf8_cut(const char *s, size_t max);

/* 1 for the characters that change how a terminal or a viewer shows the
 * text around them rather than showing themselves: C0 and C1 controls,
 * DEL, and the Unicode format characters that reorder text (bidi marks,
 * embeddings, overrides, isolates) or break lines (U+2028, U+2029). */
int vs_utf8_is_control(uint32_t cp);

#endif
