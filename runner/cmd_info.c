/* cmd_info.c - `vsbench info [--json] [--path ADDR]` and `vsbench version`. */
#include "runner/cmd.h"
#include "core/facts_text.h"
#include "platform/facts.h"
#include "runner/info.h"
#include "core/cli.h"

#include <stdio.h>

#define PATH_CONNECT_MS 5000

static const char usage[] =
    "usage: vsbench info [--json] [--path ADDR]\n"
    "\n"
    "OS, CPU, hypervisor, vsock CID, socket-size limits, the transports this\n"
    "machine can use, and the settings that move results (docs/files.md, Facts).\n"
    "\n"
    "      --json        one JSON object (what meta.json records per host, and\n"
    "                    \"facts\")\n"
    "      --path ADDR   connect to the vsbench server at ADDR (nothing is sent)\n"
    "                    and show that connection's data path: interface, driver,\n"
    "                    MTU, offloads, queues, qdisc, congestion control, or the\n"
    "                    vsock transport\n";

/* Connect to `text` (a vsbench server) and read the connection's data
 * path; nothing is sent. */
static int read_path(const vs_cli *cli, const char *text, vs_facts *fs)
{
    vs_addr a;
    vs_sock s;
    vs_err e;

    if (vs_addr_parse(text, &a, &e) != 0 ||
        vs_sock_connect(&a, 0, PATH_CONNECT_MS, &s, &e) != 0)
        return vs_cli_fail_err(cli, 0, &e);
    vs_facts_path(s, a.tr, fs);
    vs_sock_close(s);
    return VS_OK;
}

static void print_json(const vs_host *si, const vs_facts *machine, const vs_facts *path)
{
    vs_json j;

    vs_json_init(&j, 1);
    vs_json_obj_begin(&j, NULL);
    vs_host_json_members(&j, si);
    vs_facts_json(&j, "facts", machine);
    if (path != NULL)
        vs_facts_json(&j, "path", path);
    vs_json_obj_end(&j);
    printf("%s\n", vs_json_text(&j));
    vs_json_free(&j);
}

static void print_text(const vs_host *si, const vs_facts *machine, const vs_facts *path,
                       const char *path_text)
{
    vs_info_print(stdout, si);
    printf("settings\n");
    vs_facts_print(stdout, machine, VS_FS_MACHINE, "  ");
    if (path != NULL) {
        printf("data path to %s\n", path_text);
        vs_facts_print(stdout, path, VS_FS_PATH, "  ");
    }
}

int vs_cmd_info(int argc, char **argv)
{
    vs_cli cli = { "vsbench", "info", usage, "j/json P/path= h:help" };
    vs_host si;
    vs_facts machine, path;
    const char *path_text = NULL;
    int c, json = 0, rc;

    while ((c = vs_cli_next(&cli, argc, argv)) != -1) {
        if (c == VS_CLI_EXIT)
            return cli.status;
        if (c == 'P')
            path_text = optarg;
        else
            json = 1;
    }
    if (optind < argc)
        return vs_cli_fail(&cli, VS_ERR_USAGE, "info: unexpected argument '%s'", argv[optind]);
    vs_facts_init(&path);
    if (path_text != NULL && (rc = read_path(&cli, path_text, &path)) != VS_OK)
        return rc;
    vs_info_read(&si);
    vs_facts_init(&machine);
    vs_facts_machine(&si, &machine);
    if (json)
        print_json(&si, &machine, path_text != NULL ? &path : NULL);
    else
        print_text(&si, &machine, path_text != NULL ? &path : NULL, path_text);
    return VS_OK;
}

int vs_cmd_version(int argc, char **argv)
{
    return vs_cli_version("vsbench", NULL, argc, argv);
}
