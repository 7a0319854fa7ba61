#include "sync/protocol/messages.h"

#include "shared/core/json_dump.h"
#include "sync/protocol/hlc.h"
#include "sync/protocol/ids.h"

namespace courtyard::sync {

bool schemaSupported(int version) { return version >= kOldestSchemaVersion && version <= kSchemaVersion; }

Status checkSchema(const Json& message) {
    if (!message.is_object())
        return invalidArgument("expected a JSON object");
    auto it = message.find("schema");
    if (it == message.end() || !it->is_number_integer())
        return invalidArgument("schema: every request states its schema version as a whole number (this server "
                               "speaks " + std::to_string(kSchemaVersion) + ")");
    // Compared as 64 bits: 4294967297 must not pass for 1.
    const std::int64_t v = it->is_number_unsigned() && it->get<std::uint64_t>() > std::uint64_t(INT64_MAX)
                               ? INT64_MAX
                               : it->get<std::int64_t>();
    if (v < kOldestSchemaVersion || v > kSchemaVersion)
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
    if (!op.proofCredential.empty())
        j["proof"] = Json{{"credential", op.proofCredential}, {"sig", op.proofSig}};
}

namespace {

// A required name of the protocol (record type, action, list): lower-case letters, digits, _.
std::string requiredName(const Json& j, const char* key) {
    auto v = required<std::string>(j, key);
    if (!isWireName(v))
        throw DecodeError(std::string(key) + ": " + quoteInput(v) + " is not a name (a-z, 0-9, _; at most 64)");
    return v;
}

// Everything of an operation but its payload (body, fields, params, item), each field checked
// against its documented format. One more optional member is one more line here.
void decodeOperationHeader(const Json& j, Operation& op) {
    if (!j.is_object())
        throw DecodeError("expected a JSON object");
    op.seq = required<std::int64_t>(j, "seq");
    if (op.seq < 1 || op.seq > kMaxSeq)
        throw DecodeError("seq: operation sequences run from 1 to 2^53");
    op.kind = required<OpKind>(j, "kind");
    op.type = requiredName(j, "type");
    op.id = required<std::string>(j, "id");
    if (!isWireId(op.id))
        throw DecodeError("id: " + quoteInput(op.id) + " is not an id (1 to 64 of A-Z a-z 0-9 . _ : -)");
    optionalInto(j, "hlc", op.hlc);
    if (!op.hlc.empty())
        if (auto h = Hlc::parse(op.hlc); !h)
            throw DecodeError(h.error().message);
    op.at = required<Instant>(j, "at");
    optionalInto(j, "actor", op.actor);
    if (!op.actor.empty() && !isWireId(op.actor))
        throw DecodeError("actor: " + quoteInput(op.actor) + " is not a staff id");
    if (op.kind == OpKind::Transition)
        op.action = requiredName(j, "action");
    if (op.kind == OpKind::Append)
        op.list = requiredName(j, "list");
    if (auto p = j.find("proof"); p != j.end() && !p->is_null()) {
        if (!p->is_object())
            throw DecodeError("proof: must be an object with credential and sig");
        op.proofCredential = required<std::string>(*p, "credential");
        op.proofSig = required<std::string>(*p, "sig");
        if (!isWireId(op.proofCredential) || op.proofSig.empty() || op.proofSig.size() > 128)
            throw DecodeError("proof: credential is an id, sig 1 to 128 characters");
    }
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

namespace {

// Runs a decoder that throws and turns its failures into InvalidArgument, as decodeJson does.
template <typename Decode>
auto decoded(Decode&& decode) -> Result<decltype(decode())> {
    try {
        return decode();
    } catch (const DecodeError& e) {
        return invalidArgument(e.what());
    } catch (const nlohmann::json::exception& e) {
        return invalidArgument(readableError(e));
    }
}

// The list `key` of `j`, whose elements a take* decoder moves out of.
Json& requiredList(Json& j, const char* key, const char* of) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_array())
        throw DecodeError(std::string(key) + ": is required (a list of " + of + ")");
    return *it;
}

// Decodes each object of `list` (the member `key`); an error names the element: "ops[3].seq: …".
template <typename Decode>
void eachObject(Json& list, const char* key, Decode&& decode) {
    std::size_t i = 0;
    for (auto& o : list) {
        try {
            if (!o.is_object())
                throw DecodeError("expected a JSON object");
            decode(o, i);
        } catch (const DecodeError& e) {
            throw DecodeError(std::string(key) + "[" + std::to_string(i) + "]." + e.what());
        }
        ++i;
    }
}

} // namespace

Result<PushRequest> takePushRequest(Json&& j) {
    return decoded([&] {
        PushRequest r;
        r.schema = required<int>(j, "schema");
        optionalInto(j, "device_id", r.deviceId);
        if (!r.deviceId.empty() && !isWireId(r.deviceId))
            throw DecodeError("device_id: " + quoteInput(r.deviceId) + " is not a device id");
        r.deviceTime = required<Instant>(j, "device_time");
        Json& ops = requiredList(j, "ops", "operations");
        r.ops.reserve(ops.size());
        eachObject(ops, "ops", [&](Json& o, std::size_t) {
            Operation op;
            decodeOperationHeader(o, op);
            decodeOperationPayload(op, [&](const char* key) {
                auto f = o.find(key);
                return f == o.end() ? Json() : Json(std::move(*f)); // moved, not copied
            });
            r.ops.push_back(std::move(op));
        });
        return r;
    });
}

void to_json(Json& j, const OpResult& r) {
    // Member by member: an initializer list allocates a two-element array and a key for every
    // member, and a push builds one result for each of its operations.
    j = Json::object();
    j["seq"] = r.seq;
    j["status"] = r.status;
    if (r.error) {
        auto& error = j["error"] = Json::object();
        error["code"] = errorCodeName(r.error->code);
        error["message"] = r.error->message;
        // The word the device acts on (credential_withdrawn: sign in online again).
        if (!r.error->reason.empty())
            error["reason"] = r.error->reason;
    }
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
        e.reason = stringAt(*it, "reason");
        r.error = e;
    }
    optionalInto(j, "version", r.version);
    optionalInto(j, "note", r.note);
    optionalInto(j, "merged_into", r.mergedInto);
}

