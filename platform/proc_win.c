/* proc_win.c - proc.h with _spawnvp. */
#include "platform/proc.h"

#include <errno.h>
#include <process.h>
#include <string.h>

int vs_run_program(char *const argv[], const char *hint, int *status, vs_err *e)
{
    intptr_t rc = _spawnvp(_P_WAIT, argv[0], (const char *const *)argv);

    if (rc < 0)
        return vs_err_set(e, VS_ERR_USAGE, "cannot run %s: %s%s%s", argv[0], strerror(errno),
                          hint ? " - " : "", hint ? hint : "");
    *status = (int)rc;
    return 0;
}
