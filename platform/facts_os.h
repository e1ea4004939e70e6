/*
 * facts_os.h - the OS half of vs_facts_machine (facts.h), for facts.c
 * only: facts_posix.c reads sysfs and procfs, facts_win.c the Windows
 * APIs. Not for other modules.
 */
#ifndef VS_FACTS_OS_H
#define VS_FACTS_OS_H

#include "platform/facts.h"

/* Set the machine facts the OS tells (see the table's sources); `root`
 * prefixes Linux's /sys and /proc paths. Facts left absent become unknown
 * afterwards. */
void vs_facts_machine_os(const char *root, const vs_host *si, vs_facts *out);

#endif
