/* html_env.c - see html_env.h. */
#include "reports/html_env.h"
#include "reports/markup.h"
#include "analysis/env.h"
#include "core/facts_text.h"

#include <stdlib.h>

const char vs_html_env_style[] = "tr.diff td{background:#fde2e2;font-weight:bold}";

/* One end's value in a cell. */
static void value_cell(FILE *f, const vs_facts *fs, int has, enum vs_fact_key k)
{
    char v[VS_ENV_VALUE_MAX];

    fputs("<td class=\"l\">", f);
    if (!has)
        fputs("<span class=\"small\">not recorded</span>", f);
    else
        vs_markup_escape(f, fs->f[k].state == VS_FACT_ABSENT
                                ? "-" : vs_facts_display(fs, k, v, sizeof v));
    fputs("</td>", f);
}

/* A row per fact of `scope` that either end has; differing ones marked. */
static void fact_rows(FILE *f, enum vs_fact_scope scope, const vs_facts *const ends[2],
                      const int has[2])
{
    for (int k = 0; k < VS_FK_COUNT; k++) {
        const vs_fact_def *d = vs_fact_def_of((enum vs_fact_key)k);
        int seen = 0;
        for (int e = 0; e < 2; e++)
            seen |= has[e] && ends[e]->f[k].state != VS_FACT_ABSENT;
        if (d->scope != scope || !seen)
            continue;
        fprintf(f, "<tr%s><td class=\"l\">",
                has[0] && has[1] && !vs_fact_same(ends[0], ends[1], (enum vs_fact_key)k)
                    ? " class=\"diff\"" : "");
        vs_markup_escape(f, d->label);
        fputs("</td>", f);
        for (int e = 0; e < 2; e++)
            value_cell(f, ends[e], has[e], (enum vs_fact_key)k);
        fputs("</tr>\n", f);
    }
}

static void write_table(FILE *f, const vs_env *env)
{
    const vs_facts *ends[2] = { &env->machine[VS_END_CLIENT], &env->machine[VS_END_SERVER] };

    fputs("<table class=\"settings\"><tr><th class=\"l\">Setting</th><th class=\"l\">Client "
          "(this end)</th><th class=\"l\">Server</th></tr>\n", f);
    fact_rows(f, VS_FS_MACHINE, ends, env->has_machine);
    for (int i = 0; i < env->npaths; i++) {
        const vs_env_path *p = &env->paths[i];
        const vs_facts *pe[2] = { &p->end[VS_END_CLIENT], &p->end[VS_END_SERVER] };
        fprintf(f, "<tr><th class=\"l\" colspan=\"3\">Data path: %s (%d test%s)</th></tr>\n",
                vs_transport_name(p->tr), p->tests, p->tests == 1 ? "" : "s");
        fact_rows(f, VS_FS_PATH, pe, p->has);
    }
    fputs("</table>\n", f);
}

void vs_html_settings(FILE *f, const vs_source *s)
{
    vs_env *env = malloc(sizeof *env);

    if (env == NULL)
        return;
    vs_env_from_meta(s->meta, env);
    if (!env->has_machine[VS_END_CLIENT] && !env->has_machine[VS_END_SERVER] &&
        env->npaths == 0)
        fputs("<p class=\"small\">No settings recorded (meta.json before schema 2).</p>\n", f);
    else
        write_table(f, env);
    free(env);
}
