// Over 400 lines, for now: the push path (decode and derive outside the write lock, authorize,
// merge, apply in one write unit) is being redesigned for batches, and stays in one file until
// that settles; then the pull and the kiosk checks move out.

#include "server/service/sync_service.h"

#include "server/service/auth_service.h"
#include "server/service/history.h"
#include "server/service/scope.h"
#include "shared/auth/access.h"
#include "shared/core/json_dump.h"
#include "shared/core/hash.h"
#include "shared/records/record_type.h"
#include "shared/rules/kiosk.h"
#include "sync/protocol/crypto.h"
#include "sync/protocol/hlc.h"
#include "sync/protocol/merge.h"
#include "sync/protocol/payload_text.h"
#include "sync/protocol/proof.h"
#include "sync/protocol/roles.h"

#include <atomic>
#include <condition_variable>
#include <cstdlib>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <span>

namespace courtyard::server {

using sync::OpKind;
using sync::OpResult;
using sync::OpStatus;
using sync::Operation;

namespace {

// Identifies an operation for replay checks: a sequence number that comes back must come back
// with exactly the same edit, payload included (docs/sync-protocol.md). Taken from the
// operation as the device sent it, before the server corrects its clocks.
struct OpFingerprint {
    std::string digest; // the operation re-encoded canonically (sorted keys), hashed
    std::string legacy; // what servers before full digests stored: id, kind, type, clock, action or list

    OpFingerprint() = default;
    // `canonical`: the operation as Json(op).dump() encodes it (sync::encodeOperation).
    OpFingerprint(const Operation& op, std::string_view canonical)
        : digest("sha256:" + sync::sha256Hex(canonical)),
          legacy(toHex64(fnv1a64(op.id + "|" + std::string(enumName(op.kind)) + "|" + op.type + "|" + op.hlc + "|" +
                                 op.action + op.list))) {}

