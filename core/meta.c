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
    if (m->has_remote) {
        vs_json_obj_begin(j, "remote");
        vs_host_json_members(j, &m->remote);
        if (m->has_remote_facts)
            vs_facts_json(j, "facts", &m->remote_facts);
        vs_json_obj_end(j);
    } else {
        vs_json_null(j, "remote");
    }
    vs_json_obj_end(j);
}

/* 1 when a path end was recorded (it always holds its transport). */
static int recorded(const vs_facts *fs)
{
    return fs != NULL && fs->f[VS_FK_PATH_TRANSPORT].state != VS_FACT_ABSENT;
}

void vs_meta_add_path(vs_meta *m, enum vs_transport tr, const vs_facts *local,
                      const vs_facts *remote)
{
    vs_meta_path *p;

    if (!recorded(local))
        return;
    for (int i = 0; i < m->npaths; i++) {
        p = &m->paths[i];
        if (p->tr == tr && vs_facts_diff(&p->local, local, NULL, 0) == 0 &&
            recorded(&p->remote) == recorded(remote) &&
            (!recorded(remote) || vs_facts_diff(&p->remote, remote, NULL, 0) == 0)) {
            p->tests++;
            return;
        }
    }
    if (m->npaths == VS_META_PATHS_MAX) {
        m->paths_dropped++;
        return;
    }
    p = &m->paths[m->npaths++];
    p->tr = tr;
    p->local = *local;
    vs_facts_init(&p->remote);
    if (recorded(remote))
        p->remote = *remote;
    p->tests = 1;
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
        if (recorded(&m->paths[i].remote))
            vs_facts_json(j, "remote", &m->paths[i].remote);
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
