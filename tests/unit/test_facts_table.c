/* test_facts_table.c - platform/facts.h: the fact table (and that
 * docs/files.md mirrors it), values, differences ranked by weight. Machine
 * facts from recorded Linux trees: test_facts_linux.c. */
#include "core/facts.h"
#include "tests/unit/unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void test_table(void)
{
    int path = 0, machine = 0;

    for (int k = 0; k < VS_FK_COUNT; k++) {
        const vs_fact_def *d = vs_fact_def_of((enum vs_fact_key)k);
        CU_ASSERT_PTR_NOT_NULL_FATAL(d);
        CU_ASSERT_PTR_NOT_NULL_FATAL(d->name);
        CU_ASSERT(strlen(d->name) > 0 && strlen(d->name) < 48);
        CU_ASSERT(d->label != NULL && d->source != NULL && d->source[0] != '\0');
        CU_ASSERT(d->weight >= 0 && d->weight <= 100);
        CU_ASSERT_EQUAL(vs_fact_key_by_name(d->name), k);
        path += d->scope == VS_FS_PATH;
        machine += d->scope == VS_FS_MACHINE;
    }
    CU_ASSERT(path > 10 && machine > 10);
    CU_ASSERT_PTR_NULL(vs_fact_def_of(VS_FK_COUNT));
    CU_ASSERT_EQUAL(vs_fact_key_by_name("net.nonsense"), -1);
    /* the brief's ranking: device and path settings before machine tuning */
    CU_ASSERT(vs_fact_def_of(VS_FK_NET_DRIVER)->weight > vs_fact_def_of(VS_FK_NET_MTU)->weight);
    CU_ASSERT(vs_fact_def_of(VS_FK_NET_MTU)->weight > vs_fact_def_of(VS_FK_NET_GRO)->weight);
    CU_ASSERT(vs_fact_def_of(VS_FK_NET_GRO)->weight > vs_fact_def_of(VS_FK_TCP_CC)->weight);
    CU_ASSERT(vs_fact_def_of(VS_FK_TCP_CC)->weight > vs_fact_def_of(VS_FK_NET_QDISC)->weight);
    CU_ASSERT(vs_fact_def_of(VS_FK_NET_QDISC)->weight >
              vs_fact_def_of(VS_FK_NET_RX_QUEUES)->weight);
    CU_ASSERT(vs_fact_def_of(VS_FK_NET_RX_QUEUES)->weight >
              vs_fact_def_of(VS_FK_CPU_GOVERNOR)->weight);
    CU_ASSERT(vs_fact_def_of(VS_FK_CPU_GOVERNOR)->weight >
              vs_fact_def_of(VS_FK_CPU_MITIGATIONS)->weight);
    CU_ASSERT(vs_fact_def_of(VS_FK_CPU_MITIGATIONS)->weight >
              vs_fact_def_of(VS_FK_CLOCK_SOURCE)->weight);
}

/* docs/files.md has a row "| `name` | label | weight | ..." per fact. */
static void test_docs_mirror_table(void)
{
    FILE *f = fopen("docs/files.md", "r");
    char *text = calloc(1, 1 << 20), row[256];
    size_t n;

    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_PTR_NOT_NULL_FATAL(text);
    n = fread(text, 1, (1 << 20) - 1, f);
    fclose(f);
    text[n] = '\0';
    for (int k = 0; k < VS_FK_COUNT; k++) {
        const vs_fact_def *d = vs_fact_def_of((enum vs_fact_key)k);
        snprintf(row, sizeof row, "| `%s` | %s | %d |", d->name, d->label, d->weight);
        if (strstr(text, row) == NULL)
            fprintf(stderr, "\ndocs/files.md lacks the row: %s\n", row);
        CU_ASSERT_PTR_NOT_NULL(strstr(text, row));
    }
    free(text);
}

