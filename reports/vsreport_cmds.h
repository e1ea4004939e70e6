/* vsreport_cmds.h - the `compare` (cmd_compare.c) and `history`
 * (cmd_history.c) commands of vsreport; each returns the process exit
 * status. */
#ifndef VS_VSREPORT_CMDS_H
#define VS_VSREPORT_CMDS_H

int vs_cmd_compare(int argc, char **argv);
int vs_cmd_history(int argc, char **argv);

/* The history location: `opt` when given, else $VSBENCH_HISTORY, else
 * vsbench-history.sqlite. */
const char *vs_history_location(const char *opt);

#endif
