/* label.c - see label.h. */
#include "core/label.h"
#include "core/size.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

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

/* The length of a kernel version token without its build suffix: up to
 * the first '-' followed by a letter ("6.1.0-27-cloud" -> "6.1.0-27"). */
static size_t version_len(const char *t, size_t len)
{
    if (len == 0 || !isdigit((unsigned char)t[0]) || memchr(t, '.', len) == NULL)
        return len;
    for (size_t i = 0; i + 1 < len; i++)
        if (t[i] == '-' && isalpha((unsigned char)t[i + 1]))
            return i;
    return len;
}

/* Copy `pair` with every version token shortened. */
static void shorten_versions(const char *pair, char *buf, size_t n)
{
    size_t o = 0;

    for (const char *p = pair; *p != '\0' && o + 1 < n;) {
        size_t len = strcspn(p, " "), keep = version_len(p, len);
        if (keep > n - 1 - o)
            keep = n - 1 - o;
        memcpy(buf + o, p, keep);
        o += keep;
        p += len;
        while (*p == ' ' && o + 1 < n)
            buf[o++] = *p++;
    }
    buf[o] = '\0';
}

const char *vs_label_pair_short(const char *pair, char *buf, size_t n)
{
    char tmp[256];
    const char *sep;
    size_t left;

    shorten_versions(pair, tmp, sizeof tmp);
    sep = strstr(tmp, " / ");
    left = sep ? (size_t)(sep - tmp) : 0;
    if (sep != NULL && left > 0 && strncmp(sep + 3, tmp, left) == 0 &&
        (sep[3 + left] == '\0' || sep[3 + left] == ' '))
        snprintf(buf, n, "%.*s%s, both ends", (int)left, tmp, sep + 3 + left);
    else
        snprintf(buf, n, "%s", tmp);
    return buf;
}
