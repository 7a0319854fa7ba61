#pragma once
// Reading an admin API request (admin_api.h): the object it carries, the keys it may have, its
// decoding into a domain value with the field of the first problem named, and the record's
// normal form as it is stored and sent to devices.

#include "shared/core/json_util.h"
#include "shared/records/record_type.h"

#include <initializer_list>
#include <set>
#include <string>
#include <string_view>

namespace courtyard::server::admin_detail {

// request[key], which must be an object.
inline Result<Json> member(const Json& request, const char* key) {
    if (!request.is_object() || !request.contains(key) || !(*request.find(key)).is_object())
        return invalidField(key, std::string(key) + ": is required (an object)");
    return *request.find(key);
}

// A key the call does not take is refused rather than ignored: a typo would otherwise do nothing.
inline Status checkKeys(const Json& body, std::initializer_list<std::string_view> allowed, const char* what) {
    for (const auto& [key, value] : body.items()) {
        bool ok = false;
        for (auto a : allowed)
            ok = ok || a == key;
        if (!ok)
            return invalidField(key, key + ": is not a field of " + what);
    }
    return {};
}

// The field a decode error is about: its message starts "<field>: " or "<field>.<inner>: ".
inline std::string fieldOf(const std::string& message) {
    const auto end = message.find_first_of(":.");
    if (end == std::string::npos || end == 0)
        return {};
    for (std::size_t i = 0; i < end; ++i) {
        const char c = message[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
            return {};
    }
    return message.substr(0, end);
}

// An id a record is stored under when the administrator names it: 1 to 64 letters, digits, '-'
// or '_'.
inline bool isRecordId(const std::string& id) {
    if (id.empty() || id.size() > 64)
        return false;
    for (char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
            return false;
    return true;
}

// Gives every entry of `list` (objects) without an "id" the first free "<prefix>-<n>"; `used`
// holds the ids taken already (the stored record's, so a removed entry's id is not reused).
inline void nameNewEntries(Json& list, const std::string& prefix, std::set<std::string> used) {
    for (const auto& e : list)
        if (!stringAt(e, "id").empty())
            used.insert(stringAt(e, "id"));
    int next = 1;
    for (auto& e : list) {
        if (!stringAt(e, "id").empty())
            continue;
        while (used.count(prefix + "-" + std::to_string(next)))
            ++next;
        e["id"] = prefix + "-" + std::to_string(next);
        used.insert(e["id"].get<std::string>());
    }
}

// A record written whole with a list of entries (a route's checkpoints, a template's items):
// `list` must be a non-empty array of objects, each with only `allowed` keys and a non-empty
// `nameKey`. The error names the list and the entry's place ("checkpoints: checkpoint 2 needs a
// name").
inline Status checkEntries(const Json& record, const char* list, const char* entry,
                           std::initializer_list<std::string_view> allowed, const char* nameKey) {
    auto it = record.find(list);
    if (it == record.end() || !it->is_array() || it->empty())
        return invalidField(list, std::string(list) + ": at least one " + entry + " is required");
    for (std::size_t i = 0; i < it->size(); ++i) {
        const Json& e = (*it)[i];
        const std::string where = std::string(list) + ": " + entry + " " + std::to_string(i + 1);
        if (!e.is_object())
            return invalidField(list, where + " is not an object");
        CY_TRY(checkKeys(e, allowed, entry));
        if (stringAt(e, nameKey).empty())
            return invalidField(list, where + " needs a " + (std::string_view(nameKey) == "title" ? "title" : "name"));
    }
    return {};
}

template <typename T>
Result<T> decodeField(const Json& j) {
    auto v = decodeJson<T>(j);
    if (!v) {
        Error e = v.error();
        e.field = fieldOf(e.message);
        return e;
    }
    return v;
}

template <typename T>
Json normalForm(std::string_view type, const T& value) {
    const Json j = value;
    auto normal = records::findRecordType(type)->normalize(j);
    return normal ? *normal : j;
}

} // namespace courtyard::server::admin_detail
