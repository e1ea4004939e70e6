/*
 * err.h - error reporting shared by every module.
 *
 * Functions that can fail return 0 on success and -1 on failure, and fill a
 * caller-owned vs_err with a category (which maps 1:1 to the exit status
 * documented in README.md) and a message a user can act on.
 */
#ifndef VS_ERR_H
#define VS_ERR_H

/* Categories of failure; the numeric values are the programs' exit codes. */
enum vs_code {
    VS_OK = 0,
    VS_ERR_RUNTIME = 1,     /* a test or I/O failed while running */
    VS_ERR_USAGE = 2,       /* bad option, value, file or input */
    VS_ERR_CONNECT = 3,     /* peer unreachable, refused or timed out */
    VS_ERR_UNSUPPORTED = 4, /* transport not available on this machine */
    VS_ERR_PROTOCOL = 5,    /* malformed message or version mismatch */
    VS_ERR_REFUSED = 6      /* the server refused the request */
};

#define VS_ERR_MSG_MAX 512

typedef struct vs_err {
    int code;                 /* enum vs_code */
    char msg[VS_ERR_MSG_MAX]; /* human readable, no trailing newline */
} vs_err;

#if defined(__clang__) /* clang (the fuzz build) knows printf, not gnu_printf */
#define VS_PRINTF(f, a) __attribute__((format(printf, f, a)))
#elif defined(__GNUC__)
#define VS_PRINTF(f, a) __attribute__((format(gnu_printf, f, a)))
#else
#define VS_PRINTF(f, a)
#endif

/* Clear an error (code VS_OK, empty message). */
void vs_err_clear(vs_err *e);

/* Set code and message (printf-style). Returns -1 so callers can write
 * `return vs_err_set(e, VS_ERR_USAGE, "...");`. `e` may be NULL. */
int vs_err_set(vs_err *e, int code, const char *fmt, ...) VS_PRINTF(3, 4);

/* Prepend context ("while X: ") to an existing message; keeps the code.
 * Returns -1. */
int vs_err_prefix(vs_err *e, const char *fmt, ...) VS_PRINTF(2, 3);

#endif
