#pragma once
// Policy values (the numbers a company may change): every deadline length, sample rate,
// penalty, target, the grade matrix, who is told at each grade and the escalation ladder. The
// defaults are the company procedures' numbers. Rates are held in basis points (1% = 100) so
// that the penalty edges (50%, 45%) are exact.

#include "shared/core/json_util.h"
#include "shared/domain/common.h"

#include <array>
#include <vector>

namespace courtyard::rules {

using domain::Position;

// level[validity][controllability][reach]: validity 0 = valid, 1 = invalid; controllability
// 0 = high, 1 = low; reach 0 = community, 1 = media. Levels are 1..4.
struct GradeMatrix {
    std::array<std::array<std::array<int, 2>, 2>, 2> level{{
        {{{1, 3}, {2, 4}}}, // valid:   high/community 1, high/media 3, low/community 2, low/media 4
        {{{1, 2}, {1, 3}}}, // invalid: the premise is not met, so one level lower at most
    }};
};

struct EscalationStep {
    int afterMinutes = 0; // overdue by at least this long
    Position notify = Position::DepartmentHead;
};

struct Policy {
    // Deadlines
    int urgentReplyHours = 2;
    int replyWorkingDays = 2;
    int invalidExplanationWorkingDays = 1;
    int suggestionReplyDays = 3;
    int visitDays = 3;
    // The procedures give no figure for these two; the defaults are this software's choice.
    // A transfer sheet is arranged (a responsible department named) within N working days of
    // reaching its addressee's level.
    int sheetArrangeWorkingDays = 1;
    // Rectification work done: the acceptance (the resident's signature, or the finding
    // department's) is due within N days.
    int acceptanceDays = 3;
    // Surveys, in basis points of households / returns, and points of satisfaction
    int monthlySampleBp = 500;   // ≥ 5% of occupied households
    int annualSampleBp = 5000;   // 50% at random, plus focused resampling
    int returnFloorBp = 5000;    // return rate ≥ 50%
    int penaltyStepBp = 500;     // for each full 5 points below the floor ...
    int penaltyPoints = 1;       // ... satisfaction is lowered by 1 point
    int qualityTarget = 82;      // satisfaction target on a 100-point scale
    int satisfiedScore = 4;      // a five-face answer of 4 or 5 counts as satisfied
    int activityVisitBp = 1000;  // community activities: visit ≥ 10% of participants
    int activityTarget = 80;
    // Grading and escalation
    GradeMatrix grades;
    std::array<std::vector<Position>, 4> gradeNotify{{
        {Position::DepartmentHead},
        {Position::DepartmentHead, Position::OfficeDirector},
        {Position::DepartmentHead, Position::OfficeDirector, Position::CsManager, Position::DeputyGm},
        {Position::DepartmentHead, Position::OfficeDirector, Position::CsManager, Position::DeputyGm,
         Position::Gm},
    }};
    std::vector<EscalationStep> escalation{{0, Position::DepartmentHead},
                                           {24 * 60, Position::DeputyGm}};
    // A person's inbox lists an item of their scope as due soon this long before its deadline.
    int inboxWarningMinutes = 240;
    // Sync guard: device clocks further off than this are corrected against the server's.
    int clockSkewBoundSeconds = 300;
    // Kiosk abuse guard: at most this many submissions per unit per hour (a kiosk's submissions
    // naming no flat count as one flat of that kiosk), and per kiosk per hour, counted by the
    // server's clock (rules/kiosk.h).
    int kioskSubmissionsPerUnitPerHour = 5;
    int kioskSubmissionsPerDevicePerHour = 30;
    // Fair use, per device: what one device may ask of the server (beyond it: 429 with
    // Retry-After). A minute's worth may be used at once.
    int devicePushesPerMinute = 60;
    int devicePullsPerMinute = 120;
    int deviceBlobMibPerMinute = 64;
    // Attachments: what one device may have started and not finished, and how long an
    // unfinished one is kept untouched before the server removes it.
    int devicePendingUploadMib = 256;
    int abandonedUploadHours = 24;
    // Sign-in (docs/sync-protocol.md, "Who acted"). PINs have at least this many digits.
    int pinMinLength = 6;
    // Wrong PINs in a row that cost nothing; after them each attempt waits, the wait doubling
    // from pinDelaySeconds up to pinDelayMaxSeconds (online, per person and per device; and on
    // a tablet, per person).
    int pinFreeAttempts = 3;
    int pinDelaySeconds = 30;
    int pinDelayMaxSeconds = 3600;
    // A tablet forgets a person's credential after this many wrong PINs in a row offline: the
    // next sign-in must be online, where the server's delays apply.
    int pinOfflineAttempts = 10;
    // A credential is good for this many days after the online sign-in that gave it; the
    // server still takes operations made before it ran out for a grace period after.
    int credentialDays = 30;
    int credentialGraceDays = 7;
    // A tablet signs its person out after this many minutes without a touch.
    int idleSignOutMinutes = 10;
    // A one-time enrolment code (the QR an administrator shows) is good for this many minutes.
    int enrolmentCodeMinutes = 15;
    // Retention (rules/retention.h): a closed complaint, a replied or cancelled suggestion, a
    // closed transfer sheet is kept this many days after it ended, then archived and purged by
    // the server's daily pass. The procedures keep complaint records, transfer sheets and
    // replies two years.
    int retentionComplaintDays = 730;
    int retentionSuggestionDays = 730;
    int retentionTransferSheetDays = 730;
    // Residents' names and phone numbers in records that ended this many days ago are blanked
    // before the record itself goes; 0: they go with the record.
    int redactResidentsAfterDays = 0;

    // The names of every key fromJson reads (an admin change naming any other is refused).
    static const std::vector<std::string>& keys();

    static const Policy& defaults();
    // Reads a policy; keys that are missing keep their defaults. Unknown keys are ignored.
    static Result<Policy> fromJson(const Json& j);
    Json toJson() const;
};

} // namespace courtyard::rules
