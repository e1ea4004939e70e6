/*
 * hvsock.h - Hyper-V socket addressing, OS-independent so it can be
 * tested anywhere. A VM id is a GUID or one of the well-known words; a
 * vsock-style port P is the service GUID P-facb-11e6-bd58-64006a7986d3,
 * which is what Linux guests' AF_VSOCK (hv_sock) uses, so a Windows host
 * and a Linux guest interoperate.
 */
#ifndef VS_HVSOCK_H
#define VS_HVSOCK_H

#include <stddef.h>
#include <stdint.h>

#include "platform/err.h"

/* Same layout as the Windows GUID structure. */
typedef struct vs_guid {
    uint32_t d1;
    uint16_t d2;
    uint16_t d3;
    uint8_t d4[8];
} vs_guid;

/* "parent", "children", "loopback", "any"/"wildcard" or a GUID
 * ("a42e7cda-d03f-480c-9cc2-a4de20abb878", braces optional). */
int vs_hvsock_vmid_parse(const char *text, vs_guid *out, vs_err *e);

/* The service GUID of a vsock-style port. */
void vs_hvsock_service_guid(uint32_t port, vs_guid *out);

/* Lower-case text, no braces. */
const char *vs_guid_format(const vs_guid *g, char *buf, size_t n);

/* Parse GUID text; 0 on success. */
int vs_guid_parse(const char *text, vs_guid *out);

#endif
