#include "server/storage/postgres/pg_in_use.h"

#include "server/storage/postgres/pg_schema.h"

#include <unistd.h>

namespace courtyard::server::pg {

namespace {

std::string processName() {
    char host[256] = {};
    if (gethostname(host, sizeof host - 1) != 0)
        host[0] = '\0';
    return "courtyard-server " + std::to_string(getpid()) + (host[0] ? std::string(" on ") + host : std::string());
}

} // namespace

Result<std::unique_ptr<Connection>> openInUse(const std::string& conninfo) {
    auto c = Connection::open(conninfo);
    if (!c)
        return c.error();
    CY_TRY((*c)->exec("SELECT set_config('application_name', $1, false)", {processName()}));
    auto held = (*c)->exec("SELECT pg_try_advisory_lock_shared($1)", {kInUseLock});
    if (!held)
        return held.error();
    if (!held->boolean(0, 0))
        return unavailable("a restore is replacing this database: start servers and commands on it once it is done");
    return c;
}

Status claimForRestore(Connection& c) {
    auto held = c.exec("SELECT pg_try_advisory_lock($1)", {kInUseLock});
    if (!held)
        return held.error();
    if (held->boolean(0, 0))
        return {};
    // The sessions holding it shared: one name per process (a server has a pool of them).
    auto who = c.exec("SELECT string_agg(DISTINCT coalesce(nullif(a.application_name, ''), 'pid ' || a.pid), ', ') "
                      "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
                      "WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 "
                      "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
                      "AND l.classid::bigint = ($1::bigint >> 32) AND l.objid::bigint = ($1::bigint & 4294967295)",
                      {kInUseLock});
    std::string names = who && who->size() > 0 ? who->text(0, 0) : std::string();
    return failedPrecondition("the database is in use" + (names.empty() ? std::string() : " by " + names) +
                              ": stop every server and command on it first; nothing was changed");
}

} // namespace courtyard::server::pg
