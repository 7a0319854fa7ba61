#include "shared/rules/policy.h"

#include <cmath>

namespace courtyard::rules {

namespace {

// A refusal about one key, so the error can name it (Error::field).
struct KeyError {
    std::string key;
    std::string message;
};

template <typename T>
std::optional<T> readKey(const Json& j, const char* key) {
    std::optional<T> v;
    try {
        optionalInto(j, key, v);
    } catch (const DecodeError& e) {
        throw KeyError{key, e.what()};
    }
    return v;
}

// Percentages travel as numbers ("monthly_sample_percent": 5); held as basis points.
void readPercent(const Json& j, const char* key, int& bp) {
    const auto pct = readKey<double>(j, key);
    if (!pct)
        return;
    if (*pct < 0 || *pct > 100)
        throw KeyError{key, std::string(key) + ": must be between 0 and 100"};
    bp = int(std::lround(*pct * 100.0));
}

// A whole number within [min, max]: the ranges keep a typing slip ("2000" hours for "2") from
// reaching every deadline.
void readPositive(const Json& j, const char* key, int& out, int min = 0, int max = 1000000) {
    const auto v = readKey<int>(j, key);
    if (!v)
        return;
    if (*v < min || *v > max)
        throw KeyError{key, std::string(key) + ": must be between " + std::to_string(min) + " and " +
                                std::to_string(max)};
    out = *v;
}

// Runs `read` for a nested key; a decode error inside it names that key.
template <typename F>
void within(const char* key, F read) {
    try {
        read();
    } catch (const DecodeError& e) {
        throw KeyError{key, std::string(key) + ": " + e.what()};
    }
}

const char* cellKey(int c, int r) {
    static const char* keys[2][2] = {{"high/community", "high/media"},
                                     {"low/community", "low/media"}};
    return keys[c][r];
}

} // namespace

const std::vector<std::string>& Policy::keys() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        const Json all = Policy{}.toJson();
        for (auto it = all.begin(); it != all.end(); ++it)
            out.push_back(it.key());
        return out;
    }();
    return names;
}

const Policy& Policy::defaults() {
    static const Policy p;
    return p;
}

Result<Policy> Policy::fromJson(const Json& j) {
    if (!j.is_object())
        return invalidArgument("a policy is a JSON object");
    Policy p;
    try {
        readPositive(j, "urgent_reply_hours", p.urgentReplyHours, 1, 168);
        readPositive(j, "reply_working_days", p.replyWorkingDays, 1, 60);
        readPositive(j, "invalid_explanation_working_days", p.invalidExplanationWorkingDays, 1, 60);
        readPositive(j, "suggestion_reply_days", p.suggestionReplyDays, 1, 60);
        readPositive(j, "visit_days", p.visitDays, 1, 60);
        readPositive(j, "sheet_arrange_working_days", p.sheetArrangeWorkingDays, 1, 60);
        readPositive(j, "acceptance_days", p.acceptanceDays, 1, 60);
        readPercent(j, "monthly_sample_percent", p.monthlySampleBp);
        readPercent(j, "annual_sample_percent", p.annualSampleBp);
        readPercent(j, "return_rate_floor_percent", p.returnFloorBp);
        readPercent(j, "penalty_step_percent", p.penaltyStepBp);
        if (p.penaltyStepBp <= 0)
            throw KeyError{"penalty_step_percent", "penalty_step_percent: must be above 0"};
        readPositive(j, "penalty_points", p.penaltyPoints, 0, 100);
        readPositive(j, "quality_target", p.qualityTarget, 0, 100);
        readPositive(j, "satisfied_score", p.satisfiedScore, 1, 5);
        readPercent(j, "activity_visit_percent", p.activityVisitBp);
        readPositive(j, "activity_target", p.activityTarget, 0, 100);
        readPositive(j, "clock_skew_bound_seconds", p.clockSkewBoundSeconds, 1, 86400);
        readPositive(j, "kiosk_submissions_per_unit_per_hour", p.kioskSubmissionsPerUnitPerHour, 1);
        readPositive(j, "pin_min_length", p.pinMinLength, 4, 12);
        readPositive(j, "pin_free_attempts", p.pinFreeAttempts, 1, 100);
        readPositive(j, "pin_delay_seconds", p.pinDelaySeconds, 1, 86400);
        readPositive(j, "pin_delay_max_seconds", p.pinDelayMaxSeconds, 1, 7 * 86400);
        if (p.pinDelayMaxSeconds < p.pinDelaySeconds)
            throw KeyError{"pin_delay_max_seconds", "pin_delay_max_seconds: must be at least pin_delay_seconds"};
        readPositive(j, "pin_offline_attempts", p.pinOfflineAttempts, 1, 100);
        readPositive(j, "credential_days", p.credentialDays, 1, 365);
        readPositive(j, "credential_grace_days", p.credentialGraceDays, 0, 90);
        readPositive(j, "idle_sign_out_minutes", p.idleSignOutMinutes, 1, 1440);
        readPositive(j, "kiosk_submissions_per_device_per_hour", p.kioskSubmissionsPerDevicePerHour, 1);
        readPositive(j, "device_pushes_per_minute", p.devicePushesPerMinute, 1, 10000000);
        readPositive(j, "device_pulls_per_minute", p.devicePullsPerMinute, 1, 10000000);
        readPositive(j, "device_blob_mib_per_minute", p.deviceBlobMibPerMinute, 1, 10000000);
        readPositive(j, "device_pending_upload_mib", p.devicePendingUploadMib, 1, 1 << 20);
        readPositive(j, "abandoned_upload_hours", p.abandonedUploadHours, 1, 8760);
        readPositive(j, "inbox_warning_minutes", p.inboxWarningMinutes, 0, 7 * 1440);
        readPositive(j, "enrolment_code_minutes", p.enrolmentCodeMinutes, 1, 1440);
        readPositive(j, "retention_complaint_days", p.retentionComplaintDays, 30, 36500);
        readPositive(j, "retention_suggestion_days", p.retentionSuggestionDays, 30, 36500);
        readPositive(j, "retention_transfer_sheet_days", p.retentionTransferSheetDays, 30, 36500);
        readPositive(j, "redact_residents_after_days", p.redactResidentsAfterDays, 0, 36500);
        if (auto it = j.find("grade_matrix"); it != j.end() && !it->is_null()) within("grade_matrix", [&] {
            const char* validity[2] = {"valid", "invalid"};
            for (int v = 0; v < 2; ++v) {
                auto row = it->find(validity[v]);
                if (row == it->end())
                    continue;
                for (int c = 0; c < 2; ++c)
                    for (int r = 0; r < 2; ++r) {
                        std::optional<int> level;
                        optionalInto(*row, cellKey(c, r), level);
                        if (!level)
                            continue;
                        if (*level < 1 || *level > 4)
                            throw KeyError{"grade_matrix", "grade_matrix: levels are 1 to 4"};
                        p.grades.level[v][c][r] = *level;
                    }
            }
        });
        if (auto it = j.find("grade_notify"); it != j.end() && !it->is_null()) within("grade_notify", [&] {
            for (int level = 1; level <= 4; ++level)
                optionalInto(*it, std::to_string(level), p.gradeNotify[std::size_t(level - 1)]);
        });
        if (auto it = j.find("escalation"); it != j.end() && !it->is_null()) within("escalation", [&] {
            if (!it->is_array() || it->empty())
                throw KeyError{"escalation", "escalation: a list of {after_minutes, notify} steps"};
            p.escalation.clear();
            int previous = -1;
            for (const auto& step : *it) {
                EscalationStep s;
                s.afterMinutes = required<int>(step, "after_minutes");
                s.notify = required<Position>(step, "notify");
                if (s.afterMinutes <= previous)
                    throw KeyError{"escalation", "escalation: steps must have increasing after_minutes"};
                previous = s.afterMinutes;
                p.escalation.push_back(s);
            }
        });
    } catch (const KeyError& e) {
        return invalidField(e.key, "policy: " + e.message);
    }
    return p;
}

