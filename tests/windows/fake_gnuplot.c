/* fake_gnuplot.c - a stand-in for gnuplot.exe in `make windows-test`
 * (there is no gnuplot for wine here). Called the way vsreport calls
 * gnuplot, `gnuplot -e "cd 'DIR'" SCRIPT.gp` (SCRIPT relative to DIR, as
 * "../NAME.gp"), it does what gnuplot would: writes NAME.svg, NAME.png and
 * NAME.pdf (placeholders) in DIR, its working directory; and it appends
 * its arguments, one per line, to fake-gnuplot.log beside the script: a
 * test sees that the program was found and that its arguments arrived
 * whole. Exit status 0, or 2 when called any other way. */
#include <stdio.h>
#include <string.h>

/* DIR from "cd 'DIR'" into dir[n]; 0, or -1 if arg is not that. */
static int cd_dir(const char *arg, char *dir, size_t n)
{
    size_t len = strlen(arg);

    if (strncmp(arg, "cd '", 4) != 0 || len < 5 || arg[len - 1] != '\'' || len - 5 >= n)
        return -1;
    memcpy(dir, arg + 4, len - 5);
    dir[len - 5] = '\0';
    return 0;
}

/* The length of the folder part of a path ("../a.gp": 3), 0 if none. */
static size_t folder_len(const char *path)
{
    const char *slash = strrchr(path, '/'), *back = strrchr(path, '\\');

    if (back != NULL && (slash == NULL || back > slash))
        slash = back;
    return slash != NULL ? (size_t)(slash - path) + 1 : 0;
}

static int touch(const char *dir, const char *script, const char *ext)
{
    const char *name = script + folder_len(script);
    char path[2048];
    FILE *f;

    snprintf(path, sizeof path, "%s/%.*s.%s", dir, (int)(strlen(name) - 3), name, ext);
    f = fopen(path, "wb");
    if (f == NULL)
        return -1;
    fprintf(f, "%s drawn by fake_gnuplot\n", ext);
    return fclose(f);
}

int main(int argc, char **argv)
{
    char dir[1024], log[1200];
    size_t len = argc == 4 ? strlen(argv[3]) : 0;
    FILE *f;

    if (argc != 4 || strcmp(argv[1], "-e") != 0 || cd_dir(argv[2], dir, sizeof dir) != 0 ||
        len < 4 || strcmp(argv[3] + len - 3, ".gp") != 0) {
        fprintf(stderr, "fake_gnuplot: usage: gnuplot -e \"cd 'DIR'\" SCRIPT.gp\n");
        return 2;
    }
    snprintf(log, sizeof log, "%s/%.*sfake-gnuplot.log", dir, (int)folder_len(argv[3]), argv[3]);
    f = fopen(log, "ab");
    if (f == NULL)
        return 2;
    for (int i = 0; i < argc; i++)
        fprintf(f, "%s\n", argv[i]);
    if (fclose(f) != 0 || touch(dir, argv[3], "svg") != 0 || touch(dir, argv[3], "png") != 0 ||
        touch(dir, argv[3], "pdf") != 0)
        return 2;
    return 0;
}
