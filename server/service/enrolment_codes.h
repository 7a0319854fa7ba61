#pragma once
// One-time enrolment codes (docs/admin.md, "Enrolment codes"): an administrator makes a code for
// a device-to-be (its name, role and communities) that is good for the policy's
// enrolment_code_minutes; the device, not enrolled yet, exchanges it once for its device token
// (POST /v1/enrol). The code is shown once — as a QR code on the administrator's screen, or
// typed — and only its SHA-256 is stored, like a device token's. A code used once, or past its
// time, enrols nothing.

#include "server/service/admin_api.h"

namespace courtyard::server {

// 16 characters of an alphabet without look-alikes (no I, L, O, U, 0, 1), shown in groups of
// four: "7KQM-RX3D-WC9P-HT2B" (about 78 bits). Typed codes are read with any case, spaces and
// dashes.
std::string newEnrolmentCode();
// The code as it is hashed: upper case, without spaces and dashes.
std::string normalizeEnrolmentCode(std::string_view typed);

class EnrolmentCodes {
public:
    EnrolmentCodes(ServerStorage& storage, RulesCache& rules, Clock clock);

    // {"enrolment": {"name", "role", "community_ids"}} → {"code", "expires_at", …}; the same
    // checks as enrolling the device at once (role, name, communities), audited.
    Result<Json> create(const Json& request, const AdminActor& by);
    // {"schema", "code"} → {"device_id", "token", "name", "role", "community_ids"}: the device
    // enrolled, the code spent. Unauthenticated, reason enrolment_code_unknown, _used or
    // _expired, otherwise.
    Result<Json> exchange(const Json& request);

private:
    ServerStorage& m_storage;
    RulesCache& m_rules;
    Clock m_clock;
};

} // namespace courtyard::server
