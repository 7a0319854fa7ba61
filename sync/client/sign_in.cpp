#include "sync/client/sign_in.h"

#include "shared/auth/pin_rules.h"
#include "shared/domain/organization.h"
#include "shared/store/database.h"
#include "sync/protocol/crypto.h"
#include "sync/protocol/roles.h"

#include <cstdio>

namespace courtyard::sync {

namespace {

struct StoredCredential {
    std::string staffId;
    std::string credentialId;
    std::int64_t epoch = 0;
    Instant expiresAt{};
    PinHashCost cost;
    std::string salt;
    std::string sealed;
    int failures = 0;
    std::optional<Instant> lastFailureAt;
};

std::string kdfText(PinHashCost c) {
    return "argon2id;m=" + std::to_string(c.memoryKiB) + ";t=" + std::to_string(c.passes);
}

bool parseKdf(std::string_view text, PinHashCost& out) {
    unsigned m = 0, t = 0;
    if (std::sscanf(std::string(text).c_str(), "argon2id;m=%u;t=%u", &m, &t) != 2 || m < 8 || t < 1)
        return false;
    out = PinHashCost{m, t};
    return true;
}

// What the sealed secret is bound to: tampering with the row's other columns breaks the seal.
std::string sealContext(const std::string& deviceId, const std::string& staffId, const std::string& credentialId,
                        std::int64_t epoch, Instant expiresAt) {
    return "courtyard-credential/1\n" + deviceId + "\n" + staffId + "\n" + credentialId + "\n" +
           std::to_string(epoch) + "\n" + std::to_string(toEpochMs(expiresAt));
}

std::string bytes(const std::vector<unsigned char>& v) { return std::string(v.begin(), v.end()); }

Result<std::optional<StoredCredential>> loadCredential(DeviceStore& store, const std::string& number) {
    auto s = store.records().database().prepare(
        "SELECT staff_id, credential_id, epoch, expires_at, kdf, salt, sealed, failures, last_failure_at "
        "FROM credentials WHERE staff_number = ?");
    if (!s)
        return s.error();
    s->bind(1, number);
    auto row = s->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<StoredCredential>{};
    StoredCredential c;
    c.staffId = s->text(0);
    c.credentialId = s->text(1);
    c.epoch = s->int64(2);
    c.expiresAt = fromEpochMs(s->int64(3));
    if (!parseKdf(s->text(4), c.cost))
        return internalError("a stored credential names an unknown key derivation");
    c.salt = bytes(s->blob(5));
    c.sealed = bytes(s->blob(6));
    c.failures = int(s->int64(7));
    if (auto f = s->optInt64(8))
        c.lastFailureAt = fromEpochMs(*f);
    return std::optional<StoredCredential>{std::move(c)};
}

Status forget(DeviceStore& store, const std::string& staffId) {
    auto s = store.records().database().prepare("DELETE FROM credentials WHERE staff_id = ?");
    if (!s)
        return s.error();
    s->bind(1, staffId);
    return s->exec();
}

Error onlineNeeded(const std::string& why) { return Error(ErrorCode::FailedPrecondition, why, "online_sign_in_needed"); }

// The person as this device lets them act: their synced staff record, the role capped by the
// device's.
Result<domain::Actor> actorFor(DeviceStore& store, const std::string& staffId) {
    auto st = store.state();
    if (!st)
        return st.error();
    auto rec = store.get(staffId);
    if (!rec)
        return rec.error();
    if (!*rec)
        return onlineNeeded("this tablet does not know the person yet: sign in online");
    auto staff = decodeJson<domain::Staff>((*rec)->body);
    if (!staff)
        return staff.error();
    if (!staff->active)
        return permissionDenied(staff->name + " is no longer active");
    domain::Actor a;
    a.staffId = staff->id;
    a.name = staff->name;
    a.position = staff->position;
    a.departmentId = staff->departmentId;
    a.role = effectiveRole(staff->role, st->role);
    return a;
}

} // namespace

Result<Credential> keepCredential(DeviceStore& store, const Json& answer, const std::string& number,
                                  const std::string& pin) try {
    const Json& c = answer.at("credential");
    Credential cred;
    cred.id = c.at("id").get<std::string>();
    cred.staffId = c.at("staff_id").get<std::string>();
    cred.deviceId = c.at("device_id").get<std::string>();
    auto secret = base64UrlDecode(c.at("secret").get<std::string>());
    if (!secret || secret->size() != 32)
        return invalidArgument("the server's credential is malformed");
    cred.secret = *secret;
    const std::int64_t epoch = c.at("epoch").get<std::int64_t>();
    auto expires = parseInstant(c.at("expires_at").get<std::string>());
    if (!expires)
        return expires.error();
    const PinHashCost cost = defaultPinHashCost();
    const std::string salt = bytes(randomBytes(16));
    auto key = deriveKey(pin, salt, cost);
    if (!key)
        return key.error();
    auto sealed = seal(*key, cred.secret, sealContext(cred.deviceId, cred.staffId, cred.id, epoch, *expires));
    if (!sealed)
        return sealed.error();
    auto& db = store.records().database();
    CY_TRY(store.records().transaction([&]() -> Status {
        auto del = db.prepare("DELETE FROM credentials WHERE staff_id = ? OR staff_number = ?");
        if (!del)
            return del.error();
        del->bind(1, cred.staffId).bind(2, number);
        CY_TRY(del->exec());
        auto ins = db.prepare("INSERT INTO credentials (staff_id, staff_number, credential_id, epoch, expires_at, "
                              "kdf, salt, sealed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        if (!ins)
            return ins.error();
        ins->bind(1, cred.staffId).bind(2, number).bind(3, cred.id).bind(4, epoch).bind(5, toEpochMs(*expires));
        ins->bind(6, kdfText(cost)).bindBlob(7, salt.data(), salt.size()).bindBlob(8, sealed->data(), sealed->size());
        return ins->exec();
    }));
    return cred;
} catch (const std::exception& e) {
    return invalidArgument(std::string("the server's sign-in answer is malformed: ") + e.what());
}

namespace {

Result<domain::Actor> actorFromAnswer(DeviceStore& store, const Json& answer, const Credential& cred) {
    // The synced staff record when this device has it; the server's word for it before the
    // first pull has brought it.
    if (auto a = actorFor(store, cred.staffId); a || a.error().reason != "online_sign_in_needed")
        return a;
    const Json& s = answer.at("staff");
    domain::Actor a;
    a.staffId = cred.staffId;
    a.name = stringAt(s, "name");
    a.role = s.at("role").get<domain::Role>();
    a.position = s.at("position").get<domain::Position>();
    a.departmentId = stringAt(s, "department_id");
    return a;
}

Result<domain::Actor> online(DeviceStore& store, SyncEngine& engine, const std::string& target, Json request,
                             const std::string& number, const std::string& pin) {
    auto st = store.state();
    if (!st)
        return st.error();
    if (st->deviceId.empty())
        if (auto info = engine.identify(); !info)
            return info.error();
    auto answer = engine.postJson(target, request);
    if (!answer)
        return answer.error();
    try {
        auto cred = keepCredential(store, *answer, number, pin);
        if (!cred)
            return cred.error();
        auto actor = actorFromAnswer(store, *answer, *cred);
        if (!actor)
            return actor.error();
        store.setSigner(*cred);
        return actor;
    } catch (const std::exception& e) {
        return invalidArgument(std::string("the server's sign-in answer is malformed: ") + e.what());
    }
}

} // namespace

bool hasCredential(DeviceStore& store, const std::string& staffNumber) {
    auto c = loadCredential(store, staffNumber);
    return c && *c;
}

Result<domain::Actor> signInOffline(DeviceStore& store, const std::string& staffNumber, const std::string& pin,
                                    Instant now) {
    auto st = store.state();
    if (!st)
        return st.error();
    if (isKiosk(st->role))
        return permissionDenied("staff do not sign in on a kiosk");
    auto loaded = loadCredential(store, staffNumber);
    if (!loaded)
        return loaded.error();
    if (!*loaded)
        return onlineNeeded("staff number " + staffNumber +
                            " has not signed in on this tablet yet: the first sign-in needs the network");
    StoredCredential& c = **loaded;
    const auto& policy = store.rulesFor("").policy;
    const int wait = auth::pinRetryDelaySeconds(c.failures, policy);
    if (wait > 0 && c.lastFailureAt && now < *c.lastFailureAt + std::chrono::seconds(wait)) {
        const auto left = std::chrono::ceil<std::chrono::seconds>(*c.lastFailureAt + std::chrono::seconds(wait) - now);
        Error e(ErrorCode::ResourceExhausted,
                "too many wrong PINs: try again in " + std::to_string(left.count()) + " seconds", "pin_delay");
        e.retryAfterSeconds = int(left.count());
        return e;
    }
    if (now > c.expiresAt)
        return onlineNeeded("the sign-in on this tablet has run out: sign in online once to renew it");
    auto key = deriveKey(pin, c.salt, c.cost);
    if (!key)
        return key.error();
    auto secret = open(*key, c.sealed, sealContext(st->deviceId, c.staffId, c.credentialId, c.epoch, c.expiresAt));
    if (!secret) {
        const int failures = c.failures + 1;
        if (auth::offlineAttemptsExhausted(failures, policy)) {
            CY_TRY(forget(store, c.staffId));
            return Error(ErrorCode::Unauthenticated,
                         "too many wrong PINs: this tablet has forgotten the sign-in of staff number " + staffNumber +
                             "; sign in online",
                         "credential_forgotten");
        }
        auto s = store.records().database().prepare(
            "UPDATE credentials SET failures = ?, last_failure_at = ? WHERE staff_id = ?");
        if (!s)
            return s.error();
        s->bind(1, failures).bind(2, toEpochMs(now)).bind(3, c.staffId);
        CY_TRY(s->exec());
        return unauthenticated("staff number or PIN is not right");
    }
    auto actor = actorFor(store, c.staffId);
    if (!actor)
        return actor.error();
    if (c.failures > 0) {
        auto s = store.records().database().prepare(
            "UPDATE credentials SET failures = 0, last_failure_at = NULL WHERE staff_id = ?");
        if (!s)
            return s.error();
        s->bind(1, c.staffId);
        CY_TRY(s->exec());
    }
    store.setSigner(Credential{c.credentialId, c.staffId, st->deviceId, *secret});
    return actor;
}

Result<domain::Actor> signInOnline(DeviceStore& store, SyncEngine& engine, const std::string& staffNumber,
                                   const std::string& pin, Instant now) {
    (void)now;
    auto st = store.state();
    if (!st)
        return st.error();
    if (isKiosk(st->role))
        return permissionDenied("staff do not sign in on a kiosk");
    const Json request{{"schema", kSchemaVersion}, {"staff_number", staffNumber}, {"pin", pin}};
    return online(store, engine, "/v1/auth/sign-in", request, staffNumber, pin);
}

Result<domain::Actor> signIn(DeviceStore& store, SyncEngine* engine, const std::string& staffNumber,
                             const std::string& pin, Instant now) {
    auto offline = signInOffline(store, staffNumber, pin, now);
    if (offline || !engine || offline.error().reason != "online_sign_in_needed")
        return offline;
    auto on = signInOnline(store, *engine, staffNumber, pin, now);
    if (!on && on.error().code == ErrorCode::Unavailable)
        return Error(ErrorCode::Unavailable,
                     "the first sign-in of staff number " + staffNumber + " on this tablet needs the server, "
                     "which cannot be reached: " + on.error().message,
                     "online_sign_in_needed");
    return on;
}

Result<domain::Actor> changePin(DeviceStore& store, SyncEngine& engine, const std::string& staffNumber,
                                const std::string& pin, const std::string& newPin, Instant now) {
    CY_TRY(auth::checkNewPin(newPin, store.rulesFor("").policy));
    (void)now;
    const Json request{{"schema", kSchemaVersion}, {"staff_number", staffNumber}, {"pin", pin}, {"new_pin", newPin}};
    return online(store, engine, "/v1/auth/pin", request, staffNumber, newPin);
}

void signOut(DeviceStore& store) { store.setSigner(std::nullopt); }

} // namespace courtyard::sync
