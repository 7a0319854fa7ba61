#pragma once
// A complaint (投诉): from intake through the validity decision, handling or
// explanation, escalation by transfer sheet, reply, follow-up visit and close. One accountable
// handler at a time, one response, one result, one evaluation (the visit).

#include "shared/domain/common.h"
#include "shared/domain/workflow.h"

#include <optional>
#include <string>
#include <vector>

namespace courtyard::domain {

enum class Channel { Kiosk, Phone, FaceToFace, Letter, SuggestionBox, Company, Group, Media, Government };
COURTYARD_ENUM_STRINGS(Channel, {{Channel::Kiosk, "kiosk"},
                                 {Channel::Phone, "phone"},
                                 {Channel::FaceToFace, "face_to_face"},
                                 {Channel::Letter, "letter"},
                                 {Channel::SuggestionBox, "suggestion_box"},
                                 {Channel::Company, "company"},
                                 {Channel::Group, "group"},
                                 {Channel::Media, "media"},
                                 {Channel::Government, "government"}})

enum class Validity { Undecided, Valid, Invalid };
COURTYARD_ENUM_STRINGS(Validity, {{Validity::Undecided, "undecided"},
                                  {Validity::Valid, "valid"},
                                  {Validity::Invalid, "invalid"}})

// Own: a failure of the property company (valid). The others make a complaint invalid.
enum class Cause { Own, Developer, External, PublicFacility };
COURTYARD_ENUM_STRINGS(Cause, {{Cause::Own, "own"},
                               {Cause::Developer, "developer"},
                               {Cause::External, "external"},
                               {Cause::PublicFacility, "public_facility"}})

// The two grading dimensions: how far we control the event and the resident's emotions,
// and how far it reaches (inside the community, or into the media).
enum class Controllability { High, Low };
COURTYARD_ENUM_STRINGS(Controllability, {{Controllability::High, "high"}, {Controllability::Low, "low"}})
enum class Reach { Community, Media };
COURTYARD_ENUM_STRINGS(Reach, {{Reach::Community, "community"}, {Reach::Media, "media"}})

// What the resident is seeking; guides the handler (see guidance.h).
enum class ResidentType { Venting, RespectSeeking, CompensationSeeking };
COURTYARD_ENUM_STRINGS(ResidentType, {{ResidentType::Venting, "venting"},
                                      {ResidentType::RespectSeeking, "respect_seeking"},
                                      {ResidentType::CompensationSeeking, "compensation_seeking"}})

// How a complaint is handled.
enum class HandlingMode { ExplainOnly, SolvedAtOnce, AgreedTime };
COURTYARD_ENUM_STRINGS(HandlingMode, {{HandlingMode::ExplainOnly, "explain_only"},
                                      {HandlingMode::SolvedAtOnce, "solved_at_once"},
                                      {HandlingMode::AgreedTime, "agreed_time"}})

enum class VisitMethod { Phone, InPerson, Kiosk };
COURTYARD_ENUM_STRINGS(VisitMethod, {{VisitMethod::Phone, "phone"},
                                     {VisitMethod::InPerson, "in_person"},
                                     {VisitMethod::Kiosk, "kiosk"}})

// 回访: the complainant's opinion of the handling; unsatisfied reopens the complaint.
struct FollowUpVisit {
    std::string id;
    Instant at{};
    std::string visitor;
    VisitMethod method = VisitMethod::Phone;
    std::string opinion; // the "complainant's opinion" field
    bool satisfied = false;
};
void to_json(Json& j, const FollowUpVisit& v);
void from_json(const Json& j, FollowUpVisit& v);

// A repair request (报修) follows the complaint procedure (receive, hand to the department,
// reply, visit) but is not a complaint: reports and complaint KPIs tell them apart.
enum class ComplaintKind { Complaint, Repair };
COURTYARD_ENUM_STRINGS(ComplaintKind, {{ComplaintKind::Complaint, "complaint"}, {ComplaintKind::Repair, "repair"}})

struct Complainant {
    std::string name;
    std::string phone;
};

enum class ComplaintState { Received, Handling, Escalated, Replied, Visited, Explaining, Referred, Closed, Cancelled };
COURTYARD_ENUM_STRINGS(ComplaintState, {{ComplaintState::Received, "received"},
                                        {ComplaintState::Handling, "handling"},
                                        {ComplaintState::Escalated, "escalated"},
                                        {ComplaintState::Replied, "replied"},
                                        {ComplaintState::Visited, "visited"},
                                        {ComplaintState::Explaining, "explaining"},
                                        {ComplaintState::Referred, "referred"},
                                        {ComplaintState::Closed, "closed"},
                                        {ComplaintState::Cancelled, "cancelled"}})

struct Complaint : RecordHeader {
    using State = ComplaintState;
    static constexpr std::string_view kType = "complaint";

    State state = State::Received;
    ComplaintKind kind = ComplaintKind::Complaint;
    Channel channel = Channel::Phone;
    Complainant complainant;
    std::string unitId;
    std::string buildingId;
    Category category = Category::Housing;
    std::string content;
    Instant receivedAt{};
    std::optional<Instant> requestedReplyBy;
    bool urgent = false;
    bool serious = false;
    std::string receiptCode; // shown to a resident who filed at a kiosk
    std::string fingerprint; // kiosk: a hash of what was written, to merge exact duplicates

    // Assessment
    Validity validity = Validity::Undecided;
    std::optional<Cause> cause;
    std::string invalidReason;
    Controllability controllability = Controllability::High;
    Reach reach = Reach::Community;
    std::optional<int> grade; // 1..4, computed from validity × controllability × reach
    std::optional<ResidentType> residentType;
    std::optional<Instant> decidedAt;

    // Handling
    std::string handlerId;
    std::string departmentId;
    std::optional<HandlingMode> handlingMode;
    std::optional<Instant> agreedBy; // "can be solved but not at once": the agreed time
    std::string measures;
    std::string result;
    std::string reply;
    std::optional<Instant> firstRepliedAt; // the on-time KPI counts the first reply
    std::optional<Instant> repliedAt;      // latest reply: handling complete, visit clock starts
    std::string explanation;          // invalid complaints: why, told to the complainant
    std::optional<Instant> explainedAt;
    std::string referralResult; // developer / external body's result
    std::string transferSheetId;
    // A complaint that reached the company, the group, the media or the government: the leader
    // who follows it to the end (named when it is filed or by the step name_leader).
    std::string leaderId;
    int round = 1; // +1 each time an unsatisfied visit reopens it
    std::vector<FollowUpVisit> visits;
    std::optional<Instant> closedAt;

    // Computed (device: provisional; server: authoritative)
    std::optional<Deadline> replyDue;
    std::optional<Deadline> explanationDue;
    std::optional<Deadline> visitDue;
    // A reopened round (round > 1): the reply to the unsatisfied visit, by the reply rule.
    std::optional<Deadline> roundReplyDue;
    std::optional<Escalation> escalation;

    std::vector<TimelineEvent> timeline;
    std::vector<Comment> comments;
    std::vector<AttachmentRef> attachments;
};
void to_json(Json& j, const Complaint& c);
void from_json(const Json& j, Complaint& c);

// Whether the complaint still needs someone to act (not closed or cancelled).
bool isOpen(const Complaint& c);
// Whether it reached the company, the group, the media or the government rather than the
// community's own desk: leadership names a leader to follow it to the end.
bool fromOutside(Channel channel);
// A new complaint as a device may create it: initial state, nothing decided or computed yet.
Status validateNew(const Complaint& c);

const Workflow<Complaint>& complaintWorkflow();

} // namespace courtyard::domain
