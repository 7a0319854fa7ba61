// Over 400 lines, knowingly: one table of hostile requests with the answer each must get, kept
// together so a reader sees every case the server is held to (see hostile_requests.h).

#include "support/hostile_requests.h"

#include "support/signed_device.h"
#include "sync/protocol/proof.h"

#include <arpa/inet.h>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <netinet/in.h>
#include <nlohmann/json.hpp>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace courtyard::test {

namespace {

using Json = nlohmann::json;
namespace http = boost::beast::http;

constexpr const char* kDeviceTime = "2026-03-05T02:00:00Z";
const std::string kSha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"; // sha256("test")
const std::string kOtherSha = "a665a45920422f9d417e4867efdc4fb8a04a1f3fff1fa07e998e86f7f7a27ae3"; // sha256("123")

Json complaintOp(std::int64_t seq, const std::string& id, const std::string& content) {
    return Json{{"seq", seq},
                {"kind", "create"},
                {"type", "complaint"},
                {"id", id},
                {"hlc", "1772676000000.0000.x"},
                {"at", kDeviceTime},
                {"actor", "s-1001"},
                {"body",
                 {{"community_id", "cm-sunshine"},
                  {"channel", "phone"},
                  {"category", "repairs"},
                  {"content", content},
                  {"unit_id", "cm-sunshine-b1-1-502"},
                  {"received_at", kDeviceTime}}}};
}

std::string pushOf(const std::string& opsText) {
    return std::string(R"({"schema":2,"device_time":")") + kDeviceTime + R"(","ops":[)" + opsText + "]}";
}

// A push as the staff device, with `edit` applied to operation 2 (the next one the server expects).
std::string push(const std::string& body) {
    return httpRequest("POST", "/v1/sync/push",
                       {{"Authorization", "Bearer @STAFF@"}, {"X-Courtyard-Schema", "2"},
                        {"Content-Type", "application/json"}},
                       body);
}

template <typename Edit>
std::string pushEdited(Edit edit) {
    Json op = complaintOp(2, "c-hostile-2", "Bin room door broken");
    edit(op);
    return push(pushOf(op.dump()));
}

std::string get(const std::string& target, const std::string& token = "@STAFF@") {
    return httpRequest("GET", target, {{"Authorization", "Bearer " + token}, {"X-Courtyard-Schema", "2"}});
}

std::string putBlob(const std::string& sha, const std::string& query, const std::string& body) {
    return httpRequest("PUT", "/v1/blobs/" + sha + query,
                       {{"Authorization", "Bearer @STAFF@"}, {"X-Courtyard-Schema", "2"},
                        {"Content-Type", "application/octet-stream"}},
                       body);
}

// Only the header of a request whose body is never sent: it must be refused on the header.
std::string headerOnly(const std::string& method, const std::string& target, const std::string& token,
                       std::size_t length) {
    std::string h = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (!token.empty())
        h += "Authorization: Bearer " + token + "\r\n";
    return h + "X-Courtyard-Schema: 2\r\nContent-Length: " + std::to_string(length) + "\r\n\r\n";
}

std::string deep(std::size_t levels) { return std::string(levels, '[') + std::string(levels, ']'); }

// An operation with `placeholder` (a string value) replaced by raw JSON text.
template <typename Edit>
std::string pushSpliced(Edit edit, const std::string& raw) {
    Json op = complaintOp(2, "c-hostile-2", "Bin room door broken");
    edit(op);
    std::string text = op.dump();
    const std::string marker = "\"@RAW@\"";
    text.replace(text.find(marker), marker.size(), raw);
    return push(pushOf(text));
}

void addFraming(std::vector<HostileRequest>& out) {
    const std::string pushHead = "POST /v1/sync/push HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer @STAFF@\r\n"
                                 "X-Courtyard-Schema: 2\r\n";
    out.push_back({"binary garbage instead of HTTP", std::string(512, '\x01') + "\r\n\r\n", 400});
    out.push_back({"a request line that is one word", "HELLO\r\n\r\n", 400});
    out.push_back({"a method with punctuation", "G@T /healthz HTTP/1.1\r\nHost: x\r\n\r\n", 400});
    out.push_back({"two spaces in the request line", "GET  /healthz HTTP/1.1\r\nHost: x\r\n\r\n", 400});
    out.push_back({"an unknown HTTP version", "GET /healthz HTTP/x.y\r\nHost: x\r\n\r\n", 400});
    out.push_back({"bare line feeds", "GET /healthz HTTP/1.1\nHost: x\n\n", 400});
    out.push_back({"a 20 KiB header", "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Pad: " + std::string(20 << 10, 'a') +
                                          "\r\n\r\n", 431});
    out.push_back({"a 20 KiB request target", "GET /v1/" + std::string(20 << 10, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n", 431});
    out.push_back({"two thousand small headers", [] {
                       std::string r = "GET /healthz HTTP/1.1\r\nHost: x\r\n";
                       for (int i = 0; i < 2000; ++i)
                           r += "X-H" + std::to_string(i) + ": v\r\n";
                       return r + "\r\n";
                   }(), 431});
    out.push_back({"a header name with a space", "GET /healthz HTTP/1.1\r\nHost: x\r\nBad Header: 1\r\n\r\n", 400});
    out.push_back({"a header value with a NUL", std::string("GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: a\0b\r\n\r\n", 44), 400});
    out.push_back({"a header without a colon", "GET /healthz HTTP/1.1\r\nHost: x\r\nNoColon\r\n\r\n", 400});
    out.push_back({"two different Content-Length headers", pushHead + "Content-Length: 5\r\nContent-Length: 7\r\n\r\n12345", 400});
    out.push_back({"a Content-Length that is not a number", pushHead + "Content-Length: abc\r\n\r\n", 400});
    out.push_back({"a negative Content-Length", pushHead + "Content-Length: -1\r\n\r\n", 400});
    out.push_back({"a Content-Length beyond 64 bits", pushHead + "Content-Length: 99999999999999999999999\r\n\r\n", 400});
    out.push_back({"an invalid chunk size", pushHead + "Transfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n", 400});
    out.push_back({"a chunk size beyond 64 bits",
                   pushHead + "Transfer-Encoding: chunked\r\n\r\nfffffffffffffffffffff\r\nabc\r\n0\r\n\r\n", 400});
    out.push_back({"a chunk without its line end", pushHead + "Transfer-Encoding: chunked\r\n\r\n3\r\nabcXX0\r\n\r\n", 400});
    out.push_back({"an unknown transfer coding last", pushHead + "Transfer-Encoding: chunked, gzip\r\n\r\n", 400});
    out.push_back({"a push body over 16 MiB, declared", headerOnly("POST", "/v1/sync/push", "@STAFF@", 17u << 20), 413});
    out.push_back({"an attachment chunk over 2 MiB, declared",
                   headerOnly("PUT", "/v1/blobs/" + kSha + "?offset=0&total=4000000", "@STAFF@", 3u << 20), 413});
    out.push_back({"a 100 KiB body on a route that takes none",
                   httpRequest("GET", "/v1/whoami", {{"Authorization", "Bearer @STAFF@"}, {"X-Courtyard-Schema", "2"}},
                               std::string(100 << 10, 'x')),
                   413});
}

void addAuthAndRoutes(std::vector<HostileRequest>& out) {
    out.push_back({"no token", httpRequest("GET", "/v1/whoami", {{"X-Courtyard-Schema", "2"}}), 401});
    out.push_back({"a Basic credential", httpRequest("GET", "/v1/whoami", {{"Authorization", "Basic YTpi"}, {"X-Courtyard-Schema", "2"}}), 401});
    out.push_back({"an empty bearer token", httpRequest("GET", "/v1/whoami", {{"Authorization", "Bearer "}, {"X-Courtyard-Schema", "2"}}), 401});
    out.push_back({"an unknown token", get("/v1/whoami", "cyt_madeup"), 401});
    out.push_back({"a revoked device's token", get("/v1/whoami", "@REVOKED@"), 401});
    out.push_back({"a 10 KiB token", get("/v1/whoami", std::string(10 << 10, 'A')), 401});
    out.push_back({"no schema header", httpRequest("GET", "/v1/whoami", {{"Authorization", "Bearer @STAFF@"}}), 400});
    out.push_back({"a schema from the future", httpRequest("GET", "/v1/whoami", {{"Authorization", "Bearer @STAFF@"}, {"X-Courtyard-Schema", "3"}}), 409});
    out.push_back({"a schema with a fraction", httpRequest("GET", "/v1/whoami", {{"Authorization", "Bearer @STAFF@"}, {"X-Courtyard-Schema", "2.0"}}), 409});
    out.push_back({"schema 1: a device that cannot prove who acted", httpRequest("GET", "/v1/whoami", {{"Authorization", "Bearer @STAFF@"}, {"X-Courtyard-Schema", "1"}}), 409});
    out.push_back({"a negative schema", httpRequest("GET", "/v1/whoami", {{"Authorization", "Bearer @STAFF@"}, {"X-Courtyard-Schema", "-1"}}), 409});
    out.push_back({"an unauthenticated 15 MiB push, header only", headerOnly("POST", "/v1/sync/push", "", 15u << 20), 401});
    out.push_back({"a push of 15 MiB with an unknown token, header only",
                   headerOnly("POST", "/v1/sync/push", "cyt_madeup", 15u << 20), 401});
    out.push_back({"a revoked device's 15 MiB push, header only", headerOnly("POST", "/v1/sync/push", "@REVOKED@", 15u << 20), 401});
    out.push_back({"an unauthenticated 2 MiB attachment chunk, header only",
                   headerOnly("PUT", "/v1/blobs/" + kSha + "?offset=0&total=2097152", "", 2u << 20), 401});
    out.push_back({"a large body to an unknown endpoint, header only", headerOnly("POST", "/v1/upload", "@STAFF@", 1u << 20), 413});
    out.push_back({"an unknown version of the API", get("/v2/everything"), 404});
    out.push_back({"an unknown sync endpoint", get("/v1/sync/everything"), 404});
    out.push_back({"a path outside the API", get("/etc/passwd"), 404});
    out.push_back({"a percent-encoded NUL in the path", get("/v1/%00"), 404});
    out.push_back({"DELETE on push", httpRequest("DELETE", "/v1/sync/push", {{"Authorization", "Bearer @STAFF@"}, {"X-Courtyard-Schema", "2"}}), 405});
    out.push_back({"GET on push", get("/v1/sync/push"), 405});
    out.push_back({"POST on whoami", httpRequest("POST", "/v1/whoami", {{"Authorization", "Bearer @STAFF@"}, {"X-Courtyard-Schema", "2"}}, "{}"), 405});
    out.push_back({"POST on reports", httpRequest("POST", "/v1/reports", {{"Authorization", "Bearer @STAFF@"}, {"X-Courtyard-Schema", "2"}}, "{}"), 405});
    out.push_back({"a report language that does not exist", get("/v1/reports?lang=fr"), 400});
    out.push_back({"a report format that does not exist", get("/v1/reports?format=xml"), 400});
    out.push_back({"a report without a person signed in", get("/v1/reports/monthly"), 0});
    out.push_back({"a kiosk asking for reports", get("/v1/reports", "@KIOSK@"), 0});
}

void addPulls(std::vector<HostileRequest>& out) {
    for (const char* q : {"limit=0", "limit=1001", "limit=-1", "limit=abc", "limit=1e3", "limit=99999999999999999999",
                          "limit=", "cursor=garbage", "cursor=abc.def", "cursor=99999999999999999999.x",
                          "cursor=%ff%fe.x", "cursor=-5.x"})
        out.push_back({std::string("a pull with ") + q, get(std::string("/v1/sync/pull?") + q), 400});
    out.push_back({"a pull with a 300-character cursor", get("/v1/sync/pull?cursor=" + std::string(300, '1')), 400});
}

void addPushBodies(std::vector<HostileRequest>& out) {
    out.push_back({"a push that is not JSON", push("hello"), 400});
    out.push_back({"a push cut short", push(R"({"schema":2,"device_time":")"), 400});
    out.push_back({"an empty push body", push(""), 400});
    out.push_back({"a push that is a list", push("[]"), 400});
    out.push_back({"a push that is a string", push(R"("push")"), 400});
    out.push_back({"JSON followed by garbage", push(pushOf("") + "garbage"), 400});
    out.push_back({"a push without a schema", push(R"({"device_time":"2026-03-05T02:00:00Z","ops":[]})"), 400});
    out.push_back({"a schema as text", push(R"({"schema":"1","device_time":"2026-03-05T02:00:00Z","ops":[]})"), 400});
    out.push_back({"a schema with a fraction in the body", push(R"({"schema":1.0,"device_time":"2026-03-05T02:00:00Z","ops":[]})"), 400});
    out.push_back({"a schema beyond 32 bits", push(R"({"schema":4294967297,"device_time":"2026-03-05T02:00:00Z","ops":[]})"), 409});
    out.push_back({"no device time", push(R"({"schema":2,"ops":[]})"), 400});
    out.push_back({"a device time that is not a time", push(R"({"schema":2,"device_time":"now","ops":[]})"), 400});
    out.push_back({"a device time in the year 10000", push(R"({"schema":2,"device_time":"10000-01-01T00:00:00Z","ops":[]})"), 400});
    out.push_back({"a device id that is not one", push(R"({"schema":2,"device_id":"dev 1","device_time":"2026-03-05T02:00:00Z","ops":[]})"), 400});
    out.push_back({"ops that are not a list", push(R"({"schema":2,"device_time":"2026-03-05T02:00:00Z","ops":{"seq":2}})"), 400});
    out.push_back({"ops that are null", push(R"({"schema":2,"device_time":"2026-03-05T02:00:00Z","ops":null})"), 400});
    out.push_back({"an operation that is a number", push(pushOf("42")), 400});
    out.push_back({"no sequence number", pushEdited([](Json& o) { o.erase("seq"); }), 400});
    out.push_back({"a sequence number with a fraction", pushEdited([](Json& o) { o["seq"] = 2.5; }), 400});
    out.push_back({"a sequence number of 1e300", pushEdited([](Json& o) { o["seq"] = 1e300; }), 400});
    out.push_back({"a sequence number of -1", pushEdited([](Json& o) { o["seq"] = -1; }), 400});
    out.push_back({"a sequence number of 0", pushEdited([](Json& o) { o["seq"] = 0; }), 400});
    out.push_back({"a sequence number as text", pushEdited([](Json& o) { o["seq"] = "2"; }), 400});
    out.push_back({"a sequence number beyond 2^53", pushEdited([](Json& o) { o["seq"] = (std::int64_t(1) << 53) + 1; }), 400});
    out.push_back({"a sequence number beyond 64 bits", pushEdited([](Json& o) { o["seq"] = UINT64_MAX; }), 400});
    out.push_back({"an unknown kind of operation", pushEdited([](Json& o) { o["kind"] = "delete"; }), 400});
    out.push_back({"no kind", pushEdited([](Json& o) { o.erase("kind"); }), 400});
    out.push_back({"no record type", pushEdited([](Json& o) { o.erase("type"); }), 400});
    out.push_back({"a record type in capitals", pushEdited([](Json& o) { o["type"] = "Complaint"; }), 400});
    out.push_back({"a record type of 65 letters", pushEdited([](Json& o) { o["type"] = std::string(65, 'a'); }), 400});
    out.push_back({"no record id", pushEdited([](Json& o) { o.erase("id"); }), 400});
    out.push_back({"an empty record id", pushEdited([](Json& o) { o["id"] = ""; }), 400});
    out.push_back({"a record id of 65 characters", pushEdited([](Json& o) { o["id"] = std::string(65, 'c'); }), 400});
    out.push_back({"a record id with a space", pushEdited([](Json& o) { o["id"] = "c hostile"; }), 400});
    out.push_back({"a record id in Chinese", pushEdited([](Json& o) { o["id"] = "投诉-1"; }), 400});
    out.push_back({"a record id with a slash", pushEdited([](Json& o) { o["id"] = "../c-1"; }), 400});
    out.push_back({"a clock stamp 'yesterday'", pushEdited([](Json& o) { o["hlc"] = "yesterday"; }), 400});
    out.push_back({"a clock stamp '1.2'", pushEdited([](Json& o) { o["hlc"] = "1.2"; }), 400});
    out.push_back({"a clock stamp with 14 digits", pushEdited([](Json& o) { o["hlc"] = "17726760000000.0000.x"; }), 400});
    out.push_back({"a clock stamp whose node has a space", pushEdited([](Json& o) { o["hlc"] = "1772676000000.0000.dev 1"; }), 400});
    out.push_back({"a clock stamp counter beyond 32 bits", pushEdited([](Json& o) { o["hlc"] = "1772676000000.99999999999.x"; }), 400});
    out.push_back({"a clock stamp that is a number", pushEdited([](Json& o) { o["hlc"] = 1772676000000; }), 400});
    out.push_back({"no time", pushEdited([](Json& o) { o.erase("at"); }), 400});
    out.push_back({"a time on the 45th of the 13th month", pushEdited([](Json& o) { o["at"] = "2026-13-45T00:00:00Z"; }), 400});
    out.push_back({"an actor that is a number", pushEdited([](Json& o) { o["actor"] = 1001; }), 400});
    out.push_back({"an actor with spaces", pushEdited([](Json& o) { o["actor"] = "s-1001 or 1=1"; }), 400});
    out.push_back({"a create without a body", pushEdited([](Json& o) { o.erase("body"); }), 400});
    out.push_back({"a create whose body is a list", pushEdited([](Json& o) { o["body"] = Json::array(); }), 400});
    auto asUpdate = [](Json& o) {
        o["kind"] = "update";
        o.erase("body");
    };
    out.push_back({"an update without fields", pushEdited(asUpdate), 400});
    out.push_back({"an update with empty fields", pushEdited([&](Json& o) { asUpdate(o); o["fields"] = Json::object(); }), 400});
    out.push_back({"an update whose fields are text", pushEdited([&](Json& o) { asUpdate(o); o["fields"] = "x"; }), 400});
    auto asTransition = [](Json& o) {
        o["kind"] = "transition";
        o.erase("body");
    };
    out.push_back({"a transition without an action", pushEdited(asTransition), 400});
    out.push_back({"an action with punctuation", pushEdited([&](Json& o) { asTransition(o); o["action"] = "accept!"; }), 400});
    out.push_back({"transition parameters that are a list",
                   pushEdited([&](Json& o) { asTransition(o); o["action"] = "accept"; o["params"] = Json::array(); }), 400});
    auto asAppend = [](Json& o) {
        o["kind"] = "append";
        o.erase("body");
    };
    out.push_back({"an append without a list", pushEdited([&](Json& o) { asAppend(o); o["item"] = Json::object(); }), 400});
    out.push_back({"an append without an item", pushEdited([&](Json& o) { asAppend(o); o["list"] = "comments"; }), 400});
    // Nesting and size bombs: refused while parsing, before anything copies them.
    out.push_back({"an update field nested 100000 deep (the crash of issue 13)",
                   pushSpliced([&](Json& o) { asUpdate(o); o["fields"] = {{"content", "@RAW@"}}; }, deep(100000)), 400});
    out.push_back({"transition parameters nested 100000 deep",
                   pushSpliced([&](Json& o) { asTransition(o); o["action"] = "accept"; o["params"] = {{"x", "@RAW@"}}; },
                               deep(100000)), 400});
    out.push_back({"an appended item nested 100000 deep",
                   pushSpliced([&](Json& o) { asAppend(o); o["list"] = "comments"; o["item"] = "@RAW@"; }, deep(100000)), 400});
    // The document itself, ops, the operation and its body are four levels: 61 more make 65.
    out.push_back({"a record body nested 65 levels deep", pushSpliced([](Json& o) { o["body"]["note"] = "@RAW@"; }, deep(61)), 400});
    out.push_back({"objects nested 100000 deep", pushSpliced([](Json& o) { o["body"]["note"] = "@RAW@"; }, [] {
                       std::string s;
                       for (int i = 0; i < 100000; ++i)
                           s += "{\"a\":";
                       return s + "1" + std::string(100000, '}');
                   }()), 400});
    out.push_back({"a text of 70 KB", pushEdited([](Json& o) { o["body"]["content"] = std::string(70000, 'x'); }), 400});
    out.push_back({"a member name of 200 bytes", pushEdited([](Json& o) { o["body"][std::string(200, 'k')] = 1; }), 400});
    out.push_back({"a member that appears twice", push(R"({"schema":2,"schema":2,"device_time":"2026-03-05T02:00:00Z","ops":[]})"), 400});
    out.push_back({"an object of 1001 members", pushEdited([](Json& o) {
                       for (int i = 0; i < 1001; ++i)
                           o["body"]["k" + std::to_string(i)] = i;
                   }), 400});
    out.push_back({"a list of 50001 items", pushSpliced([](Json& o) { o["body"]["photos"] = "@RAW@"; }, [] {
                       std::string s = "[0";
                       for (int i = 1; i < 50001; ++i)
                           s += ",0";
                       return s + "]";
                   }()), 400});
    out.push_back({"over a million JSON values (2.4 MB of zeros)", push([] {
                       std::string list = "[0";
                       for (int j = 1; j < 40000; ++j)
                           list += ",0";
                       list += "]";
                       std::string pad = list;
                       for (int i = 1; i < 30; ++i)
                           pad += "," + list;
                       return std::string(R"({"schema":2,"device_time":"2026-03-05T02:00:00Z","ops":[],"pad":[)") + pad + "]}";
                   }()), 413});
    out.push_back({"a number that overflows", push(R"({"schema":2,"device_time":"2026-03-05T02:00:00Z","ops":[],"x":1e400})"), 400});
    out.push_back({"text that is not UTF-8", push("{\"schema\":2,\"device_time\":\"\xff\xfe\",\"ops\":[]}"), 400});
    out.push_back({"a lone surrogate escape", push(R"({"schema":2,"device_time":"\ud800","ops":[]})"), 400});
    out.push_back({"operations out of order", push(pushOf(complaintOp(3, "c-a", "a").dump() + "," + complaintOp(2, "c-b", "b").dump())), 400});
    out.push_back({"5001 operations in one push", push([] {
                       std::string ops;
                       for (int i = 0; i < 5001; ++i)
                           ops += (i ? "," : "") + complaintOp(2 + i, "c-many-" + std::to_string(i), "x").dump();
                       return pushOf(ops);
                   }()), 413});
    // The protocol's sequence rules.
    out.push_back({"operation 1 again with another text (issue 13)",
                   push(pushOf(complaintOp(1, "c-hostile-1", "Someone else's words").dump())), 409});
    out.push_back({"operation 1 again for another record", push(pushOf(complaintOp(1, "c-hostile-9", "Lift stuck").dump())), 409});
    out.push_back({"a gap in the sequence", push(pushOf(complaintOp(5, "c-hostile-5", "Gap").dump())), 409});
}

void addBlobs(std::vector<HostileRequest>& out) {
    const std::string& other = kOtherSha;
    out.push_back({"bytes for an attachment no record refers to", putBlob(kSha, "?offset=0&total=4", "test"), 403});
    out.push_back({"an attachment chunk without a total", putBlob(other, "?offset=0", "x"), 400});
    out.push_back({"an attachment of total 0", putBlob(other, "?offset=0&total=0", "x"), 400});
    out.push_back({"an attachment of negative total", putBlob(other, "?offset=0&total=-5", "x"), 400});
    out.push_back({"an attachment total that is not a number", putBlob(other, "?offset=0&total=abc", "x"), 400});
    out.push_back({"an attachment of 1 TiB", putBlob(other, "?offset=0&total=1099511627776", "x"), 413});
    out.push_back({"an offset of -1", putBlob(other, "?offset=-1&total=3", "x"), 400});
    out.push_back({"an offset at the end of 64 bits", putBlob(other, "?offset=9223372036854775807&total=3", "x"), 400});
    out.push_back({"an offset beyond the total", putBlob(other, "?offset=4&total=3", "x"), 400});
    out.push_back({"a chunk longer than the blob", putBlob(other, "?offset=0&total=3", "12345"), 400});
    out.push_back({"bytes that do not match their hash", putBlob(other, "?offset=0&total=3", "124"), 400});
    out.push_back({"an attachment named in capitals", putBlob("A665A45920422F9D417E4867EFDC4FB8A04A1F3FFF1FA07E998E86F7F7A27AE3",
                                                              "?offset=0&total=3", "123"), 400});
    out.push_back({"an attachment name that climbs out", get("/v1/blobs/../../courtyard.db"), 400});
    out.push_back({"an attachment that is not there", get("/v1/blobs/" + other), 404});
    out.push_back({"a kiosk downloading an attachment", get("/v1/blobs/" + other, "@KIOSK@"), 403});
    out.push_back({"PATCH on an attachment", httpRequest("PATCH", "/v1/blobs/" + other, {{"Authorization", "Bearer @STAFF@"}, {"X-Courtyard-Schema", "2"}}, "x"), 400});
}

} // namespace

std::vector<HostileRequest> hostileRequests() {
    std::vector<HostileRequest> out;
    addFraming(out);
    addAuthAndRoutes(out);
    addPulls(out);
    addPushBodies(out);
    addBlobs(out);
    return out;
}

std::string setupPushRequest(const HostileSetup& setup) {
    // The complaint refers to the attachment the chunk requests below send bytes for: the
    // server takes bytes only for what a record refers to, so those requests reach the
    // checks of their offsets and totals.
    Json create = complaintOp(1, "c-hostile-1", "Corridor light out");
    create["body"]["attachments"] = Json::array({{{"sha256", kOtherSha}, {"kind", "photo"}, {"mime", "image/jpeg"}, {"size", 3}}});
    const sync::Credential cred{setup.credentialId, "s-1001", setup.staffDeviceId, setup.credentialSecret};
    return push(pushOf(signedOperation(create, cred).dump()));
}

bool signInStaff(int port, HostileSetup& setup) {
    const RawAnswer answer = test::exchange(port, httpRequest("POST", "/v1/auth/sign-in",
                                                   {{"Authorization", "Bearer " + setup.staffToken},
                                                    {"X-Courtyard-Schema", "2"},
                                                    {"Content-Type", "application/json"}},
                                                   R"({"schema":2,"staff_number":"1001","pin":"100100"})"));
    if (answer.status != 200)
        return false;
    const auto c = credentialFrom(Json::parse(answer.body, nullptr, false));
    if (!c)
        return false;
    setup.credentialId = c->id;
    setup.credentialSecret = c->secret;
    setup.staffDeviceId = c->deviceId;
    return true;
}

std::string withTokens(std::string bytes, const HostileSetup& setup) {
    for (const auto& [marker, token] : {std::pair<std::string, std::string>{"@STAFF@", setup.staffToken},
                                        {"@KIOSK@", setup.kioskToken},
                                        {"@REVOKED@", setup.revokedToken}}) {
        // Only in the header: a body keeps whatever it says.
        const auto headerEnd = bytes.find("\r\n\r\n");
        for (auto p = bytes.find(marker); p != std::string::npos && p < headerEnd; p = bytes.find(marker, p))
            bytes.replace(p, marker.size(), token);
    }
    return bytes;
}

std::string httpRequest(const std::string& method, const std::string& target,
                        const std::vector<std::pair<std::string, std::string>>& headers, const std::string& body) {
    std::string r = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (const auto& [k, v] : headers)
        r += k + ": " + v + "\r\n";
    if (!body.empty() || method == "POST" || method == "PUT")
        r += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    return r + "\r\n" + body;
}

RawAnswer exchange(int port, const std::string& bytes, int timeoutMs) {
    RawAnswer answer;
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        answer.failure = std::strerror(errno);
        return answer;
    }
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        answer.failure = std::string("connect: ") + std::strerror(errno);
        ::close(fd);
        return answer;
    }
    http::response_parser<http::string_body> parser;
    parser.body_limit(64u << 20);
    boost::beast::error_code ec;
    std::size_t sent = 0;
    std::string pending; // received, not yet parsed
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    bool peerClosed = false;
    while (!parser.is_done() && !peerClosed) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            answer.failure = "no complete answer within the time allowed";
            break;
        }
        pollfd p{fd, short(POLLIN | (sent < bytes.size() ? POLLOUT : 0)), 0};
        if (::poll(&p, 1, int(std::min<long long>(left.count(), 200))) < 0)
            break;
        if ((p.revents & POLLOUT) && sent < bytes.size()) {
            const auto n = ::send(fd, bytes.data() + sent, std::min<std::size_t>(bytes.size() - sent, 1 << 16), MSG_NOSIGNAL);
            if (n > 0)
                sent += std::size_t(n);
            else
                sent = bytes.size(); // the server stopped reading: it may have answered already
        }
        if (p.revents & (POLLIN | POLLHUP | POLLERR)) {
            char buf[65536];
            const auto n = ::recv(fd, buf, sizeof buf, 0);
            if (n <= 0) {
                peerClosed = true;
            } else {
                pending.append(buf, std::size_t(n));
            }
            while (!pending.empty() && !parser.is_done()) {
                const auto used = parser.put(boost::asio::buffer(pending), ec);
                if (ec == http::error::need_more) {
                    ec = {};
                    break;
                }
                if (ec) {
                    answer.failure = "not an HTTP answer: " + ec.message();
                    peerClosed = true;
                    break;
                }
                pending.erase(0, used);
            }
        }
    }
    if (!parser.is_done() && peerClosed && parser.is_header_done()) {
        parser.put_eof(ec); // a body delimited by the end of the connection
    }
    ::close(fd);
    if (!parser.is_done()) {
        if (answer.failure.empty())
            answer.failure = "the connection closed without an answer";
        return answer;
    }
    auto res = parser.release();
    answer.status = res.result_int();
    for (const auto& f : res) {
        std::string name(f.name_string());
        for (auto& c : name)
            c = char(std::tolower(static_cast<unsigned char>(c)));
        answer.headers[name] = std::string(f.value());
    }
    answer.body = std::move(res.body());
    return answer;
}

bool isProperRefusal(const RawAnswer& answer, int expectedStatus, std::string* why) {
    auto failWith = [&](const std::string& w) {
        if (why)
            *why = w;
        return false;
    };
    if (answer.status == 0)
        return failWith("no HTTP answer: " + answer.failure);
    const bool statusOk = expectedStatus ? answer.status == expectedStatus
                                         : answer.status >= 400 && answer.status < 500;
    if (!statusOk)
        return failWith("status " + std::to_string(answer.status) + ", expected " +
                        (expectedStatus ? std::to_string(expectedStatus) : std::string("a 4xx")) + ": " +
                        answer.body.substr(0, 300));
    const auto type = answer.headers.find("content-type");
    if (type == answer.headers.end() || type->second.rfind("application/json", 0) != 0)
        return failWith("the refusal is not JSON");
    const Json j = Json::parse(answer.body, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("error") || !j["error"].is_object() ||
        !j["error"].contains("code") || !j["error"]["code"].is_string() || !j["error"].contains("message") ||
        !j["error"]["message"].is_string() || j["error"]["message"].get<std::string>().empty())
        return failWith("the body is not {\"error\": {\"code\", \"message\"}}: " + answer.body.substr(0, 300));
    if ((answer.status == 429 || answer.status == 503) && !answer.headers.count("retry-after"))
        return failWith("a " + std::to_string(answer.status) + " without Retry-After");
    return true;
}

} // namespace courtyard::test
