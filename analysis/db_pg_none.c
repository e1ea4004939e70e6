/* db_pg_none.c - the PostgreSQL engine of db.h in a build without libpq
 * (HAVE_LIBPQ=0; always for Windows): it says so. */
#include "analysis/db_engine.h"

static int none_open(const char *target, vs_db **db, vs_err *e)
{
    (void)target;
    *db = NULL;
    if (!vs_db_sqlite_engine.built)
        return vs_db_no_history(e);
    return vs_err_set(e, VS_ERR_UNSUPPORTED, "this vsreport was built without PostgreSQL "
                      "support (rebuild with libpq, e.g. Debian's libpq-dev; Windows builds "
                      "have none), or give a SQLite history file");
}

const vs_db_engine vs_db_pg_engine = {
    .name = "postgresql",
    .built = 0,
    .open = none_open,
};
