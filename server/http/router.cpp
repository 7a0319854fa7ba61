// Over 400 lines, knowingly: every /v1/ endpoint of docs/sync-protocol.md and what a request
// passes before its handler (target parsing, device token, schema header, fair use) in one
// place, so the contract can be read against one file; the work itself is in the services.

#include "server/http/router.h"

#include "server/http/admin_routes.h"
#include "server/reports/report_service.h"
#include "server/service/inbox_service.h"
#include "server/service/scope.h"
#include "shared/core/json_dump.h"
#include "sync/protocol/proof.h"
#include "shared/domain/common.h"
#include "sync/protocol/crypto.h"
#include "sync/protocol/messages.h"
#include "sync/protocol/roles.h"

#include <algorithm>
#include <charconv>
#include <map>

namespace courtyard::server {

namespace {

constexpr std::size_t kSmallBody = kUncheckedBodyAllowance;
constexpr std::size_t kPushBody = 16u << 20;
constexpr std::size_t kBlobChunkBody = 2u << 20;
constexpr std::size_t kRosterBody = 4u << 20; // a unit roster (CSV) of some 50,000 flats
constexpr std::string_view kBlobPrefix = "/v1/blobs/";
constexpr std::string_view kReports = "/v1/reports";
constexpr std::string_view kSignIn = "/v1/auth/sign-in";
constexpr std::string_view kPinChange = "/v1/auth/pin";
constexpr std::string_view kInbox = "/v1/inbox";

int hexValue(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

std::string percentDecode(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && hexValue(s[i + 1]) >= 0 && hexValue(s[i + 2]) >= 0) {
            out.push_back(char(hexValue(s[i + 1]) * 16 + hexValue(s[i + 2])));
            i += 2;
        } else if (s[i] == '+') {
            out.push_back(' ');
        } else {
            out.push_back(s[i]);
        }
    }
    return out;
}


Result<std::int64_t> queryInt(const Target& t, const char* key, std::optional<std::int64_t> fallback = {}) {
    auto it = t.query.find(key);
    if (it == t.query.end()) {
        if (fallback)
            return *fallback;
        return invalidArgument(std::string(key) + ": is required");
    }
    std::int64_t v = 0;
    const auto& s = it->second;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size())
        return invalidArgument(std::string(key) + ": '" + s + "' is not a whole number");
    return v;
}

Response json(const Request& req, http::status status, const Json& body) { return jsonAnswer(req, status, body); }

Response fail(const Request& req, const Error& e) { return errorResponse(e, req.version(), req.keep_alive()); }

Result<DeviceRow> authenticate(const Request& req, ServerContext& ctx) {
    const auto auth = req[http::field::authorization];
    constexpr std::string_view bearer = "Bearer ";
    if (auth.size() <= bearer.size() || auth.substr(0, bearer.size()) != bearer)
        return unauthenticated("missing 'Authorization: Bearer <device token>'");
    const std::string hash = sync::tokenHash(std::string_view(auth.data() + bearer.size(), auth.size() - bearer.size()));
    std::optional<DeviceRow> device;
    CY_TRY(ctx.storage.read([&](ReadUnit& u) -> Status {
        auto d = u.deviceByTokenHash(hash);
        if (!d)
            return d.error();
        device = *d;
        return {};
    }));
    if (!device)
        return unauthenticated("this device token is not known to the server");
    // The device erases what it holds when it reads this reason (docs/sync-protocol.md).
    if (device->revokedAt)
        return Error(ErrorCode::Unauthenticated, "this device has been revoked; ask an administrator to enrol it again",
                     "device_revoked");
    return *device;
}

