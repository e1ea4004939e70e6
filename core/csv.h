/*
 * csv.h - RFC 4180 comma-separated values: quoting on write, and a
 * record reader that handles quoted fields (commas, quotes, newlines).
 * Shared by the runner (runs.csv, resume) and the reports (loading).
 */
#ifndef VS_CSV_H
#define VS_CSV_H

#include <stddef.h>
#include <stdio.h>

#include "platform/err.h"

#define VS_CSV_MAX_FIELDS 64

/* Write one field, quoted when it holds a comma, quote, CR or LF. The
 * text passes unchanged: for data files read back by a program
 * (runs.csv). */
void vs_csv_write_field(FILE *f, const char *s);

/* Write a text cell of a CSV made for people and spreadsheets (vsreport
 * summary --csv) from untrusted text: always quoted; tabs and line breaks
 * become spaces, other control characters and invalid UTF-8 U+FFFD; a
 * cell a spreadsheet would run as a formula (first character = + - @)
 * gets a leading ' so that it shows as text (OWASP's advice on CSV
 * injection). */
void vs_csv_write_text(FILE *f, const char *s);

/* Reader over a NUL-terminated text (not copied; must outlive it). */
typedef struct vs_csv_reader {
    const char *p;
    int line;                        /* line where the last record began */
    int next_line;
    char *buf;                       /* unquoted fields of the last record */
    size_t cap;
    int nfields;
    char *field[VS_CSV_MAX_FIELDS];
} vs_csv_reader;

void vs_csv_init(vs_csv_reader *r, const char *text);
void vs_csv_free(vs_csv_reader *r);

/* Read the next record: 1 with fields set, 0 at the end, -1 on a
 * malformed record (unterminated quote, too many fields). A blank line
 * is skipped. `complete` is set to 0 when the text ended without a final
 * newline (a record cut off by a crash). */
int vs_csv_next(vs_csv_reader *r, int *complete, vs_err *e);

#endif
