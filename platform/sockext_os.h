/*
 * sockext_os.h - the OS half of sockext.h, for sockext.c only:
 * sockext_posix.c (Linux's socket options; other POSIX systems refuse)
 * and sockext_win.c (Windows refuses, or has nothing to set). sockext.c
 * holds what every OS shares: which transports take which option, the
 * congestion control name checked and read back. Not for other modules.
 */
#ifndef VS_SOCKEXT_OS_H
#define VS_SOCKEXT_OS_H

#include "platform/sockext.h"

#ifdef __linux__
#include <sys/socket.h>
#endif

/* 1 where the OS file sends with MSG_ZEROCOPY (it then defines vs_zc_send
 * and vs_zc_drain); elsewhere sockext.c defines them as plain sends,
 * which nothing reaches while vs_os_zc_enable refuses. */
#if defined(__linux__) && defined(SO_ZEROCOPY) && defined(MSG_ZEROCOPY)
#define VS_OS_ZEROCOPY 1
#else
#define VS_OS_ZEROCOPY 0
#endif

/* Congestion control `name` (a well-formed name) on the TCP socket s: 0,
 * or VS_ERR_UNSUPPORTED with the algorithms this machine offers, or with
 * why this OS cannot choose one. */
int vs_os_set_congestion(vs_sock s, const char *name, vs_err *e);

/* Zero-copy sends on s (tcp or vsock): 0, or VS_ERR_UNSUPPORTED naming
 * what refused them. */
int vs_os_zc_enable(vs_sock s, enum vs_transport tr, vs_err *e);

/* SO_RCVLOWAT `bytes` (more than 0) on the TCP socket s: 0, or
 * VS_ERR_RUNTIME; 0 where the OS has no such option. */
int vs_os_set_rcvlowat(vs_sock s, uint32_t bytes, vs_err *e);

#endif
