#include "server/service/history.h"

#include "shared/core/json_dump.h"

namespace courtyard::server {

namespace {

constexpr std::size_t kMaxText = 200;

// Long values are cut: the history says what changed; the record holds the whole text.
Json shorten(const Json& v) {
    if (v.is_string()) {
        const auto& s = v.get_ref<const std::string&>();
        if (s.size() <= kMaxText)
            return v;
        std::size_t cut = kMaxText;
        while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80)
            --cut; // not inside a UTF-8 sequence
        return s.substr(0, cut) + "…";
    }
    if (v.is_structured() && v.dump().size() > 4 * kMaxText)
        return v.is_array() ? Json("[" + std::to_string(v.size()) + " items]") : Json("{…}");
    return v;
}

// What an appended item is, in a few words: its id, an attachment's hash and kind, a comment's text.
Json describeItem(const Json& item) {
    if (!item.is_object())
        return shorten(item);
    Json out = Json::object();
    for (const char* key : {"id", "sha256", "kind", "checkpoint_id", "text"})
        if (auto it = item.find(key); it != item.end())
            out[key] = shorten(*it);
    return out;
}

// What every entry says: which operation, when, who and on which device. createEntryText writes
// the same members directly: a member added here goes there too (history_test compares them).
Json entryHead(const sync::Operation& op, const domain::Actor& actor, const std::string& deviceId) {
    Json e{{"op", deviceId + ":" + std::to_string(op.seq)},
           {"at", formatInstant(op.at)},
           {"by", actor.staffId},
           {"by_name", actor.name},
           {"role", actor.role},
           {"device", deviceId},
           {"kind", op.kind}};
    if (actor.staffId.empty())
        e["by_name"] = "resident"; // a kiosk submission: a resident, not a member of staff
    return e;
}

} // namespace

Json historyEntry(const sync::Operation& op, const domain::Actor& actor, const std::string& deviceId,
                  const std::optional<store::StoredRecord>& before, const store::StoredRecord& after) {
    Json e = entryHead(op, actor, deviceId);
    switch (op.kind) {
    case sync::OpKind::Create:
        e["state"] = stringAt(after.body, "state");
        break;
    case sync::OpKind::Update: {
        Json changes = Json::object();
        for (const auto& [key, value] : op.fields.items()) {
            (void)value;
            const Json from = before ? before->body.value(key, Json()) : Json();
            const Json to = after.body.value(key, Json());
            if (from != to)
                changes[key] = Json{{"from", shorten(from)}, {"to", shorten(to)}};
        }
        e["changes"] = std::move(changes);
        break;
    }
    case sync::OpKind::Transition:
        e["action"] = op.action;
        e["from"] = before ? stringAt(before->body, "state") : std::string();
        e["to"] = stringAt(after.body, "state");
        for (const char* key : {"note", "reason", "result", "reply", "explanation", "opinion"})
            if (auto it = op.params.find(key); it != op.params.end() && it->is_string()) {
                e["note"] = shorten(*it);
                break;
            }
        break;
    case sync::OpKind::Append:
        e["list"] = op.list;
        e["item"] = describeItem(op.item);
        break;
    }
    return e;
}

std::string appendHistory(std::string& history, const Json& entry) {
    std::string text = dumpJson(entry, InvalidUtf8::Replace);
    appendHistoryText(history, text);
    return text;
}

std::string createEntryText(const sync::Operation& op, const domain::Actor& actor, const std::string& deviceId,
                            std::string_view state) {
    // entryHead's members and the state, written out directly in the order nlohmann keeps keys
    // (sorted) instead of built as a tree and encoded: history_test holds it to appendHistory's text.
    constexpr auto kReplace = InvalidUtf8::Replace;
    std::string out = "{\"at\":";
    appendJsonString(out, formatInstant(op.at), kReplace);
    out += ",\"by\":";
    appendJsonString(out, actor.staffId, kReplace);
    out += ",\"by_name\":";
    appendJsonString(out, actor.staffId.empty() ? std::string_view("resident") : std::string_view(actor.name), kReplace);
    out += ",\"device\":";
    appendJsonString(out, deviceId, kReplace);
    out += ",\"kind\":";
    appendJson(out, Json(op.kind), kReplace);
    out += ",\"op\":";
    appendJsonString(out, deviceId + ":" + std::to_string(op.seq), kReplace);
    out += ",\"role\":";
    appendJson(out, Json(actor.role), kReplace);
    out += ",\"state\":";
    appendJsonString(out, state, kReplace);
    out += '}';
    return out;
}

void appendHistoryText(std::string& history, const std::string& text) {
    if (history.size() < 2 || history.back() != ']') {
        history = "[" + text + "]";
        return;
    }
    history.pop_back();
    if (history.size() > 1)
        history += ',';
    history += text;
    history += ']';
}

bool sameHistoryActor(const domain::Actor& a, const domain::Actor& b) {
    return a.staffId == b.staffId && a.name == b.name && a.role == b.role;
}

} // namespace courtyard::server
