// /v1/admin/… (docs/sync-protocol.md, "Administration"): who may call it, and which call each
// method and path is. The work is AdminApi's.
#include "server/http/admin_routes.h"

#include "server/service/admin_api.h"
#include "server/service/enrolment_codes.h"
#include "server/service/scope.h"
#include "sync/protocol/messages.h"
#include "sync/protocol/proof.h"

#include <algorithm>
#include <charconv>
#include <vector>

namespace courtyard::server {

namespace {

constexpr std::string_view kAdminPrefix = "/v1/admin/";

std::vector<std::string> segments(std::string_view path) {
    std::vector<std::string> out;
    path.remove_prefix(kAdminPrefix.size());
    while (!path.empty()) {
        const auto slash = path.find('/');
        out.emplace_back(path.substr(0, slash));
        if (slash == std::string_view::npos)
            break;
        path.remove_prefix(slash + 1);
    }
    return out;
}

Result<Json> dispatch(const Request& req, ServerContext& ctx, AdminApi& api, const std::vector<std::string>& s,
                      const AdminActor& by) {
    const auto m = req.method();
    const bool get = m == http::verb::get, post = m == http::verb::post;
    auto withBody = [&](auto call) -> Result<Json> {
        auto body = requestObject(req);
        if (!body)
            return body.error();
        return call(*body);
    };
    const std::size_t n = s.size();
    if (n >= 1 && s[0] == "staff") {
        if (n == 1 && get)
            return api.staff();
        if (n == 1 && post)
            return withBody([&](const Json& b) { return api.createStaff(b, by); });
        if (n == 2 && m == http::verb::patch)
            return withBody([&](const Json& b) { return api.updateStaff(s[1], b, by); });
        if (n == 3 && post && (s[2] == "deactivate" || s[2] == "activate"))
            return withBody([&](const Json&) { return api.setStaffActive(s[1], s[2] == "activate", by); });
        if (n == 3 && post && s[2] == "pin")
            return withBody([&](const Json& b) { return api.resetPin(s[1], b, by); });
    } else if (n >= 1 && s[0] == "devices") {
        if (n == 1 && get)
            return api.devices();
        if (n == 1 && post)
            return withBody([&](const Json& b) { return api.enrolDevice(b, by); });
        if (n == 3 && post && s[2] == "revoke")
            return withBody([&](const Json&) { return api.revokeDevice(s[1], by); });
    } else if (n >= 1 && s[0] == "communities") {
        if (n == 1 && get)
            return api.communities();
        if (n == 1 && post)
            return withBody([&](const Json& b) { return api.createCommunity(b, by); });
        if (n == 3 && post && s[2] == "buildings")
            return withBody([&](const Json& b) { return api.createBuilding(s[1], b, by); });
        if (n == 3 && post && s[2] == "units") {
            const auto type = req[http::field::content_type];
            if (type.substr(0, 8) != "text/csv")
                return invalidArgument("a unit roster is sent as Content-Type: text/csv (UTF-8 or GBK)");
            return api.importUnits(s[1], req.body(), by);
        }
    } else if (n == 1 && s[0] == "enrolment-codes") {
        if (post)
            return withBody([&](const Json& b) {
                return EnrolmentCodes(ctx.storage, ctx.sync.rules(), ctx.clock).create(b, by);
            });
    } else if (n == 1 && s[0] == "policy") {
        if (get)
            return api.policy();
        if (m == http::verb::patch)
            return withBody([&](const Json& b) { return api.changePolicy(b, by); });
    } else if (n >= 1 && s[0] == "calendars") {
        if (n == 1 && get)
            return api.calendars();
        if (n == 4 && s[2] == "years" && m == http::verb::put) {
            int year = 0;
            auto [p, ec] = std::from_chars(s[3].data(), s[3].data() + s[3].size(), year);
            if (ec != std::errc() || p != s[3].data() + s[3].size())
                return invalidField("year", "year: '" + s[3].substr(0, 16) + "' is not a year");
            return withBody([&](const Json& b) { return api.replaceCalendarYear(s[1], year, b, by); });
        }
    } else if (n >= 1 && s[0] == "inspection-templates") {
        if (n == 1 && get)
            return api.inspectionTemplates();
        if (n == 2 && m == http::verb::put)
            return withBody([&](const Json& b) { return api.saveTemplate(s[1], b, by); });
    } else if (n == 2 && (s[0] == "offices" || s[0] == "departments")) {
        if (m == http::verb::put)
            return withBody([&](const Json& b) {
                return s[0] == "offices" ? api.saveOffice(s[1], b, by) : api.saveDepartment(s[1], b, by);
            });
    } else if (n >= 1 && s[0] == "notices") {
        if (n == 1 && get) {
            const auto query = parseTarget(req.target()).query;
            const auto since = query.find("ended_since");
            if (since == query.end())
                return api.notices();
            auto at = parseInstant(since->second);
            if (!at)
                return invalidField("ended_since", "ended_since: '" + since->second.substr(0, 40) +
                                                       "' is not an instant (2026-01-01T00:00:00Z)");
            return api.notices(*at);
        }
        if (n == 1 && post)
            return withBody([&](const Json& b) { return api.publishNotice(b, by); });
        if (n == 2 && m == http::verb::patch)
            return withBody([&](const Json& b) { return api.changeNotice(s[1], b, by); });
        if (n == 3 && post && s[2] == "withdraw")
            return withBody([&](const Json& b) { return api.withdrawNotice(s[1], b, by); });
    } else if (n >= 1 && s[0] == "patrol-routes") {
        if (n == 1 && get)
            return api.patrolRoutes();
        if (n == 2 && m == http::verb::put)
            return withBody([&](const Json& b) { return api.saveRoute(s[1], b, by); });
    } else {
        return notFound("no such endpoint: /v1/admin/" + (n ? s[0].substr(0, 64) : std::string()));
    }
    Error e = invalidArgument(std::string(http::to_string(m)) + " is not allowed here (docs/sync-protocol.md, "
                                                                 "\"Administration\")");
    e.reason = "method_not_allowed";
    return e;
}

} // namespace

bool isAdminPath(std::string_view path) { return path.substr(0, kAdminPrefix.size()) == kAdminPrefix; }

bool isUnitRosterUpload(http::verb method, std::string_view path) {
    if (method != http::verb::post || !isAdminPath(path))
        return false;
    const auto s = segments(path);
    return s.size() == 3 && s[0] == "communities" && s[2] == "units";
}

std::string adminRouteName(std::string_view path) {
    auto s = segments(path);
    if (s.empty())
        return "/v1/admin/";
    static const std::vector<std::string> known{"staff",  "devices",   "communities",    "policy",
                                                "calendars", "enrolment-codes", "patrol-routes",
                                                "inspection-templates", "offices", "departments", "notices"};
    if (std::find(known.begin(), known.end(), s[0]) == known.end())
        return "other";
    std::string out = "/v1/admin/" + s[0];
    for (std::size_t i = 1; i < s.size() && i < 4; ++i)
        out += i % 2 == 1 ? std::string("/:id") : "/" + s[i]; // ids in odd places, words in even
    return out;
}

Response enrolEndpoint(const Request& req, ServerContext& ctx) {
    auto answer = [&]() -> Result<Json> {
        if (req.method() != http::verb::post)
            return invalidArgument("an enrolment code is POSTed");
        auto body = requestObject(req);
        if (!body)
            return body.error();
        return EnrolmentCodes(ctx.storage, ctx.sync.rules(), ctx.clock).exchange(*body);
    }();
    if (!answer) {
        Response res = errorResponse(answer.error(), req.version(), req.keep_alive());
        if (req.method() != http::verb::post)
            res.result(http::status::method_not_allowed);
        return res;
    }
    return jsonAnswer(req, http::status::ok, *answer);
}

Response adminEndpoint(const Request& req, ServerContext& ctx, const DeviceRow& device) {
    auto answer = [&]() -> Result<Json> {
        if (device.role != domain::Role::Admin)
            return permissionDenied("the admin API is for administrators' devices; this device is enrolled as " +
                                    device.roleName);
        auto staffId = ctx.auth.verifyRequest(device, http::to_string(req.method()), req.target(),
                                              req[sync::kActorHeader]);
        if (!staffId)
            return staffId.error();
        Status isAdmin = ctx.storage.read([&](ReadUnit& unit) -> Status {
            auto actor = resolveActor(unit, device, *staffId);
            if (!actor)
                return actor.error();
            if (actor->role != domain::Role::Admin)
                return permissionDenied(actor->name + " is not an administrator");
            return {};
        });
        if (!isAdmin)
            return isAdmin.error();
        auto proof = sync::parseActorHeader(req[sync::kActorHeader]);
        const AdminActor by{*staffId, device.id, proof ? proof->credential : std::string()};
        AdminApi api(ctx.storage, ctx.sync.rules(), ctx.auth, ctx.clock);
        return dispatch(req, ctx, api, segments(std::string_view(req.target()).substr(0, req.target().find('?'))), by);
    }();
    if (!answer) {
        Error e = answer.error();
        const bool notAllowed = e.reason == "method_not_allowed";
        if (notAllowed)
            e.reason.clear();
        Response res = errorResponse(e, req.version(), req.keep_alive());
        if (notAllowed)
            res.result(http::status::method_not_allowed);
        return res;
    }
    return jsonAnswer(req, http::status::ok, *answer);
}

} // namespace courtyard::server