void to_json(Json& j, const PushResponse& r) {
    j = Json{{"schema", r.schema}, {"server_time", r.serverTime}, {"last_seq", r.lastSeq}, {"results", r.results}};
    if (!r.database.empty())
        j["database"] = r.database;
}

void from_json(const Json& j, PushResponse& r) {
    r.schema = required<int>(j, "schema");
    r.serverTime = required<Instant>(j, "server_time");
    r.lastSeq = required<std::int64_t>(j, "last_seq");
    r.results = required<std::vector<OpResult>>(j, "results");
    optionalInto(j, "database", r.database);
}

void to_json(Json& j, const Change& c) {
    j = Json{{"type", c.type}, {"id", c.id}, {"version", c.version}, {"record", c.record}};
    if (c.deleted)
        j["deleted"] = true;
    if (!c.stamps.is_null() && !c.stamps.empty())
        j["stamps"] = c.stamps;
    if (c.index)
        j["index"] = *c.index;
    if (!c.history.empty())
        if (auto h = parseJson(c.history); h && h->is_array())
            j["history"] = std::move(*h);
}

namespace {

// A change's members other than its record, stamps and history (copied, or taken from a page).
void decodeChangeHeader(const Json& j, Change& c) {
    c.type = required<std::string>(j, "type");
    c.id = required<std::string>(j, "id");
    c.version = required<std::int64_t>(j, "version");
    optionalInto(j, "deleted", c.deleted);
    optionalInto(j, "index", c.index);
}

} // namespace

void from_json(const Json& j, Change& c) {
    decodeChangeHeader(j, c);
    c.record = required<Json>(j, "record");
    c.stamps = Json::object();
    optionalInto(j, "stamps", c.stamps);
    if (auto h = j.find("history"); h != j.end() && h->is_array())
        c.history = h->dump();
}

