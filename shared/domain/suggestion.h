#pragma once
// A suggestion (建议): recorded, a reply time agreed, and a reply within 3 days
// saying whether it is adopted, with thanks; when not adopted, why.

#include "shared/domain/common.h"
#include "shared/domain/workflow.h"

namespace courtyard::domain {

enum class SuggestionState { Received, Acknowledged, Replied, Cancelled };
COURTYARD_ENUM_STRINGS(SuggestionState, {{SuggestionState::Received, "received"},
                                         {SuggestionState::Acknowledged, "acknowledged"},
                                         {SuggestionState::Replied, "replied"},
                                         {SuggestionState::Cancelled, "cancelled"}})

struct Suggestion : RecordHeader {
    using State = SuggestionState;
    static constexpr std::string_view kType = "suggestion";

    State state = State::Received;
    std::string channel = "kiosk"; // same channel names as complaints
    std::string residentName;
    std::string residentPhone;
    std::string unitId;
    std::optional<Category> category;
    std::string content;
    Instant receivedAt{};
    std::string receiptCode;
    std::string fingerprint; // kiosk: a hash of what was written, to merge exact duplicates
    std::optional<Instant> agreedReplyBy;
    std::optional<bool> adopted;
    std::string reply;
    std::string notAdoptedReason;
    std::optional<Instant> repliedAt;
    std::string handlerId;
    std::optional<Deadline> replyDue;
    std::optional<Escalation> escalation; // the escalation timer's flag (server-computed)
    std::vector<TimelineEvent> timeline;
    std::vector<Comment> comments;
};

void to_json(Json& j, const Suggestion& s);
void from_json(const Json& j, Suggestion& s);
Status validateNew(const Suggestion& s);
const Workflow<Suggestion>& suggestionWorkflow();

} // namespace courtyard::domain
