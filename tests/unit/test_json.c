/* test_json.c - the JSON writer. */
#include "core/json.h"
#include "tests/unit/unit.h"

#include <math.h>

static void test_compact(void)
{
    vs_json j;

    vs_json_init(&j, 0);
    vs_json_obj_begin(&j, NULL);
    vs_json_str(&j, "a", "x\"y\\z\n");
    vs_json_int(&j, "b", -3);
    vs_json_arr_begin(&j, "c");
    vs_json_uint(&j, NULL, 18446744073709551615ull);
    vs_json_num(&j, NULL, 0.5);
    vs_json_num(&j, NULL, NAN);
    vs_json_bool(&j, NULL, 1);
    vs_json_null(&j, NULL);
    vs_json_arr_end(&j);
    vs_json_obj_begin(&j, "d");
    vs_json_obj_end(&j);
    vs_json_str(&j, "e", "\x01");
    vs_json_obj_end(&j);
    CU_ASSERT_STRING_EQUAL(vs_json_text(&j),
                           "{\"a\":\"x\\\"y\\\\z\\n\",\"b\":-3,\"c\":[18446744073709551615,"
                           "0.5,null,true,null],\"d\":{},\"e\":\"\\u0001\"}");
    vs_json_free(&j);
}

static void test_pretty(void)
{
    vs_json j;

    vs_json_init(&j, 1);
    vs_json_obj_begin(&j, NULL);
    vs_json_int(&j, "n", 1);
    vs_json_arr_begin(&j, "l");
    vs_json_arr_end(&j);
    vs_json_obj_end(&j);
    CU_ASSERT_STRING_EQUAL(vs_json_text(&j), "{\n  \"n\": 1,\n  \"l\": []\n}");
    vs_json_free(&j);
}

static const CU_TestInfo tests[] = {
    { "compact output and escapes", test_compact },
    { "pretty output", test_pretty },
    CU_TEST_INFO_NULL,
};

VS_UNIT_SUITE("json", tests)
