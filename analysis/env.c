/* env.c - see env.h. */
#include "analysis/env.h"
#include "core/facts_text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const end_names[VS_END_COUNT] = { "client", "server" };
static const char *const end_keys[VS_END_COUNT] = { "local", "remote" };

const char *vs_end_name(enum vs_end end)
{
    return (int)end >= 0 && end < VS_END_COUNT ? end_names[end] : "?";
}

/* One member of a facts object: its kind for vs_fact_load. */
static int load_member(vs_facts *fs, const char *name, const json_t *v)
{
    const json_t *why = json_is_object(v) ? json_object_get(v, "unknown") : NULL;

    if (json_is_string(v))
        return vs_fact_load(fs, name, VS_FJ_STRING, json_string_value(v), 0);
    if (json_is_boolean(v))
        return vs_fact_load(fs, name, VS_FJ_BOOL, NULL, json_is_true(v));
    if (json_is_integer(v) && json_integer_value(v) >= 0)
        return vs_fact_load(fs, name, VS_FJ_NUMBER, NULL, (uint64_t)json_integer_value(v));
    if (json_is_string(why) && json_object_size(v) == 1)
        return vs_fact_load(fs, name, VS_FJ_UNKNOWN, json_string_value(why), 0);
    return vs_fact_load(fs, name, VS_FJ_OTHER, NULL, 0);
}

int vs_env_facts_from_json(const json_t *obj, vs_facts *fs)
{
    const char *name;
    json_t *v;
    int bad = 0;

    vs_facts_init(fs);
    if (!json_is_object(obj))
        return 0;
    json_object_foreach((json_t *)obj, name, v)
        bad += load_member(fs, name, v) < 0;
    return bad;
}

static int transport_of(const char *name)
{
    for (int t = 0; t < VS_TR_COUNT; t++)
        if (name != NULL && strcmp(vs_transport_name((enum vs_transport)t), name) == 0)
            return t;
    return -1;
}

static void load_paths(const json_t *arr, vs_env *env)
{
    size_t i;
    json_t *p;

    json_array_foreach(arr, i, p) {
        vs_env_path *ep = &env->paths[env->npaths];
        int tr = transport_of(json_string_value(json_object_get(p, "transport")));
        json_int_t tests = json_integer_value(json_object_get(p, "tests"));
        if (env->npaths == VS_ENV_PATHS_MAX)
            break;
        if (tr < 0)
            continue; /* a transport this build does not know */
        ep->tr = (enum vs_transport)tr;
        ep->tests = tests > 0 && tests < 1000000000 ? (int)tests : 0;
        for (int e = 0; e < VS_END_COUNT; e++) {
            const json_t *o = json_object_get(p, end_keys[e]);
            ep->has[e] = json_is_object(o);
            vs_env_facts_from_json(o, &ep->end[e]);
        }
        env->npaths++;
    }
}

void vs_env_from_meta(const json_t *meta, vs_env *env)
{
    const json_t *hosts = json_object_get(meta, "hosts");
    json_int_t schema = json_integer_value(json_object_get(meta, "schema"));

    memset(env, 0, sizeof *env);
    env->schema = schema >= 1 && schema < 1000 ? (int)schema : 1;
    for (int e = 0; e < VS_END_COUNT; e++) {
        const json_t *f = json_object_get(json_object_get(hosts, end_keys[e]), "facts");
        env->has_machine[e] = json_is_object(f);
        vs_env_facts_from_json(f, &env->machine[e]);
    }
    load_paths(json_object_get(meta, "paths"), env);
}

const vs_env_path *vs_env_path_of(const vs_env *env, enum vs_transport tr)
{
    const vs_env_path *best = NULL;

    for (int i = 0; i < env->npaths; i++)
        if (env->paths[i].tr == tr && (best == NULL || env->paths[i].tests > best->tests))
            best = &env->paths[i];
    return best;
}

const char *vs_env_change_where(const vs_env_change *c, char *buf, size_t n)
{
    if (c->tr < 0)
        snprintf(buf, n, "%s", vs_end_name(c->end));
    else
        snprintf(buf, n, "%s %s path", vs_end_name(c->end),
                 vs_transport_name((enum vs_transport)c->tr));
    return buf;
}

/* ---- differences ----------------------------------------------------------- */

static void add_changes(vs_env_diff *d, const vs_facts *a, const vs_facts *b, enum vs_end end,
                        int tr)
{
    enum vs_fact_key keys[VS_FK_COUNT];
    int n = vs_facts_diff(a, b, keys, VS_FK_COUNT);

    for (int i = 0; i < n; i++) {
        vs_env_change *c;
        c = &d->c[d->n++];
        c->end = end;
        c->tr = tr;
        c->key = keys[i];
        c->weight = vs_fact_def_of(keys[i])->weight;
        vs_facts_display(a, keys[i], c->before, sizeof c->before);
        vs_facts_display(b, keys[i], c->after, sizeof c->after);
    }
}

static void note_unrecorded(vs_env_diff *d, const char *what, const char *side)
{
    size_t len = strlen(d->note);

    d->unrecorded++;
    if (len < sizeof d->note - 1)
        snprintf(d->note + len, sizeof d->note - len, "%s%s not recorded in the %s",
                 len ? "; " : "", what, side);
}

static const char *missing_side(int in_base, int in_cand)
{
    return !in_base && !in_cand ? "baseline or the candidate" : !in_base ? "baseline"
                                                                          : "candidate";
}

static void diff_paths(const vs_env *base, const vs_env *cand, vs_env_diff *d)
{
    char what[64];

    for (int t = 0; t < VS_TR_COUNT; t++) {
        const vs_env_path *a = vs_env_path_of(base, (enum vs_transport)t);
        const vs_env_path *b = vs_env_path_of(cand, (enum vs_transport)t);
        if (a == NULL && b == NULL)
            continue;
        for (int e = 0; e < VS_END_COUNT; e++) {
            int ha = a != NULL && a->has[e], hb = b != NULL && b->has[e];
            if (ha && hb) {
                add_changes(d, &a->end[e], &b->end[e], (enum vs_end)e, t);
            } else if (ha || hb || e == VS_END_CLIENT) {
                snprintf(what, sizeof what, "the %s %s path", end_names[e],
                         vs_transport_name((enum vs_transport)t));
                note_unrecorded(d, what, missing_side(ha, hb));
            }
        }
    }
}

/* Weight descending, then table order, then end, then transport. */
static int by_rank(const void *x, const void *y)
{
    const vs_env_change *a = x, *b = y;

    if (a->weight != b->weight)
        return b->weight - a->weight;
    if (a->key != b->key)
        return (int)a->key - (int)b->key;
    if (a->end != b->end)
        return (int)a->end - (int)b->end;
    return a->tr - b->tr;
}

void vs_env_diff_of(const vs_env *base, const vs_env *cand, vs_env_diff *d)
{
    char what[64];

    memset(d, 0, sizeof *d);
    for (int e = 0; e < VS_END_COUNT; e++) {
        if (base->has_machine[e] && cand->has_machine[e]) {
            add_changes(d, &base->machine[e], &cand->machine[e], (enum vs_end)e, -1);
        } else if (base->has_machine[e] || cand->has_machine[e] || e == VS_END_CLIENT) {
            snprintf(what, sizeof what, "the %s's settings", end_names[e]);
            note_unrecorded(d, what, missing_side(base->has_machine[e], cand->has_machine[e]));
        }
    }
    diff_paths(base, cand, d);
    qsort(d->c, (size_t)d->n, sizeof d->c[0], by_rank);
}
