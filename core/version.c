/* version.c - see version.h. VS_GIT_REV comes from the Makefile. */
#include "core/version.h"

#ifndef VS_GIT_REV
#define VS_GIT_REV "unknown"
#endif

const char *vs_git_revision(void)
{
    return VS_GIT_REV;
}
