/* cmd_sweep.c - `vsbench sweep` (placeholder until the sweep engine lands). */
#include "runner/cmd.h"

int vs_cmd_sweep(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    return vs_cmd_fail(2, "sweep: not built yet");
}
