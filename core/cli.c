/* cli.c - see cli.h. */
#include "core/cli.h"
#include "core/safeprint.h"
#include "core/size.h"
#include "core/version.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WORD_MAX 32

/* ---- messages ---------------------------------------------------------- */

/* Messages quote values from the command line, files and peers: printed
 * through core/safeprint, so that none can send escape sequences. */
int vs_cli_fail(const vs_cli *c, int code, const char *fmt, ...)
{
    char msg[VS_ERR_MSG_MAX], shown[4 * VS_ERR_MSG_MAX];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    fprintf(stderr, "%s: %s\n", c->prog, vs_safe_copy(shown, sizeof shown, msg));
    return code;
}

int vs_cli_fail_err(const vs_cli *c, int code, const vs_err *e)
{
    char shown[4 * VS_ERR_MSG_MAX];

    fprintf(stderr, "%s: %s\n", c->prog, vs_safe_copy(shown, sizeof shown, e->msg));
    return code != 0 ? code : e->code;
}

/* "vsbench run" or "vsbench". */
static const char *full_name(const vs_cli *c, char *buf, size_t n)
{
    snprintf(buf, n, "%s%s%s", c->prog, c->cmd ? " " : "", c->cmd ? c->cmd : "");
    return buf;
}

/* ---- suggestions ------------------------------------------------------- */

int vs_cli_distance(const char *a, const char *b)
{
    int d[WORD_MAX + 1][WORD_MAX + 1];
    int la = (int)strlen(a), lb = (int)strlen(b);

    if (la > WORD_MAX || lb > WORD_MAX)
        return WORD_MAX;
    for (int i = 0; i <= la; i++)
        d[i][0] = i;
    for (int j = 0; j <= lb; j++)
        d[0][j] = j;
    for (int i = 1; i <= la; i++)
        for (int j = 1; j <= lb; j++) {
            int best = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
            if (d[i - 1][j] + 1 < best)
                best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best)
                best = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
        }
    return d[la][lb];
}

const char *vs_cli_closest(const char *word, const char *const *cands, int n)
{
    const char *best = NULL;
    int best_d = WORD_MAX, limit = strlen(word) <= 4 ? 1 : 2;

    for (int i = 0; i < n; i++) {
        int d = vs_cli_distance(word, cands[i]);
        if (d < best_d) {
            best_d = d;
            best = cands[i];
        }
    }
    return best_d <= limit ? best : NULL;
}

/* The long option closest to `arg` ("--sesions" -> "sessions"). */
static const char *closest_option(const vs_cli *c, const char *arg)
{
    const char *names[64];
    char word[WORD_MAX + 1];
    int n = 0;

    while (*arg == '-')
        arg++;
    snprintf(word, sizeof word, "%.*s", (int)strcspn(arg, "="), arg);
    for (const struct option *o = c->longopts; o->name != NULL && n < 64; o++)
        names[n++] = o->name;
    return vs_cli_closest(word, names, n);
}

/* ---- option loop ------------------------------------------------------- */

static int bad_option(vs_cli *c, int ch, char **argv)
{
    const char *arg = argv[optind - 1];
    const char *hint = arg[0] == '-' && arg[1] == '-' ? closest_option(c, arg) : NULL;
    char name[64];

    full_name(c, name, sizeof name);
    if (ch == ':')
        fprintf(stderr, "%s: option '%s' needs a value\n", name, arg);
    else if (optopt != 0 && !(arg[0] == '-' && arg[1] == '-'))
        fprintf(stderr, "%s: unknown option '-%c'\n", name, optopt);
    else if (hint != NULL)
        fprintf(stderr, "%s: unknown option '%s' (did you mean --%s?)\n", name, arg, hint);
    else
        fprintf(stderr, "%s: unknown option '%s'\n", name, arg);
    fprintf(stderr, "see '%s --help'\n", name);
    c->status = VS_ERR_USAGE;
    return VS_CLI_EXIT;
}

/* Build getopt's tables from the option words; "K:name=", "K/name". */
static void build_options(vs_cli *c)
{
    const char *p = c->options;
    size_t ns = 1;
    int n = 0;

    c->shortopts[0] = ':'; /* report a missing value as ':' */
    while (p != NULL && *p != '\0' && n < VS_CLI_MAX_OPTS) {
        size_t len = strcspn(p, " ");
        int value = len > 2 && p[len - 1] == '=';
        if (len > 2) {
            snprintf(c->names[n], sizeof c->names[n], "%.*s", (int)(len - 2 - value), p + 2);
            c->longopts[n] = (struct option){ c->names[n], value, NULL, p[0] };
            n++;
            if (p[1] == ':' && ns + 3 < sizeof c->shortopts) {
                c->shortopts[ns++] = p[0];
                if (value)
                    c->shortopts[ns++] = ':';
            }
        }
        p += len;
        p += strspn(p, " ");
    }
    c->shortopts[ns] = '\0';
    c->longopts[n] = (struct option){ NULL, 0, NULL, 0 };
}

int vs_cli_next(vs_cli *c, int argc, char **argv)
{
    int ch;

    if (!c->started) {
        build_options(c);
        optind = 1;
        c->started = 1;
    }
    opterr = 0;
    ch = getopt_long(argc, argv, c->shortopts, c->longopts, NULL);
    if (ch == '?' || ch == ':')
        return bad_option(c, ch, argv);
    if (ch == 'h') {
        fputs(c->usage, stdout);
        c->status = VS_OK;
        return VS_CLI_EXIT;
    }
    return ch;
}

