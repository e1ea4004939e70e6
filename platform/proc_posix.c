/* proc_posix.c - proc.h with posix_spawn. */
#include "platform/proc.h"

#include <errno.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

/* 1 if path is a regular file this process may execute. */
static int is_program(const char *path)
{
    struct stat st;

    return stat(path, &st) == 0 && S_ISREG(st.st_mode) && access(path, X_OK) == 0;
}

int vs_find_program(const char *name, char *path, size_t n)
{
    const char *dirs = getenv("PATH");

    if (strchr(name, '/') != NULL) {
        snprintf(path, n, "%s", name);
        return is_program(name) && strlen(name) < n ? 0 : -1;
    }
    if (dirs == NULL)
        dirs = "/usr/bin:/bin";
    while (1) {
        size_t len = strcspn(dirs, ":");
        /* an empty entry is the current folder */
        int w = snprintf(path, n, "%.*s%s%s", (int)len, len ? dirs : ".", "/", name);
        if (w > 0 && (size_t)w < n && is_program(path))
            return 0;
        if (dirs[len] == '\0')
            return -1;
        dirs += len + 1;
    }
}

int vs_run_program(char *const argv[], const char *hint, int *status, vs_err *e)
{
    char path[VS_PROGRAM_PATH_MAX];
    pid_t pid;
    int rc, ws;

    if (vs_find_program(argv[0], path, sizeof path) != 0)
        return vs_err_set(e, VS_ERR_USAGE, "cannot run %s: not found%s%s%s", argv[0],
                          strchr(argv[0], '/') ? "" : " on PATH", hint ? " - " : "",
                          hint ? hint : "");
    rc = posix_spawn(&pid, path, NULL, NULL, argv, environ);
    if (rc != 0)
        return vs_err_set(e, VS_ERR_USAGE, "cannot run %s: %s%s%s", path, strerror(rc),
                          hint ? " - " : "", hint ? hint : "");
    while (waitpid(pid, &ws, 0) < 0)
        if (errno != EINTR)
            return vs_err_set(e, VS_ERR_RUNTIME, "waiting for %s: %s", argv[0],
                              strerror(errno));
    *status = WIFEXITED(ws) ? WEXITSTATUS(ws) : 128 + WTERMSIG(ws);
    return 0;
}
