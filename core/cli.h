/*
 * cli.h - the command line of both binaries (vsbench, vsreport): command
 * dispatch, option loops with per-command --help, strict value parsers,
 * and "did you mean" for a mistyped command or option.
 *
 * Exit statuses are the enum vs_code values of platform/err.h (0 VS_OK,
 * 2 VS_ERR_USAGE, ...); nothing here calls exit().
 *
 * A command names its options in one string: words "K:name" (-K and
 * --name), "K/name" (--name only; K is what vs_cli_next returns), with a
 * trailing '=' when the option takes a value:
 *
 *     vs_cli cli = { "vsbench", "serve", usage, "L:listen= o/once h:help" };
 *     while ((c = vs_cli_next(&cli, argc, argv)) != -1) {
 *         switch (c) {
 *         case VS_CLI_EXIT: return cli.status;  // --help, or a bad option
 *         case 'L': ...
 *         }
 *     }
 *     // operands are argv[optind..argc)
 *
 * An option whose value is 'h' prints `usage` to stdout (status 0); an
 * unknown option or a missing value prints the problem, a suggestion and
 * a pointer to --help on stderr (status VS_ERR_USAGE).
 */
#ifndef VS_CLI_H
#define VS_CLI_H

#include <getopt.h>
#include <stdint.h>

#include "platform/err.h"

#define VS_CLI_EXIT (-2) /* vs_cli_next: return cli.status */
#define VS_CLI_MAX_OPTS 24

typedef struct vs_cli {
    const char *prog;               /* "vsbench", "vsreport" */
    const char *cmd;                /* "run", "summary"; NULL for the program */
    const char *usage;              /* the command's help text */
    const char *options;            /* "K:name= K/name ...", see above */
    int status;                     /* exit status when VS_CLI_EXIT came */
    /* built from `options` by the first vs_cli_next */
    int started;
    char shortopts[2 * VS_CLI_MAX_OPTS + 2];
    char names[VS_CLI_MAX_OPTS][24];
    struct option longopts[VS_CLI_MAX_OPTS + 1];
} vs_cli;

/* The next option's value, -1 after the last (optind at the first
 * operand), or VS_CLI_EXIT (help printed, or a bad option reported). */
int vs_cli_next(vs_cli *c, int argc, char **argv);

/* Print "PROG: message" to stderr and return `code`. */
int vs_cli_fail(const vs_cli *c, int code, const char *fmt, ...) VS_PRINTF(3, 4);

/* Print "PROG: e->msg" to stderr; return `code`, or e->code when 0. */
int vs_cli_fail_err(const vs_cli *c, int code, const vs_err *e);

/* The `version` command of `prog`: "PROG VERSION (REVISION)", then
 * "; EXTRA" when `extra` is not NULL. */
int vs_cli_version(const char *prog, const char *extra, int argc, char **argv);

/* ---- commands ---------------------------------------------------------- */

typedef struct vs_cli_cmd {
    const char *name;
    int (*run)(int argc, char **argv); /* argv[0] is the command's name */
} vs_cli_cmd;

/* Run the command argv[1] of `cmds` (n of them). No command prints
 * `usage` (status VS_ERR_USAGE); --help, -h and help print it (0);
 * "help CMD" is "CMD --help"; an unknown command is reported with the
 * closest name. */
int vs_cli_dispatch(const char *prog, const char *usage, const vs_cli_cmd *cmds, int n,
                    int argc, char **argv);

/* ---- values ------------------------------------------------------------ */
/* Each parses the whole text strictly; errors (VS_ERR_USAGE) name the
 * option `opt` and quote the text. */

/* A whole number in [min, max]. */
int vs_cli_int(const char *opt, const char *text, long min, long max, int *out, vs_err *e);

/* A byte count with an optional K/M/G suffix (core/size.h) in [min, max]. */
int vs_cli_size(const char *opt, const char *text, uint64_t min, uint64_t max,
                uint64_t *out, vs_err *e);

/* A duration ("10", "0.5", "2m", core/size.h) in [min_ms, max_ms]. */
int vs_cli_seconds(const char *opt, const char *text, uint32_t min_ms, uint32_t max_ms,
                   uint32_t *ms, vs_err *e);

/* A probability strictly between 0 and 1. */
int vs_cli_probability(const char *opt, const char *text, double *out, vs_err *e);

/* A relative amount: "5%" or "5" (percent, from 1 up) or "0.05" -> 0.05;
 * at most 100%. */
int vs_cli_fraction(const char *opt, const char *text, double *out, vs_err *e);

/* ---- suggestions ------------------------------------------------------- */

/* Edit distance (insertions, deletions, substitutions, transpositions)
 * between two short words; large for long ones. */
int vs_cli_distance(const char *a, const char *b);

/* The candidate closest to `word` if it is close enough to be a likely
 * typo, else NULL. */
const char *vs_cli_closest(const char *word, const char *const *cands, int n);

#endif