static void test_values(void)
{
    vs_facts fs;
    char buf[160], big[400];

    vs_facts_init(&fs);
    CU_ASSERT_EQUAL(fs.f[VS_FK_NET_MTU].state, VS_FACT_ABSENT);
    CU_ASSERT_STRING_EQUAL(vs_fact_format(&fs, VS_FK_NET_MTU, buf, sizeof buf), "");
    vs_fact_set_num(&fs, VS_FK_NET_MTU, 9000);
    CU_ASSERT_STRING_EQUAL(vs_fact_format(&fs, VS_FK_NET_MTU, buf, sizeof buf), "9000");
    vs_fact_set_num(&fs, VS_FK_NET_GRO, 7);
    CU_ASSERT_EQUAL(fs.f[VS_FK_NET_GRO].num, 1);
    CU_ASSERT_STRING_EQUAL(vs_fact_format(&fs, VS_FK_NET_GRO, buf, sizeof buf), "on");
    vs_fact_set_str(&fs, VS_FK_NET_DRIVER, " vmxnet3\n");
    CU_ASSERT_STRING_EQUAL(vs_fact_format(&fs, VS_FK_NET_DRIVER, buf, sizeof buf), "vmxnet3");
    vs_fact_set_text(&fs, VS_FK_NET_DRIVER, "\n\t \n", 4);
    CU_ASSERT_EQUAL(fs.f[VS_FK_NET_DRIVER].state, VS_FACT_UNKNOWN);
    CU_ASSERT_STRING_EQUAL(vs_fact_format(&fs, VS_FK_NET_DRIVER, buf, sizeof buf),
                           "unknown (empty value)");
    memset(big, 'r', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    vs_fact_set_unknown(&fs, VS_FK_TCP_CC, "because %s\n\033", big);
    CU_ASSERT(strlen(fs.f[VS_FK_TCP_CC].text) < VS_FACT_TEXT_MAX);
    CU_ASSERT(strncmp(fs.f[VS_FK_TCP_CC].text, "because rrr", 11) == 0);
    vs_facts_fill_unknown(&fs, VS_FS_MACHINE, "test");
    CU_ASSERT_EQUAL(fs.f[VS_FK_CLOCK_SOURCE].state, VS_FACT_UNKNOWN);
    CU_ASSERT_EQUAL(fs.f[VS_FK_NET_QDISC].state, VS_FACT_ABSENT);
    CU_ASSERT_EQUAL(fs.f[VS_FK_NET_MTU].num, 9000);
}

static void test_diff_ranked(void)
{
    vs_facts a, b;
    enum vs_fact_key out[VS_FK_COUNT];

    vs_facts_init(&a);
    vs_fact_set_num(&a, VS_FK_NET_MTU, 1500);
    vs_fact_set_num(&a, VS_FK_NET_GRO, 1);
    vs_fact_set_str(&a, VS_FK_CLOCK_SOURCE, "tsc");
    vs_fact_set_str(&a, VS_FK_CPU_GOVERNOR, "performance");
    vs_fact_set_str(&a, VS_FK_NET_DRIVER, "veth");
    vs_fact_set_unknown(&a, VS_FK_NET_FIRMWARE, "the driver reports none");
    b = a;
    CU_ASSERT_EQUAL(vs_facts_diff(&a, &b, out, VS_FK_COUNT), 0);
    /* changed in the reverse of their weight order */
    vs_fact_set_str(&b, VS_FK_CLOCK_SOURCE, "kvm-clock");
    vs_fact_set_str(&b, VS_FK_CPU_GOVERNOR, "powersave");
    vs_fact_set_num(&b, VS_FK_NET_GRO, 0);
    vs_fact_set_num(&b, VS_FK_NET_MTU, 9000);
    vs_fact_set_unknown(&b, VS_FK_NET_FIRMWARE, "another reason"); /* same: unknown */
    CU_ASSERT_EQUAL(vs_facts_diff(&a, &b, out, VS_FK_COUNT), 4);
    CU_ASSERT_EQUAL(out[0], VS_FK_NET_MTU);
    CU_ASSERT_EQUAL(out[1], VS_FK_NET_GRO);
    CU_ASSERT_EQUAL(out[2], VS_FK_CPU_GOVERNOR);
    CU_ASSERT_EQUAL(out[3], VS_FK_CLOCK_SOURCE);
    /* a bounded output still counts everything */
    CU_ASSERT_EQUAL(vs_facts_diff(&a, &b, out, 1), 4);
    CU_ASSERT_EQUAL(out[0], VS_FK_NET_MTU);
    /* known versus unknown, and present versus absent, are differences */
    b = a;
    vs_fact_set_unknown(&b, VS_FK_NET_DRIVER, "ETHTOOL_GDRVINFO: Operation not supported");
    b.f[VS_FK_CLOCK_SOURCE].state = VS_FACT_ABSENT;
    CU_ASSERT_EQUAL(vs_facts_diff(&a, &b, out, VS_FK_COUNT), 2);
    CU_ASSERT_EQUAL(out[0], VS_FK_NET_DRIVER);
}

static const CU_TestInfo tests[] = {
    { "table", test_table },
    { "docs/files.md mirrors the table", test_docs_mirror_table },
    { "values", test_values },
    { "differences ranked", test_diff_ranked },
    CU_TEST_INFO_NULL,
};

VS_UNIT_SUITE("facts", tests)
