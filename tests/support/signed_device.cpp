#include "support/signed_device.h"

#include "support/server_process.h"
#include "sync/protocol/crypto.h"
#include "test_support.h"

#include <chrono>

namespace courtyard::test {

std::optional<sync::Credential> credentialFrom(const Json& answer) {
    if (!answer.is_object() || !answer.contains("credential") || !answer["credential"].is_object())
        return std::nullopt;
    const Json& c = answer["credential"];
    auto secret = sync::base64UrlDecode(c.value("secret", std::string()));
    if (!secret)
        return std::nullopt;
    return sync::Credential{c.value("id", std::string()), c.value("staff_id", std::string()),
                            c.value("device_id", std::string()), *secret};
}

Json signedOperation(Json op, const sync::Credential& credential) {
    auto decoded = op.get<sync::Operation>();
    if (!sync::signOperation(decoded, credential))
        return op; // a fraction: sent unsigned, and the server says why
    return Json(decoded);
}

std::string JsonAnswer::errorCode() const {
    return body.is_object() && body.contains("error") ? body["error"].value("code", std::string()) : std::string();
}

std::string JsonAnswer::errorReason() const {
    return body.is_object() && body.contains("error") ? body["error"].value("reason", std::string()) : std::string();
}

namespace {
JsonAnswer parsed(const RawAnswer& raw) {
    JsonAnswer a;
    a.status = raw.status;
    a.headers = raw.headers;
    a.body = Json::parse(raw.body, nullptr, false);
    if (a.body.is_discarded())
        a.body = Json();
    return a;
}
} // namespace

std::vector<std::pair<std::string, std::string>> SignedDevice::headers() const {
    return {{"Authorization", "Bearer " + m_token}, {"X-Courtyard-Schema", "2"}};
}

JsonAnswer SignedDevice::postJson(const std::string& target, const Json& body) {
    auto h = headers();
    h.emplace_back("Content-Type", "application/json");
    return parsed(test::exchange(m_port, httpRequest("POST", target, h, body.dump())));
}

JsonAnswer SignedDevice::signIn(const std::string& number, const std::string& pin) {
    auto answer = postJson("/v1/auth/sign-in", Json{{"schema", 2}, {"staff_number", number}, {"pin", pin}});
    if (answer.status == 200)
        if (auto c = credentialFrom(answer.body)) {
            m_credentials[c->staffId] = *c;
            m_deviceId = c->deviceId;
        }
    return answer;
}

bool SignedDevice::signInDemo(const std::string& number) { return signIn(number, demoPin(number)).status == 200; }

std::optional<sync::Credential> SignedDevice::credential(const std::string& staffId) const {
    auto it = m_credentials.find(staffId);
    return it == m_credentials.end() ? std::nullopt : std::optional(it->second);
}

JsonAnswer SignedDevice::push(Json ops) {
    for (auto& op : ops) {
        if (!op.contains("seq"))
            op["seq"] = m_lastSeq + 1;
        m_lastSeq = std::max<std::int64_t>(m_lastSeq, op["seq"].get<std::int64_t>());
        const std::string actor = op.value("actor", std::string());
        if (!op.contains("proof") && !actor.empty())
            if (auto c = credential(actor))
                op = signedOperation(op, *c);
    }
    return pushRaw(ops);
}

std::string SignedDevice::pushApplied(Json ops) {
    const auto answer = push(std::move(ops));
    if (answer.status != 200)
        return std::to_string(answer.status) + " " + answer.body.dump();
    for (const auto& r : answer.body["results"])
        if (r.value("status", std::string()) != "applied")
            return r.dump();
    return {};
}

JsonAnswer SignedDevice::pushRaw(const Json& ops) {
    const Json body{{"schema", 2}, {"device_time", formatInstant(std::chrono::time_point_cast<Milliseconds>(
                                                       std::chrono::system_clock::now()))},
                    {"ops", ops}};
    return postJson("/v1/sync/push", body);
}

Json SignedDevice::pullAll() {
    Json all = Json::array();
    std::string cursor;
    for (int page = 0; page < 1000; ++page) {
        auto a = get("/v1/sync/pull?limit=1000&cursor=" + cursor);
        if (a.status != 200 || !a.body.is_object())
            break;
        for (auto& c : a.body["changes"])
            all.push_back(std::move(c));
        cursor = a.body.value("cursor", std::string());
        if (!a.body.value("has_more", false))
            break;
    }
    return all;
}

JsonAnswer SignedDevice::get(const std::string& target, const std::vector<std::pair<std::string, std::string>>& extra) {
    auto h = headers();
    h.insert(h.end(), extra.begin(), extra.end());
    return parsed(test::exchange(m_port, httpRequest("GET", target, h)));
}

JsonAnswer SignedDevice::getAs(const std::string& staffId, const std::string& target) {
    auto c = credential(staffId);
    if (!c)
        return get(target);
    const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::system_clock::now().time_since_epoch());
    return get(target, {{std::string(sync::kActorHeader), sync::actorHeaderValue(*c, "GET", target, now.count())}});
}

JsonAnswer SignedDevice::sendAs(const std::string& staffId, const std::string& method, const std::string& target,
                                const std::string& body, const std::string& contentType) {
    auto h = headers();
    if (auto c = credential(staffId)) {
        const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
            std::chrono::system_clock::now().time_since_epoch());
        h.emplace_back(std::string(sync::kActorHeader), sync::actorHeaderValue(*c, method, target, now.count()));
    }
    if (!body.empty())
        h.emplace_back("Content-Type", contentType);
    return parsed(test::exchange(m_port, httpRequest(method, target, h, body)));
}

RawAnswer SignedDevice::blob(const std::string& method, const std::string& sha256, const std::string& query,
                             const std::string& bytes) {
    auto h = headers();
    if (method == "PUT")
        h.emplace_back("Content-Type", "application/octet-stream");
    return test::exchange(m_port, httpRequest(method, "/v1/blobs/" + sha256 + query, h, bytes));
}

std::unique_ptr<SignedDevice> enrolDevice(ServerProcess& server, const std::string& role,
                                          const std::vector<std::string>& communities,
                                          const std::vector<std::string>& staffNumbers) {
    QStringList list;
    for (const auto& c : communities)
        list << QString::fromStdString(c);
    const auto enrolled = server.addDevice(QString::fromStdString(role), list);
    if (enrolled.token.isEmpty())
        return nullptr;
    auto device = std::make_unique<SignedDevice>(server.port(), enrolled.token.toStdString());
    for (const auto& number : staffNumbers)
        if (!device->signInDemo(number))
            return nullptr;
    return device;
}

} // namespace courtyard::test
