/* test_env.c - analysis/env.h: the environment read back from meta.json
 * (schema 2 and the older schema 1), hostile members, and "what changed"
 * ranked by the fact table's weights. */
#include "analysis/env.h"
#include "core/facts_text.h"
#include "core/meta.h"
#include "tests/unit/unit.h"

#include <stdlib.h>
#include <string.h>

static json_t *parse(const char *text)
{
    json_error_t err;
    json_t *j = json_loads(text, 0, &err);

    if (j == NULL)
        fprintf(stderr, "\nbad test JSON: %s\n", err.text);
    return j;
}

/* A schema 1 file (before facts): loads, with nothing recorded; a diff
 * against a newer file claims no change and says what it could not see. */
static void test_older_meta(void)
{
    json_error_t err;
    json_t *old = json_load_file("tests/fixtures/small/meta.json", 0, &err);
    json_t *now = parse("{\"schema\":2,\"hosts\":{\"local\":{\"facts\":{\"net.mtu\":1500,"
                        "\"cpu.count\":2}},\"remote\":null},\"paths\":[{\"transport\":\"tcp\","
                        "\"tests\":3,\"local\":{\"path.transport\":\"tcp\",\"net.mtu\":9000}}]}");
    vs_env a, b;
    vs_env_diff d;

    CU_ASSERT_PTR_NOT_NULL_FATAL(old);
    CU_ASSERT_PTR_NOT_NULL_FATAL(now);
    vs_env_from_meta(old, &a);
    CU_ASSERT_EQUAL(a.schema, 1);
    CU_ASSERT_FALSE(a.has_machine[VS_END_CLIENT]);
    CU_ASSERT_FALSE(a.has_machine[VS_END_SERVER]);
    CU_ASSERT_EQUAL(a.npaths, 0);
    vs_env_from_meta(now, &b);
    CU_ASSERT_EQUAL(b.schema, 2);
    CU_ASSERT_TRUE(b.has_machine[VS_END_CLIENT]);
    CU_ASSERT_FALSE(b.has_machine[VS_END_SERVER]);
    CU_ASSERT_EQUAL(b.npaths, 1);
    vs_env_diff_of(&a, &b, &d);
    CU_ASSERT_EQUAL(d.n, 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.note, "the client's settings not recorded in the baseline"));
    CU_ASSERT_PTR_NOT_NULL(strstr(d.note, "the client tcp path not recorded in the baseline"));
    vs_env_from_meta(NULL, &a);
    CU_ASSERT_EQUAL(a.schema, 1);
    json_decref(old);
    json_decref(now);
}

/* Wrong kinds become unknown, unknown names are skipped, text is cleaned. */
static void test_hostile_members(void)
{
    json_t *j = parse("{\"net.mtu\":\"9000\",\"net.gro\":2,\"tcp.cc\":\"cu\\u001b[2Jbic\","
                      "\"net.tso\":true,\"mem.total\":-5,\"net.future\":1,"
                      "\"cpu.governor\":{\"unknown\":\"no\\npolicy\"},\"net.lro\":{\"x\":1}}");
    vs_facts fs;

    CU_ASSERT_PTR_NOT_NULL_FATAL(j);
    CU_ASSERT_EQUAL(vs_env_facts_from_json(j, &fs), 4);
    CU_ASSERT_EQUAL(fs.f[VS_FK_NET_MTU].state, VS_FACT_UNKNOWN);
    CU_ASSERT_STRING_EQUAL(fs.f[VS_FK_NET_MTU].text, "malformed in the file");
    CU_ASSERT_EQUAL(fs.f[VS_FK_NET_GRO].state, VS_FACT_UNKNOWN);
    CU_ASSERT_EQUAL(fs.f[VS_FK_MEM_TOTAL].state, VS_FACT_UNKNOWN);
    CU_ASSERT_EQUAL(fs.f[VS_FK_NET_LRO].state, VS_FACT_UNKNOWN);
    CU_ASSERT_STRING_EQUAL(fs.f[VS_FK_TCP_CC].text, "cu?[2Jbic");
    CU_ASSERT_EQUAL(fs.f[VS_FK_NET_TSO].num, 1);
    CU_ASSERT_EQUAL(fs.f[VS_FK_CPU_GOVERNOR].state, VS_FACT_UNKNOWN);
    CU_ASSERT_STRING_EQUAL(fs.f[VS_FK_CPU_GOVERNOR].text, "no policy");
    json_decref(j);
}

static void tcp_path(vs_facts *fs, int mtu, int gro, const char *cc, const char *qdisc)
{
    vs_facts_init(fs);
    vs_fact_set_str(fs, VS_FK_PATH_TRANSPORT, "tcp");
    vs_fact_set_str(fs, VS_FK_NET_IF, "vsbb1");
    vs_fact_set_str(fs, VS_FK_NET_DRIVER, "veth");
    vs_fact_set_num(fs, VS_FK_NET_MTU, (uint64_t)mtu);
    vs_fact_set_num(fs, VS_FK_NET_GRO, (uint64_t)gro);
    vs_fact_set_str(fs, VS_FK_TCP_CC, cc);
    vs_fact_set_str(fs, VS_FK_NET_QDISC, qdisc);
}

