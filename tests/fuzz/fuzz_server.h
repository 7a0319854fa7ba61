#pragma once
// The whole server in-process for the fuzz targets: a SQLite data directory in a temporary
// folder loaded with the demo company, the services and router context the real binary builds,
// and five enrolled devices (staff, supervisor, manager, developer's service, kiosk) with their
// people signed in. Created on first use and kept for the whole run: state built up by earlier
// inputs (records, credentials, sequence numbers) is part of what later inputs meet, as on a
// real server. The clock is fixed and moved on by tick(), so runs do not depend on the hour.

#include "server/http/router.h"
#include "server/service/admin_service.h"
#include "server/storage/sqlite_storage.h"
#include "sync/protocol/proof.h"

#include <map>
#include <memory>
#include <string>

namespace courtyard::fuzz {

class FuzzServer {
public:
    static FuzzServer& instance();

    server::ServerContext& context() { return *m_ctx; }
    server::SyncService& sync() { return *m_sync; }
    // Device keys: "staff", "supervisor", "manager", "developer", "kiosk".
    const std::string& token(const std::string& device) const;
    std::optional<server::DeviceRow> row(const std::string& device);
    // The credential of a person signed in on the device, if any.
    std::optional<sync::Credential> credential(const std::string& device, const std::string& staffId) const;
    static const std::vector<std::string>& deviceKeys();
    // Moves the server's clock on (rate-limit buckets refill, deadlines pass).
    void tick(std::chrono::milliseconds step) { m_now += step; }
    Instant now() const { return m_now; }

    FuzzServer(const FuzzServer&) = delete;
    FuzzServer& operator=(const FuzzServer&) = delete;
    ~FuzzServer();

private:
    FuzzServer();
    server::Response call(server::http::verb verb, const std::string& target, const std::string& body,
                          const std::string& device);

    std::string m_dir;
    Instant m_now;
    std::unique_ptr<server::SqliteStorage> m_storage;
    server::RulesCache m_rules;
    std::unique_ptr<server::SyncService> m_sync;
    std::unique_ptr<server::BlobService> m_blobs;
    std::unique_ptr<server::EscalationService> m_escalations;
    std::unique_ptr<server::AuthService> m_auth;
    server::Metrics m_metrics;
    std::unique_ptr<server::ServerContext> m_ctx;
    std::map<std::string, server::NewDevice> m_devices;
    std::map<std::string, sync::Credential> m_credentials; // "<device>|<staff id>"
};

} // namespace courtyard::fuzz
