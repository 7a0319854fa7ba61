#include "support/server_process.h"

#include "support/postgres_cluster.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTcpServer>
#include <QThread>
#include <csignal>

namespace courtyard::test {

QString serverBinary() { return QStringLiteral(COURTYARD_BINARY_DIR "/server/courtyard-server"); }
QString deviceBinary() { return QStringLiteral(COURTYARD_BINARY_DIR "/sync/courtyard-device"); }

namespace {

// The PostgreSQL cluster of this test process, started on first use and stopped when the
// application object goes (its watchdog stops it if the process dies first).
PostgresCluster* cluster() {
    static PostgresCluster* c = [] {
        auto* made = new PostgresCluster;
        if (!made->start()) {
            delete made;
            return static_cast<PostgresCluster*>(nullptr);
        }
        qAddPostRoutine([] { delete cluster(); });
        return made;
    }();
    return c;
}

// Which store each data directory's server uses, so a second ServerProcess over another's
// directory (several servers, one database) uses its database too.
QMap<QString, QString>& storeOfDir() {
    static QMap<QString, QString> m;
    return m;
}

// A template database with the demo company, made once per test process (PostgreSQL).
QString preparedDatabase() {
    static QString conninfo;
    static bool tried = false;
    if (!tried) {
        tried = true;
        if (!cluster())
            return {};
        const QString made = cluster()->createDatabase("demo_template");
        QProcess p;
        p.start(serverBinary(), {"init", "--store", made, "--demo"});
        p.waitForFinished(120000);
        if (p.exitCode() == 0)
            conninfo = made;
        else
            qWarning() << "init --demo on PostgreSQL failed:" << p.readAllStandardError();
    }
    return conninfo;
}

// A template data directory with the demo company, made once per test process: Argon2 hashing
// of every demo PIN is slow on purpose, so each test copies the result instead.
QString preparedTemplate() {
    static QTemporaryDir dir;
    static bool ready = false;
    if (!ready) {
        QProcess p;
        p.start(serverBinary(), {"init", "--data", dir.path(), "--demo"});
        p.waitForFinished(120000);
        ready = p.exitCode() == 0;
        if (!ready)
            qWarning() << "init --demo failed:" << p.readAllStandardError();
    }
    return ready ? dir.path() : QString();
}
} // namespace

ServerProcess::ServerProcess() = default;
ServerProcess::ServerProcess(const QString& sharedDataDir)
    : m_shared(sharedDataDir), m_store(storeOfDir().value(sharedDataDir)) {}

ServerProcess::~ServerProcess() { kill(); }

QString ServerProcess::store() const { return m_store; }

QStringList ServerProcess::location() const {
    if (m_store.isEmpty())
        return {"--data", dataDir()};
    return {"--store", m_store};
}

bool ServerProcess::initDemo() {
    if (PostgresCluster::requested()) {
        static int made = 0;
        if (preparedDatabase().isEmpty())
            return false;
        m_store = cluster()->createDatabase(QStringLiteral("test_%1").arg(++made), "demo_template");
        storeOfDir()[dataDir()] = m_store;
        return !m_store.isEmpty();
    }
    const QString from = preparedTemplate();
    if (from.isEmpty())
        return false;
    // The database is closed (WAL checkpointed) when init exits: copying the file is enough.
    for (const auto& name : QDir(from).entryList(QDir::Files))
        if (!QFile::copy(from + "/" + name, m_dir.filePath(name)))
            return false;
    return true;
}

int ServerProcess::admin(const QStringList& args, QByteArray* out, QByteArray* err, const QByteArray& input) {
    QProcess p;
    QStringList full = args;
    // "device add …", "staff pin …": the data flag goes after the verb.
    const int at = args.first() == "device" || args.first() == "staff" ? 2 : 1;
    const QStringList where = location();
    for (int i = 0; i < where.size(); ++i)
        full.insert(at + i, where[i]);
    p.start(serverBinary(), full);
    p.waitForStarted(10000);
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(60000);
    if (out)
        *out = p.readAllStandardOutput();
    if (err)
        *err = p.readAllStandardError();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

Enrolled ServerProcess::addDevice(const QString& role, const QStringList& communities, const QString& name) {
    QStringList args{"device", "add", "--role", role, "--name", name, "--json"};
    for (const auto& c : communities)
        args << "--community" << c;
    QByteArray out, err;
    if (admin(args, &out, &err) != 0) {
        qWarning() << "device add failed:" << err;
        return {};
    }
    const auto o = QJsonDocument::fromJson(out).object();
    return {o["id"].toString(), o["token"].toString()};
}

bool ServerProcess::setPolicy(const QByteArray& policyJson) {
    QProcess p;
    p.start(serverBinary(), {"demo-company"});
    if (!p.waitForFinished(30000) || p.exitCode() != 0)
        return false;
    QJsonObject company = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    company["policy"] = QJsonDocument::fromJson(policyJson).object();
    QTemporaryDir tmp;
    QFile file(tmp.filePath("company.json"));
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(QJsonDocument(company).toJson());
    file.close();
    return admin({"init", "--company", file.fileName()}) == 0;
}

bool ServerProcess::revoke(const QString& deviceId) { return admin({"device", "revoke", deviceId}) == 0; }

bool ServerProcess::start(const QStringList& extra) {
    if (m_port == 0) {
        QTcpServer probe; // a free port, kept across restarts
        if (!probe.listen(QHostAddress::LocalHost, 0))
            return false;
        m_port = probe.serverPort();
    }
    if (extra.contains("--tls-cert"))
        m_scheme = "https";
    m_proc = std::make_unique<QProcess>();
    m_proc->start(serverBinary(), QStringList{"serve"} + location() +
                                      QStringList{"--listen", "127.0.0.1:" + QString::number(m_port)} + extra);
    if (!m_proc->waitForStarted(10000))
        return false;
    // It prints {"listening": "127.0.0.1:PORT"} once the socket is open.
    QElapsedTimer t;
    t.start();
    QByteArray out;
    while (t.elapsed() < 20000) {
        if (m_proc->waitForReadyRead(200))
            out += m_proc->readAllStandardOutput();
        if (out.contains("listening"))
            return true;
        if (m_proc->state() == QProcess::NotRunning) {
            qWarning() << "server exited:" << m_proc->readAllStandardError();
            return false;
        }
    }
    return false;
}

void ServerProcess::terminate() {
    if (!m_proc || m_proc->state() == QProcess::NotRunning)
        return;
    ::kill(pid_t(m_proc->processId()), SIGTERM);
    if (!m_proc->waitForFinished(15000))
        kill();
}

void ServerProcess::kill() {
    if (!m_proc || m_proc->state() == QProcess::NotRunning)
        return;
    m_proc->kill();
    m_proc->waitForFinished(10000);
}

bool ServerProcess::running() const { return m_proc && m_proc->state() == QProcess::Running; }
int ServerProcess::exitCode() const { return m_proc ? m_proc->exitCode() : -1; }
QString ServerProcess::url() const { return m_scheme + "://127.0.0.1:" + QString::number(m_port); }
QByteArray ServerProcess::readStderr() { return m_proc ? m_proc->readAllStandardError() : QByteArray(); }

} // namespace courtyard::test
