/* label.c - see label.h. */
#include "core/label.h"
#include "core/size.h"

#include <stdio.h>

const char *vs_label_sock(uint64_t sock, char *buf, size_t n)
{
    if (sock == 0) {
        snprintf(buf, n, "default");
        return buf;
    }
    return vs_size_format(sock, buf, n);
}

const char *vs_label_msg(uint32_t msg, char *buf, size_t n)
{
    return vs_size_format(msg, buf, n);
}

const char *vs_label_series(enum vs_transport tr, uint64_t sock, char *buf, size_t n)
{
    char k[32];

    snprintf(buf, n, "%s %s", vs_transport_name(tr), vs_label_sock(sock, k, sizeof k));
    return buf;
}

const char *vs_label_panel(enum vs_test test, int sessions, uint32_t resp, int burst, char *buf,
                           size_t n)
{
    char r[32];
    int len = snprintf(buf, n, "%s, %d session%s", vs_test_name(test), sessions,
                       sessions == 1 ? "" : "s");

    if (resp != 0 && len > 0 && (size_t)len < n)
        len += snprintf(buf + len, n - (size_t)len, ", %s responses",
                        vs_label_msg(resp, r, sizeof r));
    if (burst != 0 && len > 0 && (size_t)len < n)
        snprintf(buf + len, n - (size_t)len, ", burst %d", burst);
    return buf;
}

const char *vs_label_point(const vs_point *pt, char *buf, size_t n)
{
    char s[32], g[32], r[32];
    int len;

    if (!vs_test_is_rr(pt->test)) {
        snprintf(buf, n, "%s %s %s/%s x%d", vs_transport_name(pt->tr), vs_test_name(pt->test),
                 vs_label_sock(pt->sock, s, sizeof s), vs_label_msg(pt->msg, g, sizeof g),
                 pt->sessions);
        return buf;
    }
    len = snprintf(buf, n, "%s %s %s/%s:%s x%d", vs_transport_name(pt->tr),
                   vs_test_name(pt->test), vs_label_sock(pt->sock, s, sizeof s),
                   vs_label_msg(pt->msg, g, sizeof g), vs_label_msg(pt->resp, r, sizeof r),
                   pt->sessions);
    if (pt->burst > 0 && len > 0 && (size_t)len < n)
        snprintf(buf + len, n - (size_t)len, " burst %d", pt->burst);
    return buf;
}
