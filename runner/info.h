/*
 * info.h - `vsbench info`: this machine's facts (core/host.h) as text or
 * JSON. The JSON form (vs_host_json) is also what the server sends in its
 * handshake and what a sweep records for both hosts in meta.json.
 */
#ifndef VS_INFO_H
#define VS_INFO_H

#include <stdio.h>

#include "core/host.h"

/* This machine's facts, this build's version included. */
void vs_info_read(vs_host *h);

/* Human-readable listing. */
void vs_info_print(FILE *f, const vs_host *h);

#endif
