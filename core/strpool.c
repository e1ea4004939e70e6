/* strpool.c - see strpool.h. Texts are copied into blocks that never
 * move; an open-addressing hash table (linear probing, at most half
 * full) finds an equal text already held. */
#include "core/strpool.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define BLOCK_BYTES (64u * 1024)
#define FIRST_SLOTS 64

struct vs_strpool_block {
    struct vs_strpool_block *next; /* the block made before this one */
    size_t size;                   /* bytes of text[] */
    char text[];
};

void vs_strpool_init(vs_strpool *p)
{
    memset(p, 0, sizeof *p);
}

/* FNV-1a over the text and its length. */
static uint64_t hash_of(const char *s, size_t len)
{
    uint64_t h = 14695981039346656037ull;

    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

/* The slot holding `s`, or the empty slot where it would go. */
static const char **find(const vs_strpool *p, const char *s, size_t len)
{
    size_t mask = p->nslots - 1, i = (size_t)hash_of(s, len) & mask;

    while (p->slot[i] != NULL && strcmp(p->slot[i], s) != 0)
        i = (i + 1) & mask;
    return &p->slot[i];
}

/* Twice the slots (or the first ones), every text placed again. */
static int grow_table(vs_strpool *p)
{
    vs_strpool bigger = *p;

    bigger.nslots = p->nslots ? p->nslots * 2 : FIRST_SLOTS;
    bigger.slot = calloc(bigger.nslots, sizeof *bigger.slot);
    if (bigger.slot == NULL)
        return -1;
    for (size_t i = 0; i < p->nslots; i++)
        if (p->slot[i] != NULL)
            *find(&bigger, p->slot[i], strlen(p->slot[i])) = p->slot[i];
    free(p->slot);
    *p = bigger;
    return 0;
}

/* A copy of the len bytes at s and a terminator, in the newest block or
 * a new one. */
static const char *store(vs_strpool *p, const char *s, size_t len)
{
    char *at;

    if (p->room < len + 1) {
        size_t size = len + 1 > BLOCK_BYTES ? len + 1 : BLOCK_BYTES;
        struct vs_strpool_block *b = malloc(sizeof *b + size);
        if (b == NULL)
            return NULL;
        b->next = p->block;
        b->size = size;
        p->block = b;
        p->room = size;
    }
    at = p->block->text + (p->block->size - p->room);
    memcpy(at, s, len);
    at[len] = '\0';
    p->room -= len + 1;
    return at;
}

const char *vs_strpool_add(vs_strpool *p, const char *s)
{
    size_t len = strlen(s);
    const char **slot;

    if (len == 0)
        return "";
    if ((p->count + 1) * 2 > p->nslots && grow_table(p) != 0)
        return NULL;
    slot = find(p, s, len);
    if (*slot == NULL) {
        const char *copy = store(p, s, len);
        if (copy == NULL)
            return NULL;
        *slot = copy;
        p->count++;
    }
    return *slot;
}

size_t vs_strpool_count(const vs_strpool *p)
{
    return p->count;
}

void vs_strpool_free(vs_strpool *p)
{
    while (p->block != NULL) {
        struct vs_strpool_block *next = p->block->next;
        free(p->block);
        p->block = next;
    }
    free(p->slot);
    vs_strpool_init(p);
}
