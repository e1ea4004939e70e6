/*
 * hostwire.h - a host's facts (core/host.h) on the wire, in the server's
 * WELCOME: the encoding follows the member table vs_host_fields(), so a
 * fact added there travels without any change here.
 *
 * Layout (wire.h types):
 *   u16 count, then per fact:  str name, u8 kind (enum vs_host_kind),
 *                              block value (u16 length, bytes)
 *   u16 count, then per transport: str name, u8 available, str detail
 * Values: text = its bytes; int = i64 (two's complement as u64);
 * u64 = u64; bool = u8 0/1; cid = empty (unknown, JSON null) or u32.
 *
 * The decoder is strict where it must be and tolerant where a newer peer
 * may differ: a fact or transport this build does not know (or a kind it
 * does not know) is skipped, never copied; a known fact with another
 * kind, a bad length, a value out of range or a fact given twice refuses
 * the message; text is cut to its field at a character boundary and
 * cleaned of control characters and bytes that are not UTF-8
 * (vs_get_text). Facts the peer did not send are left empty (0, "",
 * null). Pure functions of bytes.
 */
#ifndef VS_HOSTWIRE_H
#define VS_HOSTWIRE_H

#include "core/host.h"
#include "platform/err.h"
#include "runner/wire.h"

#define VS_HOSTWIRE_MAX_FACTS 512  /* facts one message may carry */
#define VS_HOSTWIRE_NAME_MAX 64    /* bytes of a fact's name, with the NUL */

/* Append the facts of `h`. */
void vs_host_put(vs_wbuf *w, const vs_host *h);

/* Read facts into `h` (zeroed first). -1 with VS_ERR_PROTOCOL naming the
 * fact on a refusal; truncation only marks `r` bad (the caller's
 * vs_rbuf_done check reports it). */
int vs_host_get(vs_rbuf *r, vs_host *h, vs_err *e);

#endif
