/* frame.c - see frame.h. */
#include "runner/frame.h"
#include "platform/clock.h"

int vs_frame_send(vs_sock s, const uint8_t *frame, size_t n, vs_err *e)
{
    size_t off = 0;
    char why[128];

    while (off < n) {
        long k = vs_sock_send(s, frame + off, n - off);
        if (k <= 0)
            return vs_err_set(e, VS_ERR_CONNECT, "control connection lost while sending: %s",
                              k < 0 ? vs_sock_strerror(vs_sock_errno(), why, sizeof why)
                                    : "closed");
        off += (size_t)k;
    }
    return 0;
}

/* Read exactly n bytes before the deadline (0 = none). */
static int recv_exact(vs_sock s, uint64_t deadline, uint8_t *buf, size_t n, vs_err *e)
{
    size_t off = 0;
    char why[128];

    while (off < n) {
        vs_pollent p = { s, 1, 0 };
        int wait = -1, rc;
        long k;
        if (deadline != 0) {
            uint64_t now = vs_now_ns();
            if (now >= deadline)
                return vs_err_set(e, VS_ERR_RUNTIME, "timed out waiting for the peer");
            wait = (int)((deadline - now) / 1000000u) + 1;
        }
        rc = vs_sock_poll(&p, 1, wait);
        if (rc < 0)
            return vs_err_set(e, VS_ERR_RUNTIME, "poll failed");
        if (rc == 0 || !p.ready)
            continue;
        k = vs_sock_recv(s, buf + off, n - off);
        if (k == 0)
            return vs_err_set(e, VS_ERR_CONNECT, "peer closed the control connection");
        if (k < 0)
            return vs_err_set(e, VS_ERR_CONNECT, "control connection lost: %s",
                              vs_sock_strerror(vs_sock_errno(), why, sizeof why));
        off += (size_t)k;
    }
    return 0;
}

int vs_frame_recv(vs_sock s, int timeout_ms, uint8_t *buf, size_t cap, size_t *n,
                  vs_err *e)
{
    uint8_t hdr[4];
    uint32_t len;
    uint64_t deadline = timeout_ms < 0 ? 0
                                       : vs_now_ns() + (uint64_t)timeout_ms * 1000000u;

    if (recv_exact(s, deadline, hdr, 4, e) != 0)
        return -1;
    len = ((uint32_t)hdr[0] << 24) | ((uint32_t)hdr[1] << 16) |
          ((uint32_t)hdr[2] << 8) | hdr[3];
    if (len > VS_PROTO_MAX_BODY || len > cap)
        return vs_err_set(e, VS_ERR_PROTOCOL,
                          "message of %lu bytes exceeds the %u-byte limit",
                          (unsigned long)len, VS_PROTO_MAX_BODY);
    if (len < 2)
        return vs_err_set(e, VS_ERR_PROTOCOL, "message too short (%lu bytes)",
                          (unsigned long)len);
    if (recv_exact(s, deadline, buf, len, e) != 0)
        return -1;
    *n = len;
    return 0;
}

