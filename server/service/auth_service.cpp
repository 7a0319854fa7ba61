#include "server/service/auth_service.h"

#include "server/service/scope.h"
#include "shared/auth/pin_rules.h"
#include "shared/domain/organization.h"
#include "sync/protocol/crypto.h"
#include "sync/protocol/messages.h"
#include "sync/protocol/roles.h"

namespace courtyard::server {

namespace {

const Error kWrongPin = unauthenticated("staff number or PIN is not right");

std::string staffSubject(const std::string& staffId) { return "staff:" + staffId; }
std::string deviceSubject(const std::string& deviceId) { return "device:" + deviceId; }

// A hash to check unknown staff numbers against, so a wrong number costs as long as a wrong PIN
// (nobody learns which numbers exist by timing the answer).
const std::string& decoyHash() {
    static const std::string hash = [] {
        auto h = sync::hashPin("000000");
        return h ? *h : std::string();
    }();
    return hash;
}

std::string text(const Json& request, const char* key, std::size_t maxLength) {
    auto it = request.find(key);
    if (it == request.end() || !it->is_string())
        throw DecodeError(std::string(key) + ": is required (text)");
    const auto& s = it->get_ref<const std::string&>();
    if (s.empty() || s.size() > maxLength)
        throw DecodeError(std::string(key) + ": 1 to " + std::to_string(maxLength) + " characters");
    return s;
}

// An audit line about a person's sign-in or PIN.
AuditEntry personAudit(Instant at, const std::string& deviceId, const char* kind, const std::string& staffId,
                       const std::string& actor, const std::string& credentialId) {
    AuditEntry e;
    e.at = at;
    e.deviceId = deviceId;
    e.kind = kind;
    e.recordType = "staff";
    e.recordId = staffId;
    e.actor = actor;
    e.credentialId = credentialId;
    e.outcome = "applied";
    return e;
}

Error tooSoon(int seconds) {
    Error e(ErrorCode::ResourceExhausted,
            "too many wrong PINs: try again in " + std::to_string(seconds) + " seconds", "pin_delay");
    e.retryAfterSeconds = seconds;
    return e;
}

} // namespace

struct AuthService::Person {
    store::StoredRecord record;
    domain::Staff staff;
    std::string pinHash;
};

AuthService::AuthService(ServerStorage& storage, RulesCache& rules, Clock clock)
    : m_storage(storage), m_rules(rules), m_clock(std::move(clock)) {}

Result<AuthService::Person> AuthService::findPerson(ReadUnit& unit, const std::string& number) {
    store::RecordQuery q;
    q.types = {"staff"};
    q.text = "\"number\":" + Json(number).dump();
    auto found = unit.query(q);
    if (!found)
        return found.error();
    for (auto& r : *found) {
        if (stringAt(r.body, "number") != number)
            continue;
        auto staff = decodeJson<domain::Staff>(r.body);
        if (!staff)
            return staff.error();
        auto hash = unit.pinHash(staff->id);
        if (!hash)
            return hash.error();
        return Person{std::move(r), std::move(*staff), hash->value_or("")};
    }
    return notFound("no staff member with that number");
}

Status AuthService::checkPin(const DeviceRow& device, const std::string& number, const std::string& pin,
                             Person& out, const char* auditKind) {
    if (sync::isKiosk(device.role))
        return permissionDenied("staff do not sign in on a kiosk");
    const Instant now = m_clock();
    std::optional<Person> person;
    SignInFailures byStaff, byDevice;
    std::shared_ptr<const rules::RuleContext> rules;
    CY_TRY(m_storage.read([&](ReadUnit& unit) -> Status {
        rules = m_rules.get(unit, "", now);
        auto p = findPerson(unit, number);
        if (p)
            person = std::move(*p);
        else if (p.error().code != ErrorCode::NotFound)
            return p.error();
        auto d = unit.signInFailures(deviceSubject(device.id));
        if (!d)
            return d.error();
        byDevice = *d;
        if (person) {
            auto s = unit.signInFailures(staffSubject(person->staff.id));
            if (!s)
                return s.error();
            byStaff = *s;
        }
        return {};
    }));
    const auto& policy = rules->policy;
    // Growing delays, whichever of the person and the device has more wrong PINs in a row.
    for (const auto& f : {byStaff, byDevice}) {
        const int wait = auth::pinRetryDelaySeconds(f.failures, policy);
        const Instant allowedAt = f.lastFailureAt + std::chrono::seconds(wait);
        if (wait > 0 && now < allowedAt)
            return tooSoon(int(std::chrono::ceil<std::chrono::seconds>(allowedAt - now).count()));
    }
    if (m_hashing.fetch_add(1) >= 2) {
        m_hashing.fetch_sub(1);
        Error busy(ErrorCode::Unavailable, "the server is checking other sign-ins; try again in a moment");
        busy.retryAfterSeconds = 2;
        return busy;
    }
    const bool right = person && !person->pinHash.empty() ? sync::verifyPin(pin, person->pinHash)
                                                           : (sync::verifyPin(pin, decoyHash()) && false);
    m_hashing.fetch_sub(1);

    AuditEntry audit;
    audit.at = now;
    audit.deviceId = device.id;
    audit.kind = auditKind;
    audit.recordType = "staff";
    audit.detail = Json{{"staff_number", number}};
    if (person) {
        audit.recordId = person->staff.id;
        audit.actor = person->staff.id;
    }
    CY_TRY(m_storage.write([&](WriteUnit& unit) -> Status {
        if (right) {
            CY_TRY(unit.setSignInFailures(staffSubject(person->staff.id), {}));
            CY_TRY(unit.setSignInFailures(deviceSubject(device.id), {}));
            return {};
        }
        // Counted again inside the write, so concurrent wrong attempts all count.
        auto d = unit.signInFailures(deviceSubject(device.id));
        if (!d)
            return d.error();
        CY_TRY(unit.setSignInFailures(deviceSubject(device.id), {d->failures + 1, now}));
        if (person) {
            auto s = unit.signInFailures(staffSubject(person->staff.id));
            if (!s)
                return s.error();
            CY_TRY(unit.setSignInFailures(staffSubject(person->staff.id), {s->failures + 1, now}));
        }
        audit.outcome = "rejected";
        audit.errorCode = "unauthenticated";
        audit.errorMessage = kWrongPin.message;
        return unit.addAudit(audit);
    }));
    if (!right)
        return kWrongPin;
    if (!person->staff.active)
        return permissionDenied(person->staff.name + " is no longer active");
    bool serves = person->staff.communityIds.empty();
    for (const auto& c : device.communityIds)
        serves = serves || domain::servesCommunity(person->staff, c);
    if (!serves)
        return permissionDenied(person->staff.name + " does not serve this device's communities");
    out = std::move(*person);
    return {};
}

Result<Json> AuthService::issueCredential(WriteUnit& unit, const DeviceRow& device, const Person& person,
                                          Instant now) {
    auto rules = m_rules.get(unit, "", now);
    CredentialRow c;
    const auto idBytes = sync::randomBytes(12);
    const auto secret = sync::randomBytes(32);
    c.id = "cr-" + sync::base64UrlEncode(std::string_view(reinterpret_cast<const char*>(idBytes.data()), idBytes.size()));
    c.staffId = person.staff.id;
    c.deviceId = device.id;
    c.secret.assign(reinterpret_cast<const char*>(secret.data()), secret.size());
    c.epoch = person.staff.credentialEpoch;
    c.issuedAt = now;
    c.expiresAt = now + std::chrono::hours(24) * rules->policy.credentialDays;
    CY_TRY(unit.addCredential(c));
    const domain::Role role = sync::effectiveRole(person.staff.role, device.role);
    return Json{{"schema", sync::kSchemaVersion},
                {"server_time", formatInstant(now)},
                {"credential",
                 {{"id", c.id},
                  {"secret", sync::base64UrlEncode(c.secret)},
                  {"staff_id", c.staffId},
                  {"device_id", c.deviceId},
                  {"epoch", c.epoch},
                  {"issued_at", formatInstant(c.issuedAt)},
                  {"expires_at", formatInstant(c.expiresAt)}}},
                {"staff",
                 {{"id", person.staff.id},
                  {"number", person.staff.number},
                  {"name", person.staff.name},
                  {"role", role},
                  {"position", person.staff.position},
                  {"department_id", person.staff.departmentId}}}};
}

Result<Json> AuthService::signIn(const DeviceRow& device, const Json& request) {
    std::string number, pin;
    try {
        number = text(request, "staff_number", 32);
        pin = text(request, "pin", 32);
    } catch (const DecodeError& e) {
        return invalidArgument(e.what());
    }
    Person person;
    CY_TRY(checkPin(device, number, pin, person, "sign_in"));
    const Instant now = m_clock();
    Json out;
    CY_TRY(m_storage.write([&](WriteUnit& unit) -> Status {
        auto r = issueCredential(unit, device, person, now);
        if (!r)
            return r.error();
        out = std::move(*r);
        AuditEntry audit = personAudit(now, device.id, "sign_in", person.staff.id, person.staff.id,
                                       out["credential"]["id"].get<std::string>());
        audit.detail = Json{{"staff_number", number}};
        return unit.addAudit(audit);
    }));
    return out;
}

Status AuthService::withdraw(WriteUnit& unit, const std::string& staffId, Instant now, const Json* setActive) {
    auto rec = unit.get(staffId);
    if (!rec)
        return rec.error();
    if (!*rec || (*rec)->type != "staff")
        return notFound("no staff member '" + staffId + "'");
    store::StoredRecord r = **rec;
    r.encodedBody.reset();
    r.index.reset();
    r.body["credential_epoch"] = r.body.value("credential_epoch", std::int64_t{0}) + 1;
    if (setActive)
        r.body["active"] = *setActive;
    CY_TRY(unit.revokeStaffCredentials(staffId, now));
    auto v = unit.put(std::move(r));
    if (!v)
        return v.error();
    return {};
}

Result<Json> AuthService::changePin(const DeviceRow& device, const Json& request) {
    std::string number, pin, newPin;
    try {
        number = text(request, "staff_number", 32);
        pin = text(request, "pin", 32);
        newPin = text(request, "new_pin", 32);
    } catch (const DecodeError& e) {
        return invalidArgument(e.what());
    }
    const Instant now = m_clock();
    std::shared_ptr<const rules::RuleContext> rules;
    CY_TRY(m_storage.read([&](ReadUnit& unit) -> Status {
        rules = m_rules.get(unit, "", now);
        return {};
    }));
    if (auto st = auth::checkNewPin(newPin, rules->policy); !st)
        return invalidField("new_pin", "new_" + st.error().message);
    if (newPin == pin)
        return invalidArgument("new_pin: is the same as the PIN it replaces");
    Person person;
    CY_TRY(checkPin(device, number, pin, person, "pin_change"));
    auto hash = sync::hashPin(newPin);
    if (!hash)
        return hash.error();
    Json out;
    CY_TRY(m_storage.write([&](WriteUnit& unit) -> Status {
        CY_TRY(unit.setPinHash(person.staff.id, *hash, now));
        CY_TRY(withdraw(unit, person.staff.id, now, nullptr));
        person.staff.credentialEpoch += 1;
        auto r = issueCredential(unit, device, person, now);
        if (!r)
            return r.error();
        out = std::move(*r);
        AuditEntry audit = personAudit(now, device.id, "pin_change", person.staff.id, person.staff.id,
                                       out["credential"]["id"].get<std::string>());
        return unit.addAudit(audit);
    }));
    return out;
}

Status AuthService::setPin(const std::string& staffId, const std::string& pin, const AdminBy& by) {
    const Instant now = m_clock();
    std::shared_ptr<const rules::RuleContext> rules;
    CY_TRY(m_storage.read([&](ReadUnit& unit) -> Status {
        rules = m_rules.get(unit, "", now);
        return {};
    }));
    CY_TRY(auth::checkNewPin(pin, rules->policy));
    auto hash = sync::hashPin(pin);
    if (!hash)
        return hash.error();
    return m_storage.write([&](WriteUnit& unit) -> Status {
        CY_TRY(unit.setPinHash(staffId, *hash, now));
        CY_TRY(withdraw(unit, staffId, now, nullptr));
        CY_TRY(unit.setSignInFailures(staffSubject(staffId), {}));
        AuditEntry audit = personAudit(now, by.deviceId, "pin_set", staffId, by.actor, by.credentialId);
        return unit.addAudit(audit);
    });
}

Status AuthService::setActive(const std::string& staffId, bool active, const AdminBy& by) {
    const Instant now = m_clock();
    const Json value = active;
    return m_storage.write([&](WriteUnit& unit) -> Status {
        CY_TRY(withdraw(unit, staffId, now, &value));
        AuditEntry audit = personAudit(now, by.deviceId, active ? "staff_activate" : "staff_deactivate", staffId,
                                       by.actor, by.credentialId);
        return unit.addAudit(audit);
    });
}

bool AuthService::remember(const std::string& credential, const std::string& nonce, Instant expiry) {
    constexpr std::size_t kMaxNonces = 200000; // ~20 MB at worst; then requests wait for room
    std::lock_guard lock(m_nonceMutex);
    const Instant now = m_clock();
    if (m_nonces.size() >= kMaxNonces)
        std::erase_if(m_nonces, [&](const auto& kv) { return kv.second < now; });
    if (m_nonces.size() >= kMaxNonces)
        return false;
    return m_nonces.emplace(credential + "." + nonce, expiry).second;
}

Result<std::string> AuthService::verifyRequest(const DeviceRow& device, std::string_view method,
                                               std::string_view target, std::string_view header) {
    if (header.empty())
        return unauthenticated("nobody is signed in: this request acts for a person and needs " +
                               std::string(sync::kActorHeader));
    auto proof = sync::parseActorHeader(header);
    if (!proof)
        return proof.error();
    const Instant now = m_clock();
    std::optional<CredentialRow> credential;
    std::shared_ptr<const rules::RuleContext> rules;
    CY_TRY(m_storage.read([&](ReadUnit& unit) -> Status {
        rules = m_rules.get(unit, "", now);
        auto c = unit.credential(proof->credential);
        if (!c)
            return c.error();
        credential = std::move(*c);
        return {};
    }));
    const auto bound = std::chrono::seconds(rules->policy.clockSkewBoundSeconds);
    const Instant stamped = fromEpochMs(proof->timestampMs);
    if (stamped < now - bound || stamped > now + bound)
        return Error(ErrorCode::Unauthenticated, "the request's proof has expired (or the device's clock is off)",
                     "proof_expired");
    if (!credential || credential->deviceId != device.id ||
        !sync::requestProofValid(*proof, device.id, method, target, credential->secret))
        return unauthenticated("the request's proof does not hold");
    if (credential->revokedAt || now > credential->expiresAt)
        return Error(ErrorCode::Unauthenticated, "this sign-in was withdrawn or has run out: sign in again online",
                     "credential_withdrawn");
    if (!remember(credential->id, proof->nonce, stamped + bound))
        return Error(ErrorCode::Unauthenticated, "this request was already made (a replay)", "proof_replayed");
    return credential->staffId;
}

Status checkOperationProof(const DeviceRow& device, const sync::Operation& op,
                           const std::optional<CredentialRow>& credential, Instant now, const rules::Policy& policy,
                           const Result<std::string>* signingInput) {
    if (sync::isKiosk(device.role)) {
        if (!op.actor.empty() || !op.proofCredential.empty())
            return permissionDenied("a kiosk acts for residents: operations from it carry no staff member");
        return {};
    }
    if (op.actor.empty())
        return unauthenticated("nobody is signed in: every operation from a staff device names its staff member");
    if (op.proofCredential.empty())
        return Error(ErrorCode::Unauthenticated,
                     "nobody proved that " + op.actor + " made this operation: sign in online and send it again",
                     "credential_withdrawn");
    if (!credential || credential->deviceId != device.id || credential->staffId != op.actor)
        return unauthenticated("the operation's proof is not " + op.actor + "'s on this device");
    auto valid = !signingInput ? sync::operationProofValid(device.id, op, credential->secret)
                 : *signingInput ? Result<bool>(sync::signingInputProofValid(**signingInput, op.proofSig, credential->secret))
                                 : Result<bool>(signingInput->error());
    if (!valid)
        return valid.error();
    if (!*valid)
        return unauthenticated("the operation's proof does not hold: it was changed, or made with another key");
    if (credential->revokedAt)
        return Error(ErrorCode::Unauthenticated,
                     op.actor + "'s sign-in on this device was withdrawn (PIN changed or reset, or no longer "
                                "active): sign in again online, then send it again",
                     "credential_withdrawn");
    const Instant graceEnd = credential->expiresAt + std::chrono::hours(24) * policy.credentialGraceDays;
    if (op.at > credential->expiresAt || now > graceEnd)
        return Error(ErrorCode::Unauthenticated,
                     op.actor + "'s sign-in on this device had run out: sign in again online, then send it again",
                     "credential_withdrawn");
    return {};
}

} // namespace courtyard::server