void to_json(Json& j, const PullResponse& r) {
    j = Json{{"schema", r.schema}, {"server_time", r.serverTime}, {"changes", r.changes},
             {"cursor", r.cursor}, {"has_more", r.hasMore}};
    if (!r.database.empty())
        j["database"] = r.database;
    if (r.remaining)
        j["remaining"] = *r.remaining;
}

namespace {

// A JSON string as nlohmann writes it (invalid UTF-8 replaced).
void appendString(std::string& out, const std::string& v) { appendJsonString(out, v, InvalidUtf8::Replace); }

// The index as Json(index).dump() writes it (keys in nlohmann's order: sorted), without
// building the object.
void appendIndex(std::string& out, const records::IndexFields& f) {
    auto field = [&](const char* key, const std::string& value, bool first = false) {
        out += first ? "{\"" : ",\"";
        out += key;
        out += "\":";
        appendString(out, value);
    };
    field("assignee", f.assignee, true);
    field("community_id", f.communityId);
    field("department_id", f.departmentId);
    if (f.dueAt)
        field("due_at", formatInstant(*f.dueAt));
    field("due_rule", f.dueRule);
    if (f.happenedAt)
        field("happened_at", formatInstant(*f.happenedAt));
    field("state", f.state);
    field("unit_id", f.unitId);
    out += '}';
}

} // namespace

// Written out by hand rather than through Json: a page of a thousand changes is spliced from
// the stored texts (record, history) with no tree built. Parses to what Json(r) would.
std::string encodePullResponse(const PullResponse& r) {
    std::string out;
    out.reserve(256 + r.changes.size() * 1024);
    out += "{\"schema\":" + std::to_string(r.schema) + ",\"server_time\":";
    appendString(out, formatInstant(r.serverTime));
    out += ",\"cursor\":";
    appendString(out, r.cursor);
    out += ",\"has_more\":";
    out += r.hasMore ? "true" : "false";
    if (!r.database.empty()) {
        out += ",\"database\":";
        appendString(out, r.database);
    }
    if (r.remaining)
        out += ",\"remaining\":" + std::to_string(*r.remaining);
    out += ",\"changes\":[";
    bool first = true;
    for (const auto& c : r.changes) {
        if (!first)
            out += ',';
        first = false;
        out += "{\"type\":";
        appendString(out, c.type);
        out += ",\"id\":";
        appendString(out, c.id);
        out += ",\"version\":";
        out += std::to_string(c.version);
        if (c.deleted)
            out += ",\"deleted\":true";
        out += ",\"record\":";
        if (c.rawRecord.empty())
            appendJson(out, c.record, InvalidUtf8::Replace);
        else
            out += c.rawRecord;
        if (!c.stamps.is_null() && !c.stamps.empty()) {
            out += ",\"stamps\":";
            appendJson(out, c.stamps, InvalidUtf8::Replace);
        }
        if (c.index) {
            out += ",\"index\":";
            appendIndex(out, *c.index);
        }
        if (!c.history.empty()) {
            out += ",\"history\":";
            out += c.history;
        }
        out += '}';
    }
    out += "]}";
    return out;
}

namespace {

void decodePullHeader(const Json& j, PullResponse& r) {
    r.schema = required<int>(j, "schema");
    r.serverTime = required<Instant>(j, "server_time");
    r.cursor = required<std::string>(j, "cursor");
    r.hasMore = required<bool>(j, "has_more");
    optionalInto(j, "database", r.database);
    optionalInto(j, "remaining", r.remaining);
}

// Where each change's record, stamps and history lie in a page's text. One pass over text that
// has been parsed already (so it is valid JSON); a member name written with escapes could spell
// one of them, so a change (or a page) with such a name gets no texts, and the device prints
// those values from the tree instead. So does a change with an escape nlohmann never writes
// (\/, or \u for anything but a control character): a device searches its stored texts as
// written (attachments' hashes, words), so they are kept only when spelled as printed.
struct ChangeTexts {
    std::string_view record, stamps, history;
};

class PageTexts {
public:
    explicit PageTexts(std::string_view text) : m_t(text) {}

