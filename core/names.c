/* names.c - see names.h. */
#include "core/names.h"

#include <string.h>

static const char *const transport_names[VS_TR_COUNT] = { "tcp", "vsock", "unix", "hvsock" };
static const char *const test_names[VS_TEST_COUNT] = { "stream", "maerts", "rr", "crr" };

int vs_name_index(const char *const *names, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (strcmp(name, names[i]) == 0)
            return i;
    return -1;
}

const char *vs_transport_name(enum vs_transport tr)
{
    return (unsigned)tr < VS_TR_COUNT ? transport_names[tr] : "?";
}

int vs_transport_parse(const char *name, enum vs_transport *out, vs_err *e)
{
    int i = vs_name_index(transport_names, VS_TR_COUNT, name);

    if (i < 0)
        return vs_err_set(e, VS_ERR_USAGE,
                          "unknown transport '%.64s' (use tcp, vsock, unix or hvsock)", name);
    *out = (enum vs_transport)i;
    return 0;
}

const char *vs_test_name(enum vs_test t)
{
    return (unsigned)t < VS_TEST_COUNT ? test_names[t] : "?";
}

int vs_test_parse(const char *name, enum vs_test *out, vs_err *e)
{
    int i = vs_name_index(test_names, VS_TEST_COUNT, name);

    if (i < 0)
        return vs_err_set(e, VS_ERR_USAGE, "unknown test '%.64s' (use stream, maerts, rr or crr)",
                          name);
    *out = (enum vs_test)i;
    return 0;
}

int vs_test_is_rr(enum vs_test t)
{
    return t == VS_TEST_RR || t == VS_TEST_CRR;
}

int vs_congestion_name_ok(const char *name)
{
    size_t n = strlen(name);

    if (n < 1 || n >= VS_CC_NAME_MAX)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = name[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-'))
            return 0;
    }
    return 1;
}
