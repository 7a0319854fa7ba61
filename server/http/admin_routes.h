#pragma once
// The admin API's HTTP side (docs/sync-protocol.md, "Administration"): every /v1/admin/ request
// comes from a device enrolled as `admin` (403 otherwise), acting for a person proven by
// X-Courtyard-Actor (401 otherwise) whose role is admin (403 otherwise); then one AdminApi call
// per method and path.

#include "server/http/router.h"

namespace courtyard::server {

bool isAdminPath(std::string_view path);
// POST /v1/admin/communities/<id>/units: a CSV roster, the one admin body over 64 KiB.
bool isUnitRosterUpload(http::verb method, std::string_view path);
// For metrics and logs: ids replaced by ":id".
std::string adminRouteName(std::string_view path);
Response adminEndpoint(const Request& req, ServerContext& ctx, const DeviceRow& device);
// POST /v1/enrol {"schema", "code"}: a device not enrolled yet spends a one-time enrolment code
// for its token (no Authorization; the schema header as everywhere).
inline constexpr std::string_view kEnrolPath = "/v1/enrol";
Response enrolEndpoint(const Request& req, ServerContext& ctx);

} // namespace courtyard::server