/* ---- commands ---------------------------------------------------------- */

int vs_cli_version(const char *prog, const char *extra, int argc, char **argv)
{
    char usage[160];
    vs_cli cli = { prog, "version", usage, "h:help" };

    snprintf(usage, sizeof usage, "usage: %s version\n\nPrint the version and the git "
             "revision it was built from.\n", prog);
    if (vs_cli_next(&cli, argc, argv) == VS_CLI_EXIT)
        return cli.status;
    printf("%s %s (%s)%s%s\n", prog, VS_VERSION, vs_git_revision(), extra ? "; " : "",
           extra ? extra : "");
    return VS_OK;
}

static int unknown_command(const char *prog, const char *usage, const vs_cli_cmd *cmds,
                           int n, const char *word)
{
    const char *names[32];
    const char *hint;

    for (int i = 0; i < n && i < 32; i++)
        names[i] = cmds[i].name;
    hint = vs_cli_closest(word, names, n < 32 ? n : 32);
    if (hint != NULL)
        fprintf(stderr, "%s: unknown command '%s' (did you mean '%s'?)\n\n%s", prog, word,
                hint, usage);
    else
        fprintf(stderr, "%s: unknown command '%s'\n\n%s", prog, word, usage);
    return VS_ERR_USAGE;
}

static int is_help(const char *s)
{
    return strcmp(s, "--help") == 0 || strcmp(s, "-h") == 0 || strcmp(s, "help") == 0;
}

int vs_cli_dispatch(const char *prog, const char *usage, const vs_cli_cmd *cmds, int n,
                    int argc, char **argv)
{
    char *help_argv[4];

    if (argc < 2) {
        fputs(usage, stderr);
        return VS_ERR_USAGE;
    }
    if (is_help(argv[1]) && (argc < 3 || strcmp(argv[1], "help") != 0)) {
        fputs(usage, stdout);
        return VS_OK;
    }
    if (strcmp(argv[1], "help") == 0) { /* help CMD = CMD --help */
        help_argv[0] = argv[0];
        help_argv[1] = argv[2];
        help_argv[2] = "--help";
        help_argv[3] = NULL;
        argv = help_argv;
        argc = 3;
    }
    for (int i = 0; i < n; i++)
        if (strcmp(argv[1], cmds[i].name) == 0)
            return cmds[i].run(argc - 1, argv + 1);
    return unknown_command(prog, usage, cmds, n, argv[1]);
}

/* ---- values ------------------------------------------------------------ */

int vs_cli_int(const char *opt, const char *text, long min, long max, int *out, vs_err *e)
{
    char *end;
    long v;

    errno = 0;
    v = strtol(text, &end, 10);
    if (!isdigit((unsigned char)text[text[0] == '-']) || *end != '\0' || errno != 0 ||
        v < min || v > max)
        return vs_err_set(e, VS_ERR_USAGE, "%s takes a whole number from %ld to %ld, not "
                          "'%.40s'", opt, min, max, text);
    *out = (int)v;
    return 0;
}

int vs_cli_size(const char *opt, const char *text, uint64_t min, uint64_t max,
                uint64_t *out, vs_err *e)
{
    char lo[32], hi[32];

    if (vs_size_parse(text, out, e) != 0)
        return vs_err_prefix(e, "%s", opt);
    if (*out < min || *out > max)
        return vs_err_set(e, VS_ERR_USAGE, "%s must be %s to %s, not '%.40s'", opt,
                          vs_size_format(min, lo, sizeof lo), vs_size_format(max, hi, sizeof hi),
                          text);
    return 0;
}

int vs_cli_seconds(const char *opt, const char *text, uint32_t min_ms, uint32_t max_ms,
                   uint32_t *ms, vs_err *e)
{
    if (vs_seconds_parse(text, ms, e) != 0)
        return vs_err_prefix(e, "%s", opt);
    if (*ms < min_ms || *ms > max_ms)
        return vs_err_set(e, VS_ERR_USAGE, "%s takes %g to %g seconds, not '%.40s'", opt,
                          min_ms / 1000.0, max_ms / 1000.0, text);
    return 0;
}

/* The whole text as a finite number. */
static int parse_real(const char *text, double *v, char **end)
{
    errno = 0;
    *v = strtod(text, end);
    return *end != text && errno == 0 && *v == *v && *v > -1e300 && *v < 1e300 ? 0 : -1;
}

int vs_cli_probability(const char *opt, const char *text, double *out, vs_err *e)
{
    char *end;
    double v;

    if (parse_real(text, &v, &end) != 0 || *end != '\0' || !(v > 0 && v < 1))
        return vs_err_set(e, VS_ERR_USAGE, "%s must be between 0 and 1, e.g. 0.01, not "
                          "'%.40s'", opt, text);
    *out = v;
    return 0;
}

int vs_cli_fraction(const char *opt, const char *text, double *out, vs_err *e)
{
    char *end;
    double v;

    if (parse_real(text, &v, &end) == 0 && v >= 0) {
        if (*end == '%')
            end++, v /= 100.0;
        else if (v >= 1.0)
            v /= 100.0;
        if (*end == '\0' && v <= 1.0) {
            *out = v;
            return 0;
        }
    }
    return vs_err_set(e, VS_ERR_USAGE, "%s takes a percentage, e.g. 5%%, not '%.40s'", opt,
                      text);
}
