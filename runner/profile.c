/* profile.c - see profile.h. */
#include "runner/profile.h"
#include "runner/profiles_builtin.h"
#include "core/slurp.h"
#include "core/size.h"

#include <ctype.h>
#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PROFILE_MAX_BYTES (1u << 20)

/* State while inih calls us back. */
typedef struct parse_state {
    vs_profile *p;
    int seen_runs, seen_rule, seen_min, seen_max, seen_duration;
    int runs;
    vs_err err;          /* first error; inih gives its line */
} parse_state;

static const char *const known_keys =
    "name, description, transports, tests, sock-sizes, msg-sizes, sessions, runs, "
    "duration, warmup, until-ci, min-runs, max-runs, resp-size, bursts, cpu, server-cpu";

/* Split "a, b ,c" into trimmed items; calls fn for each. */
static int for_each_item(const char *list, int (*fn)(parse_state *, const char *),
                         parse_state *s)
{
    char buf[1024], *save = NULL, *tok;

    snprintf(buf, sizeof buf, "%s", list);
    for (tok = strtok_r(buf, ",", &save); tok != NULL; tok = strtok_r(NULL, ",", &save)) {
        while (isspace((unsigned char)*tok))
            tok++;
        char *end = tok + strlen(tok);
        while (end > tok && isspace((unsigned char)end[-1]))
            *--end = '\0';
        if (*tok == '\0')
            return vs_err_set(&s->err, VS_ERR_USAGE, "empty item in list '%s'", list);
        if (fn(s, tok) != 0)
            return -1;
    }
    return 0;
}

static int add_transport(parse_state *s, const char *v)
{
    vs_profile *p = s->p;
    enum vs_transport t;

    if (vs_transport_parse(v, &t, &s->err) != 0)
        return -1;
    for (int i = 0; i < p->ntransports; i++)
        if (p->transports[i] == t)
            return vs_err_set(&s->err, VS_ERR_USAGE, "transport '%s' listed twice", v);
    p->transports[p->ntransports++] = t;
    return 0;
}

static int add_test(parse_state *s, const char *v)
{
    vs_profile *p = s->p;
    enum vs_test t;

    if (vs_test_parse(v, &t, &s->err) != 0)
        return -1;
    for (int i = 0; i < p->ntests; i++)
        if (p->tests[i] == t)
            return vs_err_set(&s->err, VS_ERR_USAGE, "test '%s' listed twice", v);
    p->tests[p->ntests++] = t;
    return 0;
}

static int add_sock(parse_state *s, const char *v)
{
    vs_profile *p = s->p;
    uint64_t b;

    if (vs_size_parse(v, &b, &s->err) != 0)
        return -1;
    if (b > VS_MAX_SOCK)
        return vs_err_set(&s->err, VS_ERR_USAGE, "socket size '%s' is over 1G", v);
    if (p->nsocks >= VS_AXIS_MAX)
        return vs_err_set(&s->err, VS_ERR_USAGE, "more than %d socket sizes", VS_AXIS_MAX);
    p->socks[p->nsocks++] = b;
    return 0;
}

static int add_msg(parse_state *s, const char *v)
{
    vs_profile *p = s->p;
    uint64_t b;

    if (vs_size_parse(v, &b, &s->err) != 0)
        return -1;
    if (b < 1 || b > VS_MAX_MSG)
        return vs_err_set(&s->err, VS_ERR_USAGE, "message size '%s' is not 1 to 16M", v);
    if (p->nmsgs >= VS_AXIS_MAX)
        return vs_err_set(&s->err, VS_ERR_USAGE, "more than %d message sizes", VS_AXIS_MAX);
    p->msgs[p->nmsgs++] = (uint32_t)b;
    return 0;
}

static int parse_int(const char *v, int lo, int hi, int *out)
{
    char *end;
    long n = strtol(v, &end, 10);

    if (*v == '\0' || *end != '\0' || n < lo || n > hi)
        return -1;
    *out = (int)n;
    return 0;
}

