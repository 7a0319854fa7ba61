#include "shared/core/bounded_json.h"

#include <cmath>
#include <optional>
#include <string>
#include <vector>

namespace courtyard {

using Json = nlohmann::json;

JsonLimits JsonLimits::request() {
    JsonLimits l;
    l.maxDepth = 64;
    l.maxStringBytes = 64u << 10;  // a complaint's text is a few hundred characters; photos are blobs
    l.maxKeyBytes = 128;
    l.maxArrayItems = 50000;       // a survey sample of a large community; 5000 operations
    l.maxObjectMembers = 1000;
    l.maxValues = 1000000;         // bounds the parsed document's memory (~100 bytes a value)
    l.allowNul = false;
    return l;
}

JsonLimits JsonLimits::stored() { return JsonLimits{}; }

namespace {

// Builds the document the way nlohmann's DOM parser does (a stack of open containers), checking
// every limit as the values arrive, so nothing beyond them is ever allocated.
class BoundedSax {
public:
    BoundedSax(Json& root, const JsonLimits& limits) : m_root(root), m_limits(limits) {}

    bool null() { return place(Json(nullptr)) != nullptr; }
    bool boolean(bool v) { return place(Json(v)) != nullptr; }
    bool number_integer(Json::number_integer_t v) { return place(Json(v)) != nullptr; }
    bool number_unsigned(Json::number_unsigned_t v) { return place(Json(v)) != nullptr; }
    bool number_float(Json::number_float_t v, const std::string&) {
        if (!std::isfinite(v))
            return fail(ErrorCode::InvalidArgument, "a number out of range");
        return place(Json(v)) != nullptr;
    }
    bool string(std::string& v) {
        if (v.size() > m_limits.maxStringBytes)
            return fail(ErrorCode::InvalidArgument,
                        "a text longer than " + std::to_string(m_limits.maxStringBytes) + " bytes");
        if (!m_limits.allowNul && v.find('\0') != std::string::npos)
            return fail(ErrorCode::InvalidArgument, "a text with a NUL character (U+0000)");
        return place(Json(std::move(v))) != nullptr;
    }
    bool binary(Json::binary_t&) { return fail(ErrorCode::InvalidArgument, "binary values are not JSON text"); }

    bool start_object(std::size_t) { return open(Json::value_t::object); }
    bool start_array(std::size_t) { return open(Json::value_t::array); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }

    bool key(std::string& k) {
        Frame& f = m_stack.back();
        f.key = nullptr; // a refusal names the object, not its previous member
        if (k.size() > m_limits.maxKeyBytes)
            return fail(ErrorCode::InvalidArgument,
                        "a member name longer than " + std::to_string(m_limits.maxKeyBytes) + " bytes");
        if (!m_limits.allowNul && k.find('\0') != std::string::npos)
            return fail(ErrorCode::InvalidArgument, "a member name with a NUL character (U+0000)");
        auto& members = f.node->get_ref<Json::object_t&>();
        if (members.size() >= m_limits.maxObjectMembers)
            return fail(ErrorCode::InvalidArgument,
                        "an object with more than " + std::to_string(m_limits.maxObjectMembers) + " members");
        auto [it, inserted] = members.emplace(std::move(k), nullptr);
        if (!inserted) {
            f.key = &it->first;
            return fail(ErrorCode::InvalidArgument, "the member appears twice");
        }
        f.key = &it->first;
        f.slot = &it->second;
        return true;
    }

    template <class Exception>
    bool parse_error(std::size_t position, const std::string&, const Exception& e) {
        std::string msg = e.what();
        if (auto p = msg.find("] "); p != std::string::npos)
            msg = msg.substr(p + 2);
        m_error = Error{ErrorCode::InvalidArgument,
                        "body is not valid JSON (UTF-8 text) near byte " + std::to_string(position) + ": " + msg};
        return false;
    }

    const std::optional<Error>& error() const { return m_error; }

private:
    struct Frame {
        Json* node = nullptr;
        const std::string* key = nullptr; // objects: the member being read
        Json* slot = nullptr;             // objects: where its value goes
    };

