#include "shared/domain/survey.h"

#include <set>

namespace courtyard::domain {

void to_json(Json& j, const SampleEntry& e) {
    j = Json{{"unit_id", e.unitId}};
    if (e.focused)
        j["focused"] = true;
}

void from_json(const Json& j, SampleEntry& e) {
    e.unitId = required<std::string>(j, "unit_id");
    optionalInto(j, "focused", e.focused);
}

void to_json(Json& j, const SurveyCampaign& c) {
    j = Json::object();
    writeHeader(j, c);
    j["type"] = SurveyCampaign::kType;
    j["state"] = c.state;
    j["kind"] = c.kind;
    j["method"] = c.method;
    j["title"] = c.title;
    putIfNotEmpty(j, "office_id", c.officeId);
    j["community_ids"] = c.communityIds;
    j["categories"] = c.categories;
    j["period_start"] = c.periodStart;
    j["period_end"] = c.periodEnd;
    j["seed"] = c.seed;
    j["quota"] = c.quota;
    j["sample"] = c.sample;
    putIfNotEmpty(j, "results_notice_id", c.resultsNoticeId);
    putIf(j, "period_due", c.periodDue);
    putIf(j, "escalation", c.escalation);
    j["timeline"] = c.timeline;
    j["comments"] = c.comments;
}

void from_json(const Json& j, SurveyCampaign& c) {
    readHeader(j, c);
    optionalInto(j, "state", c.state);
    c.kind = required<SurveyKind>(j, "kind");
    c.method = required<SurveyMethod>(j, "method");
    c.title = required<std::string>(j, "title");
    optionalInto(j, "office_id", c.officeId);
    optionalInto(j, "community_ids", c.communityIds);
    c.categories = required<std::vector<Category>>(j, "categories");
    c.periodStart = required<Instant>(j, "period_start");
    c.periodEnd = required<Instant>(j, "period_end");
    optionalInto(j, "seed", c.seed);
    optionalInto(j, "quota", c.quota);
    optionalInto(j, "sample", c.sample);
    optionalInto(j, "results_notice_id", c.resultsNoticeId);
    optionalInto(j, "period_due", c.periodDue);
    optionalInto(j, "escalation", c.escalation);
    optionalInto(j, "timeline", c.timeline);
    optionalInto(j, "comments", c.comments);
}

Status validateNew(const SurveyCampaign& c) {
    if (c.state != CampaignState::Draft)
        return invalidArgument("a new survey campaign must start as 'draft'");
    if (c.periodEnd <= c.periodStart)
        return invalidArgument("period_end: must be after period_start");
    if (c.categories.empty())
        return invalidArgument("categories: pick at least one of the eight categories");
    if (std::set<Category>(c.categories.begin(), c.categories.end()).size() != c.categories.size())
        return invalidArgument("categories: a category is listed twice");
    if (!c.timeline.empty())
        return invalidArgument("a new survey campaign has no history");
    return {};
}

void to_json(Json& j, const SurveyResponse& r) {
    j = Json::object();
    writeHeader(j, r);
    j["type"] = SurveyResponse::kType;
    j["campaign_id"] = r.campaignId;
    j["unit_id"] = r.unitId;
    j["outcome"] = r.outcome;
    j["method"] = r.method;
    Json scores = Json::object();
    for (const auto& [cat, score] : r.scores)
        scores[std::string(enumName(cat))] = score;
    j["scores"] = scores;
    putIfNotEmpty(j, "comment", r.comment);
    j["answered_at"] = r.answeredAt;
}

void from_json(const Json& j, SurveyResponse& r) {
    readHeader(j, r);
    r.campaignId = required<std::string>(j, "campaign_id");
    r.unitId = required<std::string>(j, "unit_id");
    optionalInto(j, "outcome", r.outcome);
    optionalInto(j, "method", r.method);
    if (auto it = j.find("scores"); it != j.end() && !it->is_null()) {
        if (!it->is_object())
            throw DecodeError("scores: must be an object of category: score");
        for (const auto& [key, value] : it->items()) {
            Category cat{};
            if (!fromString(key, cat))
                throw DecodeError("scores: '" + key + "' is not one of the eight categories");
            if (!value.is_number_integer() || value.get<std::int64_t>() < 1 || value.get<std::int64_t>() > 5)
                throw DecodeError("scores." + key + ": must be a whole number from 1 to 5");
            r.scores[cat] = int(value.get<std::int64_t>());
        }
    }
    optionalInto(j, "comment", r.comment);
    r.answeredAt = required<Instant>(j, "answered_at");
}

Status validateNew(const SurveyResponse& r) {
    if (r.campaignId.empty())
        return invalidArgument("campaign_id: is required");
    if (r.unitId.empty())
        return invalidArgument("unit_id: is required: one response per household");
    for (const auto& [cat, score] : r.scores)
        if (score < 1 || score > 5)
            return invalidArgument("scores." + std::string(enumName(cat)) +
                                   ": must be from 1 to 5");
    if (r.outcome == ResponseOutcome::Answered && r.scores.empty())
        return invalidArgument("scores: an answered response scores at least one category");
    if (r.outcome != ResponseOutcome::Answered && !r.scores.empty())
        return invalidArgument("scores: only an answered response carries scores");
    if (r.comment.size() > 20000)
        return invalidArgument("comment: is longer than 20000 bytes");
    return {};
}

namespace {
using S = CampaignState;
using R = Role;

Status openCampaign(SurveyCampaign& c, const TransitionRequest&) {
    if (c.sample.empty())
        return failedPrecondition("a campaign opens with its sample drawn: plan the sample first");
    if (c.quota <= 0)
        return failedPrecondition("a campaign opens with a quota of households to reach");
    c.state = S::Open;
    return {};
}

Status closeCampaign(SurveyCampaign& c, const TransitionRequest&) {
    c.state = S::Closed;
    return {};
}

Status publishCampaign(SurveyCampaign& c, const TransitionRequest& req) {
    return guardParams([&]() -> Status {
        c.resultsNoticeId = requireText(req.params, "notice_id");
        c.state = S::Reported;
        return {};
    });
}

Status cancelCampaign(SurveyCampaign& c, const TransitionRequest& req) {
    return guardParams([&]() -> Status {
        requireText(req.params, "reason");
        c.state = S::Cancelled;
        return {};
    });
}
} // namespace

const Workflow<SurveyCampaign>& surveyCampaignWorkflow() {
    static const Workflow<SurveyCampaign> wf{
        "survey campaign",
        {
            {"open", {S::Draft}, {R::Supervisor, R::Manager}, openCampaign},
            {"close", {S::Open}, {R::Supervisor, R::Manager}, closeCampaign},
            {"publish", {S::Closed}, {R::Supervisor, R::Manager}, publishCampaign},
            {"cancel", {S::Draft, S::Open}, {R::Supervisor, R::Manager}, cancelCampaign},
        }};
    return wf;
}

} // namespace courtyard::domain