    std::optional<std::vector<ChangeTexts>> changes() {
        std::optional<std::vector<ChangeTexts>> out;
        bool escaped = false;
        const bool ok = object([&](std::string_view key, std::size_t) {
            if (key.find('\\') != std::string_view::npos) {
                escaped = true;
                return value();
            }
            if (key != "changes")
                return value();
            out = elements();
            return out.has_value();
        });
        if (!ok || escaped)
            return std::nullopt;
        return out;
    }

private:
    bool at(char c) const { return m_i < m_t.size() && m_t[m_i] == c; }
    // Whether the escape whose letter is at `i` is one nlohmann writes: \" \\ \b \f \n \r \t, or
    // \u00XX for another control character.
    bool printedEscape(std::size_t i) const {
        if (i >= m_t.size())
            return false;
        if (std::string_view("\"\\bfnrt").find(m_t[i]) != std::string_view::npos)
            return true;
        return m_t[i] == 'u' && m_t.substr(i + 1, 2) == "00" && i + 3 < m_t.size() &&
               (m_t[i + 3] == '0' || m_t[i + 3] == '1');
    }
    bool atSpace() const { return at(' ') || at('\t') || at('\n') || at('\r'); }
    void space() {
        while (atSpace())
            ++m_i;
    }
    // At a string's opening quote: its text between the quotes; m_i after the closing one.
    std::optional<std::string_view> string() {
        if (!at('"'))
            return std::nullopt;
        const std::size_t from = ++m_i;
        while (m_i < m_t.size() && m_t[m_i] != '"') {
            if (m_t[m_i] == '\\' && !printedEscape(m_i + 1))
                m_unprinted = true;
            m_i += m_t[m_i] == '\\' ? 2 : 1;
        }
        if (m_i >= m_t.size())
            return std::nullopt;
        return m_t.substr(from, m_i++ - from);
    }
    // Steps over one value (after any space before it).
    bool value() {
        space();
        if (at('"'))
            return string().has_value();
        if (at('{') || at('[')) {
            int depth = 0;
            while (m_i < m_t.size()) {
                if (at('"')) {
                    if (!string())
                        return false;
                    continue;
                }
                if (at('{') || at('['))
                    ++depth;
                else if ((at('}') || at(']')) && --depth == 0) {
                    ++m_i;
                    return true;
                }
                ++m_i;
            }
            return false;
        }
        const std::size_t from = m_i; // a number, true, false or null
        while (m_i < m_t.size() && !at(',') && !at('}') && !at(']') && !atSpace())
            ++m_i;
        return m_i > from;
    }
    // A container opened by `open` and closed by `close`: `item()` reads each of its items (after
    // any space), the commas and the closer are stepped over here.
    template <typename Item>
    bool items(char open, char close, Item&& item) {
        space();
        if (!at(open))
            return false;
        ++m_i;
        space();
        if (at(close)) {
            ++m_i;
            return true;
        }
        while (true) {
            space();
            if (!item())
                return false;
            space();
            if (at(',')) {
                ++m_i;
                continue;
            }
            if (!at(close))
                return false;
            ++m_i;
            return true;
        }
    }
    // An object's members: `member(name, where its value starts)` reads the value.
    template <typename Member>
    bool object(Member&& member) {
        return items('{', '}', [&] {
            auto key = string();
            if (!key)
                return false;
            space();
            if (!at(':'))
                return false;
            ++m_i;
            space();
            return member(*key, m_i);
        });
    }
    std::optional<std::vector<ChangeTexts>> elements() {
        std::vector<ChangeTexts> out;
        if (!at('['))
            return value() ? std::optional(out) : std::nullopt; // not a list: decoding refuses it
        const bool ok = items('[', ']', [&] {
            ChangeTexts texts;
            bool escaped = false;
            m_unprinted = false;
            const bool read = !at('{') ? value() : object([&](std::string_view key, std::size_t from) {
                if (!value())
                    return false;
                const auto text = m_t.substr(from, m_i - from);
                if (key.find('\\') != std::string_view::npos)
                    escaped = true;
                else if (key == "record")
                    texts.record = text;
                else if (key == "stamps")
                    texts.stamps = text;
                else if (key == "history")
                    texts.history = text;
                return true;
            });
            out.push_back(escaped || m_unprinted ? ChangeTexts{} : texts);
            return read;
        });
        return ok ? std::optional(std::move(out)) : std::nullopt;
    }

