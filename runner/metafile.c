/* metafile.c - see metafile.h. */
#include "runner/metafile.h"
#include "runner/info.h"
#include "platform/facts.h"
#include "platform/clock.h"
#include "platform/fs.h"

#include <stdio.h>
#include <string.h>

void vs_meta_begin(vs_meta *m, const vs_profile *p, double start)
{
    m->profile_name = p->name;
    m->profile_description = p->description;
    m->profile_source = p->source;
    m->profile_text = p->text;
    vs_iso8601(start, m->start, sizeof m->start);
    m->end[0] = '\0';
    vs_info_read(&m->local);
    vs_facts_init(&m->local_facts);
    vs_facts_machine(&m->local, &m->local_facts);
    m->npaths = 0;
    m->paths_dropped = 0;
}

void vs_meta_finish(vs_meta *m, double end, const char *status)
{
    vs_iso8601(end, m->end, sizeof m->end);
    m->status = status;
}

int vs_meta_write(const char *dir, const vs_meta *m, vs_err *e)
{
    char path[4200], tmp[4300];
    vs_json j;
    FILE *f;
    int rc;

    snprintf(path, sizeof path, "%s/meta.json", dir);
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    vs_json_init(&j, 1);
    vs_meta_json(&j, m);
    f = fopen(tmp, "wb");
    if (f == NULL || j.oom) {
        if (f != NULL)
            fclose(f);
        vs_json_free(&j);
        return vs_err_set(e, VS_ERR_RUNTIME, "cannot write %s", tmp);
    }
    fprintf(f, "%s\n", vs_json_text(&j));
    vs_json_free(&j);
    rc = vs_fsync_file(f, e);
    fclose(f);
    if (rc != 0)
        return -1;
    return vs_replace_file(tmp, path, e);
}
