/*
 * net_dial.c - the parts of net.h for tests that open a connection per
 * transaction: a dialer that connects again and again to an address
 * resolved once, and an accept that gives up after a while so that its
 * caller can look at a stop flag. Built on the primitives of net_os.h
 * and the option setters of net.c.
 */
#include "platform/net.h"
#include "platform/net_os.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct vs_dialer {
    vs_os_name name;        /* the peer, as the OS wrote it */
    enum vs_transport tr;
    uint64_t bufsize;
    int timeout_ms;
    char text[160];         /* the peer, for messages */
};

/* A unix, vsock or hvsock peer name as the OS returned it, made again from
 * its address, so that it carries what socket() needs (Hyper-V's
 * protocol number). */
static int reencode(vs_os_name *name, vs_err *e)
{
    vs_addr a;

    memset(&a, 0, sizeof a);
    a.has_port = 1;
    if (vs_os_name_decode(name, &a) != 0)
        return vs_err_set(e, VS_ERR_RUNTIME, "unknown peer address family %d", name->family);
    return vs_os_name_of(&a, name, e);
}

int vs_dialer_new(vs_sock connected, enum vs_transport tr, uint64_t bufsize, int timeout_ms,
                  vs_dialer **out, vs_err *e)
{
    vs_dialer *d = calloc(1, sizeof *d);
    char why[128];
    int err;

    if (d == NULL)
        return vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
    err = vs_os_sockname(connected, 1, &d->name);
    if (err != 0) {
        free(d);
        return vs_err_set(e, VS_ERR_RUNTIME, "getpeername: %s",
                          vs_sock_strerror(err, why, sizeof why));
    }
    if (tr != VS_TR_TCP && reencode(&d->name, e) != 0) {
        free(d);
        return -1;
    }
    d->tr = tr;
    d->bufsize = bufsize;
    d->timeout_ms = timeout_ms;
    vs_sock_peer_text(connected, d->text, sizeof d->text);
    *out = d;
    return 0;
}

int vs_dialer_connect(const vs_dialer *d, vs_sock *out, vs_err *e)
{
    char why[128];
    vs_sock s;
    int err = vs_os_socket(&d->name, &s);

    if (err != 0)
        return vs_err_set(e, VS_ERR_RUNTIME, "socket(): %s",
                          vs_sock_strerror(err, why, sizeof why));
    if (vs_sock_set_bufsize(s, d->tr, d->bufsize, e) != 0 ||
        vs_sock_set_timeouts(s, d->timeout_ms, e) != 0 ||
        vs_sock_set_nodelay(s, d->tr, e) != 0) {
        vs_os_close(s);
        return -1;
    }
    err = vs_os_connect(s, &d->name);
    if (err != 0) {
        vs_os_close(s);
        return vs_err_set(e, VS_ERR_CONNECT, "cannot connect to %s again: %s%s", d->text,
                          vs_sock_strerror(err, why, sizeof why),
                          vs_os_err_kind(err) == VS_OSE_ADDR_NOT_AVAIL
                              ? " (out of local ports: widen net.ipv4.ip_local_port_range "
                                "or run shorter)" : "");
    }
    *out = s;
    return 0;
}

void vs_dialer_free(vs_dialer *d)
{
    free(d);
}

int vs_sock_accept_wait(vs_sock l, int timeout_ms, vs_sock *out, vs_err *e)
{
    vs_pollent p = { l, 1, 0 };
    int rc = vs_sock_poll(&p, 1, timeout_ms);

    if (rc < 0)
        return vs_err_set(e, VS_ERR_RUNTIME, "poll failed");
    if (rc == 0 || !p.ready)
        return 0;
    /* never blocks, whatever mode the listener is in (the server's accept of
     * the data connections made it non-blocking); a client that gave up
     * meanwhile is "none" */
    rc = vs_sock_accept_ready(l, out, e);
    return rc == 0 ? 1 : rc > 0 ? 0 : -1;
}