static int add_sessions(parse_state *s, const char *v)
{
    vs_profile *p = s->p;
    int n;

    if (parse_int(v, 1, VS_MAX_SESSIONS, &n) != 0)
        return vs_err_set(&s->err, VS_ERR_USAGE, "session count '%s' is not 1 to %d", v,
                          VS_MAX_SESSIONS);
    if (p->nsessions >= VS_AXIS_MAX)
        return vs_err_set(&s->err, VS_ERR_USAGE, "more than %d session counts", VS_AXIS_MAX);
    p->sessions[p->nsessions++] = n;
    return 0;
}

static int check_seconds(parse_state *s, const char *v, uint32_t lo, uint32_t hi,
                         uint32_t *ms)
{
    if (vs_seconds_parse(v, ms, &s->err) != 0)
        return -1;
    if (*ms < lo || *ms > hi)
        return vs_err_set(&s->err, VS_ERR_USAGE, "'%s' is out of range (%.1f s to %.0f s)",
                          v, lo / 1000.0, hi / 1000.0);
    return 0;
}

/* "60" sets the default; "5:120" the duration for 5 sessions. */
static int add_duration(parse_state *s, const char *v)
{
    vs_profile *p = s->p;
    const char *colon = strchr(v, ':');
    uint32_t ms;
    char count[16];

    if (colon == NULL)
        return check_seconds(s, v, VS_MIN_DURATION_MS, VS_MAX_DURATION_MS,
                             &p->duration_ms);
    snprintf(count, sizeof count, "%.*s", (int)(colon - v), v);
    if (p->noverrides >= VS_AXIS_MAX ||
        parse_int(count, 1, VS_MAX_SESSIONS, &p->overrides[p->noverrides].sessions) != 0)
        return vs_err_set(&s->err, VS_ERR_USAGE,
                          "bad duration override '%s' (SESSIONS:SECONDS, e.g. 5:120)", v);
    if (check_seconds(s, colon + 1, VS_MIN_DURATION_MS, VS_MAX_DURATION_MS, &ms) != 0)
        return -1;
    p->overrides[p->noverrides++].ms = ms;
    return 0;
}

static int set_rule(parse_state *s, const char *v)
{
    int level;
    double width;
    char tail;

    if (sscanf(v, "%d , %lf %c", &level, &width, &tail) != 2 ||
        (level != 90 && level != 95 && level != 99) || width <= 0 || width > 100)
        return vs_err_set(&s->err, VS_ERR_USAGE,
                          "bad until-ci '%s' (LEVEL,WIDTH with LEVEL 90, 95 or 99 and "
                          "WIDTH in percent, e.g. 95,5)", v);
    s->p->rule.enabled = 1;
    s->p->rule.level = level;
    s->p->rule.width = width;
    s->seen_rule = 1;
    return 0;
}

static int add_burst(parse_state *s, const char *v)
{
    vs_profile *p = s->p;
    int n;

    if (parse_int(v, 0, VS_MAX_BURST, &n) != 0)
        return vs_err_set(&s->err, VS_ERR_USAGE, "burst '%s' is not 0 to %d", v, VS_MAX_BURST);
    if (p->nbursts >= VS_AXIS_MAX)
        return vs_err_set(&s->err, VS_ERR_USAGE, "more than %d bursts", VS_AXIS_MAX);
    for (int i = 0; i < p->nbursts; i++)
        if (p->bursts[i] == n)
            return vs_err_set(&s->err, VS_ERR_USAGE, "burst %d listed twice", n);
    p->bursts[p->nbursts++] = n;
    return 0;
}

/* "same" (as the request, netperf's -r R) or a size. */
static int set_resp(parse_state *s, const char *v)
{
    uint64_t b;

    if (strcmp(v, "same") == 0)
        return s->p->resp = 0, 0;
    if (vs_size_parse(v, &b, &s->err) != 0)
        return -1;
    if (b < 1 || b > VS_MAX_MSG)
        return vs_err_set(&s->err, VS_ERR_USAGE, "response size '%s' is not 1 to 16M", v);
    s->p->resp = (uint32_t)b;
    return 0;
}

static int set_cpus(parse_state *s, const char *v, char *out)
{
    vs_cpulist l;

    if (vs_cpulist_parse(v, &l, &s->err) != 0)
        return -1;
    vs_cpulist_format(&l, out, VS_CPULIST_TEXT_MAX);
    return 0;
}

