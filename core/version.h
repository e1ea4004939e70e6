/* version.h - the tool's version and the git revision it was built from. */
#ifndef VS_VERSION_H
#define VS_VERSION_H

#define VS_VERSION "0.1.0"

/* "abc1234" or "abc1234-dirty"; "unknown" outside a git checkout. */
const char *vs_git_revision(void);

#endif
