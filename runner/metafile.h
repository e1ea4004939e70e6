/*
 * metafile.h - DIR/meta.json of a sweep (the model is core/meta.h). Written
 * atomically at the start of a sweep and again at its end.
 */
#ifndef VS_METAFILE_H
#define VS_METAFILE_H

#include "core/meta.h"
#include "platform/err.h"
#include "runner/profile.h"

/* Fill the parts that do not change during a sweep: the profile, this
 * machine's facts, and the start time (Unix seconds). */
void vs_meta_begin(vs_meta *m, const vs_profile *p, double start);

/* Set the end time (Unix seconds) and the final status. */
void vs_meta_finish(vs_meta *m, double end, const char *status);

/* Write DIR/meta.json (via a temporary file and rename). */
int vs_meta_write(const char *dir, const vs_meta *m, vs_err *e);

#endif
