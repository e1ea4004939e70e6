/* db_sqlite_none.c - the SQLite engine of db.h in a build without SQLite
 * (HAVE_SQLITE=0, e.g. MinGW without a SQLite library): it says so. */
#include "analysis/db_engine.h"

static int none_open(const char *target, vs_db **db, vs_err *e)
{
    (void)target;
    *db = NULL;
    return vs_err_set(e, VS_ERR_UNSUPPORTED, "this vsreport was built without SQLite, the "
                      "embedded history (rebuild with SQLite, e.g. Debian's libsqlite3-dev), "
                      "or give a postgresql:// history");
}

const vs_db_engine vs_db_sqlite_engine = {
    .name = "sqlite",
    .built = 0,
    .open = none_open,
};
