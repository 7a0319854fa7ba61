#pragma once
// One list of an object's members for two outputs. A codec writes its members once, as a
// template over the output (`writeMembers(out, value)`), and gets from it both a tree
// (JsonTreeMembers, behind to_json) and the text that dumpJson would make of that tree
// (JsonTextMembers), written directly: no tree is built, filled and freed on the way. The
// server's push stores a new record's text this way.
//
// The outputs agree member for member: put(key, v) is `j[key] = v` for the tree, and for the
// text the same value encoded as nlohmann encodes Json(v). The text lists its members sorted by
// key, as the tree keeps them, and a key written twice keeps the value written last. A value
// whose type has a writeMembers of its own (found by ADL) is written by it as a nested object;
// its to_json must then be that writeMembers over a tree, as Deadline's and Escalation's are,
// and its writeMembers must be declared wherever such a value is put (domain/body_text.h).

#include "shared/core/enum_strings.h"
#include "shared/core/json_dump.h"
#include "shared/core/json_util.h"
#include "shared/core/time.h"

#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace courtyard {

namespace detail {
template <typename T>
inline constexpr bool kIsVector = false;
template <typename T, typename A>
inline constexpr bool kIsVector<std::vector<T, A>> = true;
} // namespace detail

// What both outputs do alike, on top of their own put(key, value).
template <typename Out>
class JsonMembersBase {
public:
    template <typename V>
    void putIf(const char* key, const std::optional<V>& v) {
        if (v)
            static_cast<Out&>(*this).put(key, *v);
    }
    void putIfNotEmpty(const char* key, const std::string& v) {
        if (!v.empty())
            static_cast<Out&>(*this).put(key, v);
    }
};

class JsonTreeMembers : public JsonMembersBase<JsonTreeMembers> {
public:
    explicit JsonTreeMembers(nlohmann::json& j) : m_j(j) {
        if (!m_j.is_object())
            m_j = nlohmann::json::object();
    }

    template <typename V>
    void put(const char* key, const V& v) {
        m_j[key] = v;
    }
    // A member that is an object, its members written by `write(JsonTreeMembers&)`.
    template <typename F>
    void object(const char* key, F&& write) {
        nlohmann::json inner = nlohmann::json::object();
        JsonTreeMembers members(inner);
        write(members);
        m_j[key] = std::move(inner);
    }

private:
    nlohmann::json& m_j;
};

class JsonTextMembers : public JsonMembersBase<JsonTextMembers> {
public:
    // Room for a record's members at once; a nested object (a deadline, a person) asks for less.
    explicit JsonTextMembers(std::size_t textBytes = 1024, std::size_t members = 64) {
        m_values.reserve(textBytes);
        m_members.reserve(members);
    }

    template <typename V>
    void put(const char* key, const V& v) {
        const std::size_t from = m_values.size();
        if constexpr (requires(JsonTextMembers& inner) { writeMembers(inner, v); }) {
            JsonTextMembers inner(256, 8);
            writeMembers(inner, v);
            inner.appendTo(m_values);
        } else if constexpr (std::is_same_v<V, bool>) {
            m_values += v ? "true" : "false";
        } else if constexpr (std::is_integral_v<V>) {
            char digits[24];
            const auto end = std::to_chars(digits, digits + sizeof digits, v).ptr;
            m_values.append(digits, end);
        } else if constexpr (std::is_convertible_v<const V&, std::string_view>) {
            appendJsonString(m_values, std::string_view(v));
        } else if constexpr (std::is_same_v<V, Instant>) {
            appendJsonString(m_values, formatInstant(v));
        } else if constexpr (std::is_enum_v<V>) {
            appendJsonString(m_values, enumName(v)); // what COURTYARD_ENUM_STRINGS' to_json writes
        } else if constexpr (detail::kIsVector<V>) {
            if (v.empty())
                m_values += "[]"; // a record's lists are mostly empty
            else
                appendJson(m_values, nlohmann::json(v));
        } else {
            appendJson(m_values, nlohmann::json(v)); // other values: through a tree
        }
        add(key, from);
    }
    template <typename F>
    void object(const char* key, F&& write) {
        JsonTextMembers inner(256, 8);
        write(inner);
        const std::size_t from = m_values.size();
        inner.appendTo(m_values);
        add(key, from);
    }

    // Appends the object: "{", the members sorted by key, "}".
    void appendTo(std::string& out);
    std::string text() {
        std::string out;
        appendTo(out);
        return out;
    }

private:
    struct Member {
        std::string_view key;  // the codec's string literal (put and object take literals only)
        std::uint32_t written; // the order of the writes, for the last write of a key to stay
        std::uint32_t from, to; // the value's text in m_values
    };
    void add(const char* key, std::size_t from) {
        m_members.push_back({key, std::uint32_t(m_members.size()), std::uint32_t(from), std::uint32_t(m_values.size())});
    }
    std::string m_values;
    std::vector<Member> m_members;
};

} // namespace courtyard
