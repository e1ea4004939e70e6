/* vsreport_cmds.h - the `compare` and `history` commands of vsreport
 * (cmd_compare.c); each returns the process exit status. */
#ifndef VS_VSREPORT_CMDS_H
#define VS_VSREPORT_CMDS_H

int vs_cmd_compare(int argc, char **argv);
int vs_cmd_history(int argc, char **argv);

#endif
