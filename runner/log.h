/* log.h - timestamped diagnostic lines on stderr (the server's log). */
#ifndef VS_LOG_H
#define VS_LOG_H

#include "platform/err.h"

/* Print "TIMESTAMP vsbench: message\n" to stderr (one write per line),
 * control characters shown escaped (core/safeprint.h). */
void vs_log(const char *fmt, ...) VS_PRINTF(1, 2);

#endif
