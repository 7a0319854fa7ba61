#include "sync/protocol/messages.h"

namespace courtyard::sync {

bool schemaSupported(int version) { return version >= kOldestSchemaVersion && version <= kSchemaVersion; }

Status checkSchema(const Json& message) {
    if (!message.is_object())
        return invalidArgument("expected a JSON object");
    auto it = message.find("schema");
    if (it == message.end() || !it->is_number_integer())
        return invalidArgument("schema: every request states its schema version (this server speaks " +
                               std::to_string(kSchemaVersion) + ")");
    const int v = it->get<int>();
    if (!schemaSupported(v))
        return failedPrecondition("schema version " + std::to_string(v) +
                                  " is not supported: this server accepts " +
                                  std::to_string(kOldestSchemaVersion) + " to " +
                                  std::to_string(kSchemaVersion) + "; update the app");
    return {};
}

void to_json(Json& j, const Operation& op) {
    j = Json{{"seq", op.seq}, {"kind", op.kind}, {"type", op.type}, {"id", op.id},
             {"hlc", op.hlc}, {"at", op.at},     {"actor", op.actor}};
    switch (op.kind) {
    case OpKind::Create:
        j["body"] = op.body;
        break;
    case OpKind::Update:
        j["fields"] = op.fields;
        break;
    case OpKind::Transition:
        j["action"] = op.action;
        j["params"] = op.params.is_null() ? Json::object() : op.params;
        break;
    case OpKind::Append:
        j["list"] = op.list;
        j["item"] = op.item;
        break;
    }
}

namespace {

// Everything of an operation but its payload (body, fields, params, item).
void decodeOperationHeader(const Json& j, Operation& op) {
    op.seq = required<std::int64_t>(j, "seq");
    if (op.seq <= 0)
        throw DecodeError("seq: operation sequences start at 1");
    op.kind = required<OpKind>(j, "kind");
    op.type = required<std::string>(j, "type");
    op.id = required<std::string>(j, "id");
    if (op.id.empty() || op.id.size() > 64)
        throw DecodeError("id: must be 1 to 64 characters");
    optionalInto(j, "hlc", op.hlc);
    op.at = required<Instant>(j, "at");
    optionalInto(j, "actor", op.actor);
    if (op.kind == OpKind::Transition)
        op.action = required<std::string>(j, "action");
    if (op.kind == OpKind::Append)
        op.list = required<std::string>(j, "list");
}

// The payload the operation's kind needs, checked; `take` gets a member of the operation
// object (copied or moved, as the caller decides).
template <typename Take>
void decodeOperationPayload(Operation& op, Take&& take) {
    switch (op.kind) {
    case OpKind::Create:
        op.body = take("body");
        if (!op.body.is_object())
            throw DecodeError("body: must be an object");
        break;
    case OpKind::Update:
        op.fields = take("fields");
        if (!op.fields.is_object() || op.fields.empty())
            throw DecodeError("fields: must be a non-empty object");
        break;
    case OpKind::Transition:
        op.params = take("params");
        if (op.params.is_null())
            op.params = Json::object();
        if (!op.params.is_object())
            throw DecodeError("params: must be an object");
        break;
    case OpKind::Append:
        op.item = take("item");
        if (op.item.is_null())
            throw DecodeError("item: is required");
        break;
    }
}

} // namespace

void from_json(const Json& j, Operation& op) {
    decodeOperationHeader(j, op);
    decodeOperationPayload(op, [&](const char* key) {
        auto it = j.find(key);
        return it == j.end() ? Json() : *it;
    });
}

void to_json(Json& j, const PushRequest& r) {
    j = Json{{"schema", r.schema}, {"device_id", r.deviceId}, {"device_time", r.deviceTime}, {"ops", r.ops}};
}

void from_json(const Json& j, PushRequest& r) {
    r.schema = required<int>(j, "schema");
    optionalInto(j, "device_id", r.deviceId);
    r.deviceTime = required<Instant>(j, "device_time");
    r.ops = required<std::vector<Operation>>(j, "ops");
}

Result<PushRequest> takePushRequest(Json&& j) {
    try {
        PushRequest r;
        r.schema = required<int>(j, "schema");
        optionalInto(j, "device_id", r.deviceId);
        r.deviceTime = required<Instant>(j, "device_time");
        auto it = j.find("ops");
        if (it == j.end() || !it->is_array())
            throw DecodeError("ops: is required (a list of operations)");
        r.ops.reserve(it->size());
        std::size_t i = 0;
        for (auto& o : *it) {
            try {
                if (!o.is_object())
                    throw DecodeError("expected a JSON object");
                Operation op;
                decodeOperationHeader(o, op);
                decodeOperationPayload(op, [&](const char* key) {
                    auto f = o.find(key);
                    return f == o.end() ? Json() : Json(std::move(*f)); // moved, not copied
                });
                r.ops.push_back(std::move(op));
            } catch (const DecodeError& e) {
                throw DecodeError("ops[" + std::to_string(i) + "]." + e.what());
            }
            ++i;
        }
        return r;
    } catch (const DecodeError& e) {
        return invalidArgument(e.what());
    } catch (const nlohmann::json::exception& e) {
        return invalidArgument(readableError(e));
    }
}

void to_json(Json& j, const OpResult& r) {
    j = Json{{"seq", r.seq}, {"status", r.status}};
    if (r.error)
        j["error"] = Json{{"code", errorCodeName(r.error->code)}, {"message", r.error->message}};
    if (r.version)
        j["version"] = r.version;
    if (!r.note.empty())
        j["note"] = r.note;
    if (!r.mergedInto.empty())
        j["merged_into"] = r.mergedInto;
}

void from_json(const Json& j, OpResult& r) {
    r.seq = required<std::int64_t>(j, "seq");
    r.status = required<OpStatus>(j, "status");
    if (auto it = j.find("error"); it != j.end() && it->is_object()) {
        Error e;
        const auto code = stringAt(*it, "code", "internal");
        if (!errorCodeFromString(code, e.code))
            e.code = ErrorCode::Internal;
        e.message = stringAt(*it, "message");
        r.error = e;
    }
    optionalInto(j, "version", r.version);
    optionalInto(j, "note", r.note);
    optionalInto(j, "merged_into", r.mergedInto);
}

void to_json(Json& j, const PushResponse& r) {
    j = Json{{"schema", r.schema}, {"server_time", r.serverTime}, {"last_seq", r.lastSeq}, {"results", r.results}};
}

void from_json(const Json& j, PushResponse& r) {
    r.schema = required<int>(j, "schema");
    r.serverTime = required<Instant>(j, "server_time");
    r.lastSeq = required<std::int64_t>(j, "last_seq");
    r.results = required<std::vector<OpResult>>(j, "results");
}

void to_json(Json& j, const Change& c) {
    j = Json{{"type", c.type}, {"id", c.id}, {"version", c.version}, {"record", c.record}};
    if (c.deleted)
        j["deleted"] = true;
    if (!c.stamps.is_null() && !c.stamps.empty())
        j["stamps"] = c.stamps;
    if (c.index)
        j["index"] = *c.index;
}

void from_json(const Json& j, Change& c) {
    c.type = required<std::string>(j, "type");
    c.id = required<std::string>(j, "id");
    c.version = required<std::int64_t>(j, "version");
    optionalInto(j, "deleted", c.deleted);
    c.record = required<Json>(j, "record");
    c.stamps = Json::object();
    optionalInto(j, "stamps", c.stamps);
    optionalInto(j, "index", c.index);
}

void to_json(Json& j, const PullResponse& r) {
    j = Json{{"schema", r.schema}, {"server_time", r.serverTime}, {"changes", r.changes},
             {"cursor", r.cursor}, {"has_more", r.hasMore}};
}

std::string encodePullResponse(const PullResponse& r) {
    auto str = [](const std::string& v) { return Json(v).dump(-1, ' ', false, Json::error_handler_t::replace); };
    std::string out;
    out.reserve(256 + r.changes.size() * 1024);
    out += "{\"schema\":" + std::to_string(r.schema) + ",\"server_time\":" + str(formatInstant(r.serverTime)) +
           ",\"cursor\":" + str(r.cursor) + ",\"has_more\":" + (r.hasMore ? "true" : "false") + ",\"changes\":[";
    bool first = true;
    for (const auto& c : r.changes) {
        if (!first)
            out += ',';
        first = false;
        out += "{\"type\":" + str(c.type) + ",\"id\":" + str(c.id) + ",\"version\":" + std::to_string(c.version);
        if (c.deleted)
            out += ",\"deleted\":true";
        out += ",\"record\":";
        out += c.rawRecord.empty() ? c.record.dump(-1, ' ', false, Json::error_handler_t::replace) : c.rawRecord;
        if (!c.stamps.is_null() && !c.stamps.empty())
            out += ",\"stamps\":" + c.stamps.dump();
        if (c.index)
            out += ",\"index\":" + Json(*c.index).dump();
        out += '}';
    }
    out += "]}";
    return out;
}

void from_json(const Json& j, PullResponse& r) {
    r.schema = required<int>(j, "schema");
    r.serverTime = required<Instant>(j, "server_time");
    r.changes = required<std::vector<Change>>(j, "changes");
    r.cursor = required<std::string>(j, "cursor");
    r.hasMore = required<bool>(j, "has_more");
}

void to_json(Json& j, const DeviceInfo& d) {
    j = Json{{"schema", d.schema}, {"device_id", d.deviceId}, {"name", d.name}, {"role", d.role},
             {"community_ids", d.communityIds}, {"server_time", d.serverTime}};
}

void from_json(const Json& j, DeviceInfo& d) {
    d.schema = required<int>(j, "schema");
    d.deviceId = required<std::string>(j, "device_id");
    optionalInto(j, "name", d.name);
    d.role = required<std::string>(j, "role");
    optionalInto(j, "community_ids", d.communityIds);
    d.serverTime = required<Instant>(j, "server_time");
}

Json errorBody(const Error& e) {
    return Json{{"error", {{"code", errorCodeName(e.code)}, {"message", e.message}}}};
}

Error errorFromBody(std::string_view body, int httpStatus) {
    auto j = parseJson(body);
    if (j && j->is_object()) {
        auto it = j->find("error");
        if (it != j->end() && it->is_object()) {
            Error e;
            if (!errorCodeFromString(stringAt(*it, "code"), e.code))
                e.code = ErrorCode::Internal;
            e.message = stringAt(*it, "message");
            return e;
        }
    }
    Error e;
    e.code = httpStatus >= 500 ? ErrorCode::Unavailable : ErrorCode::Internal;
    e.message = "HTTP " + std::to_string(httpStatus);
    return e;
}

} // namespace courtyard::sync
