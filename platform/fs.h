/*
 * fs.h - files, processes and terminals: the few OS calls the runner and
 * reports need beyond stdio. Implementations: fs_posix.c, fs_win.c.
 */
#ifndef VS_FS_H
#define VS_FS_H

#include <stdio.h>

#include "platform/err.h"

/* Flush stdio buffers and force the file to stable storage. */
int vs_fsync_file(FILE *f, vs_err *e);

/* Create a directory and its parents (like mkdir -p); fs.c. */
int vs_mkdir_p(const char *path, vs_err *e);

/* Primitives of vs_mkdir_p: create one directory (0 also when it exists;
 * -1 with errno), and whether path[p] separates two components. */
int vs_mkdir_one(const char *path);
int vs_path_is_sep(const char *path, const char *p);

/* Atomically replace `to` with `from` (rename). */
int vs_replace_file(const char *from, const char *to, vs_err *e);

/* 1 if the path exists. */
int vs_path_exists(const char *path);

/* 1 if the path is a unix socket file (not following a symbolic link). */
int vs_path_is_socket(const char *path);

/* 1 if the stream is an interactive terminal. */
int vs_is_tty(FILE *f);

/* Make stdout write bytes as given. Windows' C runtime otherwise writes
 * each "\n" as CRLF; vsbench and vsreport write LF on every OS, so their
 * output (and every file they write, opened "wb") is the same byte for
 * byte on Linux and Windows. Call before the first output. */
void vs_stdout_binary(void);

/* The width in columns of the terminal behind the stream, or 0 when
 * unknown (not a terminal). */
int vs_tty_columns(FILE *f);

/* A directory for temporary files ($TMPDIR or the OS default). */
const char *vs_temp_dir(void);

/* This process's id. */
long vs_pid(void);

/* Ask to be told of Ctrl-C / SIGTERM: afterwards vs_stop_requested()
 * returns 1 and blocking calls in progress return early. */
int vs_stop_signals_install(vs_err *e);
int vs_stop_requested(void);

/* A file that holds a secret (a key): 0 when it is a regular file only
 * its owner may read or write (POSIX: no group or other permission bits;
 * Windows: a regular file, its ACL is not inspected); else a usage error
 * saying how to fix it (chmod 600 FILE). */
int vs_file_check_private(const char *path, vs_err *e);

#endif
