#pragma once
// A throw-away PostgreSQL cluster for benchmarks (no Qt: fork/exec): initdb into a temporary
// folder, listening only on a Unix socket in it, stopped and removed at the end — by stop(),
// the destructor, or, when the benchmark dies without either, a watchdog process.
//
// Unlike the tests' cluster it is durable (fsync, synchronous_commit and full_page_writes on):
// a benchmark measures what a real installation would do.

#include "shared/core/result.h"

#include <string>
#include <sys/types.h>
#include <vector>

namespace courtyard::bench {

struct PostgresOptions {
    std::string binDir = "/usr/lib/postgresql/15/bin"; // COURTYARD_PG_BIN overrides it
    int maxConnections = 100;
};

class PostgresProcess {
public:
    explicit PostgresProcess(PostgresOptions options = {});
    ~PostgresProcess();
    PostgresProcess(const PostgresProcess&) = delete;
    PostgresProcess& operator=(const PostgresProcess&) = delete;

    // initdb and pg_ctl start. As root, the cluster runs as the `postgres` user (PostgreSQL
    // refuses root): the folder is given to it and every program runs under runuser.
    Status start();
    // A new, empty database; its libpq connection string (key=value form, which
    // `courtyard-server --store` accepts).
    Result<std::string> createDatabase(const std::string& name);
    // pg_ctl stop -m fast, then the folder goes. Safe to call twice.
    void stop();

    // The settings that matter for the figures, to print beside them.
    std::string describe() const;
    // The folder holding the cluster, its socket and its log (postgres.log).
    const std::string& folder() const { return m_dir; }

private:
    int run(const std::string& program, const std::vector<std::string>& args, std::string* output = nullptr);
    void startWatchdog();

    PostgresOptions m_options;
    std::string m_dir;
    bool m_asPostgres = false;
    bool m_running = false;
    pid_t m_watchdog = -1;
};

} // namespace courtyard::bench
