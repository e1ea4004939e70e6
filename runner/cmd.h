/*
 * cmd.h - the subcommands of `vsbench`. Each parses its own options
 * (core/cli.h) and returns the process exit status (platform/err.h; see
 * README "Exit status"). argv[0] is the command's name.
 */
#ifndef VS_CMD_H
#define VS_CMD_H

int vs_cmd_run(int argc, char **argv);
int vs_cmd_serve(int argc, char **argv);
int vs_cmd_info(int argc, char **argv);
int vs_cmd_sweep(int argc, char **argv);
int vs_cmd_version(int argc, char **argv);

#endif
