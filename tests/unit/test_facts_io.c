/* test_facts_io.c - runner/facts_io.h and core/facts_text.h: facts on the wire (round
 * trip, bounds, hostile input), as JSON and for the terminal. */
#include "runner/facts_io.h"
#include "core/facts_text.h"
#include "tests/unit/unit.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static void sample(vs_facts *fs)
{
    vs_facts_init(fs);
    vs_fact_set_str(fs, VS_FK_PATH_TRANSPORT, "tcp");
    vs_fact_set_str(fs, VS_FK_NET_DRIVER, "vmxnet3 \"quoted\" \\ back");
    vs_fact_set_num(fs, VS_FK_NET_MTU, 9000);
    vs_fact_set_num(fs, VS_FK_NET_GRO, 0);
    vs_fact_set_num(fs, VS_FK_NET_TSO, 1);
    vs_fact_set_num(fs, VS_FK_MEM_TOTAL, 25276510208ull);
    vs_fact_set_unknown(fs, VS_FK_CPU_GOVERNOR, "no cpufreq policy");
}

static void test_json(void)
{
    vs_facts fs;
    vs_json j;
    json_t *root, *v;
    json_error_t err;

    sample(&fs);
    vs_json_init(&j, 0);
    vs_facts_json(&j, NULL, &fs);
    root = json_loads(vs_json_text(&j), 0, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(root);
    CU_ASSERT_EQUAL(json_object_size(root), 7); /* absent facts are left out */
    CU_ASSERT_STRING_EQUAL(json_string_value(json_object_get(root, "net.driver")),
                           "vmxnet3 \"quoted\" \\ back");
    CU_ASSERT_EQUAL(json_integer_value(json_object_get(root, "net.mtu")), 9000);
    CU_ASSERT(json_is_false(json_object_get(root, "net.gro")));
    CU_ASSERT(json_is_true(json_object_get(root, "net.tso")));
    CU_ASSERT_EQUAL(json_integer_value(json_object_get(root, "mem.total")), 25276510208ll);
    v = json_object_get(root, "cpu.governor");
    CU_ASSERT(json_is_object(v));
    CU_ASSERT_STRING_EQUAL(json_string_value(json_object_get(v, "unknown")),
                           "no cpufreq policy");
    json_decref(root);
    vs_json_free(&j);
}

static void test_wire_round_trip(void)
{
    vs_facts a, b;
    uint8_t buf[VS_FACTS_WIRE_MAX];
    vs_wbuf w;
    vs_rbuf r;

    sample(&a);
    vs_wbuf_init(&w, buf, sizeof buf);
    vs_facts_put(&w, &a);
    CU_ASSERT_FALSE(w.overflow);
    vs_rbuf_init(&r, buf, w.len);
    CU_ASSERT_EQUAL(vs_facts_get(&r, &b), 0);
    CU_ASSERT(vs_rbuf_done(&r));
    CU_ASSERT_EQUAL(vs_facts_diff(&a, &b, NULL, 0), 0);
    CU_ASSERT_STRING_EQUAL(b.f[VS_FK_CPU_GOVERNOR].text, "no cpufreq policy");
    /* every truncation is refused */
    for (size_t cut = 0; cut < w.len; cut++) {
        vs_rbuf_init(&r, buf, cut);
        CU_ASSERT(vs_facts_get(&r, &b) != 0 || !vs_rbuf_done(&r));
    }
    /* a short output buffer overflows instead of writing past its end */
    vs_wbuf_init(&w, buf, 20);
    vs_facts_put(&w, &a);
    CU_ASSERT_TRUE(w.overflow);
}

static void test_wire_bound(void)
{
    vs_facts a, b;
    static uint8_t buf[VS_FACTS_WIRE_MAX];
    char big[VS_FACT_TEXT_MAX];
    vs_wbuf w;
    vs_rbuf r;

    /* every fact present with the longest text still fits the bound */
    memset(big, 'z', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    vs_facts_init(&a);
    for (int k = 0; k < VS_FK_COUNT; k++)
        vs_fact_set_unknown(&a, (enum vs_fact_key)k, "%s", big);
    vs_wbuf_init(&w, buf, sizeof buf);
    vs_facts_put(&w, &a);
    CU_ASSERT_FALSE(w.overflow);
    vs_rbuf_init(&r, buf, w.len);
    CU_ASSERT_EQUAL(vs_facts_get(&r, &b), 0);
    CU_ASSERT_EQUAL(vs_facts_diff(&a, &b, NULL, 0), 0);
}

/* One hand-made wire fact: name, state, number, text. */
static size_t wire_one(uint8_t *buf, size_t cap, const char *name, uint8_t state,
                       uint64_t num, const char *text)
{
    vs_wbuf w;

    vs_wbuf_init(&w, buf, cap);
    vs_put_u8(&w, VS_FACTS_WIRE_VERSION);
    vs_put_u8(&w, 1);
    vs_put_str(&w, name);
    vs_put_u8(&w, state);
    vs_put_u64(&w, num);
    vs_put_str(&w, text);
    return w.len;
}

static void test_wire_hostile(void)
{
    uint8_t buf[1024];
    char big[600];
    vs_facts b;
    vs_rbuf r;
    size_t n;

    n = wire_one(buf, sizeof buf, "net.future_fact", 1, 5, "x"); /* unknown name: skipped */
    vs_rbuf_init(&r, buf, n);
    CU_ASSERT(vs_facts_get(&r, &b) == 0 && vs_rbuf_done(&r));
    CU_ASSERT_EQUAL(vs_facts_diff(&b, &(vs_facts){ 0 }, NULL, 0), 0);
    n = wire_one(buf, sizeof buf, "net.gro", 1, 7, ""); /* a boolean of 7 */
    vs_rbuf_init(&r, buf, n);
    CU_ASSERT_EQUAL(vs_facts_get(&r, &b), -1);
    n = wire_one(buf, sizeof buf, "net.mtu", 9, 1500, ""); /* no such state */
    vs_rbuf_init(&r, buf, n);
    CU_ASSERT_EQUAL(vs_facts_get(&r, &b), -1);
    memset(big, 'a', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    n = wire_one(buf, sizeof buf, "net.driver", 1, 0, big); /* over-long text */
    vs_rbuf_init(&r, buf, n);
    CU_ASSERT_EQUAL(vs_facts_get(&r, &b), -1);
    n = wire_one(buf, sizeof buf, "net.driver", 1, 0, "\033[2Jveth\r\n"); /* re-sanitized */
    vs_rbuf_init(&r, buf, n);
    CU_ASSERT_EQUAL(vs_facts_get(&r, &b), 0);
    CU_ASSERT_STRING_EQUAL(b.f[VS_FK_NET_DRIVER].text, "?[2Jveth");
    buf[0] = 99; /* another wire version */
    vs_rbuf_init(&r, buf, n);
    CU_ASSERT_EQUAL(vs_facts_get(&r, &b), -1);
}

static void test_display(void)
{
    vs_facts fs;
    char buf[64];

    sample(&fs);
    vs_fact_set_num(&fs, VS_FK_NET_WMEM_MAX, 212992);
    CU_ASSERT_STRING_EQUAL(vs_facts_display(&fs, VS_FK_MEM_TOTAL, buf, sizeof buf), "23.5 GiB");
    CU_ASSERT_STRING_EQUAL(vs_facts_display(&fs, VS_FK_NET_WMEM_MAX, buf, sizeof buf), "208K");
    CU_ASSERT_STRING_EQUAL(vs_facts_display(&fs, VS_FK_NET_GRO, buf, sizeof buf), "off");
    CU_ASSERT_STRING_EQUAL(vs_facts_display(&fs, VS_FK_CPU_GOVERNOR, buf, sizeof buf),
                           "unknown (no cpufreq policy)");
}

static const CU_TestInfo tests[] = {
    { "JSON", test_json },
    { "wire round trip", test_wire_round_trip },
    { "wire bound", test_wire_bound },
    { "wire hostile input", test_wire_hostile },
    { "display", test_display },
    CU_TEST_INFO_NULL,
};

VS_UNIT_SUITE("facts_io", tests)