Status checkSchemaHeader(const Request& req) {
    const auto h = req["X-Courtyard-Schema"];
    if (h.empty())
        return invalidArgument("every request states its schema version in X-Courtyard-Schema (this server speaks " +
                               std::to_string(sync::kSchemaVersion) + ")");
    int v = 0;
    auto [p, ec] = std::from_chars(h.data(), h.data() + h.size(), v);
    if (ec != std::errc() || p != h.data() + h.size() || !sync::schemaSupported(v))
        return failedPrecondition("schema version '" + std::string(h) + "' is not supported: this server accepts " +
                                  std::to_string(sync::kOldestSchemaVersion) + " to " +
                                  std::to_string(sync::kSchemaVersion) + "; update the app");
    return {};
}

Response health(const Request& req, ServerContext& ctx) {
    std::int64_t version = 0;
    auto st = ctx.storage.read([&](ReadUnit& u) -> Status {
        auto v = u.maxVersion();
        if (!v)
            return v.error();
        version = *v;
        return {};
    });
    if (!st)
        return fail(req, Error{ErrorCode::Unavailable, "storage: " + st.error().message});
    return json(req, http::status::ok,
                {{"status", ctx.stopping ? "stopping" : "ok"},
                 {"schema", sync::kSchemaVersion},
                 {"version", ctx.version},
                 {"server_time", formatInstant(ctx.clock())},
                 {"change_version", version}});
}

Response metrics(const Request& req, ServerContext& ctx) {
    const auto pending = ctx.escalations.pendingCount();
    Response res{http::status::ok, req.version()};
    res.set(http::field::content_type, "text/plain; version=0.0.4");
    res.keep_alive(req.keep_alive());
    res.body() = ctx.metrics.render(ctx.sync.counters(), pending ? *pending : -1, ctx.writeQueueDepth(),
                                    ctx.openConnections.load());
    res.prepare_payload();
    return res;
}

Response push(const Request& req, ServerContext& ctx, const DeviceRow& device) {
    // Too many values or operations for one push: the device sends fewer at once. A NUL in a
    // text is read: the operation holding it is rejected on its own (payload_text.h), so a
    // device that queued one before devices refused them is not held up.
    JsonLimits limits = JsonLimits::request();
    limits.allowNul = true;
    auto body = requestJson(req, limits);
    if (!body && body.error().code == ErrorCode::ResourceExhausted)
        return payloadTooLarge(body.error().message, req.version(), req.keep_alive());
    if (!body)
        return fail(req, body.error());
    auto r = ctx.sync.push(device, std::move(*body));
    if (!r && r.error().code == ErrorCode::ResourceExhausted)
        return payloadTooLarge(r.error().message, req.version(), req.keep_alive());
    if (!r)
        return fail(req, r.error());
    return json(req, http::status::ok, *r);
}

Response pull(const Request& req, ServerContext& ctx, const DeviceRow& device, const Target& t) {
    auto limit = queryInt(t, "limit", 500);
    if (!limit)
        return fail(req, limit.error());
    if (*limit < 1 || *limit > SyncService::kMaxPullPage)
        return fail(req, invalidArgument("limit: a page holds 1 to " + std::to_string(SyncService::kMaxPullPage) +
                                         " changes"));
    const auto cursor = t.query.count("cursor") ? t.query.at("cursor") : std::string();
    if (cursor.size() > 200)
        return fail(req, invalidArgument("cursor: not one this server issued; start again with an empty cursor"));
    auto count = queryInt(t, "count", 0);
    if (!count)
        return fail(req, count.error());
    if (*count != 0 && *count != 1)
        return fail(req, invalidArgument("count: 1 asks how many changes remain, 0 (the default) does not"));
    auto r = ctx.sync.pull(device, cursor, int(*limit), *count == 1);
    if (!r)
        return fail(req, r.error());
    Response res{http::status::ok, req.version()};
    res.set(http::field::content_type, "application/json");
    res.set(http::field::cache_control, "no-store");
    res.keep_alive(req.keep_alive());
    res.body() = sync::encodePullResponse(*r);
    res.prepare_payload();
    return res;
}

