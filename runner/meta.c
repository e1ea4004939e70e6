/* meta.c - see meta.h. */
#include "runner/meta.h"
#include "runner/info.h"
#include "runner/json.h"
#include "runner/version.h"
#include "platform/clock.h"
#include "platform/fs.h"

#include <stdio.h>
#include <string.h>

/* The server's info is embedded as JSON only when it looks like an object
 * of printable text; anything else is kept as a string. */
static int plausible_object(const char *s)
{
    size_t n = strlen(s);

    if (n < 2 || s[0] != '{' || s[n - 1] != '}')
        return 0;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] < 0x20)
            return 0;
    return 1;
}

static void write_body(vs_json *j, const vs_meta *m)
{
    vs_sysinfo si;
    char when[32];

    vs_json_obj_begin(j, NULL);
    vs_json_str(j, "tool", "vsbench");
    vs_json_str(j, "version", VS_VERSION);
    vs_json_str(j, "git_revision", vs_git_revision());
    vs_json_obj_begin(j, "profile");
    vs_json_str(j, "name", m->profile->name);
    vs_json_str(j, "description", m->profile->description);
    vs_json_str(j, "source", m->profile->source);
    vs_json_str(j, "text", m->profile->text);
    vs_json_obj_end(j);
    vs_json_str(j, "control", m->control);
    vs_json_str(j, "start", vs_iso8601(m->start, when, sizeof when));
    if (m->end > 0)
        vs_json_str(j, "end", vs_iso8601(m->end, when, sizeof when));
    else
        vs_json_null(j, "end");
    vs_json_str(j, "status", m->status);
    vs_json_bool(j, "resumed", m->resumed);
    vs_json_int(j, "runs_planned", m->runs_planned);
    vs_json_int(j, "runs_done", m->runs_done);
    vs_json_int(j, "runs_failed", m->runs_failed);
    vs_json_obj_begin(j, "hosts");
    vs_sysinfo_read(&si);
    vs_info_json(j, "local", &si);
    if (m->remote_info != NULL && plausible_object(m->remote_info))
        vs_json_raw(j, "remote", m->remote_info);
    else
        vs_json_str(j, "remote", m->remote_info != NULL ? m->remote_info : "");
    vs_json_obj_end(j);
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
    vs_json_obj_end(j);
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
    write_body(&j, m);
    f = fopen(tmp, "w");
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
