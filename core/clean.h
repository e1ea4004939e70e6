/*
 * clean.h - untrusted text made safe to keep: printable, bounded, valid
 * UTF-8. Used for every string read from the system, a file or a peer
 * before it is stored (facts, host names) and for every string a wire
 * decoder hands out (runner/wire.h); the writers then escape it for their
 * format (JSON, HTML, XML, Markdown, terminal).
 *
 * Both forms below follow one rule: a control character (C0 U+0000-U+001F,
 * DEL, C1 U+0080-U+009F) becomes one '?', and so does every byte that does
 * not belong to a well-formed UTF-8 character (RFC 3629, core/utf8.h: no
 * overlong forms, no surrogates, nothing above U+10FFFF, nothing cut
 * short); printable ASCII and every other well-formed character stay as
 * they are. They differ in blanks and in length:
 *
 *   vs_clean_text      a one-line value (a fact, a host name): blank runs
 *                      (space, tab, newline, CR, VT, FF) become one space
 *                      and none is kept at either end; the copy is bounded
 *                      and a cut one ends in "...".
 *   vs_clean_in_place  a string whose layout is its own (a peer's text):
 *                      spaces stay, the other blanks are controls like the
 *                      rest ('?'); nothing is cut (the text only shrinks).
 */
#ifndef VS_CLEAN_H
#define VS_CLEAN_H

#include <stddef.h>

/* Copy up to `len` bytes of `src` (stopping at a NUL; src need not end in
 * one) into dst (size n, always terminated unless n is 0), cleaned as
 * above with blanks folded. Text that does not fit is cut on a character
 * boundary and ends in "..." (where n leaves room for it). Returns the
 * length written. */
size_t vs_clean_text(char *dst, size_t n, const char *src, size_t len);

/* Clean the NUL-terminated string s where it is, as above, blanks other
 * than space replaced. Returns how many characters or stray bytes were
 * replaced with '?'. */
size_t vs_clean_in_place(char *s);

#endif
