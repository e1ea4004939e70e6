/* log.c - see log.h. */
#include "runner/log.h"
#include "core/safeprint.h"
#include "platform/clock.h"

#include <stdarg.h>
#include <stdio.h>

void vs_log(const char *fmt, ...)
{
    char when[32], msg[768], shown[4 * sizeof msg];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    /* messages quote what peers sent: no escape sequence reaches the log */
    fprintf(stderr, "%s vsbench: %s\n", vs_iso8601(vs_wall_seconds(), when, sizeof when),
            vs_safe_copy(shown, sizeof shown, msg));
}