Response blob(const Request& req, ServerContext& ctx, const DeviceRow& device, const Target& t) {
    const std::string sha = t.path.substr(kBlobPrefix.size());
    if (!domain::isSha256Hex(sha))
        return fail(req, invalidArgument("a blob is named by its SHA-256: 64 lower-case hex digits"));
    if (req.method() == http::verb::head || req.method() == http::verb::put || req.method() == http::verb::get) {
        const bool write = req.method() != http::verb::get;
        auto allowed = ctx.storage.read(
            [&](ReadUnit& u) -> Status { return checkBlobAccess(u, device, sha, write); });
        if (!allowed)
            return fail(req, allowed.error());
    }
    switch (req.method()) {
    case http::verb::head: {
        auto s = ctx.blobs.state(sha);
        if (!s)
            return fail(req, s.error());
        Response res{s->known ? http::status::ok : http::status::not_found, req.version()};
        res.keep_alive(req.keep_alive());
        res.set("Upload-Offset", std::to_string(s->received));
        res.set("Upload-Length", std::to_string(s->total));
        res.set("X-Blob-Complete", s->complete ? "1" : "0");
        res.content_length(0);
        return res;
    }
    case http::verb::put: {
        auto offset = queryInt(t, "offset", 0);
        auto total = queryInt(t, "total");
        if (!offset)
            return fail(req, offset.error());
        if (!total)
            return fail(req, total.error());
        if (*total > ctx.blobs.maxBlobBytes())
            return payloadTooLarge("attachments are limited to " + std::to_string(ctx.blobs.maxBlobBytes() >> 20) +
                                       " MiB",
                                   req.version(), req.keep_alive());
        const std::string mime(req[http::field::content_type]);
        auto company = ctx.sync.companyRules();
        if (!company)
            return fail(req, company.error());
        const UploadQuota quota{device.id, std::int64_t((*company)->policy.devicePendingUploadMib) << 20};
        auto s = ctx.blobs.put(sha, *offset, *total, req.body(), mime, quota);
        if (!s) {
            if (s.error().code == ErrorCode::Conflict) {
                auto now = ctx.blobs.state(sha);
                Json body = sync::errorBody(s.error());
                body["offset"] = now ? now->received : 0;
                return json(req, http::status::conflict, body);
            }
            return fail(req, s.error());
        }
        ctx.metrics.addBlobBytes(std::int64_t(req.body().size()));
        return json(req, http::status::ok,
                    {{"sha256", sha}, {"received", s->received}, {"total", s->total}, {"complete", s->complete}});
    }
    case http::verb::get: {
        auto data = ctx.blobs.read(sha);
        if (!data)
            return fail(req, data.error());
        Response res{http::status::ok, req.version()};
        res.set(http::field::content_type, "application/octet-stream");
        res.set(http::field::cache_control, "private, max-age=31536000, immutable");
        res.keep_alive(req.keep_alive());
        res.body() = std::move(*data);
        res.prepare_payload();
        return res;
    }
    default:
        return fail(req, invalidArgument("blobs take HEAD, PUT and GET"));
    }
}

// POST /v1/auth/sign-in and /v1/auth/pin: docs/sync-protocol.md, "Who acted".
Response authEndpoint(const Request& req, ServerContext& ctx, const DeviceRow& device, const Target& t) {
    if (req.method() != http::verb::post) {
        Response res = fail(req, invalidArgument("sign-in and PIN changes are POSTed"));
        res.result(http::status::method_not_allowed);
        return res;
    }
    auto body = requestObject(req);
    if (!body)
        return fail(req, body.error());
    auto r = t.path == kSignIn ? ctx.auth.signIn(device, *body) : ctx.auth.changePin(device, *body);
    if (!r)
        return fail(req, r.error());
    return json(req, http::status::ok, *r);
}

bool isReportPath(const std::string& path) {
    return path == kReports || (path.size() > kReports.size() + 1 && path.rfind(std::string(kReports) + "/", 0) == 0);
}

