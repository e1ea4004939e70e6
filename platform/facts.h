/*
 * facts.h - collecting the facts of core/facts.h: the settings of this
 * machine and the data path of a connected socket.
 *
 * Collection is cheap (a few ms: sysfs reads, a few ioctls, one netlink
 * dump): call vs_facts_machine once per sweep and vs_facts_path once per
 * connection, never in a send/receive loop. It never opens a connection.
 * Implementations: facts.c (the portable flow), facts_posix.c and
 * facts_path_posix.c (Linux), facts_win.c and facts_path_win.c; the pure
 * parsers they share are in facts_parse.h and facts_netparse.h.
 */
#ifndef VS_FACTS_H
#define VS_FACTS_H

#include "core/facts.h"
#include "core/host.h"
#include "platform/net.h"

/* ---- collection (facts_posix.c / facts_win.c) ------------------------------- */

/* Machine facts: settings read now plus those `si` already holds (OS,
 * kernel, CPU model, hypervisor, socket limits). Sets every machine fact
 * to a value or unknown. */
void vs_facts_machine(const vs_host *si, vs_facts *out);

/* The same with Linux's /sys and /proc read below `root` ("" for the real
 * ones): tests use recorded trees. Windows ignores `root`. */
void vs_facts_machine_at(const char *root, const vs_host *si, vs_facts *out);

/* The data path of connected socket `s` of transport `tr` (path facts;
 * the rest of `out` is untouched): for TCP the interface the traffic uses
 * and its driver, MTU, offloads, queues, qdisc and the connection's
 * congestion control; for vsock the transport module and its version; for
 * unix only the transport (no device is involved). Works on a client's
 * and on an accepted socket. Never sends or receives on `s`. */
void vs_facts_path(vs_sock s, enum vs_transport tr, vs_facts *out);

#endif
