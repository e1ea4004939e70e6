/*
 * info.h - `vsbench info`: this machine's facts as text or JSON. The JSON
 * form is also what the server sends in its handshake and what a sweep
 * records for both hosts in meta.json.
 */
#ifndef VS_INFO_H
#define VS_INFO_H

#include <stdio.h>

#include "platform/sysinfo.h"
#include "runner/json.h"

/* Write `si` as a JSON object (member `key`, or a bare value if NULL). */
void vs_info_json(vs_json *j, const char *key, const vs_sysinfo *si);

/* Human-readable listing. */
void vs_info_print(FILE *f, const vs_sysinfo *si);

#endif