// GET /v1/reports (the catalogue) and GET /v1/reports/{kind} (JSON, or CSV with format=csv):
// docs/reports.md. Reports are read for a person: X-Courtyard-Actor proves who.
Response reportEndpoint(const Request& req, ServerContext& ctx, const DeviceRow& device, const Target& t) {
    if (req.method() != http::verb::get) {
        Response res = fail(req, invalidArgument("reports are read with GET"));
        res.result(http::status::method_not_allowed);
        return res;
    }
    auto param = [&](const char* key) { return t.query.count(key) ? t.query.at(key) : std::string(); };
    const std::string lang = param("lang");
    if (!lang.empty() && lang != "en" && lang != "zh")
        return fail(req, invalidArgument("lang: '" + lang + "' is not en or zh"));
    const std::string format = param("format");
    if (!format.empty() && format != "json" && format != "csv")
        return fail(req, invalidArgument("format: '" + format + "' is not json or csv"));
    if (sync::isKiosk(device.role))
        return fail(req, permissionDenied("a kiosk does not read reports"));
    auto staffId = ctx.auth.verifyRequest(device, "GET", req.target(), req[sync::kActorHeader]);
    if (!staffId)
        return fail(req, staffId.error());
    reports::ReportService service(ctx.storage, ctx.clock);
    const reports::Lang language = lang == "zh" ? reports::Lang::Zh : reports::Lang::En;
    if (t.path == kReports) {
        auto c = service.catalogue(device, *staffId, language);
        if (!c)
            return fail(req, c.error());
        return json(req, http::status::ok, *c);
    }
    reports::ReportRequest r;
    r.kind = t.path.substr(kReports.size() + 1);
    r.scope = param("scope").empty() ? "company" : param("scope");
    r.scopeId = param("id");
    r.department = param("department");
    r.period = param("period");
    r.lang = language;
    auto report = service.report(device, *staffId, r);
    if (!report)
        return fail(req, report.error());
    if (format != "csv")
        return json(req, http::status::ok, *report);
    Response res{http::status::ok, req.version()};
    res.set(http::field::content_type, "text/csv; charset=utf-8");
    res.set(http::field::cache_control, "no-store");
    const std::string file = (*report)["kind"].get<std::string>() + "-" +
                             (*report)["period"]["label"].get<std::string>() + ".csv";
    res.set(http::field::content_disposition, "attachment; filename=\"" + file + "\"");
    res.keep_alive(req.keep_alive());
    res.body() = reports::toCsv(*report);
    res.prepare_payload();
    return res;
}

// GET /v1/inbox: the inbox of the person X-Courtyard-Actor proves (docs/sync-protocol.md).
Response inboxEndpoint(const Request& req, ServerContext& ctx, const DeviceRow& device) {
    if (req.method() != http::verb::get) {
        Response res = fail(req, invalidArgument("the inbox is read with GET"));
        res.result(http::status::method_not_allowed);
        return res;
    }
    if (sync::isKiosk(device.role))
        return fail(req, permissionDenied("a kiosk has no inbox: it acts for residents"));
    auto staffId = ctx.auth.verifyRequest(device, "GET", req.target(), req[sync::kActorHeader]);
    if (!staffId)
        return fail(req, staffId.error());
    auto company = ctx.sync.companyRules();
    if (!company)
        return fail(req, company.error());
    InboxService service(ctx.storage, ctx.clock);
    auto inbox = service.inboxFor(device, *staffId, (*company)->policy);
    if (!inbox)
        return fail(req, inbox.error());
    return json(req, http::status::ok, *inbox);
}

} // namespace

Result<Json> requestJson(const Request& req, const JsonLimits& limits) { return parseBoundedJson(req.body(), limits); }

Result<Json> requestObject(const Request& req) {
    auto body = requestJson(req);
    if (!body)
        return body.error();
    if (!body->is_object())
        return invalidArgument("the body is not a JSON object");
    CY_TRY(sync::checkSchema(*body));
    return body;
}

