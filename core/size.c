/* size.c - see size.h. */
#include "core/size.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int vs_size_parse(const char *text, uint64_t *out, vs_err *e)
{
    char *end;
    unsigned long long v;
    uint64_t mult = 1;

    if (!isdigit((unsigned char)text[0]))
        return vs_err_set(e, VS_ERR_USAGE, "bad size '%s' (e.g. 512, 64K, 1M)", text);
    errno = 0;
    v = strtoull(text, &end, 10);
    if (errno != 0)
        return vs_err_set(e, VS_ERR_USAGE, "size '%s' is too large", text);
    switch (toupper((unsigned char)*end)) {
    case 'K': mult = 1024ull; end++; break;
    case 'M': mult = 1024ull * 1024; end++; break;
    case 'G': mult = 1024ull * 1024 * 1024; end++; break;
    default: break;
    }
    if (strcasecmp(end, "iB") == 0 && mult > 1)
        end += 2;
    else if (strcasecmp(end, "B") == 0)
        end += 1;
    if (*end != '\0')
        return vs_err_set(e, VS_ERR_USAGE, "bad size '%s' (e.g. 512, 64K, 1M)", text);
    if (v > UINT64_MAX / mult)
        return vs_err_set(e, VS_ERR_USAGE, "size '%s' is too large", text);
    *out = v * mult;
    return 0;
}

const char *vs_size_format(uint64_t b, char *buf, size_t n)
{
    const uint64_t G = 1024ull * 1024 * 1024, M = 1024ull * 1024, K = 1024ull;

    if (b != 0 && b % G == 0)
        snprintf(buf, n, "%lluG", (unsigned long long)(b / G));
    else if (b != 0 && b % M == 0)
        snprintf(buf, n, "%lluM", (unsigned long long)(b / M));
    else if (b != 0 && b % K == 0)
        snprintf(buf, n, "%lluK", (unsigned long long)(b / K));
    else
        snprintf(buf, n, "%llu", (unsigned long long)b);
    return buf;
}

const char *vs_bytes_format(uint64_t b, char *buf, size_t n)
{
    static const char *const unit[] = { "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" };
    double v = (double)b;
    int k = 0;

    if (b < 1024) {
        snprintf(buf, n, "%llu B", (unsigned long long)b);
        return buf;
    }
    while (v >= 1023.95 && k < 6) {
        v /= 1024.0;
        k++;
    }
    snprintf(buf, n, v >= 99.95 ? "%.0f %s" : v >= 9.995 ? "%.1f %s" : "%.2f %s", v, unit[k]);
    return buf;
}

int vs_seconds_parse(const char *text, uint32_t *ms, vs_err *e)
{
    char *end;
    double v, mult = 1000.0;

    if (!isdigit((unsigned char)text[0]) && text[0] != '.')
        return vs_err_set(e, VS_ERR_USAGE, "bad duration '%s' (seconds, e.g. 10, 0.5, 2m)",
                          text);
    errno = 0;
    v = strtod(text, &end);
    if (strcmp(end, "s") == 0)
        end++;
    else if (strcmp(end, "ms") == 0) {
        mult = 1.0;
        end += 2;
    } else if (strcmp(end, "m") == 0) {
        mult = 60000.0;
        end++;
    } else if (strcmp(end, "h") == 0) {
        mult = 3600000.0;
        end++;
    }
    if (errno != 0 || *end != '\0' || v < 0)
        return vs_err_set(e, VS_ERR_USAGE, "bad duration '%s' (seconds, e.g. 10, 0.5, 2m)",
                          text);
    if (v * mult > 4e9)
        return vs_err_set(e, VS_ERR_USAGE, "duration '%s' is too long", text);
    *ms = (uint32_t)(v * mult + 0.5);
    return 0;
}
