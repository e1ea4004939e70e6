/* facts_parse.c - see facts_parse.h: text, numbers and sysfs/procfs files. */
#include "platform/facts_parse.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- text and numbers ------------------------------------------------------ */

static int is_blank(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

size_t vs_fp_field_len(const char *field, size_t max)
{
    const char *z = memchr(field, '\0', max);

    return z != NULL ? (size_t)(z - field) : max;
}

int vs_fp_u64(const char *text, uint64_t *out)
{
    const unsigned char *p = (const unsigned char *)text;
    uint64_t v = 0;
    int digits = 0;

    while (is_blank(*p))
        p++;
    for (; *p >= '0' && *p <= '9'; p++, digits++) {
        unsigned d = (unsigned)(*p - '0');
        if (v > (UINT64_MAX - d) / 10)
            return -1;
        v = v * 10 + d;
    }
    while (is_blank(*p))
        p++;
    if (digits == 0 || *p != '\0')
        return -1;
    *out = v;
    return 0;
}

#define CPULIST_ID_MAX (1u << 22)

/* One decimal id of a CPU list; advances *pp. */
static int list_id(const char **pp, uint64_t *id)
{
    const char *p = *pp;
    uint64_t v = 0;

    if (*p < '0' || *p > '9')
        return -1;
    for (; *p >= '0' && *p <= '9'; p++) {
        v = v * 10 + (uint64_t)(*p - '0');
        if (v >= CPULIST_ID_MAX)
            return -1;
    }
    *pp = p;
    *id = v;
    return 0;
}

int vs_fp_cpulist(const char *text, uint64_t *count)
{
    const char *p = text;
    uint64_t total = 0, a, b;

    while (is_blank((unsigned char)*p))
        p++;
    for (;;) {
        if (list_id(&p, &a) != 0)
            return -1;
        b = a;
        if (*p == '-') {
            p++;
            if (list_id(&p, &b) != 0 || b < a)
                return -1;
        }
        total += b - a + 1;
        if (*p != ',')
            break;
        p++;
    }
    while (is_blank((unsigned char)*p))
        p++;
    if (*p != '\0')
        return -1;
    *count = total;
    return 0;
}

int vs_fp_meminfo_total(const char *text, uint64_t *bytes)
{
    const char *line = text;

    while (line != NULL && *line != '\0') {
        if (strncmp(line, "MemTotal:", 9) == 0) {
            char num[32];
            const char *p = line + 9;
            size_t k = 0;
            uint64_t kb;
            while (*p == ' ' || *p == '\t')
                p++;
            while (k < sizeof num - 1 && *p >= '0' && *p <= '9')
                num[k++] = *p++;
            num[k] = '\0';
            if (strncmp(p, " kB", 3) != 0 || vs_fp_u64(num, &kb) != 0)
                return -1;
            if (kb < 1024 || kb > (1ull << 46)) /* 1 MiB .. 64 PiB */
                return -1;
            *bytes = kb * 1024;
            return 0;
        }
        line = strchr(line, '\n');
        if (line != NULL)
            line++;
    }
    return -1;
}

/* The first word of s (sanitized) into w. */
static void first_word(const char *s, char *w, size_t n)
{
    size_t k = 0;

    if (s == NULL) {
        w[0] = '\0';
        return;
    }
    while (is_blank((unsigned char)*s))
        s++;
    while (k < n - 1 && *s != '\0' && !is_blank((unsigned char)*s))
        w[k++] = *s++;
    w[k] = '\0';
}

int vs_fp_smt(const char *active, const char *control, char *out, size_t n)
{
    char a[16], c[32];
    const char *why = NULL;

    first_word(active, a, sizeof a);
    first_word(control, c, sizeof c);
    if (strcmp(c, "notsupported") == 0)
        why = " (not supported)";
    else if (strcmp(c, "forceoff") == 0)
        why = " (forced)";
    else if (strcmp(c, "notimplemented") == 0)
        why = " (not implemented)";
    else if (strcmp(c, "off") == 0)
        why = " (disabled)";
    if (strcmp(a, "1") == 0) {
        snprintf(out, n, "on");
        return 0;
    }
    if (strcmp(a, "0") == 0 || why != NULL) {
        snprintf(out, n, "off%s", why != NULL ? why : "");
        return 0;
    }
    return -1;
}

int vs_fp_dmi_placeholder(const char *s)
{
    static const char *const junk[] = {
        "To be filled by O.E.M.", "Not Specified", "Not Applicable", "Not Available",
        "None", "Default string", "System Product Name", "System Version",
        "System manufacturer", "0123456789", "N/A", "OEM", "O.E.M.", "Unknown",
    };

    for (size_t i = 0; i < sizeof junk / sizeof junk[0]; i++)
        if (strcasecmp(s, junk[i]) == 0)
            return 1;
    return 0;
}

int vs_fp_dmi_join(const char *const *parts, int nparts, char *out, size_t n)
{
    char joined[512], clean[256];
    size_t len = 0;

    joined[0] = '\0';
    for (int i = 0; i < nparts; i++) {
        if (parts[i] == NULL)
            continue;
        vs_clean_text(clean, sizeof clean, parts[i], strlen(parts[i]));
        if (clean[0] == '\0' || vs_fp_dmi_placeholder(clean))
            continue;
        len += (size_t)snprintf(joined + len, sizeof joined - len, "%s%s",
                                len > 0 ? " " : "", clean);
        if (len >= sizeof joined)
            len = sizeof joined - 1;
    }
    if (len == 0)
        return -1;
    vs_clean_text(out, n, joined, len);
    return 0;
}

/* ---- CPU vulnerabilities ------------------------------------------------------ */

static uint32_t fnv1a(uint32_t h, const char *s)
{
    for (; *s != '\0'; s++) {
        h ^= (unsigned char)*s;
        h *= 16777619u;
    }
    return h;
}

void vs_fp_vulns_init(vs_fp_vulns *v)
{
    memset(v, 0, sizeof *v);
}

void vs_fp_vulns_add(vs_fp_vulns *v, const char *name, const char *content)
{
    char nm[VS_FP_VULN_NAME_MAX], ct[256];

    vs_clean_text(nm, sizeof nm, name, strlen(name));
    vs_clean_text(ct, sizeof ct, content, strlen(content));
    v->count++;
    v->digest += fnv1a(fnv1a(fnv1a(2166136261u, nm), "="), ct);
    if (strncmp(ct, "Not affected", 12) == 0) {
        v->unaffected++;
    } else if (strncmp(ct, "Mitigation", 10) == 0) {
        v->mitigated++;
    } else if (strncmp(ct, "Vulnerable", 10) == 0) {
        v->vulnerable++;
        if (v->nnames < VS_FP_VULN_NAMES)
            memcpy(v->names[v->nnames++], nm, sizeof nm);
    } else {
        v->other++;
    }
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp((const char *)a, (const char *)b);
}

int vs_fp_vulns_text(const vs_fp_vulns *v, char *out, size_t n)
{
    char names[VS_FP_VULN_NAMES][VS_FP_VULN_NAME_MAX], tail[128], other[32] = "";
    char list[512], head[700];
    size_t len = 0, room;
    int shown = 0;

    if (v->count == 0)
        return -1;
    if (v->other > 0)
        snprintf(other, sizeof other, ", %d other", v->other);
    snprintf(tail, sizeof tail, ", %d mitigated, %d not affected%s, digest %08x",
             v->mitigated, v->unaffected, other, (unsigned)v->digest);
    memcpy(names, v->names, sizeof names);
    qsort(names, (size_t)v->nnames, sizeof names[0], cmp_name);
    /* the names get what "N vulnerable (" ... " +K)" and the tail leave */
    room = n > strlen(tail) + 24 ? n - strlen(tail) - 24 : 0;
    list[0] = '\0';
    for (int i = 0; i < v->nnames; i++) {
        size_t w = strlen(names[i]) + (len > 0);
        if (len + w > room)
            break;
        len += (size_t)snprintf(list + len, sizeof list - len, "%s%s", len > 0 ? " " : "",
                                names[i]);
        shown++;
    }
    if (shown < v->vulnerable)
        snprintf(list + len, sizeof list - len, "%s+%d", len > 0 ? " " : "",
                 v->vulnerable - shown);
    if (v->vulnerable == 0)
        snprintf(head, sizeof head, "0 vulnerable%s", tail);
    else
        snprintf(head, sizeof head, "%d vulnerable (%s)%s", v->vulnerable, list, tail);
    vs_clean_text(out, n, head, strlen(head));
    return 0;
}

/* ---- hypervisor ------------------------------------------------------------------ */

int vs_fp_hv_version(const char *sig, uint32_t max_leaf, const uint32_t leaf1[4],
                     const uint32_t leaf2[4], char *out, size_t n)
{
    char name[16];

    if (sig == NULL || sig[0] == '\0') {
        snprintf(out, n, "no hypervisor signature in CPUID");
        return -1;
    }
    vs_clean_text(name, sizeof name, sig, vs_fp_field_len(sig, 12));
    if (memcmp(sig, "Microsoft Hv", 12) == 0) {
        if (max_leaf < 0x40000002u || (leaf2[0] == 0 && leaf2[1] == 0)) {
            snprintf(out, n, "Hyper-V leaf 0x40000002 is empty");
            return -1;
        }
        snprintf(out, n, "%u.%u.%u.%u (service pack %u, branch %u)",
                 (unsigned)(leaf2[1] >> 16), (unsigned)(leaf2[1] & 0xFFFF),
                 (unsigned)leaf2[0], (unsigned)(leaf2[3] & 0xFFFFFF), (unsigned)leaf2[2],
                 (unsigned)(leaf2[3] >> 24));
        return 0;
    }
    if (memcmp(sig, "XenVMMXenVMM", 12) == 0 && max_leaf >= 0x40000001u) {
        snprintf(out, n, "Xen %u.%u", (unsigned)(leaf1[0] >> 16),
                 (unsigned)(leaf1[0] & 0xFFFF));
        return 0;
    }
    snprintf(out, n, "%s publishes no version in CPUID", name[0] ? name : "the hypervisor");
    return -1;
}

/* ---- Windows ---------------------------------------------------------------------- */

int vs_fp_win_mitigations(int have_spec, uint32_t spec, int have_kva, uint32_t kva,
                          char *out, size_t n)
{
    char a[64] = "", b[64] = "";

    if (!have_spec && !have_kva)
        return -1;
    if (have_spec)
        snprintf(a, sizeof a, "BTI mitigation %s, SSBD system-wide %s",
                 spec & 0x1 ? "on" : "off", spec & 0x400 ? "on" : "off");
    if (have_kva)
        snprintf(b, sizeof b, "KVA shadow %s", kva & 0x1 ? "on" : "off");
    snprintf(out, n, "%s%s%s, flags 0x%x/0x%x", a, have_spec && have_kva ? ", " : "", b,
             have_spec ? (unsigned)spec : 0u, have_kva ? (unsigned)kva : 0u);
    return 0;
}

void vs_fp_power_scheme(const char *guid, char *out, size_t n)
{
    static const struct {
        const char *guid, *name;
    } known[] = {
        { "381b4222-f694-41f0-9685-ff5bb260df2e", "Balanced" },
        { "8c5e7fda-e8bf-4a96-9a85-a6e23a8c635c", "High performance" },
        { "a1841308-3541-4fab-bc81-f71556f20b4a", "Power saver" },
        { "e9a42b02-d5df-448d-aa00-03f14749eb61", "Ultimate Performance" },
    };
    char g[48];

    vs_clean_text(g, sizeof g, guid, strlen(guid));
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
        if (strcasecmp(g, known[i].guid) == 0) {
            snprintf(out, n, "%s", known[i].name);
            return;
        }
    }
    snprintf(out, n, "custom scheme %s", g);
}
