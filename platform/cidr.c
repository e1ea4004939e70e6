/* cidr.c - see cidr.h. */
#include "platform/cidr.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* inet_pton is BSD's on both systems; only the headers differ. */
#ifdef _WIN32
#include <winsock2.h>
#include <ws2tcpip.h>
#else
#include <arpa/inet.h>
#endif

/* An address as 16 bytes; IPv4 (and IPv4-mapped IPv6) in the first 4
 * with *v6 = 0. 0 on success. */
static int parse_ip(const char *text, uint8_t out[16], int *v6)
{
    static const uint8_t mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF };

    memset(out, 0, 16);
    if (inet_pton(AF_INET, text, out) == 1) {
        *v6 = 0;
        return 0;
    }
    if (inet_pton(AF_INET6, text, out) != 1)
        return -1;
    *v6 = 1;
    if (memcmp(out, mapped, sizeof mapped) == 0) {
        memmove(out, out + 12, 4);
        memset(out + 4, 0, 12);
        *v6 = 0;
    }
    return 0;
}

/* 1 when the first `bits` bits of a and b are equal. */
static int prefix_equal(const uint8_t *a, const uint8_t *b, int bits)
{
    int whole = bits / 8, rest = bits % 8;
    uint8_t mask = (uint8_t)(0xFF << (8 - rest));

    if (memcmp(a, b, (size_t)whole) != 0)
        return 0;
    return rest == 0 || ((a[whole] ^ b[whole]) & mask) == 0;
}

int vs_cidr_parse(const char *text, vs_cidr *out, vs_err *e)
{
    char ip[64];
    const char *slash = strchr(text, '/');
    size_t n = slash != NULL ? (size_t)(slash - text) : strlen(text);
    int max;

    if (n == 0 || n >= sizeof ip)
        return vs_err_set(e, VS_ERR_USAGE, "--allow '%s': not an address range", text);
    memcpy(ip, text, n);
    ip[n] = '\0';
    if (parse_ip(ip, out->addr, &out->v6) != 0)
        return vs_err_set(e, VS_ERR_USAGE, "--allow '%s': '%s' is not an IPv4 or IPv6 "
                          "address (ranges are numeric: 10.0.0.0/8, fd00::/8)", text, ip);
    max = out->v6 ? 128 : 32;
    out->bits = max;
    if (slash != NULL) {
        char *end;
        long b = strtol(slash + 1, &end, 10);
        if (slash[1] < '0' || slash[1] > '9' || *end != '\0' || b < 0 || b > max)
            return vs_err_set(e, VS_ERR_USAGE, "--allow '%s': the prefix length must be "
                              "0 to %d", text, max);
        out->bits = (int)b;
    }
    for (int i = out->bits; i < max; i++) /* host bits must be clear */
        if (out->addr[i / 8] & (0x80 >> (i % 8)))
            return vs_err_set(e, VS_ERR_USAGE, "--allow '%s': address bits are set beyond "
                              "the /%d prefix (did you mean the network's address?)", text,
                              out->bits);
    return 0;
}

int vs_cidr_match(const vs_cidr *c, const char *ip)
{
    uint8_t a[16];
    int v6;

    if (parse_ip(ip, a, &v6) != 0 || v6 != c->v6)
        return 0;
    return prefix_equal(a, c->addr, c->bits);
}
