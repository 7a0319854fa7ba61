#include "tests/fuzz/fuzz_server.h"

#include "server/demo/demo_company.h"
#include "sync/protocol/crypto.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>

namespace courtyard::fuzz {

namespace fs = std::filesystem;
using namespace courtyard::server;

namespace {

[[noreturn]] void die(const std::string& what) {
    std::fprintf(stderr, "fuzz server set-up: %s\n", what.c_str());
    std::abort();
}

struct DeviceSpec {
    const char* key;
    const char* role;
    std::vector<const char*> staff; // signed in on it (demo PINs: number + "00")
};

const std::vector<DeviceSpec>& specs() {
    static const std::vector<DeviceSpec> s{{"staff", "staff", {"1001", "1002"}},
                                           {"supervisor", "supervisor", {"2001", "2010"}},
                                           {"manager", "manager", {"3001"}},
                                           {"developer", "developer_cs", {"4001"}},
                                           {"kiosk", "kiosk", {}}};
    return s;
}

} // namespace

FuzzServer& FuzzServer::instance() {
    static FuzzServer server;
    return server;
}

const std::vector<std::string>& FuzzServer::deviceKeys() {
    static const std::vector<std::string> keys = [] {
        std::vector<std::string> k;
        for (const auto& s : specs())
            k.emplace_back(s.key);
        return k;
    }();
    return keys;
}

FuzzServer::FuzzServer() : m_now(*parseInstant("2026-03-05T02:00:00Z")) {
    // Sign-ins hash PINs; the real cost would spend the campaign in Argon2.
    ::setenv("COURTYARD_INSECURE_FAST_PIN_HASH", "1", 1);
    char pattern[] = "/tmp/courtyard-fuzz-XXXXXX";
    if (!::mkdtemp(pattern))
        die("mkdtemp failed");
    m_dir = pattern;
    auto storage = SqliteStorage::open(m_dir + "/courtyard.db");
    if (!storage)
        die(storage.error().message);
    m_storage = std::move(*storage);
    Clock clock = [this] { return m_now; };
    m_sync = std::make_unique<SyncService>(*m_storage, m_rules, clock);
    m_blobs = std::make_unique<BlobService>(*m_storage, m_dir + "/blobs", clock, 1 << 20);
    m_escalations = std::make_unique<EscalationService>(*m_storage, m_rules, clock);
    m_auth = std::make_unique<AuthService>(*m_storage, m_rules, clock);
    m_ctx.reset(new ServerContext{*m_storage, *m_sync, *m_blobs, *m_escalations, *m_auth, m_metrics, clock});

    // Fair-use limits out of the way (the clock barely moves), the rest of the demo policy kept.
    Json company = demoCompany();
    company["policy"]["device_pushes_per_minute"] = 1000000;
    company["policy"]["device_pulls_per_minute"] = 1000000;
    company["policy"]["device_blob_mib_per_minute"] = 1000000;
    if (auto imported = importCompany(*m_storage, company, clock, sync::defaultPinHashCost()); !imported)
        die(imported.error().message);
    for (const auto& spec : specs()) {
        std::vector<std::string> communities{"cm-sunshine", "cm-jadelake"};
        if (std::string(spec.role) == "kiosk")
            communities = {"cm-sunshine"};
        auto device = addDevice(*m_storage, spec.key, spec.role, communities, clock);
        if (!device)
            die(device.error().message);
        m_devices[spec.key] = *device;
        for (const char* number : spec.staff) {
            const Json body{{"schema", 2}, {"staff_number", number}, {"pin", std::string(number) + "00"}};
            auto res = call(http::verb::post, "/v1/auth/sign-in", body.dump(), spec.key);
            if (res.result_int() != 200)
                die(std::string("sign-in of ") + number + ": " + res.body());
            const Json answer = Json::parse(res.body());
            const Json& c = answer.at("credential");
            auto secret = sync::base64UrlDecode(c.at("secret").get<std::string>());
            if (!secret)
                die("credential secret");
            m_credentials[std::string(spec.key) + "|s-" + number] = sync::Credential{
                c.at("id").get<std::string>(), c.at("staff_id").get<std::string>(),
                c.at("device_id").get<std::string>(), *secret};
        }
    }
}

FuzzServer::~FuzzServer() {
    m_storage->stop();
    std::error_code ec;
    fs::remove_all(m_dir, ec);
}

Response FuzzServer::call(http::verb verb, const std::string& target, const std::string& body,
                          const std::string& device) {
    Request req{verb, target, 11};
    req.set(http::field::authorization, "Bearer " + token(device));
    req.set("X-Courtyard-Schema", "2");
    req.body() = body;
    req.prepare_payload();
    return handleRequest(req, *m_ctx);
}

const std::string& FuzzServer::token(const std::string& device) const {
    static const std::string none;
    auto it = m_devices.find(device);
    return it == m_devices.end() ? none : it->second.token;
}

std::optional<DeviceRow> FuzzServer::row(const std::string& device) {
    auto it = m_devices.find(device);
    if (it == m_devices.end())
        return std::nullopt;
    std::optional<DeviceRow> out;
    (void)m_storage->read([&](ReadUnit& u) -> Status {
        if (auto r = u.device(it->second.id); r && *r)
            out = **r;
        return {};
    });
    return out;
}

std::optional<sync::Credential> FuzzServer::credential(const std::string& device, const std::string& staffId) const {
    auto it = m_credentials.find(device + "|" + staffId);
    return it == m_credentials.end() ? std::nullopt : std::optional(it->second);
}

} // namespace courtyard::fuzz