    // A device retrying a push that an older server applied is still recognised.
    bool matches(const std::string& stored) const {
        return stored.rfind("sha256:", 0) == 0 ? stored == digest : stored == legacy;
    }
};

// Moves a device's clock reading onto the server's timeline, and never into the future.
Instant correct(Instant t, std::int64_t skewMs, bool skewed, Instant now) {
    if (skewed)
        t -= Milliseconds{skewMs};
    return t > now ? now : t;
}

void correctBodyTimes(Json& body, std::int64_t skewMs, bool skewed, Instant now) {
    for (const char* key : {"received_at", "answered_at", "started_at"}) {
        auto it = body.find(key);
        if (it == body.end() || !it->is_string())
            continue;
        if (auto t = parseInstant(it->get<std::string>()))
            *it = formatInstant(correct(*t, skewMs, skewed, now));
    }
}

} // namespace

store::RecordQuery surveyResponsesOf(const std::string& unitId) {
    store::RecordQuery q;
    q.types = {"survey_response"};
    q.unitId = unitId;
    return q;
}

namespace {

// One answered response per household per campaign, only while the campaign is open.
Status checkSurveyResponse(WriteUnit& unit, const DeviceRow& device, const Json& body) {
    const std::string campaignId = stringAt(body, "campaign_id");
    const std::string unitId = stringAt(body, "unit_id");
    auto campaign = unit.get(campaignId);
    if (!campaign)
        return campaign.error();
    if (!*campaign || (*campaign)->type != "survey_campaign")
        return notFound("survey campaign '" + campaignId + "' does not exist");
    const auto& c = (*campaign)->body;
    if (stringAt(c, "state") != "open")
        return failedPrecondition("this survey is " + stringAt(c, "state") + ": it takes no answers");
    if (stringAt(c, "community_id") != stringAt(body, "community_id"))
        return invalidArgument("community_id: the response is not in the campaign's community");
    if (sync::isKiosk(device.role) && stringAt(c, "method") != "kiosk")
        return permissionDenied("this survey is not answered at the kiosk");
    if (!rules::isHouseholdAnswer(body, campaignId))
        return {}; // an attempt ("not at home", "refused") may come any number of times
    auto existing = unit.query(surveyResponsesOf(unitId));
    if (!existing)
        return existing.error();
    for (const auto& r : *existing)
        if (rules::isHouseholdAnswer(r.body, campaignId))
            return alreadyExists("this household has already answered this survey");
    return {};
}

// The stored result of operation `op.seq` when the stored edit is exactly `op`; nullopt when
// it was another edit (or none is stored).
Result<std::optional<OpResult>> storedResult(ReadUnit& unit, const std::string& deviceId, const Operation& op,
                                             const OpFingerprint& fingerprint, std::map<std::int64_t, Json>& batches) {
    auto batch = unit.opBatch(deviceId, op.seq);
    if (!batch)
        return batch.error();
    if (!*batch)
        return std::optional<OpResult>{};
    auto& parsed = batches[(*batch)->firstSeq];
    if (parsed.is_null()) {
        auto results = parseJson((*batch)->results);
        if (!results)
            return internalError("the stored results of operation " + std::to_string(op.seq) +
                                 " do not decode: " + results.error().message);
        parsed = std::move(*results);
    }
    const auto index = std::size_t(op.seq - (*batch)->firstSeq);
    if (!parsed.is_array() || index >= parsed.size() || !fingerprint.matches(stringAt(parsed[index], "digest")))
        return std::optional<OpResult>{};
    auto r = decodeJson<OpResult>(parsed[index]["result"]);
    if (!r)
        return internalError("the stored result of operation " + std::to_string(op.seq) + " does not decode");
    return std::optional<OpResult>{std::move(*r)};
}

// Operations prepared at a time by the thread that prepares a big push (see push()). The first
// slice is small: the write unit waits for it, and for nothing else as long as preparing keeps
// ahead.
constexpr std::size_t kFirstPreparedSlice = 4;
constexpr std::size_t kPreparedSlice = 32;
// A push's audit lines are written this many at a time as its write unit goes (each engine's
// largest multi-row statements take 32 or 64): writing them all at the end takes the same
// statements, but nothing else is left to run beside them then, while before it the preparing
// thread is still busy.
constexpr std::size_t kAuditsWrittenTogether = 64;

// Writes the audit lines from `written` on, and moves `written` past them. A function of its own,
// not a lambda inside push(): callgrind's --toggle-collect on SyncService::push* (see
// bench_push_inproc.cpp) stops counting inside a nested function of that name.
Status writeAuditsFrom(WriteUnit& unit, const std::vector<AuditEntry>& audits, std::size_t& written) {
    const auto pending = std::span<const AuditEntry>(audits).subspan(written);
    written = audits.size();
    return pending.empty() ? Status{} : unit.addAudits(pending);
}

// How far a push's operations are prepared, when a second thread prepares them in order while
// the write unit applies them: the write unit waits for each operation it reaches.
class PreparedSoFar {
public:
    void publish(std::size_t upTo) {
        {
            std::lock_guard lock(m_mutex);
            m_ready = upTo;
        }
        m_changed.notify_all();
    }
    void fail(Error e) {
        {
            std::lock_guard lock(m_mutex);
            m_failure = std::move(e);
        }
        m_changed.notify_all();
    }
    // Returns once operation `i` is prepared (at once when it already is); the preparing
    // thread's failure if it failed.
    Status await(std::size_t i) {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_ready > i || m_failure; });
        if (m_failure)
            return *m_failure;
        return {};
    }
    // Tells the preparing thread to stop: the write unit ended without reaching the rest.
    void cancel() { m_cancelled.store(true, std::memory_order_relaxed); }
    bool cancelled() const { return m_cancelled.load(std::memory_order_relaxed); }

private:
    std::size_t m_ready = 0;
    std::optional<Error> m_failure;
    std::atomic<bool> m_cancelled{false};
    std::mutex m_mutex;
    std::condition_variable m_changed;
};

using RulesByCommunity = std::map<std::string, std::shared_ptr<const rules::RuleContext>>;

// The rules a push's creates are derived with, loaded only for communities this device serves
// (an operation naming any other is refused later anyway), so made-up community ids cost
// neither a lookup nor a cache entry. "" is the company's: its policy bounds clock skew.
RulesByCommunity rulesForPush(RulesCache& cache, ReadUnit& unit, const DeviceRow& device,
                              const std::vector<Operation>& ops, Instant now) {
    RulesByCommunity out;
    out[""] = cache.get(unit, "", now);
    for (const auto& op : ops) {
        const std::string c = op.kind == OpKind::Create ? stringAt(op.body, "community_id") : std::string();
        if (!c.empty() && !out.count(c) && deviceServes(device, c))
            out[c] = cache.get(unit, c, now);
    }
    return out;
}

} // namespace