/* zerocopy = yes|no; congestion = NAME (the kernel judges it at run time). */
static int set_send_option(parse_state *s, const char *key, const char *v)
{
    if (strcmp(key, "zerocopy") == 0) {
        if (strcmp(v, "yes") != 0 && strcmp(v, "no") != 0)
            return vs_err_set(&s->err, VS_ERR_USAGE, "zerocopy is yes or no, not '%.20s'", v);
        s->p->zerocopy = strcmp(v, "yes") == 0;
        return 0;
    }
    if (!vs_congestion_name_ok(v))
        return vs_err_set(&s->err, VS_ERR_USAGE, "congestion: bad algorithm name '%.20s'", v);
    snprintf(s->p->congestion, sizeof s->p->congestion, "%s", v);
    return 0;
}

/* The keys of the transaction tests and of pinning: 1 when `key` is not
 * one of them, else 0 or -1 as it parsed. */
static int on_rr_key(parse_state *s, const char *key, const char *v)
{
    if (strcmp(key, "resp-size") == 0)
        return set_resp(s, v);
    if (strcmp(key, "bursts") == 0)
        return for_each_item(v, add_burst, s);
    if (strcmp(key, "cpu") == 0)
        return set_cpus(s, v, s->p->cpus);
    if (strcmp(key, "server-cpu") == 0)
        return set_cpus(s, v, s->p->server_cpus);
    if (strcmp(key, "zerocopy") == 0 || strcmp(key, "congestion") == 0)
        return set_send_option(s, key, v);
    return 1;
}

static int on_key(parse_state *s, const char *key, const char *v)
{
    vs_profile *p = s->p;
    int rr = on_rr_key(s, key, v);

    if (rr != 1)
        return rr;
    if (strcmp(key, "name") == 0)
        snprintf(p->name, sizeof p->name, "%s", v);
    else if (strcmp(key, "description") == 0)
        snprintf(p->description, sizeof p->description, "%s", v);
    else if (strcmp(key, "transports") == 0)
        return for_each_item(v, add_transport, s);
    else if (strcmp(key, "tests") == 0)
        return for_each_item(v, add_test, s);
    else if (strcmp(key, "sock-sizes") == 0)
        return for_each_item(v, add_sock, s);
    else if (strcmp(key, "msg-sizes") == 0)
        return for_each_item(v, add_msg, s);
    else if (strcmp(key, "sessions") == 0)
        return for_each_item(v, add_sessions, s);
    else if (strcmp(key, "duration") == 0) {
        s->seen_duration = 1;
        return for_each_item(v, add_duration, s);
    } else if (strcmp(key, "warmup") == 0)
        return check_seconds(s, v, 0, VS_MAX_WARMUP_MS, &p->warmup_ms);
    else if (strcmp(key, "until-ci") == 0)
        return set_rule(s, v);
    else if (strcmp(key, "runs") == 0 || strcmp(key, "min-runs") == 0 ||
             strcmp(key, "max-runs") == 0) {
        int n;
        if (parse_int(v, 1, 1000, &n) != 0)
            return vs_err_set(&s->err, VS_ERR_USAGE, "%s must be 1 to 1000, not '%s'", key, v);
        if (key[0] == 'r') {
            s->runs = n;
            s->seen_runs = 1;
        } else if (key[1] == 'i') {
            p->rule.min_runs = n;
            s->seen_min = 1;
        } else {
            p->rule.max_runs = n;
            s->seen_max = 1;
        }
    } else
        return vs_err_set(&s->err, VS_ERR_USAGE, "unknown key '%s' (known: %s)", key,
                          known_keys);
    return 0;
}

static int handler(void *user, const char *section, const char *key, const char *value)
{
    parse_state *s = user;

    if (s->err.code != VS_OK)
        return 1; /* keep the first error only */
    if (strcmp(section, "sweep") != 0) {
        vs_err_set(&s->err, VS_ERR_USAGE, "unknown section [%s] (only [sweep])", section);
        return 0;
    }
    if (on_key(s, key, value) != 0) {
        if (s->err.code == VS_OK)
            s->err.code = VS_ERR_USAGE;
        vs_err_prefix(&s->err, "key '%s'", key);
        return 0;
    }
    return 1;
}

