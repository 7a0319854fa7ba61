#pragma once
// A throw-away PostgreSQL 15 cluster for tests: initdb into a temporary folder, postgres
// listening only on a Unix socket in that folder (no TCP port, nothing shared with a system
// service), one database per caller. PostgreSQL refuses to run as root and CI runs as root, so
// then the cluster runs as the unprivileged `postgres` user (runuser), which owns the folder.
// Stopped by the destructor, and by a watchdog process if the test process dies first (a crash,
// ctest's timeout), so no postgres outlives the test that started it.

#include <QString>
#include <QTemporaryDir>

namespace courtyard::test {

class PostgresCluster {
public:
    PostgresCluster();
    ~PostgresCluster();
    PostgresCluster(const PostgresCluster&) = delete;
    PostgresCluster& operator=(const PostgresCluster&) = delete;

    // initdb + start; false (with a warning saying why) if it could not.
    bool start();
    void stop();
    bool running() const { return m_running; }

    // A new database, empty or a copy of `templateName`; its libpq connection string ("" on
    // failure).
    QString createDatabase(const QString& name, const QString& templateName = {});
    // The connection string of an existing database of this cluster.
    QString conninfo(const QString& database) const;
    QString socketDir() const { return m_dir.path(); }

    // The binaries' folder (Debian: /usr/lib/postgresql/15/bin; COURTYARD_PG_BIN overrides).
    static QString binDir();
    // Whether the test should use PostgreSQL (COURTYARD_TEST_STORE=postgresql).
    static bool requested();

private:
    // Runs a PostgreSQL binary as the cluster's user; its exit code (-1 if it did not finish).
    int runAsOwner(const QString& program, const QStringList& args, QByteArray* output = nullptr,
                   int timeoutMs = 60000);

    QTemporaryDir m_dir;
    bool m_running = false;
    bool m_asPostgres = false;
    qint64 m_watchdog = 0;
};

} // namespace courtyard::test
