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

/* s fit for the inside of a gnuplot "double-quoted" string (with
 * noenhanced): \ and " escaped, control characters as spaces. Always
 * NUL-terminates; cut short rather than cut an escape in two. */
void vs_gnuplot_escape(const char *s, char *out, size_t n);

#endif
