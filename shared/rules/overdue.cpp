#include "shared/rules/overdue.h"

#include "shared/rules/deadlines.h"
#include "shared/rules/derive.h"
#include "shared/rules/grading.h"

namespace courtyard::rules {

namespace {

using domain::Deadline;
using domain::Escalation;

std::optional<RecordClock> clockFor(const std::optional<Deadline>& active, const std::optional<Escalation>& flag,
                                    Instant now, const Policy& policy) {
    if (!active)
        return std::nullopt;
    RecordClock c;
    c.due = *active;
    c.overdue = isOverdue(*active, now);
    c.dueSoon = !c.overdue && active->dueAt - now <= std::chrono::minutes{policy.inboxWarningMinutes};
    if (c.overdue)
        c.rung = escalationFor(*active, now, policy);
    if (flag && flagApplies(*flag, *active))
        c.flag = flag;
    return c;
}

template <typename T>
std::optional<RecordClock> clockOfRecord(const T& rec, Instant now, const Policy& policy) {
    return clockFor(activeDeadline(rec), rec.escalation, now, policy);
}

template <typename T>
std::optional<RecordClock> decodedClock(const Json& body, Instant now, const Policy& policy) {
    auto rec = decodeJson<T>(body);
    if (!rec)
        return std::nullopt;
    return clockOf(*rec, now, policy);
}

template <typename T>
std::optional<Escalation> raise(Json& body, Instant now, const Policy& policy) {
    auto rec = decodeJson<T>(body);
    if (!rec)
        return std::nullopt;
    const auto clock = clockOf(*rec, now, policy);
    if (!clock || !clock->rung || (clock->flag && clock->flag->level >= clock->rung->level))
        return std::nullopt;
    rec->escalation = clock->rung;
    Json out;
    to_json(out, *rec);
    body = std::move(out);
    return clock->rung;
}

} // namespace

std::optional<RecordClock> clockOf(const domain::Complaint& c, Instant now, const Policy& policy) {
    return clockOfRecord(c, now, policy);
}
std::optional<RecordClock> clockOf(const domain::Suggestion& s, Instant now, const Policy& policy) {
    return clockOfRecord(s, now, policy);
}
std::optional<RecordClock> clockOf(const domain::TransferSheet& s, Instant now, const Policy& policy) {
    return clockOfRecord(s, now, policy);
}
std::optional<RecordClock> clockOf(const domain::ArrangementNotice& n, Instant now, const Policy& policy) {
    return clockOfRecord(n, now, policy);
}
std::optional<RecordClock> clockOf(const domain::RectificationItem& r, Instant now, const Policy& policy) {
    return clockOfRecord(r, now, policy);
}
std::optional<RecordClock> clockOf(const domain::SurveyCampaign& c, Instant now, const Policy& policy) {
    return clockOfRecord(c, now, policy);
}

std::optional<RecordClock> clockOf(std::string_view type, const Json& body, Instant now, const Policy& policy) {
    if (type == domain::Complaint::kType)
        return decodedClock<domain::Complaint>(body, now, policy);
    if (type == domain::Suggestion::kType)
        return decodedClock<domain::Suggestion>(body, now, policy);
    if (type == domain::TransferSheet::kType)
        return decodedClock<domain::TransferSheet>(body, now, policy);
    if (type == domain::ArrangementNotice::kType)
        return decodedClock<domain::ArrangementNotice>(body, now, policy);
    if (type == domain::RectificationItem::kType)
        return decodedClock<domain::RectificationItem>(body, now, policy);
    if (type == domain::SurveyCampaign::kType)
        return decodedClock<domain::SurveyCampaign>(body, now, policy);
    return std::nullopt;
}

const std::vector<std::string>& clockedRecordTypes() {
    static const std::vector<std::string> types{
        std::string(domain::Complaint::kType),         std::string(domain::Suggestion::kType),
        std::string(domain::TransferSheet::kType),     std::string(domain::ArrangementNotice::kType),
        std::string(domain::RectificationItem::kType), std::string(domain::SurveyCampaign::kType)};
    return types;
}

bool flagApplies(const Escalation& flag, const Deadline& due) {
    if (flag.rule.empty() && !flag.dueAt)
        return flag.since >= due.dueAt;
    return flag.rule == due.rule && flag.dueAt == due.dueAt;
}

// `due` comes from the stored record's index, which is its activeDeadline when it was written
// (records::RecordType::index; overdue_test checks it for every clock): a change to which
// deadline is active needs the stored records indexed again, or this trusts a stale index.
bool mayRaise(std::string_view flagText, const Deadline& due, Instant now, const Policy& policy) {
    const auto rung = escalationFor(due, now, policy);
    if (!rung)
        return false;
    if (flagText.empty() || flagText == "null")
        return true;
    auto parsed = parseJson(flagText);
    if (!parsed)
        return true;
    auto flag = decodeJson<Escalation>(*parsed);
    return !flag || !flagApplies(*flag, due) || flag->level < rung->level;
}

void dropStaleFlag(std::optional<Escalation>& flag, const std::optional<Deadline>& active) {
    if (flag && (!active || !flagApplies(*flag, *active)))
        flag.reset();
}

std::optional<Escalation> raiseFlag(std::string_view type, Json& body, Instant now, const Policy& policy) {
    if (type == domain::Complaint::kType)
        return raise<domain::Complaint>(body, now, policy);
    if (type == domain::Suggestion::kType)
        return raise<domain::Suggestion>(body, now, policy);
    if (type == domain::TransferSheet::kType)
        return raise<domain::TransferSheet>(body, now, policy);
    if (type == domain::ArrangementNotice::kType)
        return raise<domain::ArrangementNotice>(body, now, policy);
    if (type == domain::RectificationItem::kType)
        return raise<domain::RectificationItem>(body, now, policy);
    if (type == domain::SurveyCampaign::kType)
        return raise<domain::SurveyCampaign>(body, now, policy);
    return std::nullopt;
}

} // namespace courtyard::rules
