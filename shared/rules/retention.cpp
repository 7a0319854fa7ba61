#include "shared/rules/retention.h"

#include <algorithm>

namespace courtyard::rules {

namespace {

std::optional<Instant> instantAt(const Json& body, const char* key) {
    auto it = body.find(key);
    if (it == body.end() || !it->is_string())
        return std::nullopt;
    auto at = parseInstant(it->get<std::string>());
    if (!at)
        return std::nullopt;
    return *at;
}

// The last event of the record's timeline (a cancellation is its last step).
std::optional<Instant> lastEvent(const Json& body) {
    std::optional<Instant> last;
    auto it = body.find("timeline");
    if (it == body.end() || !it->is_array())
        return last;
    for (const auto& e : *it)
        if (e.is_object())
            if (auto at = instantAt(e, "at"); at && (!last || *at > *last))
                last = at;
    return last;
}

// The fields of a body that hold a resident's name or phone: top-level keys, or a key and its
// members.
struct PersonalField {
    const char* key;
    std::vector<const char*> members; // empty: the key's own value
};

const std::vector<PersonalField>& personalFields(std::string_view type) {
    static const std::vector<PersonalField> complaint{{"complainant", {"name", "phone"}}};
    static const std::vector<PersonalField> suggestion{{"resident_name", {}}, {"resident_phone", {}}};
    static const std::vector<PersonalField> none;
    if (type == "complaint")
        return complaint;
    if (type == "suggestion")
        return suggestion;
    return none;
}

bool blank(Json& value) {
    if (!value.is_string() || value.get_ref<const std::string&>().empty())
        return false;
    value = "";
    return true;
}

} // namespace

const std::vector<std::string>& retainedRecordTypes() {
    static const std::vector<std::string> types{"complaint", "suggestion", "transfer_sheet"};
    return types;
}

std::optional<Instant> endedAt(std::string_view type, const Json& body) {
    if (!body.is_object())
        return std::nullopt;
    const std::string state = stringAt(body, "state");
    if (state == "cancelled" && (type == "complaint" || type == "suggestion"))
        return lastEvent(body);
    if ((type == "complaint" || type == "transfer_sheet") && state == "closed") {
        if (auto at = instantAt(body, "closed_at"))
            return at;
        return lastEvent(body);
    }
    if (type == "suggestion" && state == "replied") {
        if (auto at = instantAt(body, "replied_at"))
            return at;
        return lastEvent(body);
    }
    return std::nullopt;
}

int retentionDays(std::string_view type, const Policy& policy) {
    if (type == "complaint")
        return policy.retentionComplaintDays;
    if (type == "suggestion")
        return policy.retentionSuggestionDays;
    if (type == "transfer_sheet")
        return policy.retentionTransferSheetDays;
    return 0;
}

std::optional<int> firstDueDays(std::string_view type, const Policy& policy) {
    std::optional<int> days;
    if (const int keep = retentionDays(type, policy); keep > 0)
        days = keep;
    if (const int redact = policy.redactResidentsAfterDays; redact > 0 && !personalFields(type).empty())
        days = days ? std::min(*days, redact) : redact;
    return days;
}

std::optional<Instant> purgeDueAt(std::string_view type, const Json& body, const Policy& policy) {
    const int days = retentionDays(type, policy);
    auto ended = endedAt(type, body);
    if (days <= 0 || !ended)
        return std::nullopt;
    return *ended + std::chrono::hours(24) * days;
}

std::optional<Instant> redactDueAt(std::string_view type, const Json& body, const Policy& policy) {
    if (policy.redactResidentsAfterDays <= 0 || personalFields(type).empty())
        return std::nullopt;
    auto ended = endedAt(type, body);
    if (!ended)
        return std::nullopt;
    return *ended + std::chrono::hours(24) * policy.redactResidentsAfterDays;
}

bool redactResidents(std::string_view type, Json& body, Json& history) {
    bool changed = false;
    for (const auto& field : personalFields(type)) {
        auto it = body.find(field.key);
        if (it == body.end())
            continue;
        if (field.members.empty()) {
            changed = blank(*it) || changed;
        } else if (it->is_object()) {
            for (const char* m : field.members)
                if (auto member = it->find(m); member != it->end())
                    changed = blank(*member) || changed;
        }
    }
    if (!history.is_array())
        return changed;
    for (auto& entry : history) {
        auto changes = entry.is_object() ? entry.find("changes") : Json::iterator{};
        if (!entry.is_object() || changes == entry.end() || !changes->is_object())
            continue;
        for (const auto& field : personalFields(type)) {
            auto c = changes->find(field.key);
            if (c == changes->end() || !c->is_object())
                continue;
            for (const char* side : {"from", "to"})
                if (auto v = c->find(side); v != c->end() && *v != Json("redacted")) {
                    *v = "redacted";
                    changed = true;
                }
        }
    }
    return changed;
}

Json purgedBody(const Json& body, Instant at) {
    Json out{{"purged_at", formatInstant(at)}};
    if (body.is_object())
        if (auto it = body.find("community_id"); it != body.end() && it->is_string())
            out["community_id"] = *it;
    return out;
}

} // namespace courtyard::rules
