/* cmd_sweep_none.c - `vsbench sweep` in builds without an INI parser
 * (MinGW builds made without INIH_SRC; see docs/windows.md). */
#include "runner/cmd.h"
#include "core/cli.h"

int vs_cmd_sweep(int argc, char **argv)
{
    vs_cli cli = { "vsbench", "sweep", "", "" };

    (void)argc;
    (void)argv;
    return vs_cli_fail(&cli, VS_ERR_USAGE, "sweep: this vsbench was built without inih, so it cannot read "
                          "profiles; rebuild with INIH_SRC=/path/to/inih (see "
                          "docs/windows.md), or run sweeps from a Linux peer");
}
