/* fs_posix.c - fs.h on POSIX. */
#include "platform/fs.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

static volatile sig_atomic_t stop_flag;

int vs_fsync_file(FILE *f, vs_err *e)
{
    if (fflush(f) != 0)
        return vs_err_set(e, VS_ERR_RUNTIME, "write failed: %s", strerror(errno));
    if (fsync(fileno(f)) != 0 && errno != EINVAL)
        return vs_err_set(e, VS_ERR_RUNTIME, "fsync failed: %s", strerror(errno));
    return 0;
}

int vs_mkdir_one(const char *path)
{
    return mkdir(path, 0777) == 0 || errno == EEXIST ? 0 : -1;
}

int vs_path_is_sep(const char *path, const char *p)
{
    (void)path;
    return *p == '/';
}

int vs_replace_file(const char *from, const char *to, vs_err *e)
{
    if (rename(from, to) != 0)
        return vs_err_set(e, VS_ERR_RUNTIME, "cannot rename %s to %s: %s", from,
                          to, strerror(errno));
    return 0;
}

int vs_path_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

int vs_path_is_socket(const char *path)
{
    struct stat st;

    return lstat(path, &st) == 0 && S_ISSOCK(st.st_mode);
}

int vs_is_tty(FILE *f)
{
    return isatty(fileno(f));
}

void vs_stdout_binary(void)
{
    /* POSIX makes no difference between text and binary streams */
}

int vs_tty_columns(FILE *f)
{
    struct winsize ws;

    if (ioctl(fileno(f), TIOCGWINSZ, &ws) != 0)
        return 0;
    return ws.ws_col;
}

const char *vs_temp_dir(void)
{
    const char *t = getenv("TMPDIR");
    return (t != NULL && t[0] != '\0') ? t : "/tmp";
}

long vs_pid(void)
{
    return (long)getpid();
}

static void on_stop(int sig)
{
    (void)sig;
    stop_flag = 1;
}

int vs_stop_signals_install(vs_err *e)
{
    struct sigaction sa;

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_stop; /* no SA_RESTART: poll() returns early */
    sigemptyset(&sa.sa_mask);
    if (sigaction(SIGINT, &sa, NULL) != 0 || sigaction(SIGTERM, &sa, NULL) != 0)
        return vs_err_set(e, VS_ERR_RUNTIME, "cannot install signal handlers: %s",
                          strerror(errno));
    return 0;
}

int vs_stop_requested(void)
{
    return stop_flag != 0;
}

int vs_file_check_private(const char *path, vs_err *e)
{
    struct stat st;

    if (stat(path, &st) != 0)
        return vs_err_set(e, VS_ERR_USAGE, "%s: %s", path, strerror(errno));
    if (!S_ISREG(st.st_mode))
        return vs_err_set(e, VS_ERR_USAGE, "%s: not a regular file", path);
    if ((st.st_mode & 077) != 0)
        return vs_err_set(e, VS_ERR_USAGE, "%s: permissions %04o are too open: a key file "
                          "must be readable by its owner only (chmod 600 %s)", path,
                          (unsigned)(st.st_mode & 07777), path);
    return 0;
}
