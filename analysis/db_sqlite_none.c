/* db_sqlite_none.c - the SQLite engine of db.h in a build without SQLite
 * (HAVE_SQLITE=0, e.g. MinGW without SQLITE_SRC): it says so, and how to
 * build it in. */
#include "analysis/db_engine.h"

static int none_open(const char *target, vs_db **db, vs_err *e)
{
    (void)target;
    *db = NULL;
    if (!vs_db_pg_engine.built)
        return vs_db_no_history(e);
    return vs_err_set(e, VS_ERR_UNSUPPORTED, "this vsreport was built without SQLite, the "
                      "embedded history (rebuild with it: Debian's libsqlite3-dev, or "
                      "SQLITE_SRC=DIR holding sqlite3.c and sqlite3.h), or give a "
                      "postgresql:// history");
}

const vs_db_engine vs_db_sqlite_engine = {
    .name = "sqlite",
    .built = 0,
    .open = none_open,
};