struct SyncService::ActorCache {
    struct Entry {
        Result<domain::Actor> actor = domain::Actor{};
        std::optional<store::StoredRecord> staffRecord;
    };
    std::map<std::string, Entry> byStaffId;
};

SyncService::SyncService(ServerStorage& storage, RulesCache& rules, Clock clock)
    : m_storage(storage), m_rules(rules), m_clock(std::move(clock)) {}

sync::DeviceInfo SyncService::whoami(const DeviceRow& device) const {
    sync::DeviceInfo info;
    info.deviceId = device.id;
    info.name = device.name;
    info.role = device.roleName;
    info.communityIds = device.communityIds;
    info.serverTime = m_clock();
    info.database = m_storage.identity().id;
    info.lastSeq = device.lastSeq;
    return info;
}

Result<std::shared_ptr<const rules::RuleContext>> SyncService::companyRules() {
    const Instant now = m_clock();
    if (auto cached = m_rules.cached("", now))
        return cached;
    std::shared_ptr<const rules::RuleContext> loaded;
    CY_TRY(m_storage.read([&](ReadUnit& unit) -> Status {
        loaded = m_rules.get(unit, "", now);
        return {};
    }));
    return loaded;
}

struct SyncService::PreparedOp {
    Status nulRefusal; // a NUL in the payload's texts refuses it (payload_text.h), found before the write
    std::optional<Result<records::RecordType::Prepared>> create; // its body as text
    std::string state; // the created body's "state", for its history entry
    // Its report facts, projected from the typed record: the writer only inserts them.
    std::optional<reports::RecordFacts> facts;
    // Its history entry, encoded (createEntryText) for the actor the push expects; the writer
    // uses it when the actor it resolves makes the same entry (sameHistoryActor).
    std::string historyText;
    const domain::Actor* historyActor = nullptr;
};

