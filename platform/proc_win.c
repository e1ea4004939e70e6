/* proc_win.c - proc.h with CreateProcess. Windows passes a program one
 * command line, which its C runtime splits into argv; each argument is
 * quoted here so that the split gives it back exactly (the rules of
 * CommandLineToArgvW: backslashes are literal except before a quote). */
#include "platform/proc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <windows.h>

#define CMDLINE_MAX 32767 /* CreateProcess's limit, in characters */

/* 1 if path names an existing file (not a folder). */
static int is_program(const char *path)
{
    DWORD a = GetFileAttributesA(path);

    return a != INVALID_FILE_ATTRIBUTES && !(a & FILE_ATTRIBUTE_DIRECTORY);
}

/* FOLDER\NAME into path[n] (no folder when flen is 0), with ".exe" added
 * to a name without an extension, as CreateProcess does: 0 if a file is
 * there. */
static int try_program(const char *folder, size_t flen, const char *name, char *path, size_t n)
{
    const char *base = name + strlen(name);
    int w;

    while (base > name && strchr("/\\:", base[-1]) == NULL)
        base--;
    w = snprintf(path, n, "%.*s%s%s%s", (int)flen, folder, flen ? "\\" : "", name,
                 strchr(base, '.') != NULL ? "" : ".exe");
    return w > 0 && (size_t)w < n && is_program(path) ? 0 : -1;
}

int vs_find_program(const char *name, char *path, size_t n)
{
    const char *dirs = getenv("PATH");

    if (strpbrk(name, "/\\:") != NULL)
        return try_program("", 0, name, path, n);
    while (dirs != NULL && *dirs != '\0') {
        size_t len = strcspn(dirs, ";");
        const char *d = dirs;
        size_t dlen = len;
        if (dlen >= 2 && d[0] == '"' && d[dlen - 1] == '"') { /* "C:\Program Files\x" */
            d++;
            dlen -= 2;
        }
        if (dlen > 0 && try_program(d, dlen, name, path, n) == 0)
            return 0;
        dirs += len + (dirs[len] == ';');
    }
    return -1;
}

/* Put c `count` times at cmd[*at]; -1 when the line is full. */
static int put(char *cmd, size_t *at, char c, size_t count)
{
    for (; count > 0; count--) {
        if (*at + 1 >= CMDLINE_MAX)
            return -1;
        cmd[(*at)++] = c;
    }
    return 0;
}

/* Append one argument, quoted when it is empty or holds a blank or a
 * quote: inside quotes a quote is escaped with a backslash, and the
 * backslashes before a quote (or the closing one) are doubled. */
static int append_arg(char *cmd, size_t *at, const char *arg)
{
    int quote = arg[0] == '\0' || strpbrk(arg, " \t\n\v\"") != NULL, bad = 0;

    if (*at > 0)
        bad |= put(cmd, at, ' ', 1);
    if (!quote) {
        for (const char *p = arg; *p != '\0'; p++)
            bad |= put(cmd, at, *p, 1);
        return bad;
    }
    bad |= put(cmd, at, '"', 1);
    for (const char *p = arg;; p++) {
        size_t slashes = 0;
        while (*p == '\\') {
            slashes++;
            p++;
        }
        if (*p == '\0') {
            bad |= put(cmd, at, '\\', slashes * 2);
            break;
        }
        bad |= put(cmd, at, '\\', *p == '"' ? slashes * 2 + 1 : slashes);
        bad |= put(cmd, at, *p, 1);
    }
    return bad | put(cmd, at, '"', 1);
}

/* Windows' text for an error code, without the final newline. */
static const char *win_error(DWORD code, char *buf, size_t n)
{
    DWORD len = FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, NULL,
                               code, 0, buf, (DWORD)n, NULL);

    while (len > 0 && strchr("\r\n. ", buf[len - 1]) != NULL)
        buf[--len] = '\0';
    if (len == 0)
        snprintf(buf, n, "Windows error %lu", (unsigned long)code);
    return buf;
}

/* Start path with the command line cmd and wait for its exit code. */
static int spawn_wait(const char *path, char *cmd, int *status, const char *hint, vs_err *e)
{
    STARTUPINFOA si;
    PROCESS_INFORMATION pi;
    DWORD code = 1;
    char why[256];

    memset(&si, 0, sizeof si);
    si.cb = sizeof si;
    /* handles inherited: the program's messages reach our stderr even
     * when it is redirected */
    if (!CreateProcessA(path, cmd, NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi))
        return vs_err_set(e, VS_ERR_USAGE, "cannot run %s: %s%s%s", path,
                          win_error(GetLastError(), why, sizeof why), hint ? " - " : "",
                          hint ? hint : "");
    WaitForSingleObject(pi.hProcess, INFINITE);
    if (!GetExitCodeProcess(pi.hProcess, &code))
        code = 1;
    CloseHandle(pi.hThread);
    CloseHandle(pi.hProcess);
    *status = (int)code;
    return 0;
}

int vs_run_program(char *const argv[], const char *hint, int *status, vs_err *e)
{
    char path[VS_PROGRAM_PATH_MAX], *cmd;
    size_t at = 0;
    int rc;

    if (vs_find_program(argv[0], path, sizeof path) != 0)
        return vs_err_set(e, VS_ERR_USAGE, "cannot run %s: not found%s%s%s", argv[0],
                          strpbrk(argv[0], "/\\:") ? "" : " on PATH", hint ? " - " : "",
                          hint ? hint : "");
    cmd = malloc(CMDLINE_MAX);
    if (cmd == NULL)
        return vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
    cmd[0] = '\0';
    for (int i = 0; argv[i] != NULL; i++)
        if (append_arg(cmd, &at, i == 0 ? path : argv[i]) != 0) {
            free(cmd);
            return vs_err_set(e, VS_ERR_USAGE, "cannot run %s: its command line would be "
                              "longer than Windows allows", path);
        }
    cmd[at] = '\0';
    rc = spawn_wait(path, cmd, status, hint, e);
    free(cmd);
    return rc;
}
