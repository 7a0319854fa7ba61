#pragma once
// The real courtyard-server binary on 127.0.0.1, for loopback tests: a temporary data
// directory loaded with the demo company, devices enrolled through the CLI, started on a free
// port, stopped with SIGTERM or killed with SIGKILL and restarted on the same port. With
// COURTYARD_TEST_STORE=postgresql the database is a PostgreSQL database of a throw-away
// cluster (one per test process, support/postgres_cluster.h) instead, made from a template
// loaded with the demo company, attachments included; the temporary directory then holds nothing.

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <memory>

namespace courtyard::test {

QString serverBinary();
QString deviceBinary();

struct Enrolled {
    QString id;
    QString token;
};

class ServerProcess {
public:
    ServerProcess();
    // A second instance over another's data directory (several servers, one database).
    explicit ServerProcess(const QString& sharedDataDir);
    ~ServerProcess();

    // courtyard-server init --demo into a fresh data directory (or a copy of a prepared one).
    bool initDemo();
    Enrolled addDevice(const QString& role, const QStringList& communities, const QString& name = "test device");
    bool revoke(const QString& deviceId);

    // Starts serving; the first start picks a free port, restarts reuse it.
    bool start(const QStringList& extra = {});
    void terminate(); // SIGTERM, waits for a clean exit
    void kill();      // SIGKILL
    bool running() const;
    int exitCode() const;

    QString url() const;
    int port() const { return m_port; }
    QString dataDir() const { return m_shared.isEmpty() ? m_dir.path() : m_shared; }
    // The PostgreSQL connection string, or "" on SQLite.
    QString store() const;
    QByteArray readStderr();

    // Loads the demo company again with these policy keys (a JSON object), as an administrator
    // editing the company file would; the other keys keep their defaults.
    bool setPolicy(const QByteArray& policyJson);

    // Runs a courtyard-server subcommand against the data directory, `input` on its standard
    // input (a PIN for `staff pin`).
    int admin(const QStringList& args, QByteArray* out = nullptr, QByteArray* err = nullptr,
              const QByteArray& input = {});

private:
    // --data DIR, or --store CONNINFO.
    QStringList location() const;

    QTemporaryDir m_dir;
    QString m_shared;
    QString m_store;
    std::unique_ptr<QProcess> m_proc;
    int m_port = 0;
    QString m_scheme = "http";
};

} // namespace courtyard::test
