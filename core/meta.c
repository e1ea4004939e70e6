/* meta.c - see meta.h. */
#include "core/meta.h"
#include "core/facts_text.h"
#include "core/version.h"

static void write_hosts(vs_json *j, const vs_meta *m)
{
    vs_json_obj_begin(j, "hosts");
    vs_json_obj_begin(j, "local");
    vs_host_json_members(j, &m->local);
    vs_facts_json(j, "facts", &m->local_facts);
    vs_json_obj_end(j);
    if (m->has_remote)
        vs_host_json(j, "remote", &m->remote);
    else
        vs_json_null(j, "remote");
    vs_json_obj_end(j);
}

void vs_meta_add_path(vs_meta *m, enum vs_transport tr, const vs_facts *path)
{
    if (path->f[VS_FK_PATH_TRANSPORT].state == VS_FACT_ABSENT)
        return;
    for (int i = 0; i < m->npaths; i++)
        if (m->paths[i].tr == tr && vs_facts_diff(&m->paths[i].local, path, NULL, 0) == 0) {
            m->paths[i].tests++;
            return;
        }
    if (m->npaths == VS_META_PATHS_MAX) {
        m->paths_dropped++;
        return;
    }
    m->paths[m->npaths].tr = tr;
    m->paths[m->npaths].local = *path;
    m->paths[m->npaths].tests = 1;
    m->npaths++;
}

/* "paths": one object per distinct data path. */
static void write_paths(vs_json *j, const vs_meta *m)
{
    vs_json_arr_begin(j, "paths");
    for (int i = 0; i < m->npaths; i++) {
        vs_json_obj_begin(j, NULL);
        vs_json_str(j, "transport", vs_transport_name(m->paths[i].tr));
        vs_json_int(j, "tests", m->paths[i].tests);
        vs_facts_json(j, "local", &m->paths[i].local);
        vs_json_obj_end(j);
    }
    vs_json_arr_end(j);
    if (m->paths_dropped > 0)
        vs_json_int(j, "paths_dropped", m->paths_dropped);
}

static void write_skipped(vs_json *j, const vs_meta *m)
{
    vs_json_arr_begin(j, "skipped");
    for (int t = 0; t < VS_TR_COUNT; t++) {
        if (!m->skipped[t])
            continue;
        vs_json_obj_begin(j, NULL);
        vs_json_str(j, "transport", vs_transport_name((enum vs_transport)t));
        vs_json_str(j, "reason", m->skip_reason[t]);
        vs_json_obj_end(j);
    }
    vs_json_arr_end(j);
}

void vs_meta_json(vs_json *j, const vs_meta *m)
{
    vs_json_obj_begin(j, NULL);
    vs_json_int(j, "schema", VS_META_SCHEMA);
    vs_json_str(j, "tool", "vsbench");
    vs_json_str(j, "version", VS_VERSION);
    vs_json_str(j, "git_revision", vs_git_revision());
    vs_json_obj_begin(j, "profile");
    vs_json_str(j, "name", m->profile_name);
    vs_json_str(j, "description", m->profile_description);
    vs_json_str(j, "source", m->profile_source);
    vs_json_str(j, "text", m->profile_text);
    vs_json_obj_end(j);
    vs_json_str(j, "control", m->control);
    vs_json_str(j, "start", m->start);
    if (m->end[0] != '\0')
        vs_json_str(j, "end", m->end);
    else
        vs_json_null(j, "end");
    vs_json_str(j, "status", m->status);
    vs_json_bool(j, "resumed", m->resumed);
    vs_json_int(j, "runs_planned", m->runs_planned);
    vs_json_int(j, "runs_done", m->runs_done);
    vs_json_int(j, "runs_failed", m->runs_failed);
    write_hosts(j, m);
    write_paths(j, m);
    write_skipped(j, m);
    vs_json_obj_end(j);
}