static void env_with(vs_env *e, int mtu, int gro, const char *cc, const char *qdisc,
                     const char *governor)
{
    memset(e, 0, sizeof *e);
    e->schema = 2;
    for (int end = 0; end < VS_END_COUNT; end++) {
        e->has_machine[end] = 1;
        vs_facts_init(&e->machine[end]);
        vs_fact_set_str(&e->machine[end], VS_FK_CPU_GOVERNOR, governor);
        vs_fact_set_str(&e->machine[end], VS_FK_CLOCK_SOURCE, "tsc");
    }
    e->npaths = 2;
    e->paths[0].tr = VS_TR_TCP;
    e->paths[0].tests = 5;
    e->paths[0].has[VS_END_CLIENT] = 1;
    tcp_path(&e->paths[0].end[VS_END_CLIENT], mtu, gro, cc, qdisc);
    /* a path fewer tests crossed does not count */
    e->paths[1] = e->paths[0];
    e->paths[1].tests = 1;
    vs_fact_set_num(&e->paths[1].end[VS_END_CLIENT], VS_FK_NET_MTU, 1);
}

/* MTU, GRO, congestion control, qdisc, then the governor of each end. */
static void test_ranking(void)
{
    vs_env *e = calloc(2, sizeof *e);
    vs_env_diff d;
    char where[64];

    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    env_with(&e[0], 1500, 1, "cubic", "noqueue", "performance");
    env_with(&e[1], 9000, 0, "reno", "fq", "powersave");
    vs_env_diff_of(&e[0], &e[1], &d);
    CU_ASSERT_EQUAL_FATAL(d.n, 6);
    CU_ASSERT_EQUAL(d.c[0].key, VS_FK_NET_MTU);
    CU_ASSERT_STRING_EQUAL(d.c[0].before, "1500");
    CU_ASSERT_STRING_EQUAL(d.c[0].after, "9000");
    CU_ASSERT_STRING_EQUAL(vs_env_change_where(&d.c[0], where, sizeof where), "client tcp path");
    CU_ASSERT_EQUAL(d.c[1].key, VS_FK_NET_GRO);
    CU_ASSERT_STRING_EQUAL(d.c[1].after, "off");
    CU_ASSERT_EQUAL(d.c[2].key, VS_FK_TCP_CC);
    CU_ASSERT_EQUAL(d.c[3].key, VS_FK_NET_QDISC);
    CU_ASSERT_EQUAL(d.c[4].key, VS_FK_CPU_GOVERNOR);
    CU_ASSERT_EQUAL(d.c[4].end, VS_END_CLIENT);
    CU_ASSERT_EQUAL(d.c[5].end, VS_END_SERVER);
    CU_ASSERT_STRING_EQUAL(vs_env_change_where(&d.c[5], where, sizeof where), "server");
    CU_ASSERT_STRING_EQUAL(d.note, ""); /* neither side has the server path: no note */
    /* the same environment: nothing changed */
    vs_env_diff_of(&e[0], &e[0], &d);
    CU_ASSERT_EQUAL(d.n, 0);
    free(e);
}

/* meta.json as the runner writes it reads back to the same facts. */
static void test_meta_round_trip(void)
{
    vs_meta *m = calloc(1, sizeof *m);
    vs_env *e = calloc(1, sizeof *e);
    vs_facts p;
    vs_json j;
    json_t *root;

    CU_ASSERT_PTR_NOT_NULL_FATAL(m);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    m->profile_name = m->profile_description = m->profile_source = m->profile_text = "x";
    m->status = "complete";
    vs_fact_set_str(&m->local_facts, VS_FK_CPU_GOVERNOR, "schedutil");
    vs_fact_set_num(&m->local_facts, VS_FK_MEM_TOTAL, 1ull << 34);
    tcp_path(&p, 1500, 1, "cubic", "noqueue");
    vs_meta_add_path(m, VS_TR_TCP, &p, NULL);
    vs_meta_add_path(m, VS_TR_TCP, &p, NULL);
    vs_fact_set_num(&p, VS_FK_NET_MTU, 9000);
    vs_meta_add_path(m, VS_TR_TCP, &p, NULL);
    vs_facts_init(&p); /* a test that never connected adds nothing */
    vs_meta_add_path(m, VS_TR_TCP, &p, NULL);
    CU_ASSERT_EQUAL(m->npaths, 2);
    CU_ASSERT_EQUAL(m->paths[0].tests, 2);
    vs_json_init(&j, 0);
    vs_meta_json(&j, m);
    root = parse(vs_json_text(&j));
    CU_ASSERT_PTR_NOT_NULL_FATAL(root);
    vs_env_from_meta(root, e);
    CU_ASSERT_EQUAL(e->schema, VS_META_SCHEMA);
    CU_ASSERT_TRUE(e->has_machine[VS_END_CLIENT]);
    CU_ASSERT_EQUAL(vs_facts_diff(&e->machine[VS_END_CLIENT], &m->local_facts, NULL, 0), 0);
    CU_ASSERT_EQUAL_FATAL(e->npaths, 2);
    CU_ASSERT_EQUAL(e->paths[0].tests, 2);
    CU_ASSERT_FALSE(e->paths[0].has[VS_END_SERVER]);
    CU_ASSERT_EQUAL(vs_facts_diff(&e->paths[1].end[VS_END_CLIENT], &p, NULL, 0) > 0, 1);
    CU_ASSERT_EQUAL(vs_env_path_of(e, VS_TR_TCP), &e->paths[0]);
    CU_ASSERT_PTR_NULL(vs_env_path_of(e, VS_TR_VSOCK));
    json_decref(root);
    vs_json_free(&j);
    free(m);
    free(e);
}

static const CU_TestInfo tests[] = {
    { "meta.json before facts (schema 1) loads", test_older_meta },
    { "hostile members become unknown", test_hostile_members },
    { "what changed, ranked by weight", test_ranking },
    { "meta.json written and read back", test_meta_round_trip },
    CU_TEST_INFO_NULL,
};

VS_UNIT_SUITE("env", tests)
