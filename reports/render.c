/* render.c - see render.h. */
#include "reports/render.h"
#include "reports/markup.h"
#include "platform/fs.h"
#include "platform/proc.h"

#include <stdio.h>
#include <string.h>

#define GNUPLOT_HINT "install gnuplot (www.gnuplot.info; Debian: apt-get install gnuplot-nox)"

int vs_charts_find_gnuplot(const char *given, char *path, size_t n, char *why, size_t wn,
                           vs_err *e)
{
    if (given != NULL) {
        if (vs_find_program(given, path, n) != 0)
            return vs_err_set(e, VS_ERR_USAGE, "--gnuplot %s: no such program", given);
        return 0;
    }
    if (vs_find_program("gnuplot", path, n) == 0)
        return 0;
    snprintf(why, wn, "gnuplot was not found on PATH. To draw them, " GNUPLOT_HINT " and run "
             "vsreport report again, or give its path with --gnuplot PATH; or run gnuplot on "
             "the scripts in charts/ (gnuplot NAME.gp in that folder)");
    return 1;
}

static const char *const drawn_ext[] = { "png", "svg", "pdf" };

/* What gnuplot drew for `base` in `from`: renamed into `to` (whole files
 * only ever appear there), or with keep 0 removed. After a failed rename
 * the rest is removed too: the private folder empties either way. */
static int settle_drawn(const char *from, const char *to, const char *base, int keep, vs_err *e)
{
    char src[1500], dst[1500];
    int rc = 0;

    for (int i = 0; i < 3; i++) {
        snprintf(src, sizeof src, "%s/%s.%s", from, base, drawn_ext[i]);
        snprintf(dst, sizeof dst, "%s/%s.%s", to, base, drawn_ext[i]);
        if (!vs_path_exists(src))
            continue;
        if (!keep || rc != 0)
            remove(src);
        else if (vs_replace_file(src, dst, e) != 0) {
            rc = -1;
            remove(src);
        }
    }
    return rc;
}

/* gnuplot draws one chart in `tmp`, a private folder inside `dir` that
 * holds a copy of the chart's data; the script stays in `dir`. */
static int render_one(const char *dir, const char *tmp, const char *base, const char *gnuplot,
                      vs_err *e)
{
    char cd[2 * 1500 + 8], quoted[2 * 1500 + 4], script[200], from[1500], to[1500];
    char *argv[] = { (char *)(gnuplot ? gnuplot : "gnuplot"), "-e", cd, script, NULL };
    int status, rc;

    snprintf(from, sizeof from, "%s/%s.dat", dir, base);
    snprintf(to, sizeof to, "%s/%s.dat", tmp, base);
    if (vs_copy_file(from, to, e) != 0)
        return -1;
    vs_gnuplot_string(tmp, quoted, sizeof quoted);
    snprintf(cd, sizeof cd, "cd %s", quoted);
    snprintf(script, sizeof script, "../%s.gp", base);
    rc = vs_run_program(argv, GNUPLOT_HINT, &status, e);
    remove(to);
    if (rc != 0 || status != 0) {
        settle_drawn(tmp, dir, base, 0, e); /* no half-drawn chart stays */
        return rc != 0 ? -1 : vs_err_set(e, VS_ERR_RUNTIME, "gnuplot failed on %s/%s.gp "
                                         "(status %d)", dir, base, status);
    }
    return settle_drawn(tmp, dir, base, 1, e);
}

int vs_charts_render(const char *dir, const vs_chart_set *set, const char *gnuplot, vs_err *e)
{
    char tmp[1500];
    int rc = 0;

    /* a backtick cannot be written in a gnuplot string (it would run) */
    if (strchr(dir, '`') != NULL || strlen(dir) >= 1400)
        return vs_err_set(e, VS_ERR_USAGE, "output folder names with a backtick (or over 1400 "
                          "bytes) are not supported: %s", dir);
    snprintf(tmp, sizeof tmp, "%s/.render-%ld", dir, vs_pid());
    if (vs_mkdir_p(tmp, e) != 0)
        return -1;
    for (int i = 0; i < set->n && rc == 0; i++)
        rc = render_one(dir, tmp, set->c[i].base, gnuplot, e);
    vs_remove_dir(tmp);
    return rc;
}
