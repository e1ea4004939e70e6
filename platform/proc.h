/*
 * proc.h - find and run another program (gnuplot) and wait for it,
 * without a shell. Implementations: proc_posix.c (posix_spawnp),
 * proc_win.c (CreateProcess with a command line quoted as the C runtime
 * of the child splits it).
 */
#ifndef VS_PROC_H
#define VS_PROC_H

#include <stddef.h>

#include "platform/err.h"

#define VS_PROGRAM_PATH_MAX 1024

/* Where `name` would run from: a name with a folder in it must be an
 * existing program file itself; a bare name is looked up in the folders
 * of PATH (on Windows also as NAME.exe). 0 with the full path in
 * path[n]; -1 if there is none. */
int vs_find_program(const char *name, char *path, size_t n);

/* Run argv[0] (looked up as vs_find_program does) with argv, wait, and
 * return its exit status in *status. -1 with a message if it could not
 * be started (a missing program says so and how to install it, from
 * `hint`). Arguments reach the program exactly as given, spaces and
 * quotes included. */
int vs_run_program(char *const argv[], const char *hint, int *status, vs_err *e);

#endif
