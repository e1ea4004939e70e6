/* fs_win.c - fs.h on Windows. */
#include "platform/fs.h"

#include <direct.h>
#include <errno.h>
#include <fcntl.h>
#include <io.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <windows.h>

static volatile LONG stop_flag;

int vs_fsync_file(FILE *f, vs_err *e)
{
    if (fflush(f) != 0)
        return vs_err_set(e, VS_ERR_RUNTIME, "write failed: %s", strerror(errno));
    if (_commit(_fileno(f)) != 0)
        return vs_err_set(e, VS_ERR_RUNTIME, "flush to disk failed: %s", strerror(errno));
    return 0;
}

int vs_mkdir_one(const char *path)
{
    return _mkdir(path) == 0 || errno == EEXIST ? 0 : -1;
}

int vs_path_is_sep(const char *path, const char *p)
{
    return (*p == '/' || *p == '\\') && !(p > path && p[-1] == ':'); /* not C:\ */
}

int vs_replace_file(const char *from, const char *to, vs_err *e)
{
    if (!MoveFileExA(from, to, MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH))
        return vs_err_set(e, VS_ERR_RUNTIME, "cannot rename %s to %s (error %lu)", from,
                          to, (unsigned long)GetLastError());
    return 0;
}

int vs_path_exists(const char *path)
{
    return GetFileAttributesA(path) != INVALID_FILE_ATTRIBUTES;
}

enum vs_path_kind vs_path_kind(const char *path)
{
    DWORD a = GetFileAttributesA(path), err;

    if (a == INVALID_FILE_ATTRIBUTES) {
        err = GetLastError();
        return err == ERROR_FILE_NOT_FOUND || err == ERROR_PATH_NOT_FOUND ? VS_PATH_MISSING
                                                                          : VS_PATH_OTHER;
    }
    return (a & FILE_ATTRIBUTE_DIRECTORY) ? VS_PATH_DIR : VS_PATH_FILE;
}

FILE *vs_open_regular(const char *path, uint64_t *size, int *missing, vs_err *e)
{
    struct _stat64 st;
    FILE *f = NULL;
    int fd;

    if (missing != NULL)
        *missing = 0;
    if (vs_path_kind(path) == VS_PATH_DIR) {
        vs_err_set(e, VS_ERR_USAGE, "%s: a directory, not a regular file", path);
        return NULL;
    }
    fd = _open(path, _O_RDONLY | _O_BINARY | _O_NOINHERIT);
    if (fd < 0) {
        if (errno == ENOENT && missing != NULL)
            *missing = 1;
        else
            vs_err_set(e, VS_ERR_USAGE, "%s: %s", path, strerror(errno));
        return NULL;
    }
    if (_fstat64(fd, &st) != 0)
        vs_err_set(e, VS_ERR_USAGE, "%s: %s", path, strerror(errno));
    else if ((st.st_mode & _S_IFMT) != _S_IFREG)
        vs_err_set(e, VS_ERR_USAGE, "%s: a device, not a regular file", path);
    else if ((f = _fdopen(fd, "rb")) == NULL)
        vs_err_set(e, VS_ERR_USAGE, "%s: %s", path, strerror(errno));
    if (f == NULL)
        _close(fd);
    else
        *size = (uint64_t)st.st_size;
    return f;
}

int vs_path_is_socket(const char *path)
{
    DWORD attr = GetFileAttributesA(path);

    /* an AF_UNIX socket file is a reparse point (IO_REPARSE_TAG_AF_UNIX) */
    return attr != INVALID_FILE_ATTRIBUTES && (attr & FILE_ATTRIBUTE_REPARSE_POINT) &&
           !(attr & FILE_ATTRIBUTE_DIRECTORY);
}

int vs_is_tty(FILE *f)
{
    return _isatty(_fileno(f));
}

void vs_stdout_binary(void)
{
    fflush(stdout);
    _setmode(_fileno(stdout), _O_BINARY);
}

int vs_tty_columns(FILE *f)
{
    CONSOLE_SCREEN_BUFFER_INFO info;
    HANDLE h = (HANDLE)_get_osfhandle(_fileno(f));

    if (h == INVALID_HANDLE_VALUE || !GetConsoleScreenBufferInfo(h, &info))
        return 0;
    return info.srWindow.Right - info.srWindow.Left + 1;
}