Result<sync::PushResponse> SyncService::push(const DeviceRow& device, Json request) {
    CY_TRY(sync::checkSchema(request));
    auto req = sync::takePushRequest(std::move(request));
    if (!req)
        return req.error();
    auto& ops = req->ops;
    if (int(ops.size()) > kMaxOpsPerPush)
        return resourceExhausted("at most " + std::to_string(kMaxOpsPerPush) + " operations per push");
    for (std::size_t i = 1; i < ops.size(); ++i)
        if (ops[i].seq != ops[i - 1].seq + 1)
            return invalidArgument("ops: sequences must be consecutive (" + std::to_string(ops[i - 1].seq) +
                                   " then " + std::to_string(ops[i].seq) + ")");
    const Instant now = m_clock();
    const std::int64_t skewMs = toEpochMs(req->deviceTime) - toEpochMs(now);
    const bool kiosk = sync::isKiosk(device.role);

    // Outside the write transaction (on this worker thread, in parallel with other pushes):
    // clocks corrected, kiosk submissions marked, and creates validated, derived and encoded.
    RulesByCommunity rulesByCommunity;
    std::map<std::string, std::optional<CredentialRow>> credentials; // by id, for the proofs
    // Who the creates' actors are, as far as this read sees: their history entries are
    // prepared for them (the write transaction resolves each actor again).
    std::map<std::string, Result<domain::Actor>> expectedActors;
    CY_TRY(m_storage.read([&](ReadUnit& unit) -> Status {
        rulesByCommunity = rulesForPush(m_rules, unit, device, ops, now);
        for (const auto& op : ops)
            if (op.kind == OpKind::Create && !expectedActors.count(op.actor))
                expectedActors.emplace(op.actor, resolveActor(unit, device, op.actor));
        for (const auto& op : ops)
            if (!op.proofCredential.empty() && !credentials.count(op.proofCredential)) {
                auto c = unit.credential(op.proofCredential);
                if (!c)
                    return c.error();
                credentials[op.proofCredential] = std::move(*c);
            }
        return {};
    }));
    // The skew bound is company policy: every community shares it.
    const auto& policy = rulesByCommunity.at("")->policy;
    const bool skewed = std::llabs(skewMs) > std::int64_t(policy.clockSkewBoundSeconds) * 1000;
    std::vector<PreparedOp> prepared(ops.size());
    // Each operation's proof, checked against the operation exactly as the device sent it.
    std::vector<Status> proofs(ops.size());
    // Fingerprints of the edits as the device sent them (a retry may show a different skew).
    std::vector<OpFingerprint> fingerprints(ops.size());
    auto prepareRange = [&](std::size_t from, std::size_t to) {
        for (std::size_t i = from; i < to; ++i) {
            auto& op = ops[i];
            // One encoding of the operation for both its fingerprint and its proof.
            const auto encoded = sync::encodeOperation(device.id, op);
            prepared[i].nulRefusal = sync::refuseNulText(op);
            fingerprints[i] = OpFingerprint(op, encoded.canonical);
            const auto cred = credentials.find(op.proofCredential);
            proofs[i] = checkOperationProof(device, op, cred == credentials.end() ? std::nullopt : cred->second, now,
                                            policy, &encoded.signingInput);
            op.at = correct(op.at, skewMs, skewed, now);
            auto hlc = sync::Hlc::parse(op.hlc);
            sync::Hlc stamp = hlc ? *hlc : sync::Hlc{toEpochMs(op.at), 0, device.id};
            if (skewed)
                stamp.wallMs -= skewMs;
            stamp.wallMs = std::min(stamp.wallMs, toEpochMs(now));
            stamp.node = device.id; // a device cannot stamp in another's name
            op.hlc = stamp.toString();
            if (op.kind != OpKind::Create)
                continue;
            correctBodyTimes(op.body, skewMs, skewed, now);
            if (kiosk) {
                // A kiosk submission is a kiosk submission, whatever the body claims.
                if (op.type == "complaint" || op.type == "suggestion")
                    op.body["channel"] = "kiosk";
                else if (op.type == "survey_response")
                    op.body["method"] = "kiosk";
            }
            const auto* type = records::findRecordType(op.type);
            if (!type || type->isReference() || (op.body.contains("id") && op.body["id"] != Json(op.id)))
                continue; // refused inside, with the checks in their usual order
            // The header is the server's knowledge (the same fields merge.cpp sets).
            op.body["id"] = op.id;
            op.body["origin_device"] = device.id;
            op.body["created_by"] = op.actor;
            op.body["created_at"] = op.at;
            const auto ruleIt = rulesByCommunity.find(stringAt(op.body, "community_id"));
            prepared[i].create =
                type->prepareNewDerived(op.body, ruleIt != rulesByCommunity.end() ? ruleIt->second.get() : nullptr,
                                        {true, false}, records::RecordType::BodyForm::Text);
            if (*prepared[i].create) {
                auto& p = **prepared[i].create;
                prepared[i].facts = reports::factsOfTyped(op.type, p.typed);
                p.typed.reset(); // not carried into the write transaction
                prepared[i].state = std::move(p.state);
                if (const auto& actor = expectedActors.at(op.actor); actor) {
                    prepared[i].historyText = createEntryText(op, *actor, device.id, prepared[i].state);
                    prepared[i].historyActor = &*actor;
                }
            }
        }
    };
    // A big push is prepared on a second thread, a slice at a time, while the write unit applies
    // the operations already prepared: preparing and writing overlap instead of taking turns,
    // and the write unit waits only for the first slice. Preparing is quicker than writing, so
    // the write unit seldom waits after that. A small push is prepared here, before the write.
    PreparedSoFar preparedSoFar;
    std::vector<std::string> recordIds; // read ahead by the write unit (WriteUnit::prefetch)
    recordIds.reserve(ops.size());
    for (const auto& op : ops)
        recordIds.push_back(op.id);
    std::future<void> preparing;
    if (ops.size() >= kPreparedSlice * 2) {
        preparing = std::async(std::launch::async, [&] {
            try {
                std::size_t slice = kFirstPreparedSlice;
                for (std::size_t from = 0; from < ops.size() && !preparedSoFar.cancelled();
                     from += slice, slice = kPreparedSlice) {
                    const std::size_t to = std::min(ops.size(), from + slice);
                    prepareRange(from, to);
                    preparedSoFar.publish(to);
                }
            } catch (const std::exception& e) {
                preparedSoFar.fail(internalError(std::string("preparing the push failed: ") + e.what()));
            }
        });
    } else {
        prepareRange(0, ops.size());
        preparedSoFar.publish(ops.size());
    }

    sync::PushResponse response;
    response.serverTime = now;
    response.database = m_storage.identity().id;
    std::optional<Error> gap;
    long long replays = 0;
    // What the write transaction is done with, freed after it (not while holding the writer):
    // the stored records and the audit lines.
    std::vector<store::StoredRecord> written;
    std::vector<AuditEntry> audits;
    auto st = m_storage.write([&](WriteUnit& unit) -> Status {
        response.results.clear();
        written.clear();
        audits.clear();
        gap.reset();
        auto fresh = unit.device(device.id);
        if (!fresh)
            return fresh.error();
        if (!*fresh || (*fresh)->revokedAt)
            return unauthenticated("this device has been revoked");
        std::int64_t lastSeq = (*fresh)->lastSeq;
        CY_TRY(unit.prefetch(recordIds));
        ActorCache actors;
        std::map<std::int64_t, Json> batches; // stored pushes read for replays, by first seq
        std::string stored = "[";             // this push's results, stored as one row (a JSON array)
        audits.reserve(ops.size()); // this push's audit lines (kAuditsWrittenTogether)
        std::size_t auditsWritten = 0;
        replays = 0;
        std::int64_t firstNew = 0;
        for (std::size_t i = 0; i < ops.size(); ++i) {
            CY_TRY(preparedSoFar.await(i));
            const auto& op = ops[i];
            const OpFingerprint& fingerprint = fingerprints[i];
            if (op.seq <= lastSeq) {
                // A retry gets the stored result and applies nothing again. The same sequence
                // number with any other edit refuses the whole push: the device must never be
                // told "applied" for something that was not.
                auto replayed = storedResult(unit, device.id, op, fingerprint, batches);
                if (!replayed)
                    return replayed.error();
                if (!*replayed)
                    return conflict("operation " + std::to_string(op.seq) +
                                    " was already used for a different edit: this device's database was reset "
                                    "or copied; re-enrol the device");
                ++replays;
                response.results.push_back(std::move(**replayed));
                continue;
            }
            if (op.seq != lastSeq + 1) {
                gap = conflict("the server expected operation " + std::to_string(lastSeq + 1) +
                               " from this device, got " + std::to_string(op.seq) +
                               ": the device's outbox lost operations; re-enrol the device");
                break;
            }
            AuditEntry audit;
            OpResult r = applyOne(unit, **fresh, op, prepared[i], proofs[i], now, actors, audit, written);
            audits.push_back(std::move(audit));
            if (audits.size() - auditsWritten >= kAuditsWrittenTogether)
                CY_TRY(writeAuditsFrom(unit, audits, auditsWritten));
            if (!firstNew)
                firstNew = op.seq;
            // {"digest":…,"result":…}, as Json would write it (keys in order); the digest is
            // "sha256:" and hex digits, nothing to escape.
            stored.append(stored.size() > 1 ? ",{\"digest\":\"" : "{\"digest\":\"")
                .append(fingerprint.digest)
                .append("\",\"result\":")
                .append(dumpJson(Json(r)))
                .append("}");
            lastSeq = op.seq;
            response.results.push_back(std::move(r));
        }
        CY_TRY(writeAuditsFrom(unit, audits, auditsWritten));
        if (firstNew) {
            stored += ']';
            CY_TRY(unit.putOpBatch(device.id, firstNew, lastSeq, stored));
        }
        response.lastSeq = lastSeq;
        CY_TRY(unit.setDeviceProgress(device.id, lastSeq, now));
        if (gap && response.results.empty())
            return *gap;
        return {};
    });
    preparedSoFar.cancel(); // a unit that ended early (a refused push) needs nothing more
    if (preparing.valid())
        preparing.get();
    // The operations, prepared records, stored records and audit lines are freed on the
    // disposer's thread while the answer goes out.
    struct Leftovers {
        sync::PushRequest request;
        std::vector<PreparedOp> prepared;
        std::vector<store::StoredRecord> written;
        std::vector<AuditEntry> audits;
    };
    m_disposer.dispose(std::make_shared<Leftovers>(
        Leftovers{std::move(*req), std::move(prepared), std::move(written), std::move(audits)}));
    if (!st)
        return st.error();
    m_counters.replayed += replays;
    for (const auto& r : response.results) {
        if (r.status == OpStatus::Applied)
            m_counters.applied++;
        else if (r.status == OpStatus::Noop)
            m_counters.noop++;
        else
            m_counters.rejected++;
    }
    return response;
}