    bool open(Json::value_t type) {
        if (int(m_stack.size()) >= m_limits.maxDepth)
            return fail(ErrorCode::InvalidArgument, "nested deeper than " + std::to_string(m_limits.maxDepth) + " levels");
        Json* node = place(Json(type));
        if (!node)
            return false;
        m_stack.push_back(Frame{node, nullptr, nullptr});
        return true;
    }

    bool close() {
        m_stack.pop_back();
        return true;
    }

    // Puts a value where the parser stands. Pointers stay valid: a container only grows while it
    // is the innermost open one, and object members live in map nodes.
    Json* place(Json&& v) {
        if (++m_values > m_limits.maxValues) {
            fail(ErrorCode::ResourceExhausted, "more than " + std::to_string(m_limits.maxValues) +
                                                   " JSON values in one document: send less at once");
            return nullptr;
        }
        if (m_stack.empty()) {
            m_root = std::move(v);
            return &m_root;
        }
        Frame& f = m_stack.back();
        if (f.node->is_array()) {
            auto& items = f.node->get_ref<Json::array_t&>();
            if (items.size() >= m_limits.maxArrayItems) {
                fail(ErrorCode::InvalidArgument,
                     "a list with more than " + std::to_string(m_limits.maxArrayItems) + " items");
                return nullptr;
            }
            items.push_back(std::move(v));
            return &items.back();
        }
        *f.slot = std::move(v);
        return f.slot;
    }

    // "ops[3].fields.note", shortened in the middle when very deep. A refusal comes before its
    // value is placed: in the innermost list, that value's index is the list's size.
    std::string path() const {
        std::string out;
        for (const auto& f : m_stack) {
            if (f.node->is_array()) {
                const std::size_t n = f.node->size();
                out += "[" + std::to_string(&f == &m_stack.back() ? n : n ? n - 1 : 0) + "]";
            } else if (f.key) {
                if (!out.empty())
                    out += '.';
                out += *f.key;
            }
        }
        constexpr std::size_t kMax = 160;
        if (out.size() > kMax)
            out = out.substr(0, kMax / 2) + "…" + out.substr(out.size() - kMax / 2);
        return out;
    }

    bool fail(ErrorCode code, const std::string& what) {
        const std::string where = path();
        m_error = Error{code, (where.empty() ? std::string("body") : where) + ": " + what};
        return false;
    }

    Json& m_root;
    const JsonLimits& m_limits;
    std::vector<Frame> m_stack;
    std::size_t m_values = 0;
    std::optional<Error> m_error;
};

} // namespace

Result<Json> parseBoundedJson(std::string_view text, const JsonLimits& limits) {
    Json root;
    BoundedSax sax(root, limits);
    bool ok = false;
    try {
        ok = Json::sax_parse(text.begin(), text.end(), &sax, Json::input_format_t::json, /*strict=*/true);
    } catch (const std::exception& e) {
        return invalidArgument(std::string("body is not valid JSON: ") + e.what());
    }
    if (!ok || sax.error()) {
        if (sax.error())
            return *sax.error();
        return invalidArgument("body is not valid JSON (UTF-8 text)");
    }
    return root;
}

std::optional<std::string> nulPlace(const Json& j) {
    auto join = [](const std::string& outer, const std::string& inner) {
        return inner.empty() || inner[0] == '[' || outer.empty() ? outer + inner : outer + "." + inner;
    };
    if (j.is_string())
        return j.get_ref<const std::string&>().find('\0') == std::string::npos ? std::nullopt
                                                                               : std::optional<std::string>("");
    if (j.is_array()) {
        for (std::size_t i = 0; i < j.size(); ++i)
            if (auto inner = nulPlace(j[i]))
                return join("[" + std::to_string(i) + "]", *inner);
    } else if (j.is_object()) {
        for (const auto& [key, value] : j.items()) {
            if (key.find('\0') != std::string::npos)
                return std::string();
            if (auto inner = nulPlace(value))
                return join(key, *inner);
        }
    }
    return std::nullopt;
}

} // namespace courtyard
