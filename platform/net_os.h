/*
 * net_os.h - the socket primitives that net.c builds its flows on.
 *
 * Private to platform/: nothing outside it includes this file. net.c holds
 * every flow of net.h once (resolve, listen, accept, connect, buffer sizes
 * and their read-back, addresses as text) and every message a user reads;
 * net_posix.c and net_win.c implement the primitives below: one system
 * call each, plus the translation of OS error codes and OS address layouts.
 *
 * A primitive that can fail returns 0 or the OS error code (errno or a
 * Winsock error); vs_os_err_kind() files such a code under a portable kind
 * and vs_sock_strerror() (net.h) gives its text.
 */
#ifndef VS_NET_OS_H
#define VS_NET_OS_H

#include <stdint.h>

#include "platform/net.h"

struct pollfd; /* from <poll.h> or <winsock2.h>, the same on both */

/* A socket address of any family in the OS's own layout (a struct
 * sockaddr_*); each implementation checks that its largest one fits. */
typedef struct vs_os_name {
    union {
        unsigned char bytes[128];
        uint64_t align;
    } sa;
    int len;    /* bytes of sa in use */
    int family; /* the OS's address family, for socket() */
    int proto;  /* the protocol for socket(): 0 except Hyper-V's */
} vs_os_name;

/* Portable kinds of OS error codes, for the messages net.c writes. */
enum vs_os_err {
    VS_OSE_OTHER = 0,
    VS_OSE_IN_PROGRESS,    /* a non-blocking connect has started */
    VS_OSE_REFUSED,        /* nobody listens there */
    VS_OSE_NO_ENTRY,       /* no such file (a unix socket path) */
    VS_OSE_TIMED_OUT,
    VS_OSE_UNREACHABLE,    /* host or network unreachable */
    VS_OSE_NO_FAMILY,      /* address family or transport device missing */
    VS_OSE_ADDR_IN_USE,
    VS_OSE_ACCESS,         /* permission denied */
    VS_OSE_ADDR_NOT_AVAIL, /* not an address of this machine */
    VS_OSE_INTERRUPTED,    /* a signal arrived (EINTR) */
    VS_OSE_NO_RESOURCES    /* out of descriptors or memory (EMFILE, ...) */
};

/* Socket options by what they mean. net.c knows where those live that
 * every OS names the BSD way; vs_os_opt_where names the others. */
enum vs_os_opt {
    VS_OPT_SNDBUF,        /* SO_SNDBUF; read back as bytes usable (net.h) */
    VS_OPT_RCVBUF,        /* SO_RCVBUF; likewise */
    VS_OPT_VSOCK_BUF,     /* the vsock (VMCI) stream buffer size */
    VS_OPT_VSOCK_BUF_MAX, /* its upper bound, raised before the size */
    VS_OPT_LISTEN_ADDR,   /* a listener's address policy: it may bind over
                             TIME_WAIT connections (SO_REUSEADDR on POSIX)
                             and no other socket may share its port
                             (SO_EXCLUSIVEADDRUSE on Windows, whose
                             SO_REUSEADDR would allow port stealing) */
    VS_OPT_NODELAY,       /* TCP_NODELAY: small writes leave at once */
    VS_OPT_ERROR          /* SO_ERROR, read only: a pending error code */
};

/* Where an option lives: setsockopt's level and name. */
typedef struct vs_os_optdef {
    int level;
    int name;
    const char *text; /* the OS's name, for messages */
} vs_os_optdef;

/* ---- provided by net.c for the implementations ------------------------- */

/* 1 when VSBENCH_NO_VSOCK is set (and not "0"): refuse every vsock socket. */
int vs_net_vsock_disabled(void);

/* ---- provided by net_posix.c and net_win.c ----------------------------- */

/* The portable kind of an OS error code. */
enum vs_os_err vs_os_err_kind(int err);

/* The socket name of a unix, vsock or hvsock address (tcp goes through
 * the resolver in net.c). VS_ERR_UNSUPPORTED when this OS lacks the
 * transport; checks VSBENCH_NO_VSOCK is the caller's job. */
int vs_os_name_of(const vs_addr *a, vs_os_name *out, vs_err *e);

/* Decode a unix, vsock or hvsock name into `out`: its transport and its
 * path, cid and port, or VM id and port (`out` is zeroed with has_port = 1
 * by the caller; unix clears has_port). -1 for another family. */
int vs_os_name_decode(const vs_os_name *sn, vs_addr *out);

/* A stream socket for `sn`, not inherited by child processes. */
int vs_os_socket(const vs_os_name *sn, vs_sock *out);

/* Bind to `sn` and listen (the first error of the two). */
int vs_os_listen(vs_sock s, const vs_os_name *sn, int backlog);

int vs_os_accept(vs_sock l, vs_sock *out);
int vs_os_connect(vs_sock s, const vs_os_name *sn);

/* The local (peer = 0) or remote (peer = 1) name of a socket. */
int vs_os_sockname(vs_sock s, int peer, vs_os_name *out);

/* Switch O_NONBLOCK / FIONBIO. */
int vs_os_set_nonblocking(vs_sock s, int on);

/* poll() over `fds` (a struct pollfd is BSD's on both systems): 0 with
 * the number of ready entries in `*ready`, or a code (kind
 * VS_OSE_INTERRUPTED when a signal arrived). */
int vs_os_poll(struct pollfd *fds, int n, int timeout_ms, int *ready);

/* Where this OS keeps VS_OPT_VSOCK_BUF, VS_OPT_VSOCK_BUF_MAX and
 * VS_OPT_LISTEN_ADDR: 0, or a code of kind VS_OSE_NO_FAMILY when it has
 * no such option (no vsock here). */
int vs_os_opt_where(enum vs_os_opt opt, vs_os_optdef *out);

/* Set (get = 0) or read (get = 1) the option at `where`. `val` points to
 * an int, or to a uint64_t for the vsock buffer options; `*len` is its
 * size. SO_SNDBUF and SO_RCVBUF are read back as bytes usable (net.h). */
int vs_os_sockopt(vs_sock s, const vs_os_optdef *where, int get, void *val, int *len);

/* Close a handle (never VS_SOCK_NONE). */
void vs_os_close(vs_sock s);

#endif