OpResult SyncService::applyOne(WriteUnit& unit, const DeviceRow& device, const Operation& op,
                               PreparedOp& prepared, const Status& proof, Instant now, ActorCache& actors,
                               AuditEntry& audit, std::vector<store::StoredRecord>& written) {
    OpResult result;
    result.seq = op.seq;
    // The audit line: every operation, whatever became of it, with who was proven.
    audit.at = now;
    audit.deviceId = device.id;
    audit.opSeq = op.seq;
    audit.kind = std::string(enumName(op.kind));
    audit.recordType = op.type;
    audit.recordId = op.id;
    audit.communityId = op.body.is_object() ? stringAt(op.body, "community_id") : std::string();
    if (op.kind == OpKind::Transition)
        audit.detail = Json{{"action", op.action}};
    else if (op.kind == OpKind::Append)
        audit.detail = Json{{"list", op.list}};
    auto reject = [&](Error e) {
        result.status = OpStatus::Rejected;
        audit.outcome = "rejected";
        audit.errorCode = std::string(errorCodeName(e.code));
        audit.errorMessage = e.message;
        result.error = std::move(e);
        return result;
    };
    // Nothing is looked at, let alone stored, for an operation nobody proved.
    if (!proof)
        return reject(proof.error());
    // The proof names who acted (its credential is that person's), so even a refusal records them.
    audit.actor = op.actor;
    audit.credentialId = op.proofCredential;
    if (!prepared.nulRefusal) {
        audit.communityId.clear(); // it may be the text with the NUL
        return reject(prepared.nulRefusal.error());
    }
    const auto* type = records::findRecordType(op.type);
    if (!type)
        return reject(invalidArgument("unknown record type '" + op.type + "'"));
    if (type->isReference())
        return reject(permissionDenied("a " + op.type + " is company data, changed by an administrator"));
    const bool kiosk = sync::isKiosk(device.role);

    auto cached = actors.byStaffId.find(op.actor);
    if (cached == actors.byStaffId.end()) {
        ActorCache::Entry e;
        e.actor = resolveActor(unit, device, op.actor);
        if (e.actor && !e.actor->staffId.empty())
            if (auto s = unit.get(e.actor->staffId); s && *s)
                e.staffRecord = **s;
        cached = actors.byStaffId.emplace(op.actor, std::move(e)).first;
    }
    const auto& actor = cached->second.actor;
    if (!actor)
        return reject(actor.error());
    const std::optional<store::StoredRecord>& staffRecord = cached->second.staffRecord;

    auto current = unit.get(op.id);
    if (!current)
        return reject(current.error());
    const std::string community = *current ? stringAt((*current)->body, "community_id")
                                           : stringAt(op.body, "community_id");
    audit.communityId = community;
    if (auto st = checkCommunity(device, *actor, community, staffRecord ? &*staffRecord : nullptr); !st)
        return reject(st.error());
    // A device changes only records it may read (shared/auth): the developer's service, which
    // receives only the complaints referred to the developer, cannot comment on, attach to or
    // close the others by naming their ids.
    if (*current && op.kind != OpKind::Create && !auth::mayReadRecord((*current)->type, device.role, (*current)->body))
        return reject(permissionDenied("this device may not read that " + op.type + ", so it may not change it"));
    if (op.kind == OpKind::Create && op.type == "survey_response" && !*current)
        if (auto st = checkSurveyResponse(unit, device, op.body); !st)
            return reject(st.error());
    if (kiosk && op.kind == OpKind::Create && rules::countsTowardsKioskGuard(op.type) && !*current)
        if (auto st = m_kiosk.admit(device.id, stringAt(op.body, "unit_id"), now, m_rules.get(unit, community, now)->policy);
            !st)
            return reject(st.error());

    std::vector<std::shared_ptr<const rules::RuleContext>> keepAlive;
    sync::ApplyContext ctx;
    ctx.actor = *actor;
    ctx.at = op.at;
    ctx.hlc = op.hlc;
    ctx.opId = device.id + ":" + std::to_string(op.seq);
    ctx.originDevice = device.id;
    ctx.authoritative = true;
    ctx.rulesFor = [&](const std::string& c) {
        keepAlive.push_back(m_rules.get(unit, c, now));
        return keepAlive.back().get();
    };
    if (prepared.create) {
        if (!*prepared.create)
            return reject(prepared.create->error());
        ctx.prepared = &**prepared.create; // moved from by the merge: used once
    }
    auto outcome = sync::applyOperation(*current, op, ctx);
    if (!outcome)
        return reject(outcome.error());
    result.note = outcome->note;
    if (!outcome->changed) {
        result.status = OpStatus::Noop;
        result.version = *current ? (*current)->version : 0;
        audit.outcome = "noop";
        audit.version = result.version;
        return result;
    }
    // A create made from the prepared record stores exactly that body (as text: the record has
    // no tree to read): its facts are ready, and so is its history entry when the actor is the
    // one it was prepared for.
    const bool madeFromPrepared = op.kind == OpKind::Create && !*current && prepared.create;
    std::string entryText;
    if (madeFromPrepared) {
        entryText = prepared.historyActor && sameHistoryActor(*prepared.historyActor, *actor)
                        ? std::move(prepared.historyText)
                        : createEntryText(op, *actor, device.id, prepared.state);
        appendHistoryText(outcome->record.history, entryText);
    } else {
        entryText = appendHistory(outcome->record.history,
                                  historyEntry(op, *actor, device.id, *current, outcome->record));
    }
    const bool factsReady = madeFromPrepared && prepared.facts;
    auto version = factsReady ? unit.putWithFacts(outcome->record, *prepared.facts)
                              : unit.put(std::move(outcome->record));
    if (factsReady)
        written.push_back(std::move(outcome->record));
    if (!version)
        return reject(version.error());
    result.status = OpStatus::Applied;
    result.version = *version;
    audit.outcome = "applied";
    audit.version = *version;
    audit.detailText = std::move(entryText); // stored as it is: `detail` stays empty
    return result;
}

