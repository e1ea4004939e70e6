/* err.c - see err.h. */
#include "platform/err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void vs_err_clear(vs_err *e)
{
    if (e == NULL)
        return;
    e->code = VS_OK;
    e->msg[0] = '\0';
}

int vs_err_set(vs_err *e, int code, const char *fmt, ...)
{
    va_list ap;

    if (e == NULL)
        return -1;
    e->code = code;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
    return -1;
}

int vs_err_prefix(vs_err *e, const char *fmt, ...)
{
    char head[VS_ERR_MSG_MAX];
    char old[VS_ERR_MSG_MAX];
    va_list ap;

    if (e == NULL)
        return -1;
    va_start(ap, fmt);
    vsnprintf(head, sizeof head, fmt, ap);
    va_end(ap);
    memcpy(old, e->msg, sizeof old);
    snprintf(e->msg, sizeof e->msg, "%s: %s", head, old);
    return -1;
}
