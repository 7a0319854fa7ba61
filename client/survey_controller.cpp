#include "client/survey_controller.h"

#include "client/directory.h"
#include "shared/rules/sampling.h"
#include "sync/protocol/ids.h"

#include <set>

namespace courtyard::client {

void SurveyController::reloaded() {
    m_outcomes.clear();
    store::RecordQuery q;
    q.types = {"survey_response"};
    q.communityIds = {stringAt(m_body, "community_id")};
    if (auto recs = app().store().query(q))
        for (const auto& r : *recs) {
            if (stringAt(r.body, "campaign_id") != ss(m_id))
                continue;
            auto& slot = m_outcomes[stringAt(r.body, "unit_id")];
            const std::string outcome = stringAt(r.body, "outcome");
            if (slot != "answered")
                slot = outcome; // an answer outranks earlier attempts
        }
    QList<HouseholdView> households;
    const Directory directory(app());
    for (const auto& e : arrayAt(m_body, "sample")) {
        if (!e.is_object())
            continue;
        const std::string unit = stringAt(e, "unit_id");
        const auto it = m_outcomes.find(unit);
        households << HouseholdView{qs(unit), directory.unitLabel(qs(unit)), e.value("focused", false),
                                    it == m_outcomes.end() ? QString("pending") : qs(it->second)};
    }
    m_households.setRows(households);
}

QStringList SurveyController::categories() const {
    QStringList out;
    for (const auto& c : arrayAt(m_body, "categories"))
        if (c.is_string())
            out << qs(c.get<std::string>());
    return out;
}

int SurveyController::answered() const {
    int n = 0;
    for (const auto& [unit, outcome] : m_outcomes)
        n += outcome == "answered";
    return n;
}

int SurveyController::quota() const { return m_body.value("quota", 0); }

bool SurveyController::respond(const QString& unitId, const char* outcome, const QVariantMap& scores,
                               const QString& comment) {
    bool sampled = false;
    for (const auto& e : m_body.value("sample", Json::array()))
        sampled = sampled || qs(stringAt(e, "unit_id")) == unitId;
    if (!sampled)
        return fail(invalidArgument("unit_id: this household is not in the campaign's sample"));
    const Instant now = app().clock();
    Json body{{"community_id", stringAt(m_body, "community_id")},
              {"campaign_id", ss(m_id)},
              {"unit_id", ss(unitId)},
              {"outcome", outcome},
              {"method", stringAt(m_body, "method", "door_to_door")},
              {"scores", toJson(scores)},
              {"comment", ss(comment)},
              {"answered_at", formatInstant(now)}};
    if (std::string(outcome) == "answered" && m_outcomes.count(ss(unitId)) && m_outcomes[ss(unitId)] == "answered")
        return fail(alreadyExists("this household has already answered this survey"));
    if (auto id = app().store().create("survey_response", body, app().actor(), now); !id)
        return fail(id.error());
    app().notifyRecordsChanged({"survey_response"});
    return ok();
}

bool SurveyController::record(const QString& unitId, const QVariantMap& scores, const QString& comment) {
    return respond(unitId, "answered", scores, comment);
}
bool SurveyController::notAtHome(const QString& unitId) { return respond(unitId, "not_at_home", {}, {}); }
bool SurveyController::refused(const QString& unitId) { return respond(unitId, "refused", {}, {}); }

QString SurveyController::plan(const QVariantMap& form) {
    const std::string community = ss(form.value("community_id", app().currentCommunity()).toString());
    const std::string kind = ss(form.value("kind", "monthly_solicitation").toString());
    // Households: every unit of the community; focused ones complained, or answered 1 or 2.
    std::set<std::string> focused;
    store::RecordQuery q;
    q.communityIds = {community};
    q.types = {"complaint", "survey_response"};
    if (auto recs = app().store().query(q))
        for (const auto& r : *recs) {
            if (r.type == "complaint")
                focused.insert(stringAt(r.body, "unit_id"));
            else {
                // A named copy: items() of a temporary would outlive it in the loop.
                const Json scores = objectAt(r.body, "scores");
                for (const auto& [cat, score] : scores.items())
                    if (score.is_number_integer() && score.get<int>() <= 2)
                        focused.insert(stringAt(r.body, "unit_id"));
            }
        }
    std::vector<rules::Household> households;
    store::RecordQuery units;
    units.types = {"unit"};
    units.communityIds = {community};
    if (auto recs = app().store().query(units))
        for (const auto& u : *recs)
            households.push_back({u.id, u.body.value("occupied", true), focused.count(u.id) > 0});
    const std::uint64_t seed = std::uint64_t(form.value("seed", qint64(toEpochMs(app().clock()))).toLongLong());
    auto plan = kind == "annual" ? rules::planAnnualSample(households, seed, app().store().rulesFor(community).policy)
                                 : rules::planMonthlySample(households, seed, app().store().rulesFor(community).policy);
    if (!plan) {
        fail(plan.error());
        return {};
    }
    Json body{{"community_id", community},
              {"community_ids", Json::array({community})},
              {"kind", kind},
              {"method", ss(form.value("method", "door_to_door").toString())},
              {"title", ss(form.value("title").toString())},
              {"categories", toJson(form.value("categories"))},
              {"period_start", toJson(form.value("period_start"))},
              {"period_end", toJson(form.value("period_end"))},
              {"seed", seed},
              {"quota", plan->quota},
              {"sample", plan->entries}};
    auto& store = app().store();
    std::string id;
    auto st = store.records().transaction([&]() -> Status {
        auto created = store.create("survey_campaign", body, app().actor(), app().clock());
        if (!created)
            return created.error();
        id = *created;
        return store.transition(id, "open", Json::object(), app().actor(), app().clock());
    });
    if (!st) {
        fail(st.error());
        return {};
    }
    app().notifyRecordsChanged({"survey_campaign"});
    setRecordId(qs(id));
    ok();
    return m_id;
}

} // namespace courtyard::client