    std::string_view m_t;
    std::size_t m_i = 0;
    bool m_unprinted = false; // an escape nlohmann does not write, in the change being read
};

} // namespace

void from_json(const Json& j, PullResponse& r) {
    decodePullHeader(j, r);
    r.changes = required<std::vector<Change>>(j, "changes");
}

Result<PullResponse> takePullPage(Json&& j, std::string_view text) {
    return decoded([&] {
        PullResponse r;
        decodePullHeader(j, r);
        Json& changes = requiredList(j, "changes", "changes");
        auto texts = PageTexts(text).changes();
        if (texts && texts->size() != changes.size())
            texts.reset(); // not the text `j` was parsed from: print every value
        r.changes.reserve(changes.size());
        eachObject(changes, "changes", [&](Json& o, std::size_t i) {
            Change c;
            decodeChangeHeader(o, c);
            auto record = o.find("record");
            if (record == o.end() || record->is_null())
                throw DecodeError("record: is required");
            c.record = std::move(*record);
            // Stamps that are absent or null read as {}: their text is kept only for an object.
            auto stamps = o.find("stamps");
            const bool stampsObject = stamps != o.end() && stamps->is_object();
            if (stamps != o.end() && !stamps->is_null())
                c.stamps = std::move(*stamps);
            else
                c.stamps = Json::object();
            const ChangeTexts* t = texts ? &(*texts)[i] : nullptr;
            if (t && !t->record.empty())
                c.rawRecord = t->record;
            if (t && !t->stamps.empty() && stampsObject)
                c.rawStamps = t->stamps;
            if (auto h = o.find("history"); h != o.end() && h->is_array())
                c.history = t && !t->history.empty() ? std::string(t->history) : h->dump();
            r.changes.push_back(std::move(c));
        });
        return r;
    });
}

void to_json(Json& j, const DeviceInfo& d) {
    j = Json{{"schema", d.schema}, {"device_id", d.deviceId}, {"name", d.name}, {"role", d.role},
             {"community_ids", d.communityIds}, {"server_time", d.serverTime}, {"last_seq", d.lastSeq}};
    if (!d.database.empty())
        j["database"] = d.database;
}

void from_json(const Json& j, DeviceInfo& d) {
    d.schema = required<int>(j, "schema");
    d.deviceId = required<std::string>(j, "device_id");
    optionalInto(j, "name", d.name);
    d.role = required<std::string>(j, "role");
    optionalInto(j, "community_ids", d.communityIds);
    d.serverTime = required<Instant>(j, "server_time");
    optionalInto(j, "database", d.database);
    optionalInto(j, "last_seq", d.lastSeq);
}

Json errorBody(const Error& e) {
    Json inner{{"code", errorCodeName(e.code)}, {"message", e.message}};
    if (!e.reason.empty())
        inner["reason"] = e.reason;
    if (e.retryAfterSeconds > 0)
        inner["retry_after"] = e.retryAfterSeconds;
    if (!e.field.empty())
        inner["field"] = e.field;
    return Json{{"error", std::move(inner)}};
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
            e.reason = stringAt(*it, "reason");
            e.field = stringAt(*it, "field");
            if (auto r = it->find("retry_after"); r != it->end() && r->is_number_integer())
                e.retryAfterSeconds = int(std::clamp<std::int64_t>(r->get<std::int64_t>(), 0, 86400));
            return e;
        }
    }
    Error e;
    e.code = httpStatus >= 500 ? ErrorCode::Unavailable : ErrorCode::Internal;
    e.message = "HTTP " + std::to_string(httpStatus);
    return e;
}

} // namespace courtyard::sync