const char *vs_temp_dir(void)
{
    const char *t = getenv("TEMP");

    if (t == NULL || t[0] == '\0')
        t = getenv("TMP");
    return (t != NULL && t[0] != '\0') ? t : ".";
}

long vs_pid(void)
{
    return (long)GetCurrentProcessId();
}

/* Ctrl-C, Ctrl-Break: ask to stop. A closed console window (and logoff,
 * shutdown) ends the process as soon as this returns, so wait there: the
 * main thread stops between runs, writes its files and ends the process
 * (this thread with it) well within the 5 s Windows allows. */
static BOOL WINAPI on_console_event(DWORD type)
{
    InterlockedExchange(&stop_flag, 1);
    if (type == CTRL_CLOSE_EVENT || type == CTRL_LOGOFF_EVENT || type == CTRL_SHUTDOWN_EVENT)
        Sleep(4500);
    return TRUE;
}

int vs_stop_signals_install(vs_err *e)
{
    if (!SetConsoleCtrlHandler(on_console_event, TRUE))
        return vs_err_set(e, VS_ERR_RUNTIME, "cannot install a Ctrl-C handler");
    return 0;
}

int vs_stop_requested(void)
{
    return InterlockedCompareExchange(&stop_flag, 0, 0) != 0;
}

struct vs_dir_lock {
    HANDLE h;
};

/* The lock is one byte far beyond the pid text: Windows locks are
 * mandatory, and the next taker must still read the pid. */
#define LOCK_OFFSET_HIGH 1u

static long lock_holder(HANDLE h)
{
    char text[32];
    DWORD n = 0;
    OVERLAPPED at;

    memset(&at, 0, sizeof at);
    if (!ReadFile(h, text, sizeof text - 1, &n, &at))
        return 0;
    text[n] = '\0';
    return strtol(text, NULL, 10);
}

static void write_holder(HANDLE h)
{
    char text[32];
    DWORD n = (DWORD)snprintf(text, sizeof text, "%ld\n", (long)GetCurrentProcessId()), done;
    OVERLAPPED at;

    memset(&at, 0, sizeof at);
    if (SetFilePointer(h, 0, NULL, FILE_BEGIN) == 0 && SetEndOfFile(h))
        (void)WriteFile(h, text, n, &done, &at); /* a courtesy: the lock holds without it */
}

int vs_dir_lock_take(const char *dir, const char *who, vs_dir_lock **lock, vs_err *e)
{
    char path[4096], holder[32] = "";
    OVERLAPPED at;
    HANDLE h;
    long pid;

    snprintf(path, sizeof path, "%s\\.vsbench.lock", dir);
    h = CreateFileA(path, GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE,
                    NULL, OPEN_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
    if (h == INVALID_HANDLE_VALUE)
        return vs_err_set(e, VS_ERR_USAGE, "cannot create %s (error %lu)", path,
                          (unsigned long)GetLastError());
    memset(&at, 0, sizeof at);
    at.OffsetHigh = LOCK_OFFSET_HIGH;
    if (!LockFileEx(h, LOCKFILE_EXCLUSIVE_LOCK | LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &at)) {
        pid = lock_holder(h);
        CloseHandle(h);
        if (pid > 0)
            snprintf(holder, sizeof holder, " (pid %ld)", pid);
        return vs_err_set(e, VS_ERR_USAGE, "%s: another %s%s is writing there; wait for it "
                          "to end, or choose another directory", dir, who, holder);
    }
    *lock = malloc(sizeof **lock);
    if (*lock == NULL) {
        CloseHandle(h);
        return vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
    }
    (*lock)->h = h;
    write_holder(h);
    return 0;
}

void vs_dir_unlock(vs_dir_lock *lock)
{
    if (lock == NULL)
        return;
    CloseHandle(lock->h); /* drops the lock; the file stays */
    free(lock);
}

int vs_remove_dir(const char *path)
{
    return _rmdir(path);
}

int vs_file_check_private(const char *path, vs_err *e)
{
    DWORD a = GetFileAttributesA(path);

    if (a == INVALID_FILE_ATTRIBUTES)
        return vs_err_set(e, VS_ERR_USAGE, "%s: cannot open it (error %lu)", path,
                          (unsigned long)GetLastError());
    if (a & (FILE_ATTRIBUTE_DIRECTORY | FILE_ATTRIBUTE_DEVICE))
        return vs_err_set(e, VS_ERR_USAGE, "%s: not a regular file", path);
    return 0; /* who may read it is the ACL's business: not inspected */
}
