/*
 * facts_posix.h - helpers shared by the two Linux halves of facts.h
 * (facts_posix.c: the machine; facts_path_posix.c: a socket's data path).
 * Not for other modules.
 */
#ifndef VS_FACTS_POSIX_H
#define VS_FACTS_POSIX_H

#include <stddef.h>

/* Read the small file `path` (e.g. "/sys/...") below `root` ("" for the
 * real one) into buf (size n, terminated; longer files are cut). 0 on
 * success; -1 with "cannot read PATH: REASON" in why. */
int vs_fx_read(const char *root, const char *path, char *buf, size_t n, char *why,
               size_t wn);

/* 1 if `path` below `root` exists. */
int vs_fx_exists(const char *root, const char *path);

/* The vsock transport modules present (bit i: module i of
 * facts_netparse.h): /sys/module/NAME, or a registered virtio driver. */
unsigned vs_fx_vsock_loaded(const char *root);

#endif
