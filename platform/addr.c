/* addr.c - see addr.h. Pure string handling, no OS calls. */
#include "platform/addr.h"
#include "platform/hvsock.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Parse a decimal number in [min, max]; the whole string must be digits. */
static int parse_u32(const char *s, uint32_t min, uint32_t max, uint32_t *out)
{
    char *end;
    unsigned long long v;

    if (*s == '\0' || !isdigit((unsigned char)*s))
        return -1;
    errno = 0;
    v = strtoull(s, &end, 10);
    if (errno != 0 || *end != '\0' || v < min || v > max)
        return -1;
    *out = (uint32_t)v;
    return 0;
}

static int parse_port(const char *s, const char *whole, uint32_t max,
                      vs_addr *a, vs_err *e)
{
    if (parse_u32(s, 0, max, &a->port) != 0)
        return vs_err_set(e, VS_ERR_USAGE, "bad port '%s' in '%s' (0-%lu)",
                          s, whole, (unsigned long)max);
    a->has_port = 1;
    return 0;
}

int vs_cid_parse(const char *text, uint32_t *out, vs_err *e)
{
    if (strcmp(text, "any") == 0)
        *out = VS_CID_ANY;
    else if (strcmp(text, "local") == 0)
        *out = VS_CID_LOCAL;
    else if (strcmp(text, "host") == 0)
        *out = VS_CID_HOST;
    else if (parse_u32(text, 0, 0xFFFFFFFEu, out) != 0)
        return vs_err_set(e, VS_ERR_USAGE,
                          "bad vsock CID '%s' (a number, any, local or host)",
                          text);
    return 0;
}

/* Copy [s, s+len) into dst (size n) or fail if it does not fit. */
static int copy_part(char *dst, size_t n, const char *s, size_t len)
{
    if (len >= n)
        return -1;
    memcpy(dst, s, len);
    dst[len] = '\0';
    return 0;
}

/* HOST[:PORT] or [V6][:PORT] */
static int parse_tcp(const char *s, const char *whole, vs_addr *a, vs_err *e)
{
    const char *colon;
    size_t hlen;

    if (*s == '[') {
        const char *close = strchr(s, ']');
        if (close == NULL)
            return vs_err_set(e, VS_ERR_USAGE, "missing ']' in '%s'", whole);
        if (copy_part(a->host, sizeof a->host, s + 1, (size_t)(close - s - 1)))
            return vs_err_set(e, VS_ERR_USAGE, "host too long in '%s'", whole);
        if (close[1] == ':')
            return parse_port(close + 2, whole, 65535, a, e);
        if (close[1] != '\0')
            return vs_err_set(e, VS_ERR_USAGE, "unexpected '%s' after ']' in '%s'",
                              close + 1, whole);
    } else {
        colon = strchr(s, ':');
        if (colon != NULL && strchr(colon + 1, ':') != NULL)
            return vs_err_set(e, VS_ERR_USAGE,
                              "IPv6 address '%s' needs brackets, e.g. tcp:[::1]:%u",
                              s, VS_DEFAULT_PORT);
        hlen = colon ? (size_t)(colon - s) : strlen(s);
        if (copy_part(a->host, sizeof a->host, s, hlen))
            return vs_err_set(e, VS_ERR_USAGE, "host too long in '%s'", whole);
        if (colon != NULL && parse_port(colon + 1, whole, 65535, a, e) != 0)
            return -1;
    }
    if (a->host[0] == '\0')
        return vs_err_set(e, VS_ERR_USAGE, "missing host in '%s'", whole);
    return 0;
}

/* ID[:PORT] for vsock and hvsock; the id is a CID or a GUID/word. */
static int parse_vm(const char *s, const char *whole, vs_addr *a, vs_err *e)
{
    const char *colon = strrchr(s, ':');
    char id[VS_HOST_MAX];
    size_t idlen = colon ? (size_t)(colon - s) : strlen(s);

    if (copy_part(id, sizeof id, s, idlen) || idlen == 0)
        return vs_err_set(e, VS_ERR_USAGE, "missing or too long %s in '%s'",
                          a->tr == VS_TR_VSOCK ? "CID" : "VM id", whole);
    if (colon != NULL &&
        parse_port(colon + 1, whole, a->tr == VS_TR_VSOCK ? 0xFFFFFFFEu : 0x7FFFFFFFu,
                   a, e) != 0)
        return -1;
    if (a->tr == VS_TR_VSOCK) {
        if (vs_cid_parse(id, &a->cid, e) != 0)
            return vs_err_prefix(e, "in '%s'", whole);
        return 0;
    }
    memcpy(a->host, id, idlen + 1);
    vs_guid g;
    if (vs_hvsock_vmid_parse(a->host, &g, e) != 0)
        return vs_err_prefix(e, "in '%s'", whole);
    return 0;
}

