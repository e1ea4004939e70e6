/*
 * cidr.h - IP address ranges for `vsbench serve --allow CIDR`: IPv4
 * ("10.0.0.0/8", "192.0.2.7" = /32) and IPv6 ("fd00::/8", "::1" = /128).
 * An IPv4 client that reaches an IPv6 listener appears as ::ffff:a.b.c.d
 * and is matched as the IPv4 address it is. Parsing uses the OS's
 * inet_pton (the one reason this lives in platform/).
 */
#ifndef VS_CIDR_H
#define VS_CIDR_H

#include <stdint.h>

#include "platform/err.h"

typedef struct vs_cidr {
    int v6;            /* 0: IPv4 (addr[0..4)), 1: IPv6 */
    uint8_t addr[16];  /* host bits cleared */
    int bits;          /* prefix length */
} vs_cidr;

/* Parse "ADDR[/BITS]"; a usage error quotes the text. Host bits set
 * below the prefix are refused ("10.0.0.1/8" is probably a typo). */
int vs_cidr_parse(const char *text, vs_cidr *out, vs_err *e);

/* 1 when the numeric address `ip` (as vs_sock_peer_addr gives it) lies in
 * range `c`; 0 otherwise, also for text that is not an address. */
int vs_cidr_match(const vs_cidr *c, const char *ip);

#endif
