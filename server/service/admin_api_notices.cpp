// Notices for residents through the admin API (docs/sync-protocol.md, "Administration"): a
// water cut, pest control, an activity, for one community's kiosks or for every community's.
// A notice is a workflow record like those supervisors publish on the tablet, so the console's
// publishing, editing and withdrawing are made as the operations a device would push and
// applied by the same merge (sync/protocol/merge.h): the same checks of the record and of who
// may do it, the same timeline, history entry and per-field clock. The operation's id is
// "<admin device>:admin-<random>", as the console keeps no operation log of its own.
#include "server/service/admin_api.h"
#include "server/service/admin_api_support.h"
#include "server/service/history.h"
#include "sync/protocol/crypto.h"
#include "sync/protocol/hlc.h"
#include "sync/protocol/merge.h"

namespace courtyard::server {

using admin_detail::checkKeys;
using admin_detail::member;

namespace {

std::string randomId(std::size_t bytes) {
    const auto rnd = sync::randomBytes(bytes);
    return sync::base64UrlEncode(std::string_view(reinterpret_cast<const char*>(rnd.data()), rnd.size()));
}

// The administrator as the merge sees an actor: their staff record's name and role.
Result<domain::Actor> adminActor(ReadUnit& unit, const std::string& staffId) {
    auto staff = storedOfType(unit, staffId, "staff");
    if (!staff)
        return staff.error();
    if (!*staff)
        return permissionDenied("no staff member '" + staffId + "'");
    domain::Actor a;
    a.staffId = staffId;
    a.name = stringAt((*staff)->body, "name");
    a.role = domain::Role::Admin; // the router proved it
    return a;
}

// Applies one operation made here to the notice it names, writes it with its history entry and
// the audit line; answers the notice as it is now. The error of a refused operation names the
// field.
Result<Json> applyHere(WriteUnit& unit, sync::Operation op, const domain::Actor& actor, const AdminActor& by,
                       Instant now, AuditEntry line) {
    auto current = unit.get(op.id);
    if (!current)
        return current.error();
    if (op.kind != sync::OpKind::Create && (!*current || (*current)->deleted || (*current)->type != "notice"))
        return notFound("no notice '" + op.id + "'");
    op.at = now;
    op.actor = actor.staffId;
    op.hlc = sync::Hlc{toEpochMs(now), 0, by.deviceId}.toString();
    sync::ApplyContext ctx;
    ctx.actor = actor;
    ctx.at = now;
    ctx.hlc = op.hlc;
    ctx.opId = by.deviceId + ":admin-" + randomId(9);
    ctx.originDevice = by.deviceId;
    ctx.authoritative = true;
    auto outcome = sync::applyOperation(*current, op, ctx);
    if (!outcome) {
        Error e = outcome.error();
        if (e.field.empty())
            e.field = admin_detail::fieldOf(e.message);
        return e;
    }
    if (!outcome->changed)
        return outcome->record.body;
    Json entry = historyEntry(op, actor, by.deviceId, *current, outcome->record);
    entry["op"] = ctx.opId;
    appendHistory(outcome->record.history, entry);
    Json after = outcome->record.body;
    line.communityId = stringAt(after, "community_id");
    auto version = unit.put(std::move(outcome->record));
    if (!version)
        return version.error();
    line.version = *version;
    line.detail = std::move(entry);
    CY_TRY(unit.addAudit(line));
    return after;
}

// A change of one stored notice, in its own transaction.
Result<Json> applyToStored(ServerStorage& storage, const sync::Operation& op, const AdminActor& by, Instant now,
                           const AuditEntry& line) {
    Json after;
    CY_TRY(storage.write([&](WriteUnit& unit) -> Status {
        auto actor = adminActor(unit, by.staffId);
        if (!actor)
            return actor.error();
        auto notice = applyHere(unit, op, *actor, by, now, line);
        if (!notice)
            return notice.error();
        after = std::move(*notice);
        return {};
    }));
    return Json{{"notice", std::move(after)}};
}

} // namespace

Result<Json> AdminApi::notices(std::optional<Instant> endedSince) {
    const Instant since = endedSince ? *endedSince : m_clock() - std::chrono::hours(24) * kNoticesListedDays;
    Json out = Json::array();
    std::int64_t older = 0;
    CY_TRY(m_storage.read([&](ReadUnit& unit) -> Status {
        store::RecordQuery q;
        q.types = {"notice"};
        auto records = unit.query(q);
        if (!records)
            return records.error();
        for (auto& r : *records) {
            // A notice always has an end (validateNew); one that does not read as an instant is listed.
            const auto until = parseInstant(stringAt(r.body, "valid_until"));
            if (until && *until < since)
                ++older;
            else
                out.push_back(std::move(r.body));
        }
        return {};
    }));
    return Json{{"notices", std::move(out)}, {"ended_since", formatInstant(since)}, {"older", older}};
}

Result<Json> AdminApi::publishNotice(const Json& request, const AdminActor& by) {
    auto body = member(request, "notice");
    if (!body)
        return body.error();
    CY_TRY(checkKeys(*body,
                     {"community_ids", "company_wide", "kind", "title", "body", "valid_from", "valid_until", "urgent",
                      "location"},
                     "a notice"));
    const bool companyWide = body->value("company_wide", false) == true;
    std::vector<std::string> communities;
    try {
        optionalInto(*body, "community_ids", communities);
    } catch (const DecodeError& e) {
        return invalidField("community_ids", std::string("community_ids: ") + e.what());
    }
    if (companyWide == !communities.empty())
        return invalidField("community_ids", "community_ids: name the communities, or say company_wide (not both)");
    Json record = *body;
    record.erase("community_ids");
    record.erase("company_wide");
    record["state"] = "published";
    const Instant now = m_clock();
    const std::string base = "nt-" + randomId(9);
    Json published = Json::array();
    CY_TRY(m_storage.write([&](WriteUnit& unit) -> Status {
        published = Json::array();
        auto company = loadCompany(unit, false);
        if (!company)
            return company.error();
        std::vector<std::string> targets = communities;
        if (companyWide)
            for (const auto& c : company->communities)
                targets.push_back(c.id);
        if (targets.empty())
            return invalidField("community_ids", "community_ids: the company has no community yet");
        for (const auto& c : targets)
            CY_TRY(checkCommunity(*company, c, "community_ids"));
        auto actor = adminActor(unit, by.staffId);
        if (!actor)
            return actor.error();
        for (std::size_t i = 0; i < targets.size(); ++i) {
            sync::Operation op;
            op.kind = sync::OpKind::Create;
            op.type = "notice";
            op.id = targets.size() == 1 ? base : base + "-" + std::to_string(i + 1);
            op.body = record;
            op.body["id"] = op.id;
            op.body["community_id"] = targets[i];
            auto notice = applyHere(unit, op, *actor, by, now, audit(by, "admin_notice_publish", "notice", op.id));
            if (!notice)
                return notice.error();
            published.push_back(std::move(*notice));
        }
        return {};
    }));
    return Json{{"notices", std::move(published)}};
}

Result<Json> AdminApi::changeNotice(const std::string& id, const Json& request, const AdminActor& by) {
    auto body = member(request, "notice");
    if (!body)
        return body.error();
    CY_TRY(checkKeys(*body, {"title", "body", "valid_from", "valid_until", "urgent", "location"},
                     "a notice's change (community and kind stay; withdraw it and publish anew)"));
    if (body->empty())
        return invalidArgument("notice: say what changes");
    sync::Operation op;
    op.kind = sync::OpKind::Update;
    op.type = "notice";
    op.id = id;
    op.fields = *body;
    return applyToStored(m_storage, op, by, m_clock(), audit(by, "admin_notice_change", "notice", id));
}

Result<Json> AdminApi::withdrawNotice(const std::string& id, const Json& request, const AdminActor& by) {
    if (stringAt(request, "reason").empty())
        return invalidField("reason", "reason: say why the notice is withdrawn");
    sync::Operation op;
    op.kind = sync::OpKind::Transition;
    op.type = "notice";
    op.id = id;
    op.action = "withdraw";
    op.params = Json{{"reason", stringAt(request, "reason")}};
    return applyToStored(m_storage, op, by, m_clock(), audit(by, "admin_notice_withdraw", "notice", id));
}

} // namespace courtyard::server