int vs_addr_parse(const char *text, vs_addr *a, vs_err *e)
{
    const char *colon = strchr(text, ':');

    memset(a, 0, sizeof *a);
    a->port = VS_DEFAULT_PORT;
    if (text[0] == '\0')
        return vs_err_set(e, VS_ERR_USAGE, "empty address");
    if (strncmp(text, "unix:", 5) == 0) {
        a->tr = VS_TR_UNIX;
        if (text[5] == '\0')
            return vs_err_set(e, VS_ERR_USAGE, "missing path in '%s'", text);
        if (copy_part(a->path, sizeof a->path, text + 5, strlen(text + 5)))
            return vs_err_set(e, VS_ERR_USAGE,
                              "unix path in '%s' is longer than %d bytes",
                              text, VS_PATH_MAX - 1);
        return 0;
    }
    if (strncmp(text, "vsock:", 6) == 0) {
        a->tr = VS_TR_VSOCK;
        return parse_vm(text + 6, text, a, e);
    }
    if (strncmp(text, "hvsock:", 7) == 0) {
        a->tr = VS_TR_HVSOCK;
        return parse_vm(text + 7, text, a, e);
    }
    a->tr = VS_TR_TCP;
    if (strncmp(text, "tcp:", 4) == 0)
        return parse_tcp(text + 4, text, a, e);
    /* A bare host: "name", "name:port", "[v6]:port". Anything else with a
     * non-numeric part after the first colon is a misspelt transport. */
    if (colon != NULL && text[0] != '[' && strchr(colon + 1, ':') == NULL &&
        !isdigit((unsigned char)colon[1]))
        return vs_err_set(e, VS_ERR_USAGE,
                          "unknown transport '%.*s:' in '%s' (use tcp:, unix:, "
                          "vsock: or hvsock:)", (int)(colon - text), text, text);
    return parse_tcp(text, text, a, e);
}

static const char *cid_text(uint32_t cid, char *buf, size_t n)
{
    if (cid == VS_CID_ANY)
        return "any";
    snprintf(buf, n, "%lu", (unsigned long)cid);
    return buf;
}

const char *vs_addr_format(const vs_addr *a, char *buf, size_t n)
{
    char cid[16];

    switch (a->tr) {
    case VS_TR_UNIX:
        snprintf(buf, n, "unix:%s", a->path);
        break;
    case VS_TR_VSOCK:
        snprintf(buf, n, "vsock:%s:%lu", cid_text(a->cid, cid, sizeof cid),
                 (unsigned long)a->port);
        break;
    case VS_TR_HVSOCK:
        snprintf(buf, n, "hvsock:%s:%lu", a->host, (unsigned long)a->port);
        break;
    default:
        if (strchr(a->host, ':') != NULL)
            snprintf(buf, n, "tcp:[%s]:%lu", a->host, (unsigned long)a->port);
        else
            snprintf(buf, n, "tcp:%s:%lu", a->host, (unsigned long)a->port);
        break;
    }
    return buf;
}

const char *vs_addr_host_text(const vs_addr *a, char *buf, size_t n)
{
    char cid[16];

    switch (a->tr) {
    case VS_TR_UNIX:
        snprintf(buf, n, "unix");
        break;
    case VS_TR_VSOCK:
        snprintf(buf, n, "vsock:%s", cid_text(a->cid, cid, sizeof cid));
        break;
    case VS_TR_HVSOCK:
        snprintf(buf, n, "hvsock:%s", a->host);
        break;
    default:
        snprintf(buf, n, strchr(a->host, ':') != NULL ? "tcp:[%s]" : "tcp:%s", a->host);
        break;
    }
    return buf;
}
