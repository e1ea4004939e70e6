/* fs_posix.c - fs.h on POSIX. */
#include "platform/fs.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
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

enum vs_path_kind vs_path_kind(const char *path)
{
    struct stat st;

    if (stat(path, &st) != 0)
        return errno == ENOENT || errno == ENOTDIR ? VS_PATH_MISSING : VS_PATH_OTHER;
    return S_ISREG(st.st_mode) ? VS_PATH_FILE : S_ISDIR(st.st_mode) ? VS_PATH_DIR : VS_PATH_OTHER;
}

static const char *kind_name(mode_t m)
{
    return S_ISDIR(m) ? "a directory" : S_ISFIFO(m) ? "a FIFO (named pipe)" :
           S_ISCHR(m) || S_ISBLK(m) ? "a device" : S_ISSOCK(m) ? "a socket" : "not a file";
}

/* fd examined: 0 for a regular file (made blocking again), else -1 with
 * the reason. */
static int check_regular(int fd, const char *path, uint64_t *size, vs_err *e)
{
    struct stat st;
    int flags;

    if (fstat(fd, &st) != 0)
        return vs_err_set(e, VS_ERR_USAGE, "%s: %s", path, strerror(errno));
    if (!S_ISREG(st.st_mode))
        return vs_err_set(e, VS_ERR_USAGE, "%s: %s, not a regular file", path,
                          kind_name(st.st_mode));
    flags = fcntl(fd, F_GETFL);
    if (flags < 0 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) != 0)
        return vs_err_set(e, VS_ERR_USAGE, "%s: %s", path, strerror(errno));
    *size = (uint64_t)st.st_size;
    return 0;
}

FILE *vs_open_regular(const char *path, uint64_t *size, int *missing, vs_err *e)
{
    FILE *f = NULL;
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);

    if (missing != NULL)
        *missing = 0;
    if (fd < 0) {
        if (errno == ENOENT && missing != NULL)
            *missing = 1;
        else
            vs_err_set(e, VS_ERR_USAGE, "%s: %s", path, strerror(errno));
        return NULL;
    }
    if (check_regular(fd, path, size, e) == 0 && (f = fdopen(fd, "rb")) == NULL)
        vs_err_set(e, VS_ERR_USAGE, "%s: %s", path, strerror(errno));
    if (f == NULL)
        close(fd);
    return f;
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

struct vs_dir_lock {
    int fd;
};

/* The pid written in a lock file, or 0. */
static long lock_holder(int fd)
{
    char text[32];
    ssize_t n = pread(fd, text, sizeof text - 1, 0);

    if (n <= 0)
        return 0;
    text[n] = '\0';
    return strtol(text, NULL, 10);
}

/* Write this process's pid into the lock file, for the message of the
 * next taker: 0, or -1. */
static int write_holder(int fd)
{
    char text[32];
    int n = snprintf(text, sizeof text, "%ld\n", (long)getpid());

    return ftruncate(fd, 0) == 0 && pwrite(fd, text, (size_t)n, 0) == n ? 0 : -1;
}

int vs_dir_lock_take(const char *dir, const char *who, vs_dir_lock **lock, vs_err *e)
{
    char path[4096], holder[32] = "";
    int fd, err;
    long pid;

    snprintf(path, sizeof path, "%s/.vsbench.lock", dir);
    fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0)
        return vs_err_set(e, VS_ERR_USAGE, "cannot create %s: %s", path, strerror(errno));
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        err = errno;
        pid = err == EWOULDBLOCK ? lock_holder(fd) : 0;
        close(fd);
        if (err != EWOULDBLOCK)
            return vs_err_set(e, VS_ERR_USAGE, "cannot lock %s: %s", path, strerror(err));
        if (pid > 0)
            snprintf(holder, sizeof holder, " (pid %ld)", pid);
        return vs_err_set(e, VS_ERR_USAGE, "%s: another %s%s is writing there; wait for it "
                          "to end, or choose another directory", dir, who, holder);
    }
    *lock = malloc(sizeof **lock);
    if (*lock == NULL) {
        close(fd);
        return vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
    }
    (*lock)->fd = fd;
    (void)write_holder(fd); /* a courtesy: the lock holds without it */
    return 0;
}

void vs_dir_unlock(vs_dir_lock *lock)
{
    if (lock == NULL)
        return;
    close(lock->fd); /* drops the lock; the file stays (removing it would race) */
    free(lock);
}

int vs_remove_dir(const char *path)
{
    return rmdir(path);
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