Target parseTarget(std::string_view target) {
    Target t;
    const auto q = target.find('?');
    t.path = std::string(target.substr(0, q));
    if (q == std::string_view::npos)
        return t;
    std::string_view rest = target.substr(q + 1);
    while (!rest.empty()) {
        const auto amp = rest.find('&');
        const auto pair = rest.substr(0, amp);
        const auto eq = pair.find('=');
        t.query[percentDecode(pair.substr(0, eq))] =
            eq == std::string_view::npos ? std::string() : percentDecode(pair.substr(eq + 1));
        if (amp == std::string_view::npos)
            break;
        rest.remove_prefix(amp + 1);
    }
    return t;
}

Response jsonAnswer(const Request& req, http::status status, const Json& body) {
    Response res{status, req.version()};
    res.set(http::field::content_type, "application/json");
    res.set(http::field::cache_control, "no-store");
    res.keep_alive(req.keep_alive());
    res.body() = dumpJson(body, InvalidUtf8::Replace);
    res.prepare_payload();
    return res;
}

std::size_t bodyLimitFor(http::verb method, std::string_view target) {
    if (method == http::verb::post && target.substr(0, target.find('?')) == "/v1/sync/push")
        return kPushBody;
    if (isUnitRosterUpload(method, target.substr(0, target.find('?'))))
        return kRosterBody;
    if (method == http::verb::put && target.substr(0, kBlobPrefix.size()) == kBlobPrefix)
        return kBlobChunkBody;
    return kSmallBody;
}

std::size_t maxBodyLimit() { return std::max({kSmallBody, kPushBody, kBlobChunkBody, kRosterBody}); }

std::string routeName(http::verb method, std::string_view target) {
    std::string path(target.substr(0, target.find('?')));
    if (path.rfind(std::string(kBlobPrefix), 0) == 0)
        path = "/v1/blobs/:sha";
    else if (isReportPath(path) && path != kReports)
        path = "/v1/reports/:kind";
    else if (isAdminPath(path))
        path = adminRouteName(path);
    else if (path != "/healthz" && path != "/metrics" && path != "/v1/whoami" && path != "/v1/sync/push" &&
             path != "/v1/sync/pull" && path != kReports && path != "/v1/reports/:kind" && path != kSignIn &&
             path != kPinChange && path != kInbox && path != kEnrolPath)
        path = "other";
    return std::string(http::to_string(method)) + " " + path;
}

