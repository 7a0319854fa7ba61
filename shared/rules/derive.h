#pragma once
// Recomputes what the rules decide about a record: its deadlines and a complaint's grade. The
// device runs this offline (its figures are provisional); the server runs it on every change
// (authoritative). A deadline is fixed once computed: it is kept while the inputs it was
// computed from (its basis) are unchanged, so a later calendar edit does not move it — unless
// an administrator forces a recompute.
//
// An escalation flag (domain::Escalation) is about one deadline: derive() drops a flag whose
// deadline is no longer the active one (the reply was made, the next round opened), so a record
// shows a flag only while the deadline it names is still running late (rules/overdue.h).

#include "shared/domain/complaint.h"
#include "shared/domain/rectification.h"
#include "shared/domain/suggestion.h"
#include "shared/domain/survey.h"
#include "shared/domain/transfer_sheet.h"
#include "shared/rules/calendar.h"
#include "shared/rules/policy.h"

#include <optional>

namespace courtyard::rules {

struct RuleContext {
    const Calendar& calendar;
    const Policy& policy;
};

struct DeriveMode {
    bool authoritative = false; // the server: figures are final, not provisional
    bool force = false;         // recompute even when the basis is unchanged
};

void derive(domain::Complaint& c, const RuleContext& ctx, DeriveMode mode);
void derive(domain::Suggestion& s, const RuleContext& ctx, DeriveMode mode);
void derive(domain::TransferSheet& s, const RuleContext& ctx, DeriveMode mode);
void derive(domain::ArrangementNotice& n, const RuleContext& ctx, DeriveMode mode);
void derive(domain::RectificationItem& r, const RuleContext& ctx, DeriveMode mode);
void derive(domain::SurveyCampaign& c, const RuleContext& ctx, DeriveMode mode);

// The deadline someone has to act on now, if any (what "my work" sorts by and the escalation
// timer watches).
std::optional<domain::Deadline> activeDeadline(const domain::Complaint& c);
std::optional<domain::Deadline> activeDeadline(const domain::Suggestion& s);
std::optional<domain::Deadline> activeDeadline(const domain::TransferSheet& s);
std::optional<domain::Deadline> activeDeadline(const domain::ArrangementNotice& n);
std::optional<domain::Deadline> activeDeadline(const domain::RectificationItem& r);
std::optional<domain::Deadline> activeDeadline(const domain::SurveyCampaign& c);

} // namespace courtyard::rules
