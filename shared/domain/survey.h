#pragma once
// Satisfaction measurement: a survey campaign (monthly opinion solicitation, the
// annual company-wide questionnaire, a community-activity follow-up) with its sample of
// households, and the responses: a score per category on a five-face scale, a comment, or the
// outcome "not at home" / "refused".

#include "shared/domain/common.h"
#include "shared/domain/workflow.h"

#include <map>

namespace courtyard::domain {

enum class SurveyKind { MonthlySolicitation, Annual, ActivityFollowUp, Special };
COURTYARD_ENUM_STRINGS(SurveyKind, {{SurveyKind::MonthlySolicitation, "monthly_solicitation"},
                                    {SurveyKind::Annual, "annual"},
                                    {SurveyKind::ActivityFollowUp, "activity_follow_up"},
                                    {SurveyKind::Special, "special"}})

enum class SurveyMethod { DoorToDoor, Phone, Outdoor, Questionnaire, Kiosk };
COURTYARD_ENUM_STRINGS(SurveyMethod, {{SurveyMethod::DoorToDoor, "door_to_door"},
                                      {SurveyMethod::Phone, "phone"},
                                      {SurveyMethod::Outdoor, "outdoor"},
                                      {SurveyMethod::Questionnaire, "questionnaire"},
                                      {SurveyMethod::Kiosk, "kiosk"}})

enum class CampaignState { Draft, Open, Closed, Reported, Cancelled };
COURTYARD_ENUM_STRINGS(CampaignState, {{CampaignState::Draft, "draft"},
                                       {CampaignState::Open, "open"},
                                       {CampaignState::Closed, "closed"},
                                       {CampaignState::Reported, "reported"},
                                       {CampaignState::Cancelled, "cancelled"}})

// One household in the sample; `focused` marks focused resampling (complained or dissatisfied).
struct SampleEntry {
    std::string unitId;
    bool focused = false;
};
void to_json(Json& j, const SampleEntry& e);
void from_json(const Json& j, SampleEntry& e);

struct SurveyCampaign : RecordHeader {
    using State = CampaignState;
    static constexpr std::string_view kType = "survey_campaign";

    State state = State::Draft;
    SurveyKind kind = SurveyKind::MonthlySolicitation;
    SurveyMethod method = SurveyMethod::DoorToDoor;
    std::string title;
    std::string officeId;
    std::vector<std::string> communityIds; // the campaign's reach (its header community is the first)
    std::vector<Category> categories;
    Instant periodStart{};
    Instant periodEnd{};
    std::uint64_t seed = 0;
    int quota = 0; // households that must be reached
    std::vector<SampleEntry> sample;
    std::string resultsNoticeId; // the notice that published the results
    std::optional<Deadline> periodDue;
    std::optional<Escalation> escalation; // the escalation timer's flag (server-computed)
    std::vector<TimelineEvent> timeline;
    std::vector<Comment> comments;
};
void to_json(Json& j, const SurveyCampaign& c);
void from_json(const Json& j, SurveyCampaign& c);
Status validateNew(const SurveyCampaign& c);
const Workflow<SurveyCampaign>& surveyCampaignWorkflow();

enum class ResponseOutcome { Answered, NotAtHome, Refused };
COURTYARD_ENUM_STRINGS(ResponseOutcome, {{ResponseOutcome::Answered, "answered"},
                                         {ResponseOutcome::NotAtHome, "not_at_home"},
                                         {ResponseOutcome::Refused, "refused"}})

// A response or an attempt. One answered response per household per campaign (the server
// enforces it); "not at home" and "refused" are attempts and may precede an answer.
struct SurveyResponse : RecordHeader {
    static constexpr std::string_view kType = "survey_response";

    std::string campaignId;
    std::string unitId;
    ResponseOutcome outcome = ResponseOutcome::Answered;
    SurveyMethod method = SurveyMethod::DoorToDoor;
    std::map<Category, int> scores; // 1 (very dissatisfied) .. 5 (very satisfied)
    std::string comment;
    Instant answeredAt{};
};
void to_json(Json& j, const SurveyResponse& r);
void from_json(const Json& j, SurveyResponse& r);
Status validateNew(const SurveyResponse& r);

} // namespace courtyard::domain