Result<sync::PullResponse> SyncService::pull(const DeviceRow& device, std::string_view cursor, int limit,
                                             bool count) {
    if (limit <= 0 || limit > kMaxPullPage)
        limit = 500;
    std::int64_t after = 0;
    // The cursor: "<version>.<scope fingerprint>.<database identity>". A changed scope
    // (communities, role) or another database (a restore) starts again from the beginning.
    const DatabaseIdentity& identity = m_storage.identity();
    const std::string fingerprint = scopeFingerprint(device);
    if (!cursor.empty()) {
        const auto dot = cursor.find('.');
        bool ok = dot != std::string_view::npos && dot > 0;
        std::int64_t v = 0;
        for (std::size_t i = 0; ok && i < dot; ++i) {
            const char c = cursor[i];
            ok = c >= '0' && c <= '9' && v < (INT64_MAX / 10);
            if (ok) // never multiply a value that could overflow (undefined behaviour)
                v = v * 10 + (c - '0');
        }
        if (!ok)
            return invalidArgument("cursor: not one this server issued; start again with an empty cursor");
        const auto rest = cursor.substr(dot + 1);
        // Cursors from before identities carry none: good while this database was never restored.
        const bool current = rest == fingerprint + "." + identity.id || (rest == fingerprint && !identity.restored);
        after = current ? v : 0;
    }
    sync::PullResponse response;
    response.serverTime = m_clock();
    response.database = identity.id;
    auto st = m_storage.read([&](ReadUnit& unit) -> Status {
        auto maxV = unit.maxVersion();
        if (!maxV)
            return maxV.error();
        // A cursor beyond every change this database has was issued by one that knew more (its
        // files were copied back from an older state): start again rather than skip.
        if (after > *maxV)
            after = 0;
        const ChangeFilter filter = changeFilterFor(device);
        auto rows = unit.changes(filter, after, limit + 1);
        if (!rows)
            return rows.error();
        response.hasMore = int(rows->size()) > limit;
        if (response.hasMore)
            rows->resize(std::size_t(limit));
        if (count) {
            // In the same read transaction as the page: what is left after its last change.
            auto left = response.hasMore ? unit.countChanges(filter, rows->back().version) : Result<std::int64_t>{0};
            if (!left)
                return left.error();
            response.remaining = *left;
        }
        for (auto& r : *rows)
            if (auto c = projectChange(device, std::move(r)))
                response.changes.push_back(std::move(*c));
        const std::int64_t next = response.hasMore ? rows->back().version : std::max(after, *maxV);
        response.cursor = std::to_string(next) + "." + fingerprint + "." + identity.id;
        return {};
    });
    if (!st)
        return st.error();
    return response;
}

} // namespace courtyard::server
