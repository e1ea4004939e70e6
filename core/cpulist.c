/* cpulist.c - see cpulist.h. */
#include "core/cpulist.h"

#include <stdio.h>
#include <string.h>

/* A decimal CPU number at *p (advanced past it), below VS_CPU_MAX. */
static int read_cpu(const char **p, int *out)
{
    int v = 0, digits = 0;

    while (**p >= '0' && **p <= '9') {
        v = v * 10 + (**p - '0');
        (*p)++;
        if (++digits > 4 || v >= VS_CPU_MAX)
            return -1;
    }
    *out = v;
    return digits > 0 ? 0 : -1;
}

static int add_cpu(vs_cpulist *l, int cpu, const char *text, vs_err *e)
{
    for (int i = 0; i < l->n; i++)
        if (l->cpu[i] == cpu)
            return vs_err_set(e, VS_ERR_USAGE, "CPU list '%.60s' names CPU %d twice", text, cpu);
    if (l->n >= VS_CPULIST_MAX)
        return vs_err_set(e, VS_ERR_USAGE, "CPU list '%.60s' has more than %d CPUs", text,
                          VS_CPULIST_MAX);
    l->cpu[l->n++] = cpu;
    return 0;
}

/* One item: N or LO-HI. */
static int read_item(const char **p, vs_cpulist *l, const char *text, vs_err *e)
{
    int lo, hi;

    if (read_cpu(p, &lo) != 0)
        return -1;
    hi = lo;
    if (**p == '-') {
        (*p)++;
        if (read_cpu(p, &hi) != 0 || hi < lo)
            return -1;
    }
    for (int c = lo; c <= hi; c++)
        if (add_cpu(l, c, text, e) != 0)
            return -2;
    return 0;
}

int vs_cpulist_parse(const char *text, vs_cpulist *out, vs_err *e)
{
    const char *p = text;

    memset(out, 0, sizeof *out);
    if (strlen(text) >= VS_CPULIST_TEXT_MAX)
        return vs_err_set(e, VS_ERR_USAGE, "CPU list '%.60s...' is too long", text);
    while (*p != '\0') {
        int rc = read_item(&p, out, text, e);
        if (rc == -2)
            return -1;
        if (rc != 0 || (*p != ',' && *p != '\0') || (*p == ',' && p[1] == '\0'))
            return vs_err_set(e, VS_ERR_USAGE, "bad CPU list '%.60s' (CPU numbers 0-%d and "
                              "ranges, e.g. 0 or 2,3 or 0-3,8)", text, VS_CPU_MAX - 1);
        if (*p == ',')
            p++;
    }
    return 0;
}

const char *vs_cpulist_format(const vs_cpulist *l, char *buf, size_t n)
{
    size_t len = 0;
    int i = 0;

    if (n == 0)
        return buf;
    buf[0] = '\0';
    while (i < l->n && len < n) {
        int j = i;
        while (j + 1 < l->n && l->cpu[j + 1] == l->cpu[j] + 1)
            j++;
        if (j - i >= 2) {
            len += (size_t)snprintf(buf + len, n - len, "%s%d-%d", i ? "," : "", l->cpu[i],
                                    l->cpu[j]);
            i = j + 1;
        } else {
            len += (size_t)snprintf(buf + len, n - len, "%s%d", i ? "," : "", l->cpu[i]);
            i++;
        }
    }
    return buf;
}

int vs_cpulist_for_session(const vs_cpulist *l, int i)
{
    return l->n > 0 ? l->cpu[i % l->n] : -1;
}
