/* markup.h - escaping untrusted text for the formats reports write: HTML
 * and XML (the page, JUnit, the workbook's parts), Markdown, gnuplot.
 * Every string from a results file, a history or a peer goes through one
 * of these (plain text for a terminal: core/safeprint.h; CSV:
 * core/csv.h; JSON: core/json.h).
 *
 * Common rules: a byte that is not valid UTF-8 (core/utf8.h) becomes
 * U+FFFD; so does a character XML 1.0 cannot hold or a control character
 * a viewer would act on (C0 but tab and line breaks, DEL, C1). */
#ifndef VS_MARKUP_H
#define VS_MARKUP_H

#include <stddef.h>
#include <stdio.h>

/* Write s for HTML or XML text or a double- or single-quoted attribute:
 * < > & " ' as entities, the rules above. */
void vs_markup_escape(FILE *f, const char *s);

/* s made fit for a library that escapes < > & itself but passes other
 * bytes to XML as they are (libxlsxwriter: cells, chart titles): the
 * rules above, and with `one_line` tabs and line breaks become spaces.
 * out holds n bytes, always NUL-terminated, cut at a character boundary.
 * Returns out. */
char *vs_xml_clean(const char *s, char *out, size_t n, int one_line);

/* Write s inside a Markdown line or table cell, where it can neither
 * start a new line or block nor end the cell: < > & " as HTML entities
 * (no raw HTML), | and the inline punctuation \ ` * _ [ ] # ! ~ $
 * backslash-escaped, tabs and line breaks as spaces, the rules above. Not
 * for the start of a line (a leading "-" would still start a list) nor
 * for code spans (where escapes do not apply). */
void vs_markdown_escape(FILE *f, const char *s);

/* s as a complete gnuplot string literal, quotes included, in out (n
 * bytes, always NUL-terminated). The literal is single-quoted, where
 * gnuplot expands neither backticks nor macros nor backslash escapes; a
 * quote is doubled, a backtick becomes a quote, tabs and line breaks
 * become spaces, and the rules above apply. Cut short (but still closed)
 * rather than cut a character or a doubled quote in two. Use it for every
 * string from a file in a script: gnuplot runs backticks found in
 * "double-quoted" strings as shell commands. */
void vs_gnuplot_string(const char *s, char *out, size_t n);

#endif
