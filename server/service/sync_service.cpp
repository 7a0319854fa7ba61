#include "server/service/sync_service.h"

#include "server/service/scope.h"
#include "shared/core/hash.h"
#include "shared/records/record_type.h"
#include "sync/protocol/hlc.h"
#include "sync/protocol/merge.h"
#include "sync/protocol/roles.h"

#include <cstdlib>
#include <memory>

namespace courtyard::server {

using sync::OpKind;
using sync::OpResult;
using sync::OpStatus;
using sync::Operation;

namespace {

std::string opDigest(const Operation& op) { return toHex64(fnv1a64(Json(op).dump())); }

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

// One answered response per household per campaign, only while the campaign is open.
Status checkSurveyResponse(WriteUnit& unit, const DeviceRow& device, const Json& body) {
    const std::string campaignId = body.value("campaign_id", std::string());
    const std::string unitId = body.value("unit_id", std::string());
    auto campaign = unit.get(campaignId);
    if (!campaign)
        return campaign.error();
    if (!*campaign || (*campaign)->type != "survey_campaign")
        return notFound("survey campaign '" + campaignId + "' does not exist");
    const auto& c = (*campaign)->body;
    if (c.value("state", std::string()) != "open")
        return failedPrecondition("this survey is " + c.value("state", std::string()) + ": it takes no answers");
    if (c.value("community_id", std::string()) != body.value("community_id", std::string()))
        return invalidArgument("community_id: the response is not in the campaign's community");
    if (sync::isKiosk(device.role) && c.value("method", std::string()) != "kiosk")
        return permissionDenied("this survey is not answered at the kiosk");
    if (body.value("outcome", std::string("answered")) != "answered")
        return {};
    store::RecordQuery q;
    q.types = {"survey_response"};
    q.unitId = unitId;
    auto existing = unit.query(q);
    if (!existing)
        return existing.error();
    for (const auto& r : *existing)
        if (r.body.value("campaign_id", std::string()) == campaignId &&
            r.body.value("outcome", std::string()) == "answered")
            return alreadyExists("this household has already answered this survey");
    return {};
}

} // namespace

SyncService::SyncService(ServerStorage& storage, RulesCache& rules, Clock clock)
    : m_storage(storage), m_rules(rules), m_clock(std::move(clock)) {}

sync::DeviceInfo SyncService::whoami(const DeviceRow& device) const {
    sync::DeviceInfo info;
    info.deviceId = device.id;
    info.name = device.name;
    info.role = device.roleName;
    info.communityIds = device.communityIds;
    info.serverTime = m_clock();
    return info;
}

Result<sync::PushResponse> SyncService::push(const DeviceRow& device, const Json& request) {
    CY_TRY(sync::checkSchema(request));
    auto req = decodeJson<sync::PushRequest>(request);
    if (!req)
        return req.error();
    if (int(req->ops.size()) > kMaxOpsPerPush)
        return resourceExhausted("at most " + std::to_string(kMaxOpsPerPush) + " operations per push");
    for (std::size_t i = 1; i < req->ops.size(); ++i)
        if (req->ops[i].seq != req->ops[i - 1].seq + 1)
            return invalidArgument("ops: sequences must be consecutive (" + std::to_string(req->ops[i - 1].seq) +
                                   " then " + std::to_string(req->ops[i].seq) + ")");
    const Instant now = m_clock();
    const std::int64_t skewMs = toEpochMs(req->deviceTime) - toEpochMs(now);

    sync::PushResponse response;
    response.serverTime = now;
    std::optional<Error> gap;
    auto st = m_storage.write([&](WriteUnit& unit) -> Status {
        response.results.clear();
        gap.reset();
        auto fresh = unit.device(device.id);
        if (!fresh)
            return fresh.error();
        if (!*fresh || (*fresh)->revokedAt)
            return unauthenticated("this device has been revoked");
        std::int64_t lastSeq = (*fresh)->lastSeq;
        for (const auto& op : req->ops) {
            const std::string digest = opDigest(op);
            if (op.seq <= lastSeq) {
                // A retry: the stored result, nothing applied again.
                auto stored = unit.opResult(device.id, op.seq);
                if (!stored)
                    return stored.error();
                OpResult r;
                r.seq = op.seq;
                auto j = *stored ? parseJson(**stored) : Result<Json>(notFound("no stored result"));
                if (j && j->value("digest", std::string()) == digest) {
                    if (auto parsed = decodeJson<OpResult>(j->at("result")))
                        r = *parsed;
                } else {
                    r.status = OpStatus::Rejected;
                    r.error = conflict("operation " + std::to_string(op.seq) +
                                       " was already used for a different edit: this device's database "
                                       "was reset or copied; re-enrol the device");
                }
                m_counters.replayed++;
                response.results.push_back(r);
                continue;
            }
            if (op.seq != lastSeq + 1) {
                gap = conflict("the server expected operation " + std::to_string(lastSeq + 1) +
                               " from this device, got " + std::to_string(op.seq) +
                               ": the device's outbox lost operations; re-enrol the device");
                break;
            }
            OpResult r = applyOne(unit, **fresh, op, skewMs, now);
            CY_TRY(unit.putOpResult(device.id, op.seq, Json{{"digest", digest}, {"result", r}}.dump()));
            lastSeq = op.seq;
            response.results.push_back(std::move(r));
        }
        response.lastSeq = lastSeq;
        CY_TRY(unit.setDeviceProgress(device.id, lastSeq, now));
        if (gap && response.results.empty())
            return *gap;
        return {};
    });
    if (!st)
        return st.error();
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

OpResult SyncService::applyOne(WriteUnit& unit, const DeviceRow& device, const Operation& original,
                               std::int64_t skewMs, Instant now) {
    OpResult result;
    result.seq = original.seq;
    auto reject = [&](Error e) {
        result.status = OpStatus::Rejected;
        result.error = std::move(e);
        return result;
    };
    const auto* type = records::findRecordType(original.type);
    if (!type)
        return reject(invalidArgument("unknown record type '" + original.type + "'"));
    if (type->isReference())
        return reject(permissionDenied("a " + original.type + " is company data, changed by an administrator"));
    const bool kiosk = sync::isKiosk(device.role);
    if (kiosk && !(original.kind == OpKind::Create && sync::kioskMayCreate(original.type)))
        return reject(permissionDenied("a kiosk can only file complaints, suggestions and survey answers"));

    auto actor = resolveActor(unit, device, original.actor);
    if (!actor)
        return reject(actor.error());
    std::optional<store::StoredRecord> staffRecord;
    if (!actor->staffId.empty())
        if (auto s = unit.get(actor->staffId); s && *s)
            staffRecord = **s;

    auto current = unit.get(original.id);
    if (!current)
        return reject(current.error());
    const std::string community = *current ? type->index((*current)->body).communityId
                                           : original.body.value("community_id", std::string());
    if (auto st = checkCommunity(device, *actor, community, staffRecord ? &*staffRecord : nullptr); !st)
        return reject(st.error());

    // Clocks: a device further off than the bound is corrected by the skew it showed when it
    // sent this push; nothing is ever later than now on the server.
    std::shared_ptr<const rules::RuleContext> communityRules = m_rules.get(unit, community, now);
    const bool skewed =
        std::llabs(skewMs) > std::int64_t(communityRules->policy.clockSkewBoundSeconds) * 1000;
    Operation op = original;
    op.at = correct(original.at, skewMs, skewed, now);
    auto hlc = sync::Hlc::parse(original.hlc);
    sync::Hlc stamp = hlc ? *hlc : sync::Hlc{toEpochMs(op.at), 0, device.id};
    if (skewed)
        stamp.wallMs -= skewMs;
    stamp.wallMs = std::min(stamp.wallMs, toEpochMs(now));
    stamp.node = device.id;
    op.hlc = stamp.toString();
    if (op.kind == OpKind::Create) {
        correctBodyTimes(op.body, skewMs, skewed, now);
        if (kiosk) {
            // A kiosk submission is a kiosk submission, whatever the body claims.
            if (op.type == "complaint" || op.type == "suggestion")
                op.body["channel"] = "kiosk";
            else if (op.type == "survey_response")
                op.body["method"] = "kiosk";
        }
        if (op.type == "survey_response" && !*current)
            if (auto st = checkSurveyResponse(unit, device, op.body); !st)
                return reject(st.error());
    }

    std::vector<std::shared_ptr<const rules::RuleContext>> keepAlive{communityRules};
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
    auto outcome = sync::applyOperation(*current, op, ctx);
    if (!outcome)
        return reject(outcome.error());
    result.note = outcome->note;
    if (!outcome->changed) {
        result.status = OpStatus::Noop;
        result.version = *current ? (*current)->version : 0;
        return result;
    }
    auto version = unit.put(outcome->record);
    if (!version)
        return reject(version.error());
    result.status = OpStatus::Applied;
    result.version = *version;
    return result;
}

Result<sync::PullResponse> SyncService::pull(const DeviceRow& device, std::string_view cursor, int limit) {
    if (limit <= 0 || limit > kMaxPullPage)
        limit = 500;
    std::int64_t after = 0;
    const std::string fingerprint = scopeFingerprint(device);
    if (!cursor.empty()) {
        const auto dot = cursor.find('.');
        bool ok = dot != std::string_view::npos && dot > 0;
        std::int64_t v = 0;
        for (std::size_t i = 0; ok && i < dot; ++i) {
            const char c = cursor[i];
            ok = c >= '0' && c <= '9' && v < (INT64_MAX / 10);
            v = v * 10 + (c - '0');
        }
        if (!ok)
            return invalidArgument("cursor: not one this server issued; start again with an empty cursor");
        // A changed scope (communities, role) restarts from the beginning.
        after = cursor.substr(dot + 1) == fingerprint ? v : 0;
    }
    sync::PullResponse response;
    response.serverTime = m_clock();
    auto st = m_storage.read([&](ReadUnit& unit) -> Status {
        auto rows = unit.changes(changeFilterFor(device), after, limit + 1);
        if (!rows)
            return rows.error();
        auto maxV = unit.maxVersion();
        if (!maxV)
            return maxV.error();
        response.hasMore = int(rows->size()) > limit;
        if (response.hasMore)
            rows->resize(std::size_t(limit));
        for (const auto& r : *rows)
            if (auto c = projectChange(device, r))
                response.changes.push_back(std::move(*c));
        const std::int64_t next = response.hasMore ? rows->back().version : std::max(after, *maxV);
        response.cursor = std::to_string(next) + "." + fingerprint;
        return {};
    });
    if (!st)
        return st.error();
    return response;
}

} // namespace courtyard::server
