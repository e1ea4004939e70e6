/*
 * cmd.h - the subcommands of `vsbench`. Each parses its own options and
 * returns the process exit status (see README "Exit status").
 */
#ifndef VS_CMD_H
#define VS_CMD_H

int vs_cmd_run(int argc, char **argv);
int vs_cmd_serve(int argc, char **argv);
int vs_cmd_info(int argc, char **argv);
int vs_cmd_sweep(int argc, char **argv);

/* Print "vsbench: msg" to stderr and return code (for one-line exits). */
int vs_cmd_fail(int code, const char *msg);

#endif
