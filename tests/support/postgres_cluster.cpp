#include "support/postgres_cluster.h"

#include <QCoreApplication>
#include <QDebug>
#include <QFile>
#include <QProcess>

#include <csignal>
#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace courtyard::test {

namespace {
constexpr const char* kUser = "courtyard"; // the cluster's superuser (initdb -U)
}

QString PostgresCluster::binDir() {
    const QString env = qEnvironmentVariable("COURTYARD_PG_BIN");
    return env.isEmpty() ? QStringLiteral("/usr/lib/postgresql/15/bin") : env;
}

bool PostgresCluster::requested() { return qEnvironmentVariable("COURTYARD_TEST_STORE") == "postgresql"; }

PostgresCluster::PostgresCluster() { m_dir.setAutoRemove(true); }

PostgresCluster::~PostgresCluster() { stop(); }

int PostgresCluster::runAsOwner(const QString& program, const QStringList& args, QByteArray* output, int timeoutMs) {
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    const QString path = binDir() + "/" + program;
    if (m_asPostgres)
        p.start("runuser", QStringList{"-u", "postgres", "--", path} + args);
    else
        p.start(path, args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        if (output)
            *output = p.readAll();
        return -1;
    }
    if (output)
        *output = p.readAll();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

bool PostgresCluster::start() {
    if (m_running)
        return true;
    if (!m_dir.isValid()) {
        qWarning() << "PostgresCluster: no temporary folder";
        return false;
    }
    m_asPostgres = ::geteuid() == 0;
    if (m_asPostgres) {
        // The cluster's user must own its folder (initdb refuses a data folder it cannot
        // chmod 0700) and reach the socket in it.
        const passwd* pw = ::getpwnam("postgres");
        if (!pw) {
            qWarning() << "PostgresCluster: running as root and there is no 'postgres' user to run the cluster as";
            return false;
        }
        if (::chown(QFile::encodeName(m_dir.path()).constData(), pw->pw_uid, pw->pw_gid) != 0) {
            qWarning() << "PostgresCluster: cannot give" << m_dir.path() << "to postgres";
            return false;
        }
    }
    const QString data = m_dir.filePath("data");
    QByteArray out;
    if (runAsOwner("initdb", {"-D", data, "-U", kUser, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"},
                   &out, 120000) != 0) {
        qWarning().noquote() << "PostgresCluster: initdb failed:" << out;
        return false;
    }
    // Only a Unix socket, in the folder; fsync off: a test cluster is thrown away anyway.
    const QString options = QStringLiteral("-c listen_addresses='' -c unix_socket_directories='%1' -c fsync=off "
                                           "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
                                .arg(m_dir.path());
    if (runAsOwner("pg_ctl", {"-D", data, "-o", options, "-l", m_dir.filePath("postgres.log"), "-w", "-t", "60",
                              "start"},
                   &out, 90000) != 0) {
        QFile log(m_dir.filePath("postgres.log"));
        log.open(QIODevice::ReadOnly);
        qWarning().noquote() << "PostgresCluster: pg_ctl start failed:" << out << log.readAll();
        stop();
        return false;
    }
    m_running = true;
    // The watchdog: once this process is gone without having stopped the cluster, stop it
    // (immediate mode) and remove the folder.
    const QString stopCmd = (m_asPostgres ? "runuser -u postgres -- " : "") + binDir() + "/pg_ctl -D '" + data +
                            "' -m immediate -w -t 30 stop";
    const QString script = QStringLiteral("while kill -0 %1 2>/dev/null; do sleep 1; done; "
                                          "if [ -f '%2/postmaster.pid' ]; then %3; fi; rm -rf '%4'")
                               .arg(QCoreApplication::applicationPid())
                               .arg(data, stopCmd, m_dir.path());
    QProcess::startDetached("sh", {"-c", script}, QString(), &m_watchdog);
    return true;
}

void PostgresCluster::stop() {
    const QString data = m_dir.filePath("data");
    if (!QFile::exists(data + "/postmaster.pid")) {
        m_running = false;
        return;
    }
    QByteArray out;
    if (runAsOwner("pg_ctl", {"-D", data, "-m", "fast", "-w", "-t", "30", "stop"}, &out, 40000) != 0) {
        // Did not stop in time: kill the postmaster (its children follow it).
        QFile pidFile(data + "/postmaster.pid");
        if (pidFile.open(QIODevice::ReadOnly)) {
            const qint64 pid = pidFile.readLine().trimmed().toLongLong();
            if (pid > 0)
                ::kill(pid_t(pid), SIGKILL);
        }
        qWarning().noquote() << "PostgresCluster: pg_ctl stop failed, killed:" << out;
    }
    m_running = false;
    if (m_watchdog > 0)
        ::kill(pid_t(m_watchdog), SIGTERM);
}

QString PostgresCluster::conninfo(const QString& database) const {
    return QStringLiteral("host=%1 user=%2 dbname=%3").arg(m_dir.path(), kUser, database);
}

QString PostgresCluster::createDatabase(const QString& name, const QString& templateName) {
    QByteArray out;
    QStringList args{"-h", m_dir.path(), "-U", kUser};
    if (!templateName.isEmpty())
        args << "-T" << templateName;
    if (runAsOwner("createdb", args << name, &out) != 0) {
        qWarning().noquote() << "PostgresCluster: createdb" << name << "failed:" << out;
        return {};
    }
    return conninfo(name);
}

} // namespace courtyard::test