namespace {

bool knownV1Path(const std::string& path) {
    return path == "/v1/whoami" || path == "/v1/sync/push" || path == "/v1/sync/pull" ||
           path.rfind(std::string(kBlobPrefix), 0) == 0 || isReportPath(path) || path == kSignIn ||
           path == kPinChange || path == kInbox || isAdminPath(path);
}

// What every /v1/ request passes before its body matters: a known endpoint, the schema
// header, a valid device token.
Result<DeviceRow> admit(const Request& req, const Target& t, ServerContext& ctx) {
    if (t.path.rfind("/v1/", 0) != 0 || !knownV1Path(t.path))
        return notFound("no such endpoint: " + t.path.substr(0, 200));
    CY_TRY(checkSchemaHeader(req));
    // As in a body (bounded_json.h): PostgreSQL's text cannot hold a NUL.
    for (const auto& [key, value] : t.query)
        if (key.find('\0') != std::string::npos || value.find('\0') != std::string::npos)
            return invalidArgument("the query may not hold a NUL character (%00)");
    return authenticate(req, ctx);
}

// Fair use (docs/sync-protocol.md): pushes, pulls and attachment bytes per device and minute,
// the company policy's numbers. Beyond them, 429 with the seconds until there is room again.
std::optional<Response> checkFairUse(const Request& req, const Target& t, const DeviceRow& device,
                                     ServerContext& ctx) {
    RateLimiter::Kind kind;
    double amount = 1;
    if (t.path == "/v1/sync/push" && req.method() == http::verb::post)
        kind = RateLimiter::Kind::Push;
    else if (t.path == "/v1/sync/pull" && req.method() == http::verb::get)
        kind = RateLimiter::Kind::Pull;
    else if (t.path.rfind(std::string(kBlobPrefix), 0) == 0 && req.method() == http::verb::put)
        kind = RateLimiter::Kind::BlobBytes, amount = double(req.body().size());
    else
        return std::nullopt;
    auto company = ctx.sync.companyRules();
    if (!company)
        return fail(req, company.error());
    const auto& policy = (*company)->policy;
    const double perMinute = kind == RateLimiter::Kind::Push   ? policy.devicePushesPerMinute
                             : kind == RateLimiter::Kind::Pull ? policy.devicePullsPerMinute
                                                               : double(policy.deviceBlobMibPerMinute) * (1 << 20);
    const auto wait = ctx.rateLimits.take(device.id, kind, amount, perMinute, ctx.clock());
    if (wait.count() == 0)
        return std::nullopt;
    const char* what = kind == RateLimiter::Kind::Push   ? "pushes"
                       : kind == RateLimiter::Kind::Pull ? "pulls"
                                                         : "attachment bytes";
    Error e{ErrorCode::ResourceExhausted, std::string("this device has sent more ") + what +
                                              " than the company's fair-use policy allows in a minute; try again in " +
                                              std::to_string(wait.count()) + " s"};
    e.retryAfterSeconds = int(wait.count());
    return fail(req, e);
}

} // namespace

std::optional<Response> refuseBeforeBody(const Request& header, ServerContext& ctx) {
    const Target t = parseTarget(header.target());
    if (t.path == kEnrolPath) { // no token yet: the schema header alone
        if (auto st = checkSchemaHeader(header); !st)
            return errorResponse(st.error(), header.version(), false);
        return std::nullopt;
    }
    auto device = admit(header, t, ctx);
    if (!device)
        return errorResponse(device.error(), header.version(), false);
    return std::nullopt;
}

Response handleRequest(const Request& req, ServerContext& ctx) {
    const Target t = parseTarget(req.target());
    if (t.path == "/healthz" && req.method() == http::verb::get)
        return health(req, ctx);
    if (t.path == "/metrics" && req.method() == http::verb::get)
        return metrics(req, ctx);
    if (t.path == kEnrolPath) { // the one /v1/ request without a device token
        if (auto st = checkSchemaHeader(req); !st)
            return fail(req, st.error());
        return enrolEndpoint(req, ctx);
    }
    auto device = admit(req, t, ctx);
    if (!device)
        return fail(req, device.error());
    if (auto refusal = checkFairUse(req, t, *device, ctx))
        return std::move(*refusal);

    if (t.path == "/v1/whoami" && req.method() == http::verb::get)
        return json(req, http::status::ok, ctx.sync.whoami(*device));
    if (t.path == "/v1/sync/push" && req.method() == http::verb::post)
        return push(req, ctx, *device);
    if (t.path == "/v1/sync/pull" && req.method() == http::verb::get)
        return pull(req, ctx, *device, t);
    if (t.path.rfind(std::string(kBlobPrefix), 0) == 0)
        return blob(req, ctx, *device, t);
    if (isReportPath(t.path))
        return reportEndpoint(req, ctx, *device, t);
    if (t.path == kSignIn || t.path == kPinChange)
        return authEndpoint(req, ctx, *device, t);
    if (t.path == kInbox)
        return inboxEndpoint(req, ctx, *device);
    if (isAdminPath(t.path))
        return adminEndpoint(req, ctx, *device);
    Response res = fail(req, invalidArgument(std::string(http::to_string(req.method())) + " is not allowed on " + t.path));
    res.result(http::status::method_not_allowed);
    return res;
}

} // namespace courtyard::server
