#pragma once
// Who acted, proven (docs/sync-protocol.md, "Who acted"): online sign-in with staff number and
// PIN (growing delays after wrong PINs, per person and per device), PIN change by the person
// and PIN setting or deactivation by an administrator (each withdraws every credential of that
// person on every device), and the checks of the proofs that operations and person-acting
// requests carry. PIN hashes never leave this service's tables.

#include "server/service/clock.h"
#include "server/service/rules_cache.h"
#include "server/storage/server_storage.h"
#include "sync/protocol/proof.h"

#include <atomic>
#include <map>
#include <mutex>

namespace courtyard::server {

class AuthService {
public:
    AuthService(ServerStorage& storage, RulesCache& rules, Clock clock);

    // POST /v1/auth/sign-in {"schema", "staff_number", "pin"}: a credential for this device.
    Result<Json> signIn(const DeviceRow& device, const Json& request);
    // POST /v1/auth/pin {"schema", "staff_number", "pin", "new_pin"}: the person's own PIN
    // changed; every credential of theirs withdrawn; a new one for this device.
    Result<Json> changePin(const DeviceRow& device, const Json& request);

    // Administrators. `by` names who did it for the audit log (a staff id, proven, through the
    // admin API, with the device and credential it came with). The PIN is never shown back.
    struct AdminBy {
        std::string actor;
        std::string deviceId;
        std::string credentialId;
    };
    Status setPin(const std::string& staffId, const std::string& pin, const AdminBy& by);
    Status setActive(const std::string& staffId, bool active, const AdminBy& by);

    // The X-Courtyard-Actor header of a request that acts for a person: checked against the
    // credential, the device, the method and target, the time (within the policy's clock bound)
    // and a nonce not seen before. Returns the staff id.
    Result<std::string> verifyRequest(const DeviceRow& device, std::string_view method, std::string_view target,
                                      std::string_view header);

private:
    struct Person;
    Result<Person> findPerson(ReadUnit& unit, const std::string& number);
    // Checks the PIN with the growing delays; records the outcome.
    Status checkPin(const DeviceRow& device, const std::string& number, const std::string& pin, Person& out,
                    const char* auditKind);
    Result<Json> issueCredential(WriteUnit& unit, const DeviceRow& device, const Person& person, Instant now);
    Status withdraw(WriteUnit& unit, const std::string& staffId, Instant now, const Json* setActive);
    bool remember(const std::string& credential, const std::string& nonce, Instant expiry);

    ServerStorage& m_storage;
    RulesCache& m_rules;
    Clock m_clock;
    // Argon2id with the real cost takes 128 MiB and half a second: at most two at a time.
    std::atomic<int> m_hashing{0};
    // Nonces of person-acting requests seen within the clock bound (bounded; per process).
    std::mutex m_nonceMutex;
    std::map<std::string, Instant> m_nonces;
};

// Whether an operation's proof holds: made with a live credential of the named person on this
// device, within the credential's life and grace. Unauthenticated (reason
// "credential_withdrawn" where signing in again online mends it) otherwise.
// `signingInput`, when given, is the operation's signing input made already
// (sync::encodeOperation), so it is not encoded a second time.
Status checkOperationProof(const DeviceRow& device, const sync::Operation& op,
                           const std::optional<CredentialRow>& credential, Instant now, const rules::Policy& policy,
                           const Result<std::string>* signingInput = nullptr);

} // namespace courtyard::server