Json Policy::toJson() const {
    Json matrix = Json::object();
    const char* validity[2] = {"valid", "invalid"};
    for (int v = 0; v < 2; ++v)
        for (int c = 0; c < 2; ++c)
            for (int r = 0; r < 2; ++r)
                matrix[validity[v]][cellKey(c, r)] = grades.level[v][c][r];
    Json notify = Json::object();
    for (int level = 1; level <= 4; ++level)
        notify[std::to_string(level)] = gradeNotify[std::size_t(level - 1)];
    Json ladder = Json::array();
    for (const auto& s : escalation)
        ladder.push_back(Json{{"after_minutes", s.afterMinutes}, {"notify", s.notify}});
    return Json{{"urgent_reply_hours", urgentReplyHours},
                {"reply_working_days", replyWorkingDays},
                {"invalid_explanation_working_days", invalidExplanationWorkingDays},
                {"suggestion_reply_days", suggestionReplyDays},
                {"visit_days", visitDays},
                {"sheet_arrange_working_days", sheetArrangeWorkingDays},
                {"acceptance_days", acceptanceDays},
                {"monthly_sample_percent", monthlySampleBp / 100.0},
                {"annual_sample_percent", annualSampleBp / 100.0},
                {"return_rate_floor_percent", returnFloorBp / 100.0},
                {"penalty_step_percent", penaltyStepBp / 100.0},
                {"penalty_points", penaltyPoints},
                {"quality_target", qualityTarget},
                {"satisfied_score", satisfiedScore},
                {"activity_visit_percent", activityVisitBp / 100.0},
                {"activity_target", activityTarget},
                {"grade_matrix", matrix},
                {"grade_notify", notify},
                {"escalation", ladder},
                {"clock_skew_bound_seconds", clockSkewBoundSeconds},
                {"kiosk_submissions_per_unit_per_hour", kioskSubmissionsPerUnitPerHour},
                {"pin_min_length", pinMinLength},
                {"pin_free_attempts", pinFreeAttempts},
                {"pin_delay_seconds", pinDelaySeconds},
                {"pin_delay_max_seconds", pinDelayMaxSeconds},
                {"pin_offline_attempts", pinOfflineAttempts},
                {"credential_days", credentialDays},
                {"credential_grace_days", credentialGraceDays},
                {"idle_sign_out_minutes", idleSignOutMinutes},
                {"kiosk_submissions_per_device_per_hour", kioskSubmissionsPerDevicePerHour},
                {"device_pushes_per_minute", devicePushesPerMinute},
                {"device_pulls_per_minute", devicePullsPerMinute},
                {"device_blob_mib_per_minute", deviceBlobMibPerMinute},
                {"device_pending_upload_mib", devicePendingUploadMib},
                {"abandoned_upload_hours", abandonedUploadHours},
                {"inbox_warning_minutes", inboxWarningMinutes},
                {"enrolment_code_minutes", enrolmentCodeMinutes},
                {"retention_complaint_days", retentionComplaintDays},
                {"retention_suggestion_days", retentionSuggestionDays},
                {"retention_transfer_sheet_days", retentionTransferSheetDays},
                {"redact_residents_after_days", redactResidentsAfterDays}};
}

} // namespace courtyard::rules
