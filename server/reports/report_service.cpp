#include "server/reports/report_service.h"

// The report service: which kinds there are and the period each covers by nature, building a
// report (organisation, scope, period, the kind's sections, the envelope) and who may read it.
// The pieces live beside it: organisation.h (what a report is about), report_sql.h (how it
// asks either engine), aggregates.h (the counts), sections.h (the section builder), one file per
// family of reports (report_kinds.h), audience.h (who reads what), report_csv.cpp.

#include "server/reports/audience.h"
#include "server/reports/report_kinds.h"
#include "server/service/retention_service.h"
#include "server/service/rules_cache.h"
#include "server/service/scope.h"
#include "shared/store/record_store.h"

#include <algorithm>
#include <map>

namespace courtyard::server::reports {

namespace {

using rules::Granularity;
using rules::Period;

using Builder = Status (*)(Ctx&);

struct Kind {
    std::string_view name;
    Builder build;
    // The period the kind covers by nature (rules::naturalGranularity, shared with the tablet).
    Granularity natural() const { return rules::naturalGranularity(name); }
};

constexpr Kind kKinds[] = {
    {"weekly", weekly},
    {"monthly", monthly},
    {"quarterly", quarterly},
    {"half_yearly", halfYearly},
    {"annual_complaints", annualComplaints},
    {"annual_survey", annualSurvey},
    {"inspections", inspections},
    {"kpi", kpi},
};

const Kind* findKind(std::string_view name) {
    for (const auto& k : kKinds)
        if (k.name == name)
            return &k;
    return nullptr;
}

// What the data is as of: the devices serving the scope, and the one that synced least recently.
Json freshness(ReadUnit& u, const Scope& scope) {
    Json out{{"devices", 0}, {"least_recent_sync", nullptr}};
    auto devices = u.devices();
    if (!devices)
        return out;
    int count = 0;
    const DeviceRow* oldest = nullptr;
    for (const auto& d : *devices) {
        if (d.revokedAt)
            continue;
        bool serves = scope.company;
        for (const auto& id : scope.communities)
            serves = serves || deviceServes(d, id);
        if (!serves)
            continue;
        ++count;
        auto seen = [](const DeviceRow& r) { return r.lastSeenAt.value_or(Instant{}); };
        if (!oldest || seen(d) < seen(*oldest))
            oldest = &d;
    }
    out["devices"] = count;
    if (oldest)
        out["least_recent_sync"] = {{"device", oldest->name},
                                    {"at", oldest->lastSeenAt ? Json(formatInstant(*oldest->lastSeenAt)) : Json()}};
    return out;
}

// The report; with an audience, only if they may read its scope.
Result<Json> build(ReadUnit& u, const ReportRequest& request, Instant now, const Audience* audience) {
    const Kind* kind = findKind(request.kind);
    if (!kind)
        return notFound("no such report '" + request.kind + "'; reports: weekly, monthly, quarterly, half_yearly, "
                        "annual_complaints, annual_survey, inspections, kpi");
    auto& db = u.reportDb();
    auto org = loadOrg(db);
    if (!org)
        return org.error();
    auto scope = resolveScope(*org, request);
    if (!scope)
        return scope.error();
    if (audience)
        CY_TRY(mayRead(*audience, *scope));
    // Periods are calendar periods of the scope's (first community's) zone and calendar.
    RulesCache cache;
    const auto communityRules = cache.get(u, scope->communities.empty() ? std::string() : scope->communities.front(), now);
    Period period;
    if (request.period.empty()) {
        period = rules::periodContaining(kind->natural(), now, communityRules->calendar);
    } else {
        auto p = rules::parsePeriod(request.period, communityRules->calendar);
        if (!p)
            return p.error();
        period = *p;
    }
    Ctx c{db, *org, *scope, period, *communityRules, now, request.lang, {}};
    CY_TRY(kind->build(c));

    Json scopeJson{{"kind", scope->kind}, {"id", scope->id}, {"name", scope->name}};
    // Records of the period purged under the retention policy: the figures leave them out, and
    // the report says so rather than showing their absence as zeros.
    auto purged = purgedThrough(u);
    if (!purged)
        return purged.error();
    if (!scope->department.empty()) {
        scopeJson["department_id"] = scope->department;
        scopeJson["department_name"] = scope->departmentName;
    }
    Json out{{"kind", kind->name},
                {"title", label("title." + std::string(kind->name), request.lang)},
                {"scope", scopeJson},
                {"period",
                 {{"label", period.label},
                  {"from", formatInstant(period.from)},
                  {"to", formatInstant(period.to)},
                  {"time_zone", communityRules->calendar.zoneName()}}},
                {"as_of", formatInstant(now)},
                {"lang", request.lang == Lang::Zh ? "zh" : "en"},
                {"data", freshness(u, *scope)},
                {"target", communityRules->policy.qualityTarget},
                {"sections", Json(std::vector<Json>(std::make_move_iterator(c.sections.begin()),
                                                    std::make_move_iterator(c.sections.end())))}};
    if (*purged && period.from <= **purged)
        out["purged"] = {{"through", formatInstant(**purged)}, {"note", label("note.purged", request.lang)}};
    return out;
}

} // namespace

const std::vector<std::string>& reportKinds() {
    static const std::vector<std::string> kinds = [] {
        std::vector<std::string> out;
        for (const auto& k : kKinds)
            out.emplace_back(k.name);
        return out;
    }();
    return kinds;
}

Result<Json> ReportService::compute(const ReportRequest& request) {
    const Instant now = m_clock();
    Json out;
    CY_TRY(m_storage.read([&](ReadUnit& u) -> Status {
        auto r = build(u, request, now, nullptr);
        if (!r)
            return r.error();
        out = std::move(*r);
        return {};
    }));
    return out;
}

Result<Json> ReportService::report(const DeviceRow& device, const std::string& staffId, ReportRequest request) {
    const Instant now = m_clock();
    Json out;
    CY_TRY(m_storage.read([&](ReadUnit& u) -> Status {
        auto audience = audienceOf(u, device, staffId);
        if (!audience)
            return audience.error();
        if (!audience->everything) {
            if (request.department.empty())
                request.department = audience->department;
            if (request.department != audience->department)
                return permissionDenied("a supervisor reads the reports of their own department (" +
                                        audience->department + "), not of '" + request.department + "'");
        }
        auto r = build(u, request, now, &*audience);
        if (!r)
            return r.error();
        out = std::move(*r);
        return {};
    }));
    return out;
}

Result<Json> ReportService::catalogue(const DeviceRow& device, const std::string& staffId, Lang lang) {
    Json out;
    CY_TRY(m_storage.read([&](ReadUnit& u) -> Status {
        auto audience = audienceOf(u, device, staffId);
        if (!audience)
            return audience.error();
        auto org = loadOrg(u.reportDb());
        if (!org)
            return org.error();
        Json kinds = Json::array();
        for (const auto& k : kKinds) {
            kinds.push_back({{"kind", k.name},
                             {"title", label("title." + std::string(k.name), lang)},
                             {"natural_period", rules::granularityName(k.natural())}});
        }
        auto mine = [&](const std::string& id) {
            return audience->everything ||
                   std::find(audience->communities.begin(), audience->communities.end(), id) !=
                       audience->communities.end();
        };
        Json communities = Json::array(), offices = Json::array(), departments = Json::array();
        std::map<std::string, bool> officeWhole;
        for (const auto& c : org->communities) {
            if (mine(c.id))
                communities.push_back({{"id", c.id}, {"name", c.name}, {"office_id", c.officeId}});
            auto [it, fresh] = officeWhole.emplace(c.officeId, true);
            it->second = it->second && mine(c.id);
        }
        for (const auto& [id, name] : org->offices)
            if (officeWhole.count(id) ? officeWhole[id] : audience->everything)
                offices.push_back({{"id", id}, {"name", name}});
        for (const auto& [id, name] : org->departments)
            if (audience->everything || id == audience->department)
                departments.push_back({{"id", id}, {"name", name}});
        out = {{"kinds", kinds},
               {"communities", communities},
               {"offices", offices},
               {"departments", departments},
               {"company", audience->everything},
               {"department_fixed", !audience->everything}};
        return {};
    }));
    return out;
}

} // namespace courtyard::server::reports
