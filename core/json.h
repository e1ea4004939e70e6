/*
 * json.h - a small streaming JSON writer into a growing string.
 *
 * The runner only writes JSON (results, meta.json, info); reading JSON is
 * the reports' job and uses a library there. Keys are written in call
 * order; NaN and infinities become null. Nesting depth is limited to
 * VS_JSON_DEPTH.
 */
#ifndef VS_JSON_H
#define VS_JSON_H

#include <stddef.h>
#include <stdint.h>

#define VS_JSON_DEPTH 16

typedef struct vs_json {
    char *buf;
    size_t len, cap;
    int depth;
    int count[VS_JSON_DEPTH]; /* members written at each level */
    int pretty;               /* 1: newlines and two-space indent */
    int oom;                  /* allocation failed; output is incomplete */
} vs_json;

void vs_json_init(vs_json *j, int pretty);
void vs_json_free(vs_json *j);

/* `key` is NULL for array elements and the top-level value. */
void vs_json_obj_begin(vs_json *j, const char *key);
void vs_json_obj_end(vs_json *j);
void vs_json_arr_begin(vs_json *j, const char *key);
void vs_json_arr_end(vs_json *j);
void vs_json_str(vs_json *j, const char *key, const char *v);
void vs_json_num(vs_json *j, const char *key, double v);     /* %.6g */
void vs_json_int(vs_json *j, const char *key, int64_t v);
void vs_json_uint(vs_json *j, const char *key, uint64_t v);
void vs_json_bool(vs_json *j, const char *key, int v);
void vs_json_null(vs_json *j, const char *key);

/* The text so far ("" when empty); valid until the next call. */
const char *vs_json_text(const vs_json *j);

#endif
