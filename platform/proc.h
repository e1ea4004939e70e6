/*
 * proc.h - run another program (gnuplot) and wait for it, without a shell.
 * Implementations: proc_posix.c (posix_spawnp), proc_win.c (_spawnvp).
 */
#ifndef VS_PROC_H
#define VS_PROC_H

#include "platform/err.h"

/* Run argv[0] (searched in PATH) with argv, wait, and return its exit
 * status in *status. -1 with a message if it could not be started (a
 * missing program says so and how to install it, from `hint`). */
int vs_run_program(char *const argv[], const char *hint, int *status, vs_err *e);

#endif
