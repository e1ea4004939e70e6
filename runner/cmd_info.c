/* cmd_info.c - `vsbench info [--json]`. */
#include "runner/cmd.h"
#include "runner/info.h"

#include <stdio.h>
#include <string.h>

int vs_cmd_info(int argc, char **argv)
{
    vs_host si;
    int json = 0;

    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0) {
            json = 1;
        } else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            printf("usage: vsbench info [--json]\n\nOS, CPU, hypervisor, vsock CID, "
                   "socket-size limits and the transports this machine can use.\n");
            return 0;
        } else {
            fprintf(stderr, "vsbench info: unknown option '%s'\n", argv[i]);
            return 2;
        }
    }
    vs_info_read(&si);
    if (json) {
        vs_json j;
        vs_json_init(&j, 1);
        vs_host_json(&j, NULL, &si);
        printf("%s\n", vs_json_text(&j));
        vs_json_free(&j);
    } else {
        vs_info_print(stdout, &si);
    }
    return 0;
}
