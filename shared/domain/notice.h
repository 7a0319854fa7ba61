#pragma once
// A notice for residents: water and power cuts, pest control and spraying,
// activities, fire safety and regulations, financial reports and survey results. Each has a
// validity period and shows on the kiosks of its community while valid; urgent ones first.

#include "shared/domain/common.h"
#include "shared/domain/workflow.h"

namespace courtyard::domain {

enum class NoticeKind { WaterCut, PowerCut, PestControl, Activity, FireSafety, Regulations, FinancialReport, SurveyResults, General };
COURTYARD_ENUM_STRINGS(NoticeKind, {{NoticeKind::WaterCut, "water_cut"},
                                    {NoticeKind::PowerCut, "power_cut"},
                                    {NoticeKind::PestControl, "pest_control"},
                                    {NoticeKind::Activity, "activity"},
                                    {NoticeKind::FireSafety, "fire_safety"},
                                    {NoticeKind::Regulations, "regulations"},
                                    {NoticeKind::FinancialReport, "financial_report"},
                                    {NoticeKind::SurveyResults, "survey_results"},
                                    {NoticeKind::General, "general"}})

enum class NoticeState { Published, Withdrawn };
COURTYARD_ENUM_STRINGS(NoticeState, {{NoticeState::Published, "published"}, {NoticeState::Withdrawn, "withdrawn"}})

struct Notice : RecordHeader {
    using State = NoticeState;
    static constexpr std::string_view kType = "notice";

    State state = State::Published;
    NoticeKind kind = NoticeKind::General;
    std::string title;
    std::string body;
    Instant validFrom{};
    Instant validUntil{};
    bool urgent = false;
    std::string location; // pest control: where the warning sign stands
    std::vector<AttachmentRef> attachments;
    std::vector<TimelineEvent> timeline;
};
void to_json(Json& j, const Notice& n);
void from_json(const Json& j, Notice& n);
Status validateNew(const Notice& n);
const Workflow<Notice>& noticeWorkflow();

// Shown on a kiosk at `now`: published and inside its validity period.
bool isShowing(const Notice& n, Instant now);

} // namespace courtyard::domain
