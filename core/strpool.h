/*
 * strpool.h - interned texts: each distinct text is stored once, and
 * every vs_strpool_add of an equal text returns the same pointer, valid
 * until vs_strpool_free. A loaded dataset keeps the texts of its rows
 * here (CPU lists, congestion control names, error texts: the same few
 * over millions of rows), so that a row holds pointers, not copies.
 *
 * A zeroed vs_strpool is an empty pool (vs_strpool_init does that). The
 * pool bounds nothing: its callers bound the texts they add. Not
 * thread-safe.
 */
#ifndef VS_STRPOOL_H
#define VS_STRPOOL_H

#include <stddef.h>

typedef struct vs_strpool {
    struct vs_strpool_block *block; /* the texts, in blocks that never move */
    size_t room;                    /* free bytes at the end of the newest block */
    const char **slot;              /* hash table of the texts, NULL: empty slot */
    size_t nslots;                  /* 0 or a power of two */
    size_t count;                   /* distinct texts held */
} vs_strpool;

void vs_strpool_init(vs_strpool *p);

/* The pool's copy of `s` (the same pointer for equal texts); "" is a
 * static empty text that takes no room. NULL when out of memory. */
const char *vs_strpool_add(vs_strpool *p, const char *s);

/* How many distinct non-empty texts the pool holds. */
size_t vs_strpool_count(const vs_strpool *p);

/* Free every text; the pool is empty again (and may be reused). */
void vs_strpool_free(vs_strpool *p);

#endif
