#pragma once
// Escalation paperwork: a handler who cannot solve a complaint fills a work transfer
// sheet (工作传签单) to the superior; the superior names the responsible department and issues
// a work arrangement notice (工作安排通知单) to it; the sheet may go on to the deputy GM or GM.
// The final result goes on the sheet and back to the complainant. Supervisors also issue
// arrangement notices on their own, from problems found in daily checks.

#include "shared/domain/common.h"
#include "shared/domain/workflow.h"

namespace courtyard::domain {

// Whom the sheet is addressed to, in the order it climbs.
enum class SheetLevel { OfficeDirector, DeputyGm, Gm };
COURTYARD_ENUM_STRINGS(SheetLevel, {{SheetLevel::OfficeDirector, "office_director"},
                                    {SheetLevel::DeputyGm, "deputy_gm"},
                                    {SheetLevel::Gm, "gm"}})

enum class TransferSheetState { Submitted, Arranged, Resolved, Closed };
COURTYARD_ENUM_STRINGS(TransferSheetState, {{TransferSheetState::Submitted, "submitted"},
                                            {TransferSheetState::Arranged, "arranged"},
                                            {TransferSheetState::Resolved, "resolved"},
                                            {TransferSheetState::Closed, "closed"}})

struct TransferSheet : RecordHeader {
    using State = TransferSheetState;
    static constexpr std::string_view kType = "transfer_sheet";

    State state = State::Submitted;
    std::string complaintId; // empty when it concerns another matter
    std::string subject;
    std::string reason; // why the handler cannot solve it
    std::string fromDepartmentId;
    SheetLevel level = SheetLevel::OfficeDirector;
    std::string assignedDepartmentId;
    std::string instructions;
    std::string noticeId;
    std::string result;      // the final result
    std::string finalReply;  // what went back to the complainant
    std::optional<Instant> resolvedAt;
    std::optional<Instant> closedAt;
    // Computed: while submitted, the addressee names the responsible department by this time
    // (the clock restarts when the sheet climbs a level); and the escalation timer's flag.
    std::optional<Deadline> arrangeDue;
    std::optional<Escalation> escalation;
    std::vector<TimelineEvent> timeline;
    std::vector<Comment> comments;
};
void to_json(Json& j, const TransferSheet& s);
// When the sheet reached its current level: its last "escalate" step, else its creation.
Instant levelSince(const TransferSheet& s);
void from_json(const Json& j, TransferSheet& s);
Status validateNew(const TransferSheet& s);
const Workflow<TransferSheet>& transferSheetWorkflow();

enum class NoticeSource { TransferSheet, DailyCheck, Inspection, Patrol };
COURTYARD_ENUM_STRINGS(NoticeSource, {{NoticeSource::TransferSheet, "transfer_sheet"},
                                      {NoticeSource::DailyCheck, "daily_check"},
                                      {NoticeSource::Inspection, "inspection"},
                                      {NoticeSource::Patrol, "patrol"}})

enum class ArrangementState { Issued, Acknowledged, Completed, Cancelled };
COURTYARD_ENUM_STRINGS(ArrangementState, {{ArrangementState::Issued, "issued"},
                                          {ArrangementState::Acknowledged, "acknowledged"},
                                          {ArrangementState::Completed, "completed"},
                                          {ArrangementState::Cancelled, "cancelled"}})

struct ArrangementNotice : RecordHeader {
    using State = ArrangementState;
    static constexpr std::string_view kType = "arrangement_notice";

    State state = State::Issued;
    NoticeSource source = NoticeSource::DailyCheck;
    std::string sourceId;
    std::string departmentId;
    std::string assigneeId;
    std::string instructions;
    std::optional<Instant> dueBy;
    std::string result;
    std::optional<Instant> completedAt;
    std::optional<Deadline> due;
    std::optional<Escalation> escalation; // the escalation timer's flag (server-computed)
    std::vector<TimelineEvent> timeline;
    std::vector<Comment> comments;
};
void to_json(Json& j, const ArrangementNotice& n);
void from_json(const Json& j, ArrangementNotice& n);
Status validateNew(const ArrangementNotice& n);
const Workflow<ArrangementNotice>& arrangementWorkflow();

} // namespace courtyard::domain
