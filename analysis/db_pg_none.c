/* db_pg_none.c - the PostgreSQL engine of db.h in a build without libpq
 * (HAVE_LIBPQ=0, e.g. MinGW): it says so. */
#include "analysis/db_engine.h"

static int none_open(const char *target, vs_db **db, vs_err *e)
{
    (void)target;
    *db = NULL;
    return vs_err_set(e, VS_ERR_UNSUPPORTED, "this vsreport was built without PostgreSQL "
                      "support (rebuild with libpq, e.g. Debian's libpq-dev), or give a "
                      "SQLite history file");
}

const vs_db_engine vs_db_pg_engine = {
    .name = "postgresql",
    .built = 0,
    .open = none_open,
};
