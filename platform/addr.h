/*
 * addr.h - the one address syntax used everywhere (see docs/vsbench.1):
 *
 *   tcp:HOST[:PORT]      IPv4, host name, or [IPv6] in brackets
 *   unix:PATH            same-host baseline
 *   vsock:CID[:PORT]     CID number or any | local (1) | host (2)
 *   hvsock:VMID[:PORT]   Hyper-V VM id (GUID) or parent | children |
 *                        loopback | any
 *   HOST[:PORT]          a bare host means tcp
 *
 * Parsing and formatting are pure string work; opening sockets for an
 * address lives in net.h.
 */
#ifndef VS_ADDR_H
#define VS_ADDR_H

#include <stddef.h>
#include <stdint.h>

#include "core/names.h"
#include "platform/err.h"

#define VS_DEFAULT_PORT 5301u       /* control port for tcp, vsock, hvsock */
#define VS_CID_ANY 0xFFFFFFFFu      /* VMADDR_CID_ANY */
#define VS_CID_LOCAL 1u             /* VMADDR_CID_LOCAL (loopback) */
#define VS_CID_HOST 2u              /* VMADDR_CID_HOST */
#define VS_HOST_MAX 256
#define VS_PATH_MAX 108             /* sun_path on Linux */

typedef struct vs_addr {
    enum vs_transport tr;
    char host[VS_HOST_MAX]; /* tcp: name or literal, no brackets;
                               hvsock: VM id as GUID text or word */
    char path[VS_PATH_MAX]; /* unix */
    uint32_t cid;           /* vsock */
    uint32_t port;          /* tcp, vsock, hvsock */
    int has_port;           /* 1 when the text named a port */
} vs_addr;

/* Parse `text` into `out`. A missing port is left as has_port = 0 and
 * port = VS_DEFAULT_PORT. Errors (VS_ERR_USAGE) quote the bad part. */
int vs_addr_parse(const char *text, vs_addr *out, vs_err *e);

/* Format as canonical text (inverse of parse), e.g. "tcp:[::1]:5301". */
const char *vs_addr_format(const vs_addr *a, char *buf, size_t n);

/* The host part only ("tcp:[::1]", "vsock:3", "unix"), for data addresses
 * whose ports are assigned per session. */
const char *vs_addr_host_text(const vs_addr *a, char *buf, size_t n);

/* Parse a vsock CID word or number ("any", "local", "host", "3"). */
int vs_cid_parse(const char *text, uint32_t *out, vs_err *e);

#endif
