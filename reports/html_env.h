/*
 * html_env.h - the settings both ends of a sweep were measured with
 * (analysis/env.h), side by side in the HTML report: a row per setting,
 * client and server in two columns, rows where the ends differ
 * highlighted (class "diff"); then each recorded data path the same way.
 * Every value is HTML-escaped (reports/markup.h).
 */
#ifndef VS_HTML_ENV_H
#define VS_HTML_ENV_H

#include <stdio.h>

#include "analysis/dataset.h"

/* The CSS the table needs (appended to the page's style). */
extern const char vs_html_env_style[];

/* The settings table of source `s`; a sentence when its meta.json
 * recorded none (before schema 2). */
void vs_html_settings(FILE *f, const vs_source *s);

#endif
