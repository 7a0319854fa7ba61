#pragma once
// A device as the server sees it on the wire, for tests that must control every byte: its
// token, the credentials of the people who signed in on it (POST /v1/auth/sign-in), pushes
// whose operations are signed by the person they name (or deliberately not), pulls, blob
// requests and person-acting requests with X-Courtyard-Actor. Over raw HTTP on 127.0.0.1
// (hostile_requests.h), so a test can also send what a real device never would: another
// person's proof, a replayed one, a stale timestamp. No Qt.
//
// credentialFrom and signedOperation are the two steps every test that talks to the server
// directly needs (router_test and report_service_test call the router in-process with them).

#include "support/hostile_requests.h"
#include "sync/protocol/proof.h"

#include <map>
#include <memory>
#include <optional>
#include <string>

namespace courtyard::test {

// The credential in a sign-in (or PIN change) answer: {"credential": {id, secret, …}}.
std::optional<sync::Credential> credentialFrom(const Json& signInAnswer);
// The operation signed with the credential, as a device sends it.
Json signedOperation(Json op, const sync::Credential& credential);

// A JSON answer: status, the parsed body (null when it is not JSON) and the headers.
struct JsonAnswer {
    int status = 0;
    Json body;
    std::map<std::string, std::string> headers;
    std::string errorCode() const;   // body.error.code, or ""
    std::string errorReason() const; // body.error.reason, or ""
};

class SignedDevice {
public:
    SignedDevice(int port, std::string token) : m_port(port), m_token(std::move(token)) {}

    // Signs the person in with their PIN; keeps the credential when the server gives one.
    JsonAnswer signIn(const std::string& staffNumber, const std::string& pin);
    // The demo PIN (test_support.h); false when the server refuses.
    bool signInDemo(const std::string& staffNumber);
    std::optional<sync::Credential> credential(const std::string& staffId) const;
    void setCredential(const std::string& staffId, const sync::Credential& c) { m_credentials[staffId] = c; }
    std::string deviceId() const { return m_deviceId; }

    // Pushes the operations, numbering those without "seq" after the last one this object
    // sent, and signing those that name a person who signed in here and carry no "proof".
    JsonAnswer push(Json ops);
    // push() that must apply every operation: "" when it did, else the first result that did not.
    std::string pushApplied(Json ops);
    // A push exactly as given: no numbering, no signing.
    JsonAnswer pushRaw(const Json& ops);
    std::int64_t lastSeq() const { return m_lastSeq; }
    void setLastSeq(std::int64_t seq) { m_lastSeq = seq; }

    // Every change this device may see, from the beginning (following has_more).
    Json pullAll();
    JsonAnswer get(const std::string& target, const std::vector<std::pair<std::string, std::string>>& extra = {});
    // GET target acting for the person (their X-Courtyard-Actor, stamped now).
    JsonAnswer getAs(const std::string& staffId, const std::string& target);
    RawAnswer blob(const std::string& method, const std::string& sha256, const std::string& query = {},
                   const std::string& bytes = {});
    JsonAnswer postJson(const std::string& target, const Json& body);
    // Any method, acting for the person (X-Courtyard-Actor over method and target, stamped
    // now): the admin API. A body is sent with `contentType`.
    JsonAnswer sendAs(const std::string& staffId, const std::string& method, const std::string& target,
                      const std::string& body = {}, const std::string& contentType = "application/json");

private:
    std::vector<std::pair<std::string, std::string>> headers() const;
    int m_port;
    std::string m_token;
    std::string m_deviceId;
    std::int64_t m_lastSeq = 0;
    std::map<std::string, sync::Credential> m_credentials; // by staff id
};

class ServerProcess;
// A device enrolled on the server (`device add`) with these staff signed in by their demo PINs;
// null when the server refuses any of it.
std::unique_ptr<SignedDevice> enrolDevice(ServerProcess& server, const std::string& role,
                                          const std::vector<std::string>& communities,
                                          const std::vector<std::string>& staffNumbers = {});

// The item of record `recordId` in an inbox (GET /v1/inbox, InboxService); null when it has none.
inline Json inboxItemOf(const Json& inbox, const std::string& recordId) {
    for (const auto& i : inbox.value("items", Json::array()))
        if (i.value("record_id", "") == recordId)
            return i;
    return nullptr;
}

} // namespace courtyard::test
