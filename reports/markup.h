/* markup.h - escaping untrusted text for the formats reports write:
 * HTML and XML, Markdown, gnuplot strings. */
#ifndef VS_MARKUP_H
#define VS_MARKUP_H

#include <stddef.h>
#include <stdio.h>

/* Write s with <, >, & and " escaped as entities. */
void vs_markup_escape(FILE *f, const char *s);

/* Write s for a Markdown table cell or line: Markdown's punctuation is
 * backslash-escaped, & becomes &amp;, line breaks and other control
 * characters become spaces. */
void vs_markdown_escape(FILE *f, const char *s);

/* s as a complete gnuplot string literal, quotes included, in out (n
 * bytes, always NUL-terminated). The literal is single-quoted, where
 * gnuplot expands neither backticks nor macros nor backslash escapes; a
 * quote is doubled, a backtick becomes a quote, control characters become
 * spaces. Cut short (but still closed) rather than cut a doubled quote in
 * two. Use it for every string from a file in a script: gnuplot runs
 * backticks found in "double-quoted" strings as shell commands. */
void vs_gnuplot_string(const char *s, char *out, size_t n);

#endif
