/* test_hvsock.c - Hyper-V VM ids and service GUIDs (platform/hvsock.h). */
#include "platform/hvsock.h"
#include "tests/unit/unit.h"

#include <string.h>

static void test_port_to_service_guid(void)
{
    vs_guid g;
    char buf[64];

    /* Linux hv_sock maps vsock port 5301 (0x14b5) to this service id. */
    vs_hvsock_service_guid(5301, &g);
    CU_ASSERT_STRING_EQUAL(vs_guid_format(&g, buf, sizeof buf),
                           "000014b5-facb-11e6-bd58-64006a7986d3");
}

static void test_vmid_words(void)
{
    vs_guid g;
    vs_err e;
    char buf[64];

    CU_ASSERT_EQUAL(vs_hvsock_vmid_parse("parent", &g, &e), 0);
    CU_ASSERT_STRING_EQUAL(vs_guid_format(&g, buf, sizeof buf),
                           "a42e7cda-d03f-480c-9cc2-a4de20abb878");
    CU_ASSERT_EQUAL(vs_hvsock_vmid_parse("loopback", &g, &e), 0);
    CU_ASSERT_EQUAL(g.d1, 0xe0e16197u);
    CU_ASSERT_EQUAL(vs_hvsock_vmid_parse("any", &g, &e), 0);
    CU_ASSERT_EQUAL(g.d1, 0);
    CU_ASSERT_EQUAL(g.d4[7], 0);
}

static void test_guid_text(void)
{
    vs_guid g;
    vs_err e;
    char buf[64];

    CU_ASSERT_EQUAL(vs_guid_parse("{90DB8B89-0D35-4F79-8CE9-49EA0AC8B7CD}", &g), 0);
    CU_ASSERT_STRING_EQUAL(vs_guid_format(&g, buf, sizeof buf),
                           "90db8b89-0d35-4f79-8ce9-49ea0ac8b7cd");
    CU_ASSERT_EQUAL(vs_guid_parse("90db8b89-0d35-4f79-8ce9-49ea0ac8b7c", &g), -1);
    CU_ASSERT_EQUAL(vs_guid_parse("90db8b89x0d35-4f79-8ce9-49ea0ac8b7cd", &g), -1);
    CU_ASSERT_EQUAL(vs_hvsock_vmid_parse("mother", &g, &e), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, "mother"));
}

static const CU_TestInfo tests[] = {
    { "port to service GUID", test_port_to_service_guid },
    { "VM id words", test_vmid_words },
    { "GUID text", test_guid_text },
    CU_TEST_INFO_NULL,
};

VS_UNIT_SUITE("hvsock", tests)
