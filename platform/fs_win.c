/* fs_win.c - fs.h on Windows. */
#include "platform/fs.h"

#include <direct.h>
#include <errno.h>
#include <fcntl.h>
#include <io.h>
#include <stdlib.h>
#include <string.h>
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
