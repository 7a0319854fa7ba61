#include "server/service/enrolment_codes.h"

#include "server/service/admin_api_support.h"
#include "sync/protocol/crypto.h"
#include "sync/protocol/messages.h"

#include <chrono>

namespace courtyard::server {

namespace {

constexpr std::string_view kAlphabet = "ABCDEFGHJKMNPQRSTVWXYZ23456789"; // 30 signs, no look-alikes
constexpr std::size_t kCodeLength = 16;

std::string codeHash(std::string_view code) { return sync::tokenHash("enrol:" + normalizeEnrolmentCode(code)); }

} // namespace

std::string newEnrolmentCode() {
    // Rejection sampling: 240 = 8 × 30, so every sign is equally likely.
    std::string out;
    while (out.size() < kCodeLength)
        for (unsigned char b : sync::randomBytes(kCodeLength))
            if (b < 240 && out.size() < kCodeLength)
                out.push_back(kAlphabet[b % kAlphabet.size()]);
    for (std::size_t i = 12; i > 0; i -= 4)
        out.insert(i, 1, '-');
    return out;
}

std::string normalizeEnrolmentCode(std::string_view typed) {
    std::string out;
    for (char c : typed) {
        if (c == '-' || c == ' ')
            continue;
        out.push_back(c >= 'a' && c <= 'z' ? char(c - 'a' + 'A') : c);
    }
    return out;
}

EnrolmentCodes::EnrolmentCodes(ServerStorage& storage, RulesCache& rules, Clock clock)
    : m_storage(storage), m_rules(rules), m_clock(std::move(clock)) {}

Result<Json> EnrolmentCodes::create(const Json& request, const AdminActor& by) {
    auto body = admin_detail::member(request, "enrolment");
    if (!body)
        return body.error();
    CY_TRY(admin_detail::checkKeys(*body, {"name", "role", "community_ids"}, "an enrolment code"));
    std::vector<std::string> communities;
    try {
        optionalInto(*body, "community_ids", communities);
    } catch (const DecodeError& e) {
        return invalidField("community_ids", std::string("community_ids: ") + e.what());
    }
    const Instant now = m_clock();
    // The checks of enrolling at once; the device itself is made only when the code is used.
    auto prepared = prepareDevice(stringAt(*body, "name"), stringAt(*body, "role"), communities, now);
    if (!prepared)
        return prepared.error();
    EnrolmentCodeRow row;
    const std::string code = newEnrolmentCode();
    row.codeHash = codeHash(code);
    row.name = prepared->row.name;
    row.roleName = prepared->row.roleName;
    row.communityIds = communities;
    row.createdBy = by.staffId;
    row.createdAt = now;
    AuditEntry line;
    line.at = now;
    line.deviceId = by.deviceId;
    line.kind = "admin_enrolment_code";
    line.recordType = "device";
    line.actor = by.staffId;
    line.credentialId = by.credentialId;
    line.outcome = "applied";
    CY_TRY(m_storage.write([&](WriteUnit& unit) -> Status {
        auto rules = m_rules.get(unit, "", now);
        row.expiresAt = now + std::chrono::minutes(rules->policy.enrolmentCodeMinutes);
        for (const auto& c : communities) {
            auto rec = unit.get(c);
            if (!rec)
                return rec.error();
            if (!*rec || (*rec)->type != "community")
                return invalidField("community_ids", "community_ids: community '" + c + "' does not exist");
        }
        CY_TRY(unit.addEnrolmentCode(row));
        line.detail = Json{{"name", row.name},
                           {"role", row.roleName},
                           {"community_ids", row.communityIds},
                           {"expires_at", formatInstant(row.expiresAt)}};
        return unit.addAudit(line);
    }));
    return Json{{"code", code},
                {"expires_at", formatInstant(row.expiresAt)},
                {"name", row.name},
                {"role", row.roleName},
                {"community_ids", row.communityIds}};
}

Result<Json> EnrolmentCodes::exchange(const Json& request) {
    CY_TRY(sync::checkSchema(request));
    const std::string code = stringAt(request, "code");
    if (code.empty() || code.size() > 64)
        return invalidField("code", "code: the enrolment code (16 letters and digits) is required");
    const std::string hash = codeHash(code);
    const Instant now = m_clock();
    std::optional<PreparedDevice> prepared;
    CY_TRY(m_storage.write([&](WriteUnit& unit) -> Status {
        auto row = unit.enrolmentCode(hash);
        if (!row)
            return row.error();
        // The three refusals differ only in their reason: a device shows what to ask for.
        if (!*row)
            return Error(ErrorCode::Unauthenticated, "this enrolment code is not one the server made",
                         "enrolment_code_unknown");
        if ((*row)->usedAt)
            return Error(ErrorCode::Unauthenticated,
                         "this enrolment code was used already: ask an administrator for a new one",
                         "enrolment_code_used");
        if (now >= (*row)->expiresAt)
            return Error(ErrorCode::Unauthenticated,
                         "this enrolment code ran out at " + formatInstant((*row)->expiresAt) +
                             ": ask an administrator for a new one",
                         "enrolment_code_expired");
        auto p = prepareDevice((*row)->name, (*row)->roleName, (*row)->communityIds, now);
        if (!p)
            return p.error();
        prepared = std::move(*p);
        CY_TRY(unit.useEnrolmentCode(hash, prepared->row.id, now));
        CY_TRY(storeDevice(unit, *prepared));
        AuditEntry line;
        line.at = now;
        line.deviceId = prepared->row.id;
        line.kind = "device_enrol";
        line.recordType = "device";
        line.recordId = prepared->row.id;
        line.actor = (*row)->createdBy; // whose code it was
        line.outcome = "applied";
        line.detail = Json{{"via", "enrolment_code"}, {"name", prepared->row.name}, {"role", prepared->row.roleName},
                           {"community_ids", prepared->row.communityIds}};
        return unit.addAudit(line);
    }));
    return Json{{"schema", sync::kSchemaVersion},
                {"device_id", prepared->device.id},
                {"token", prepared->device.token},
                {"name", prepared->row.name},
                {"role", prepared->row.roleName},
                {"community_ids", prepared->row.communityIds}};
}

} // namespace courtyard::server
