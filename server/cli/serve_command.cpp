#include "server/cli/serve_command.h"

#include "server/http/http_server.h"
#include "server/observability/log.h"
#include "server/storage/data_dir_lock.h"
#include "server/storage/postgres_storage.h"
#include "server/storage/sqlite_storage.h"
#include "sync/protocol/crypto.h"

#include "courtyard/version.h"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <ostream>
#include <sys/resource.h>

namespace courtyard::server {

namespace fs = std::filesystem;

namespace {

bool isLoopback(const std::string& address) {
    return address == "127.0.0.1" || address == "::1" || address == "localhost" || address.rfind("127.", 0) == 0;
}

// The defaults are the server's own (HttpServerConfig, SqliteStorageOptions).
struct ServeOptions {
    std::string data, store, blobs, archive;
    std::string listen = "127.0.0.1:8080";
    std::string tlsCert, tlsKey;
    int ioThreads = HttpServerConfig{}.ioThreads;
    int workers = HttpServerConfig{}.workerThreads;
    int maxConnections = HttpServerConfig{}.maxConnections;
    int escalationSeconds = int(HttpServerConfig{}.escalationInterval.count());
    int readers = SqliteStorageOptions{}.readers;
    int bodyBudgetMib = int(HttpServerConfig{}.bodyBudgetBytes >> 20);
    int readTimeoutSeconds = int(HttpServerConfig{}.readTimeout.count());
};

int runServe(const ServeOptions& o, const CliIo& io) {
    HttpServerConfig config;
    const auto colon = o.listen.rfind(':');
    int port = -1;
    if (colon != std::string::npos) {
        try {
            std::size_t used = 0;
            port = std::stoi(o.listen.substr(colon + 1), &used);
            if (used != o.listen.size() - colon - 1)
                port = -1;
        } catch (const std::exception&) {
        }
    }
    if (port < 0 || port > 65535)
        return usageError(io.err, "serve", "--listen: '" + o.listen + "' is not ADDRESS:PORT");
    config.address = o.listen.substr(0, colon);
    config.port = static_cast<unsigned short>(port);
    config.ioThreads = o.ioThreads;
    config.workerThreads = o.workers;
    config.maxConnections = o.maxConnections;
    config.escalationInterval = std::chrono::seconds(o.escalationSeconds);
    config.bodyBudgetBytes = std::size_t(o.bodyBudgetMib) << 20;
    config.readTimeout = config.writeTimeout = std::chrono::seconds(o.readTimeoutSeconds);
    if (!o.tlsCert.empty())
        config.tlsCertFile = o.tlsCert;
    if (!o.tlsKey.empty())
        config.tlsKeyFile = o.tlsKey;

    if (auto st = checkDataLocation(o.data, o.store); !st)
        return usageError(io.err, "serve", st.error().message);
    // Attachments: files under the data directory on SQLite; in the database on PostgreSQL, so
    // every server of the group has them, unless --blobs DIR keeps them as files in DIR (shared
    // by the servers only if it is a shared file system; docs/admin.md).
    const bool blobsInDatabase = !o.store.empty() && o.blobs.empty();
    const fs::path blobDir = o.blobs.empty() ? fs::path(o.data) / "blobs" : fs::path(o.blobs);
    std::unique_ptr<ServerStorage> storage;
    std::unique_ptr<DataDirLock> lock;
    std::function<std::size_t()> queueDepth;
    if (o.store.empty()) {
        if (!fs::is_directory(o.data)) {
            io.err << "error: data directory '" << o.data << "' does not exist (run 'courtyard-server init' first)\n";
            return 1;
        }
        // Held while serving: `restore` refuses to replace the database under a running server.
        auto held = DataDirLock::acquire(o.data, DataDirLock::Mode::Shared);
        if (!held)
            return report(held.error(), io.err);
        lock = std::move(*held);
        SqliteStorageOptions options;
        options.readers = o.readers;
        auto sqlite = SqliteStorage::open((fs::path(o.data) / kDbFile).string(), options);
        if (!sqlite)
            return report(sqlite.error(), io.err);
        queueDepth = [s = sqlite->get()] { return s->queueDepth(); };
        storage = std::move(*sqlite);
    } else {
        PostgresStorageOptions options;
        options.connections = o.readers;
        auto pg = PostgresStorage::open(o.store, options);
        if (!pg)
            return report(pg.error(), io.err);
        queueDepth = [s = pg->get()] { return s->waiting(); };
        storage = std::move(*pg);
    }
    RulesCache rules;
    SyncService sync(*storage, rules, systemNow);
    BlobService blobs(*storage, openBlobStore(*storage, o.data, o.blobs), systemNow);
    EscalationService escalations(*storage, rules, systemNow);
    AuthService auth(*storage, rules, systemNow);
    RetentionService retention(*storage, blobs, rules, systemNow);
    Metrics metrics;
    ServerContext ctx{*storage, sync, blobs, escalations, auth, metrics, systemNow};
    ctx.writeQueueDepth = queueDepth;
    // Retention runs only where its archive can be written: records are never purged unkept.
    const fs::path archive = !o.archive.empty() ? fs::path(o.archive) : o.data.empty() ? fs::path() : fs::path(o.data) / "archive";
    if (!archive.empty()) {
        ctx.retention = &retention;
        ctx.archiveDir = archive;
    } else {
        Log::warn("no --archive folder: the daily retention pass does not run on this server");
    }

    // A server holds a socket per device and files per database: use all the descriptors the
    // system allows this process.
    rlimit lim{};
    if (getrlimit(RLIMIT_NOFILE, &lim) == 0 && lim.rlim_cur < lim.rlim_max) {
        lim.rlim_cur = lim.rlim_max;
        setrlimit(RLIMIT_NOFILE, &lim);
    }
    HttpServer server(config, ctx);
    auto bound = server.start();
    if (!bound)
        return report(bound.error(), io.err);
    if (!config.tlsCertFile && !isLoopback(config.address))
        Log::warn("listening without TLS on an address other machines can reach: device tokens, PINs and "
                  "residents' data cross the network in clear; give --tls-cert and --tls-key, or put a TLS "
                  "proxy in front and listen on 127.0.0.1",
                  {{"address", config.address}});
    if (sync::insecureFastPinHash())
        Log::warn("COURTYARD_INSECURE_FAST_PIN_HASH=1: new PIN hashes are cheap to guess (tests only)");
    Log::info("listening", {{"address", config.address},
                            {"port", *bound},
                            {"tls", bool(config.tlsCertFile)},
                            {"engine", o.store.empty() ? "sqlite" : "postgresql"}, // not the conninfo: it may hold a password
                            {"data", o.data},
                            {"blobs", blobsInDatabase ? std::string("postgresql") : blobDir.string()},
                            {"archive", archive.string()},
                            {"version", COURTYARD_VERSION}});
    io.out << Json{{"listening", config.address + ":" + std::to_string(*bound)}}.dump() << std::endl;
    server.run();
    if (auto* sqlite = dynamic_cast<SqliteStorage*>(storage.get()))
        sqlite->stop();
    Log::info("stopped");
    return 0;
}

} // namespace

void addServeCommand(CLI::App& app, CliContext& ctx) {
    auto o = std::make_shared<ServeOptions>();
    auto* sub = app.add_subcommand("serve", "Run the sync server on a data directory or a PostgreSQL database "
                                            "(until SIGINT or SIGTERM)");
    addDataOption(*sub, o->data, o->store);
    sub->add_option("--blobs", o->blobs, "The folder for attachments (default: DIR/blobs with --data; in the database with --store)")
        ->envname("COURTYARD_BLOBS")
        ->type_name("DIR");
    sub->add_option("--archive", o->archive,
                    "The folder the daily retention pass writes its archives to before it purges (default: DIR/archive "
                    "with --data; with --store, retention runs only where this is given)")
        ->envname("COURTYARD_ARCHIVE")
        ->type_name("DIR");
    sub->add_option("--listen", o->listen, "The address and port to listen on (port 0: any free port)")
        ->envname("COURTYARD_LISTEN")
        ->type_name("ADDRESS:PORT")
        ->capture_default_str();
    auto* cert = sub->add_option("--tls-cert", o->tlsCert, "Serve HTTPS with this certificate chain (PEM)")
                     ->envname("COURTYARD_TLS_CERT")
                     ->type_name("FILE");
    auto* key = sub->add_option("--tls-key", o->tlsKey, "The certificate's private key (PEM)")
                    ->envname("COURTYARD_TLS_KEY")
                    ->type_name("FILE");
    cert->needs(key);
    key->needs(cert);
    sub->add_option("--io-threads", o->ioThreads, "Threads doing network I/O")
        ->envname("COURTYARD_IO_THREADS")
        ->check(CLI::Range(1, 256))
        ->capture_default_str();
    sub->add_option("--workers", o->workers, "Threads answering requests")
        ->envname("COURTYARD_WORKERS")
        ->check(CLI::Range(1, 1024))
        ->capture_default_str();
    sub->add_option("--max-connections", o->maxConnections, "Open connections at most; beyond it new ones are closed at once")
        ->envname("COURTYARD_MAX_CONNECTIONS")
        ->check(CLI::Range(1, 1000000))
        ->capture_default_str();
    sub->add_option("--escalation-interval", o->escalationSeconds, "Seconds between escalation sweeps")
        ->envname("COURTYARD_ESCALATION_INTERVAL")
        ->type_name("SECONDS")
        ->check(CLI::Range(1, 86400))
        ->capture_default_str();
    sub->add_option("--readers", o->readers, "SQLite connections for reading; with --store, PostgreSQL connections")
        ->envname("COURTYARD_READERS")
        ->check(CLI::Range(1, 64))
        ->capture_default_str();
    sub->add_option("--body-budget-mib", o->bodyBudgetMib, "MiB held in request bodies, all connections together")
        ->envname("COURTYARD_BODY_BUDGET_MIB")
        ->type_name("MIB")
        ->check(CLI::Range(16, 65536))
        ->capture_default_str();
    sub->add_option("--read-timeout", o->readTimeoutSeconds,
                    "Seconds a request's headers may take, and any read or write may stall")
        ->envname("COURTYARD_READ_TIMEOUT")
        ->type_name("SECONDS")
        ->check(CLI::Range(1, 600))
        ->capture_default_str();
    sub->callback([o, &ctx] { ctx.command = [o, &ctx] { return runServe(*o, ctx.io); }; });
}

} // namespace courtyard::server
