/* sockext_win.c - the OS half of sockext.h (sockext_os.h) on Windows,
 * which has no TCP_CONGESTION per socket and no MSG_ZEROCOPY (both refuse
 * with a reason) and no settable SO_RCVLOWAT (nothing to do). */
#include "platform/sockext_os.h"

void vs_congestion_available(char *out, size_t n)
{
    if (n > 0)
        out[0] = '\0';
}

int vs_sock_get_congestion(vs_sock s, char *out, size_t n, vs_err *e)
{
    (void)s;
    vs_congestion_available(out, n);
    return vs_err_set(e, VS_ERR_UNSUPPORTED, "Windows cannot name a socket's congestion "
                      "control");
}

int vs_os_set_congestion(vs_sock s, const char *name, vs_err *e)
{
    (void)s;
    (void)name;
    return vs_err_set(e, VS_ERR_UNSUPPORTED, "Windows cannot choose congestion control per "
                      "socket (it is a system-wide netsh setting): --congestion is refused");
}

int vs_os_zc_enable(vs_sock s, enum vs_transport tr, vs_err *e)
{
    (void)s;
    (void)tr;
    return vs_err_set(e, VS_ERR_UNSUPPORTED, "Windows has no MSG_ZEROCOPY: --zerocopy is "
                      "refused");
}

int vs_os_set_rcvlowat(vs_sock s, uint32_t bytes, vs_err *e)
{
    (void)s;
    (void)bytes;
    (void)e;
    return 0; /* Winsock has no settable SO_RCVLOWAT */
}

uint32_t vs_sock_tcp_mss(vs_sock s, enum vs_transport tr)
{
    (void)s;
    (void)tr;
    return 0; /* unknown: the rules that need it (stream.h) stay off */
}