/* Required axes and the runs/until-ci combination. */
static int finish(parse_state *s, vs_err *e)
{
    vs_profile *p = s->p;
    const char *missing = p->ntransports == 0 ? "transports"
                        : p->nsocks == 0      ? "sock-sizes"
                        : p->nmsgs == 0       ? "msg-sizes"
                        : p->nsessions == 0   ? "sessions"
                        : !s->seen_duration || p->duration_ms == 0 ? "duration" : NULL;

    if (missing != NULL)
        return vs_err_set(e, VS_ERR_USAGE, "%s: missing key '%s'", p->source, missing);
    if (p->ntests == 0)
        p->tests[p->ntests++] = VS_TEST_STREAM;
    if (p->nbursts == 0)
        p->bursts[p->nbursts++] = 0;
    if (p->name[0] == '\0')
        snprintf(p->name, sizeof p->name, "unnamed");
    if (s->seen_rule && s->seen_runs)
        return vs_err_set(e, VS_ERR_USAGE, "%s: use either 'runs' or 'until-ci', not both",
                          p->source);
    if (!s->seen_rule && (s->seen_min || s->seen_max))
        return vs_err_set(e, VS_ERR_USAGE, "%s: 'min-runs'/'max-runs' need 'until-ci'",
                          p->source);
    if (!s->seen_rule) {
        p->rule.min_runs = p->rule.max_runs = s->seen_runs ? s->runs : 1;
        return 0;
    }
    if (!s->seen_min)
        p->rule.min_runs = 3;
    if (!s->seen_max)
        p->rule.max_runs = 10;
    if (p->rule.min_runs < 2 || p->rule.max_runs < p->rule.min_runs)
        return vs_err_set(e, VS_ERR_USAGE, "%s: need 2 <= min-runs <= max-runs", p->source);
    return 0;
}

int vs_profile_parse(const char *text, const char *source, vs_profile *p, vs_err *e)
{
    parse_state s;
    int line;

    memset(p, 0, sizeof *p);
    memset(&s, 0, sizeof s);
    s.p = p;
    snprintf(p->source, sizeof p->source, "%s", source);
    p->text = strdup(text);
    if (p->text == NULL)
        return vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
    line = ini_parse_string(text, handler, &s);
    if (line != 0) {
        if (s.err.code == VS_OK)
            vs_err_set(&s.err, VS_ERR_USAGE, "syntax error (expected KEY = VALUE or [sweep])");
        vs_err_set(e, VS_ERR_USAGE, "%s:%d: %s", source, line, s.err.msg);
        vs_profile_free(p);
        return -1;
    }
    if (finish(&s, e) != 0) {
        vs_profile_free(p);
        return -1;
    }
    return 0;
}

const char *vs_profile_builtin_list(void)
{
    static char list[256];

    if (list[0] == '\0')
        for (const vs_builtin_profile *b = vs_builtin_profiles; b->name != NULL; b++)
            snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s",
                     list[0] ? ", " : "", b->name);
    return list;
}

int vs_profile_load(const char *name, vs_profile *p, vs_err *e)
{
    char *text;
    int rc = vs_slurp(name, PROFILE_MAX_BYTES, &text, e);

    if (rc < 0)
        return -1;
    if (rc == 0) {
        rc = vs_profile_parse(text, name, p, e);
        free(text);
        return rc;
    }
    for (const vs_builtin_profile *b = vs_builtin_profiles; b->name != NULL; b++) {
        if (strcmp(b->name, name) == 0) {
            char source[128];
            snprintf(source, sizeof source, "built-in profile %s", b->name);
            return vs_profile_parse(b->text, source, p, e);
        }
    }
    return vs_err_set(e, VS_ERR_USAGE, "no profile file '%s' and no built-in profile of "
                      "that name (built-in: %s)", name, vs_profile_builtin_list());
}

uint32_t vs_profile_duration(const vs_profile *p, int sessions)
{
    for (int i = 0; i < p->noverrides; i++)
        if (p->overrides[i].sessions == sessions)
            return p->overrides[i].ms;
    return p->duration_ms;
}

void vs_profile_free(vs_profile *p)
{
    free(p->text);
    p->text = NULL;
}
