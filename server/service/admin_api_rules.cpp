// The policy and the calendars through the admin API (admin_api.h). Deadlines already computed
// keep their values (a later change of the rules does not move them); new ones use the change
// as soon as this server's rules cache is dropped, which happens here, and other servers over
// the same database within the cache's minute.
#include "server/service/admin_api.h"

#include "server/service/admin_api_support.h"
#include "shared/records/community_rules.h"
#include "shared/rules/calendar_year.h"

#include <algorithm>

namespace courtyard::server {

using admin_detail::member;

namespace {

// The stored policy record's body, or the defaults when the company file had none.
Result<Json> storedPolicy(ReadUnit& unit) {
    auto rec = unit.get(std::string(records::kPolicyRecordId));
    if (!rec)
        return rec.error();
    Json body = *rec && (*rec)->type == "policy" ? (*rec)->body : rules::Policy::defaults().toJson();
    body["id"] = std::string(records::kPolicyRecordId);
    return body;
}

} // namespace

Result<Json> AdminApi::policy() {
    Json out;
    CY_TRY(m_storage.read([&](ReadUnit& unit) -> Status {
        auto p = storedPolicy(unit);
        if (!p)
            return p.error();
        out = std::move(*p);
        return {};
    }));
    return Json{{"policy", std::move(out)}};
}

Result<Json> AdminApi::changePolicy(const Json& request, const AdminActor& by) {
    auto changes = member(request, "policy");
    if (!changes)
        return changes.error();
    if (changes->empty())
        return invalidField("policy", "policy: name at least one setting to change");
    const auto& keys = rules::Policy::keys();
    for (const auto& [key, value] : changes->items())
        if (std::find(keys.begin(), keys.end(), key) == keys.end())
            return invalidField(key, key + ": is not a policy setting (docs/configuration.md lists them)");
    Json after;
    AuditEntry line = audit(by, "admin_policy_change", "policy", std::string(records::kPolicyRecordId));
    CY_TRY(m_storage.write([&](WriteUnit& unit) -> Status {
        auto current = storedPolicy(unit);
        if (!current)
            return current.error();
        Json merged = *current;
        Json before = Json::object();
        for (const auto& [key, value] : changes->items()) {
            before[key] = merged.contains(key) ? merged[key] : Json();
            merged[key] = value;
        }
        // The same reading `init` gives a company file's policy: ranges, the grade matrix, …
        if (auto p = rules::Policy::fromJson(merged); !p)
            return p.error();
        ImportSummary s;
        CY_TRY(upsertRecords(unit, {{"policy", merged}}, s));
        auto stored = storedPolicy(unit);
        if (!stored)
            return stored.error();
        after = std::move(*stored);
        line.detail = Json{{"before", before}, {"after", *changes}};
        return unit.addAudit(line);
    }));
    m_rules.invalidate();
    return Json{{"policy", after}};
}

Result<Json> AdminApi::calendars() { return listed("calendar", "calendars"); }

Result<Json> AdminApi::replaceCalendarYear(const std::string& id, int year, const Json& request,
                                           const AdminActor& by) {
    rules::CalendarYear change;
    change.year = year;
    try {
        change.holidays = required<std::vector<std::string>>(request, "holidays");
    } catch (const DecodeError& e) {
        return invalidField("holidays", e.what());
    }
    try {
        optionalInto(request, "working_days", change.workingDays);
    } catch (const DecodeError& e) {
        return invalidField("working_days", e.what());
    }
    const std::string recordId = records::calendarRecordId(id);
    rules::CalendarYearChange result;
    AuditEntry line = audit(by, "admin_calendar_year", "calendar", recordId);
    line.detail = Json{{"year", year}, {"holidays", change.holidays}, {"working_days", change.workingDays}};
    CY_TRY(m_storage.write([&](WriteUnit& unit) -> Status {
        auto rec = unit.get(recordId);
        if (!rec)
            return rec.error();
        if (!*rec || (*rec)->type != "calendar")
            return notFound("no calendar '" + id + "'");
        auto replaced = rules::replaceYear((*rec)->body, change);
        if (!replaced)
            return replaced.error();
        result = std::move(*replaced);
        result.calendar["id"] = recordId;
        ImportSummary s;
        CY_TRY(upsertRecords(unit, {{"calendar", result.calendar}}, s));
        line.detail["working_days_in_year"] = result.workingDays;
        return unit.addAudit(line);
    }));
    m_rules.invalidate();
    return Json{{"calendar", result.calendar}, {"year", year}, {"working_days_in_year", result.workingDays},
                {"weekdays_in_year", result.weekdays}};
}

} // namespace courtyard::server
