/* changes.c - see changes.h. */
#include "reports/changes.h"
#include "reports/markup.h"

#include <string.h>

/* A value for a cell: "-" when the fact does not apply on that side. */
static const char *cell(const char *v)
{
    return v[0] != '\0' ? v : "-";
}

static const char *label_of(const vs_env_change *c)
{
    return vs_fact_def_of(c->key)->label;
}

void vs_changes_table(FILE *f, const vs_env_diff *d)
{
    char where[64];

    if (d == NULL)
        return;
    if (d->n == 0)
        fprintf(f, "what changed: no recorded setting differs\n");
    else
        fprintf(f, "what changed (most likely to move throughput first):\n"
                   "  %-4s %-20s %-22s %-24s %s\n", "rank", "where", "setting", "baseline",
                "candidate");
    for (int i = 0; i < d->n; i++) {
        const vs_env_change *c = &d->c[i];
        fprintf(f, "  %-4d %-20s %-22s %-24s %s\n", i + 1,
                vs_env_change_where(c, where, sizeof where), label_of(c), cell(c->before),
                cell(c->after));
    }
    if (d->note[0] != '\0')
        fprintf(f, "  (not compared: %s)\n", d->note);
}

void vs_changes_markdown(FILE *f, const vs_env_diff *d)
{
    char where[64];

    if (d == NULL)
        return;
    fprintf(f, "#### What changed\n\n");
    if (d->n == 0)
        fprintf(f, "No recorded setting differs.\n");
    else
        fprintf(f, "| rank | where | setting | baseline | candidate |\n|---:|---|---|---|---|\n");
    for (int i = 0; i < d->n; i++) {
        const vs_env_change *c = &d->c[i];
        fprintf(f, "| %d | ", i + 1);
        vs_markdown_escape(f, vs_env_change_where(c, where, sizeof where));
        fputs(" | ", f);
        vs_markdown_escape(f, label_of(c));
        fputs(" | ", f);
        vs_markdown_escape(f, cell(c->before));
        fputs(" | ", f);
        vs_markdown_escape(f, cell(c->after));
        fputs(" |\n", f);
    }
    if (d->note[0] != '\0') {
        fputs("\nNot compared: ", f);
        vs_markdown_escape(f, d->note);
        fputs(".\n", f);
    }
    fputc('\n', f);
}

void vs_changes_junit(FILE *f, const vs_env_diff *d, const char *indent)
{
    char value[2 * VS_ENV_VALUE_MAX + 8];

    if (d == NULL || (d->n == 0 && d->note[0] == '\0'))
        return;
    fprintf(f, "%s<properties>\n", indent);
    for (int i = 0; i < d->n; i++) {
        const vs_env_change *c = &d->c[i];
        fprintf(f, "%s  <property name=\"changed.%s.", indent, vs_end_name(c->end));
        if (c->tr >= 0)
            fprintf(f, "%s.", vs_transport_name((enum vs_transport)c->tr));
        vs_markup_escape(f, vs_fact_def_of(c->key)->name);
        snprintf(value, sizeof value, "%s -> %s", cell(c->before), cell(c->after));
        fputs("\" value=\"", f);
        vs_markup_escape(f, value);
        fputs("\"/>\n", f);
    }
    if (d->note[0] != '\0') {
        fprintf(f, "%s  <property name=\"changed.not_compared\" value=\"", indent);
        vs_markup_escape(f, d->note);
        fputs("\"/>\n", f);
    }
    fprintf(f, "%s</properties>\n", indent);
}

static void value_json(vs_json *j, const char *key, const char *v)
{
    if (v[0] != '\0')
        vs_json_str(j, key, v);
    else
        vs_json_null(j, key);
}

void vs_changes_json(vs_json *j, const vs_env_diff *d)
{
    vs_json_arr_begin(j, "changed");
    for (int i = 0; d != NULL && i < d->n; i++) {
        const vs_env_change *c = &d->c[i];
        vs_json_obj_begin(j, NULL);
        vs_json_int(j, "rank", i + 1);
        vs_json_str(j, "end", vs_end_name(c->end));
        if (c->tr >= 0)
            vs_json_str(j, "transport", vs_transport_name((enum vs_transport)c->tr));
        else
            vs_json_null(j, "transport");
        vs_json_str(j, "key", vs_fact_def_of(c->key)->name);
        vs_json_str(j, "label", label_of(c));
        vs_json_int(j, "weight", c->weight);
        value_json(j, "baseline", c->before);
        value_json(j, "candidate", c->after);
        vs_json_obj_end(j);
    }
    vs_json_arr_end(j);
    vs_json_str(j, "changed_note", d != NULL ? d->note : "");
}
