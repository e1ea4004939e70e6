/*
 * fs.h - files, processes and terminals: the few OS calls the runner and
 * reports need beyond stdio. Implementations: fs_posix.c, fs_win.c.
 */
#ifndef VS_FS_H
#define VS_FS_H

#include <stdint.h>
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

/* Remove an empty directory (0, or -1 with errno). */
int vs_remove_dir(const char *path);

/* What a path is (symbolic links followed). OTHER: a FIFO, a device, a
 * socket, or a path that cannot be examined. */
enum vs_path_kind { VS_PATH_MISSING, VS_PATH_FILE, VS_PATH_DIR, VS_PATH_OTHER };
enum vs_path_kind vs_path_kind(const char *path);

/* Open an existing regular file for reading without ever blocking: it is
 * opened non-blocking and examined before anything is read, so a FIFO, a
 * directory, a device or an unreadable file is refused at once with a
 * one-line usage error naming the path and what it is. A missing file
 * sets *missing to 1 (if not NULL) and no error. *size is its length. */
FILE *vs_open_regular(const char *path, uint64_t *size, int *missing, vs_err *e);

/* Read a whole text file (no NUL byte; at most `max` bytes) into a
 * NUL-terminated string the caller frees, through vs_open_regular.
 * Returns 0, 1 when the file does not exist (*text NULL, no error set),
 * or -1 with a usage error naming the file. fs.c. */
int vs_slurp(const char *path, size_t max, char **text, vs_err *e);

/* An exclusive lock on a directory, for a writer that must be alone in it
 * (a sweep and its --out): the file DIR/.vsbench.lock, locked (flock;
 * LockFileEx on Windows) and holding the holder's pid. Held until
 * vs_dir_unlock or the end of the process: the OS drops the lock of a
 * process that died, so a stale file never blocks. A second taker is
 * refused at once with a usage error naming DIR, `who` ("sweep") and the
 * holder's pid. */
typedef struct vs_dir_lock vs_dir_lock;
int vs_dir_lock_take(const char *dir, const char *who, vs_dir_lock **lock, vs_err *e);
void vs_dir_unlock(vs_dir_lock *lock);

/* A file written whole or not at all: it is written under a temporary
 * name beside it (PATH.tmp-PID), flushed to disk, then renamed over PATH,
 * so that a reader never sees half a file and a failed write leaves no
 * file behind (no 0-byte file either). Errors name the path and the
 * reason ("No space left on device"). A path that exists and is not a
 * regular file (/dev/stdout, a FIFO) is written in place. fs.c. */
typedef struct vs_afile {
    FILE *f;               /* write here, between open and commit */
    char path[1400];
    char tmp[1440];
    int direct;            /* path is a device or FIFO (/dev/stdout): written in place */
} vs_afile;

/* Open a->f on the temporary name ("w" or "wb"). */
int vs_afile_open(vs_afile *a, const char *path, const char *mode, vs_err *e);

/* Flush, sync, close and rename over the path. On any failure the
 * temporary file is removed and -1 returned with the path and reason. */
int vs_afile_commit(vs_afile *a, vs_err *e);

/* Give up: close and remove the temporary file (a->f may be NULL). */
void vs_afile_abort(vs_afile *a);

/* The temporary name of `path`, for a file a library writes itself (the
 * workbook): write there, then vs_replace_file, or remove it. */
void vs_afile_tmp_name(const char *path, char *tmp, size_t n);

/* Copy a regular file whole (vs_open_regular, then a vs_afile). */
int vs_copy_file(const char *from, const char *to, vs_err *e);

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
