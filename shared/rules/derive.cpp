#include "shared/rules/derive.h"

#include "shared/rules/deadlines.h"
#include "shared/rules/grading.h"
#include "shared/rules/overdue.h"

namespace courtyard::rules {

namespace {

using domain::Deadline;

// Keeps the stored deadline when its basis matches, unless forced or when the stored figure is
// a device's provisional one and we are the server.
void settle(std::optional<Deadline>& slot, const Deadline& computed, DeriveMode mode) {
    if (slot && slot->basis == computed.basis && !mode.force &&
        !(mode.authoritative && slot->provisional))
        return;
    slot = computed;
    slot->provisional = !mode.authoritative;
}

// The visit that reopened the complaint's current round: its last visit, when unsatisfied.
const domain::FollowUpVisit* reopeningVisit(const domain::Complaint& c) {
    if (c.round <= 1)
        return nullptr;
    for (auto it = c.visits.rbegin(); it != c.visits.rend(); ++it)
        if (!it->satisfied)
            return &*it;
    return nullptr;
}

void deriveDeadlines(domain::Complaint& c, const RuleContext& ctx, DeriveMode mode) {
    if (c.validity == domain::Validity::Invalid) {
        c.replyDue.reset();
        c.visitDue.reset();
        c.roundReplyDue.reset();
        if (c.decidedAt)
            settle(c.explanationDue, invalidExplanationDeadline(*c.decidedAt, ctx.calendar, ctx.policy),
                   mode);
        return;
    }
    c.explanationDue.reset();
    settle(c.replyDue,
           complaintReplyDeadline(c.receivedAt, c.urgent, c.requestedReplyBy, ctx.calendar, ctx.policy),
           mode);
    if (c.validity == domain::Validity::Valid && c.repliedAt)
        settle(c.visitDue, visitDeadline(*c.repliedAt, ctx.calendar, ctx.policy), mode);
    else
        c.visitDue.reset();
    if (const auto* visit = reopeningVisit(c))
        settle(c.roundReplyDue, roundReplyDeadline(visit->at, c.urgent, c.round, ctx.calendar, ctx.policy),
               mode);
    else
        c.roundReplyDue.reset();
}

} // namespace

void derive(domain::Complaint& c, const RuleContext& ctx, DeriveMode mode) {
    c.grade = complaintGrade(c.validity, c.controllability, c.reach, ctx.policy);
    deriveDeadlines(c, ctx, mode);
    dropStaleFlag(c.escalation, activeDeadline(c));
}

void derive(domain::Suggestion& s, const RuleContext& ctx, DeriveMode mode) {
    settle(s.replyDue, suggestionReplyDeadline(s.receivedAt, s.agreedReplyBy, ctx.calendar, ctx.policy),
           mode);
    dropStaleFlag(s.escalation, activeDeadline(s));
}

void derive(domain::TransferSheet& s, const RuleContext& ctx, DeriveMode mode) {
    // Kept once met (arranged), like every deadline; a new level starts a new clock.
    if (s.state == domain::TransferSheetState::Submitted)
        settle(s.arrangeDue, sheetArrangeDeadline(domain::levelSince(s), ctx.calendar, ctx.policy), mode);
    dropStaleFlag(s.escalation, activeDeadline(s));
}

void derive(domain::ArrangementNotice& n, const RuleContext&, DeriveMode mode) {
    if (n.dueBy)
        settle(n.due, agreedDeadline(rule::ArrangementAgreed, n.createdAt, *n.dueBy), mode);
    else
        n.due.reset();
    dropStaleFlag(n.escalation, activeDeadline(n));
}

void derive(domain::RectificationItem& r, const RuleContext& ctx, DeriveMode mode) {
    if (!r.rounds.empty() && r.rounds.back().completionBy)
        settle(r.completionDue,
               agreedDeadline(rule::RectificationAgreed, r.createdAt, *r.rounds.back().completionBy),
               mode);
    else
        r.completionDue.reset();
    if (!r.rounds.empty() && r.rounds.back().completedAt)
        settle(r.acceptanceDue, acceptanceDeadline(*r.rounds.back().completedAt, ctx.calendar, ctx.policy), mode);
    else
        r.acceptanceDue.reset();
    dropStaleFlag(r.escalation, activeDeadline(r));
}

void derive(domain::SurveyCampaign& c, const RuleContext&, DeriveMode mode) {
    settle(c.periodDue, agreedDeadline(rule::SurveyPeriodEnd, c.periodStart, c.periodEnd), mode);
    dropStaleFlag(c.escalation, activeDeadline(c));
}

std::optional<Deadline> activeDeadline(const domain::Complaint& c) {
    using S = domain::ComplaintState;
    switch (c.state) {
    case S::Received:
    case S::Handling:
    case S::Escalated:
        if (!c.firstRepliedAt)
            return c.replyDue;
        return c.roundReplyDue; // reopened after an unsatisfied visit: the round's reply
    case S::Explaining:
        return c.explanationDue;
    case S::Replied:
        return c.visitDue;
    case S::Visited:
    case S::Referred:
    case S::Closed:
    case S::Cancelled:
        break;
    }
    return std::nullopt;
}

std::optional<Deadline> activeDeadline(const domain::Suggestion& s) {
    if (s.state == domain::SuggestionState::Received ||
        s.state == domain::SuggestionState::Acknowledged)
        return s.replyDue;
    return std::nullopt;
}

std::optional<Deadline> activeDeadline(const domain::TransferSheet& s) {
    if (s.state == domain::TransferSheetState::Submitted)
        return s.arrangeDue;
    return std::nullopt;
}

std::optional<Deadline> activeDeadline(const domain::ArrangementNotice& n) {
    if (n.state == domain::ArrangementState::Issued ||
        n.state == domain::ArrangementState::Acknowledged)
        return n.due;
    return std::nullopt;
}

std::optional<Deadline> activeDeadline(const domain::RectificationItem& r) {
    using S = domain::RectificationState;
    if (r.state == S::InHouse || r.state == S::Scheduled)
        return r.completionDue;
    if (r.state == S::AwaitingAcceptance)
        return r.acceptanceDue;
    return std::nullopt;
}

std::optional<Deadline> activeDeadline(const domain::SurveyCampaign& c) {
    if (c.state == domain::CampaignState::Open)
        return c.periodDue;
    return std::nullopt;
}

} // namespace courtyard::rules
