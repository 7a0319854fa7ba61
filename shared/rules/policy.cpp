#include "shared/rules/policy.h"

#include <cmath>

namespace courtyard::rules {

namespace {

// Percentages travel as numbers ("monthly_sample_percent": 5); held as basis points.
void readPercent(const Json& j, const char* key, int& bp) {
    std::optional<double> pct;
    optionalInto(j, key, pct);
    if (!pct)
        return;
    if (*pct < 0 || *pct > 100)
        throw DecodeError(std::string(key) + ": must be between 0 and 100");
    bp = int(std::lround(*pct * 100.0));
}

void readPositive(const Json& j, const char* key, int& out, int min = 0) {
    std::optional<int> v;
    optionalInto(j, key, v);
    if (!v)
        return;
    if (*v < min)
        throw DecodeError(std::string(key) + ": must be at least " + std::to_string(min));
    out = *v;
}

const char* cellKey(int c, int r) {
    static const char* keys[2][2] = {{"high/community", "high/media"},
                                     {"low/community", "low/media"}};
    return keys[c][r];
}

} // namespace

const Policy& Policy::defaults() {
    static const Policy p;
    return p;
}

Result<Policy> Policy::fromJson(const Json& j) {
    if (!j.is_object())
        return invalidArgument("a policy is a JSON object");
    Policy p;
    try {
        readPositive(j, "urgent_reply_hours", p.urgentReplyHours, 1);
        readPositive(j, "reply_working_days", p.replyWorkingDays, 1);
        readPositive(j, "invalid_explanation_working_days", p.invalidExplanationWorkingDays, 1);
        readPositive(j, "suggestion_reply_days", p.suggestionReplyDays, 1);
        readPositive(j, "visit_days", p.visitDays, 1);
        readPercent(j, "monthly_sample_percent", p.monthlySampleBp);
        readPercent(j, "annual_sample_percent", p.annualSampleBp);
        readPercent(j, "return_rate_floor_percent", p.returnFloorBp);
        readPercent(j, "penalty_step_percent", p.penaltyStepBp);
        if (p.penaltyStepBp <= 0)
            throw DecodeError("penalty_step_percent: must be above 0");
        readPositive(j, "penalty_points", p.penaltyPoints);
        readPositive(j, "quality_target", p.qualityTarget);
        if (p.qualityTarget > 100)
            throw DecodeError("quality_target: is on a 100-point scale");
        readPositive(j, "satisfied_score", p.satisfiedScore, 1);
        if (p.satisfiedScore > 5)
            throw DecodeError("satisfied_score: the scale has five faces");
        readPercent(j, "activity_visit_percent", p.activityVisitBp);
        readPositive(j, "activity_target", p.activityTarget);
        readPositive(j, "clock_skew_bound_seconds", p.clockSkewBoundSeconds, 1);
        readPositive(j, "kiosk_submissions_per_unit_per_hour", p.kioskSubmissionsPerUnitPerHour, 1);
        readPositive(j, "pin_min_length", p.pinMinLength, 4);
        if (p.pinMinLength > 12)
            throw DecodeError("pin_min_length: PINs are at most 12 digits");
        readPositive(j, "pin_free_attempts", p.pinFreeAttempts, 1);
        readPositive(j, "pin_delay_seconds", p.pinDelaySeconds, 1);
        readPositive(j, "pin_delay_max_seconds", p.pinDelayMaxSeconds, 1);
        if (p.pinDelayMaxSeconds < p.pinDelaySeconds)
            throw DecodeError("pin_delay_max_seconds: must be at least pin_delay_seconds");
        readPositive(j, "pin_offline_attempts", p.pinOfflineAttempts, 1);
        readPositive(j, "credential_days", p.credentialDays, 1);
        readPositive(j, "credential_grace_days", p.credentialGraceDays, 0);
        readPositive(j, "idle_sign_out_minutes", p.idleSignOutMinutes, 1);
        readPositive(j, "kiosk_submissions_per_device_per_hour", p.kioskSubmissionsPerDevicePerHour, 1);
        readPositive(j, "device_pushes_per_minute", p.devicePushesPerMinute, 1);
        readPositive(j, "device_pulls_per_minute", p.devicePullsPerMinute, 1);
        readPositive(j, "device_blob_mib_per_minute", p.deviceBlobMibPerMinute, 1);
        readPositive(j, "device_pending_upload_mib", p.devicePendingUploadMib, 1);
        readPositive(j, "abandoned_upload_hours", p.abandonedUploadHours, 1);
        readPositive(j, "inbox_warning_minutes", p.inboxWarningMinutes, 0);
        if (auto it = j.find("grade_matrix"); it != j.end() && !it->is_null()) {
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
                            throw DecodeError("grade_matrix: levels are 1 to 4");
                        p.grades.level[v][c][r] = *level;
                    }
            }
        }
        if (auto it = j.find("grade_notify"); it != j.end() && !it->is_null()) {
            for (int level = 1; level <= 4; ++level)
                optionalInto(*it, std::to_string(level), p.gradeNotify[std::size_t(level - 1)]);
        }
        if (auto it = j.find("escalation"); it != j.end() && !it->is_null()) {
            if (!it->is_array() || it->empty())
                throw DecodeError("escalation: a list of {after_minutes, notify} steps");
            p.escalation.clear();
            int previous = -1;
            for (const auto& step : *it) {
                EscalationStep s;
                s.afterMinutes = required<int>(step, "after_minutes");
                s.notify = required<Position>(step, "notify");
                if (s.afterMinutes <= previous)
                    throw DecodeError("escalation: steps must have increasing after_minutes");
                previous = s.afterMinutes;
                p.escalation.push_back(s);
            }
        }
    } catch (const DecodeError& e) {
        return invalidArgument(std::string("policy: ") + e.what());
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
                {"inbox_warning_minutes", inboxWarningMinutes}};
}

} // namespace courtyard::rules
