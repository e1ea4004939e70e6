/* sockext.c - see sockext.h: the rules every OS shares (which transports
 * take which option, the congestion control name checked and read back);
 * sockext_posix.c and sockext_win.c set the options (sockext_os.h). */
#include "platform/sockext.h"
#include "platform/sockext_os.h"

#include <string.h>

int vs_sock_set_congestion(vs_sock s, enum vs_transport tr, const char *name, vs_err *e)
{
    char got[VS_CC_NAME_MAX];

    if (tr != VS_TR_TCP)
        return vs_err_set(e, VS_ERR_USAGE, "congestion control applies to tcp only, not %s",
                          vs_transport_name(tr));
    if (!vs_congestion_name_ok(name))
        return vs_err_set(e, VS_ERR_USAGE, "bad congestion control name '%.20s'", name);
    if (vs_os_set_congestion(s, name, e) != 0)
        return -1;
    if (vs_sock_get_congestion(s, got, sizeof got, e) != 0)
        return -1;
    if (strcmp(got, name) != 0)
        return vs_err_set(e, VS_ERR_UNSUPPORTED, "congestion control '%s' asked, the socket "
                          "uses '%s'", name, got);
    return 0;
}

int vs_zc_enable(vs_sock s, enum vs_transport tr, vs_err *e)
{
    if (tr != VS_TR_TCP && tr != VS_TR_VSOCK)
        return vs_err_set(e, VS_ERR_UNSUPPORTED, "MSG_ZEROCOPY applies to tcp (and vsock "
                          "where the kernel has it), not %s", vs_transport_name(tr));
    return vs_os_zc_enable(s, tr, e);
}

int vs_sock_set_rcvlowat(vs_sock s, enum vs_transport tr, uint32_t bytes, vs_err *e)
{
    if (tr != VS_TR_TCP || bytes == 0)
        return 0;
    return vs_os_set_rcvlowat(s, bytes, e);
}

#if !VS_OS_ZEROCOPY
long vs_zc_send(vs_sock s, const void *buf, size_t len, vs_zc *z)
{
    (void)z;
    return vs_sock_send(s, buf, len);
}

int vs_zc_drain(vs_sock s, vs_zc *z)
{
    (void)s;
    (void)z;
    return 0;
}
#endif
