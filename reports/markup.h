/* markup.h - escaping text for HTML and XML output. */
#ifndef VS_MARKUP_H
#define VS_MARKUP_H

#include <stdio.h>

/* Write s with <, >, & and " escaped as entities. */
void vs_markup_escape(FILE *f, const char *s);

#endif
