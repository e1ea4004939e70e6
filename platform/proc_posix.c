/* proc_posix.c - proc.h with posix_spawnp. */
#include "platform/proc.h"

#include <errno.h>
#include <spawn.h>
#include <string.h>
#include <sys/wait.h>

extern char **environ;

int vs_run_program(char *const argv[], const char *hint, int *status, vs_err *e)
{
    pid_t pid;
    int rc = posix_spawnp(&pid, argv[0], NULL, NULL, argv, environ), ws;

    if (rc != 0)
        return vs_err_set(e, VS_ERR_USAGE, "cannot run %s: %s%s%s", argv[0], strerror(rc),
                          hint ? " - " : "", hint ? hint : "");
    while (waitpid(pid, &ws, 0) < 0)
        if (errno != EINTR)
            return vs_err_set(e, VS_ERR_RUNTIME, "waiting for %s: %s", argv[0],
                              strerror(errno));
    *status = WIFEXITED(ws) ? WEXITSTATUS(ws) : 128 + WTERMSIG(ws);
    return 0;
}
