/* hvsock.c - see hvsock.h. */
#include "platform/hvsock.h"

#include <stdio.h>
#include <string.h>

static const struct {
    const char *word;
    const char *guid;
} vmid_words[] = {
    { "any", "00000000-0000-0000-0000-000000000000" },      /* HV_GUID_WILDCARD */
    { "wildcard", "00000000-0000-0000-0000-000000000000" },
    { "children", "90db8b89-0d35-4f79-8ce9-49ea0ac8b7cd" }, /* HV_GUID_CHILDREN */
    { "loopback", "e0e16197-dd56-4a10-9195-5ee7a155a838" }, /* HV_GUID_LOOPBACK */
    { "parent", "a42e7cda-d03f-480c-9cc2-a4de20abb878" },   /* HV_GUID_PARENT */
};

int vs_guid_parse(const char *text, vs_guid *g)
{
    unsigned d1, d2, d3, b[8];
    char tail;
    size_t len = strlen(text);
    char buf[40];

    if (len == 38 && text[0] == '{' && text[37] == '}') {
        memcpy(buf, text + 1, 36);
        buf[36] = '\0';
        text = buf;
    } else if (len != 36) {
        return -1;
    }
    if (sscanf(text, "%8x-%4x-%4x-%2x%2x-%2x%2x%2x%2x%2x%2x%c", &d1, &d2, &d3, &b[0],
               &b[1], &b[2], &b[3], &b[4], &b[5], &b[6], &b[7], &tail) != 11)
        return -1;
    for (int i = 0; i < 36; i++) {
        int dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash != (text[i] == '-'))
            return -1;
    }
    g->d1 = d1;
    g->d2 = (uint16_t)d2;
    g->d3 = (uint16_t)d3;
    for (int i = 0; i < 8; i++)
        g->d4[i] = (uint8_t)b[i];
    return 0;
}

const char *vs_guid_format(const vs_guid *g, char *buf, size_t n)
{
    snprintf(buf, n, "%08lx-%04x-%04x-%02x%02x-%02x%02x%02x%02x%02x%02x",
             (unsigned long)g->d1, g->d2, g->d3, g->d4[0], g->d4[1], g->d4[2], g->d4[3],
             g->d4[4], g->d4[5], g->d4[6], g->d4[7]);
    return buf;
}

int vs_hvsock_vmid_parse(const char *text, vs_guid *out, vs_err *e)
{
    for (size_t i = 0; i < sizeof vmid_words / sizeof vmid_words[0]; i++)
        if (strcmp(text, vmid_words[i].word) == 0)
            return vs_guid_parse(vmid_words[i].guid, out);
    if (vs_guid_parse(text, out) != 0)
        return vs_err_set(e, VS_ERR_USAGE,
                          "bad Hyper-V VM id '%s' (a GUID, or parent, children, "
                          "loopback, any)", text);
    return 0;
}

void vs_hvsock_service_guid(uint32_t port, vs_guid *out)
{
    static const vs_guid tmpl = { 0, 0xfacb, 0x11e6,
                                  { 0xbd, 0x58, 0x64, 0x00, 0x6a, 0x79, 0x86, 0xd3 } };

    *out = tmpl;
    out->d1 = port;
}
