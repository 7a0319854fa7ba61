#include "shared/core/bounded_json.h"

#include "shared/core/utf8.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <locale.h>
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

// Reads JSON text as nlohmann's strict parser accepts it (UTF-8 only, an optional byte order
// mark first, nothing but white space after the value) and hands each value to the BoundedSax,
// which refuses what is beyond the limits as it arrives. Runs of plain text are copied whole.
// Recursion is as deep as the nesting the SAX allows.
class Reader {
public:
    Reader(std::string_view text, BoundedSax& sax) : m_text(text), m_sax(sax) {}

    // False on a syntax error (syntaxError() says which) or a refusal by the SAX.
    bool read() {
        if (m_text.substr(0, 3) == "\xEF\xBB\xBF")
            m_at = 3;
        if (!value())
            return false;
        skipSpace();
        return m_at == m_text.size() || fail("more text after the JSON value");
    }

    const std::string& syntaxError() const { return m_syntax; }

private:
    bool fail(std::string_view what) {
        if (m_syntax.empty()) // the innermost complaint, not the callers' echo of it
            m_syntax = "body is not valid JSON (UTF-8 text) near byte " + std::to_string(m_at + 1) + ": " +
                       std::string(what);
        return false;
    }

    int peek() const { return m_at < m_text.size() ? static_cast<unsigned char>(m_text[m_at]) : -1; }

    void skipSpace() {
        while (m_at < m_text.size()) {
            const char c = m_text[m_at];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
                return;
            ++m_at;
        }
    }

    bool value() {
        skipSpace();
        switch (peek()) {
        case '{': return object();
        case '[': return array();
        case '"': {
            std::string s;
            return string(s) && m_sax.string(s);
        }
        case 't': return literal("true") && m_sax.boolean(true);
        case 'f': return literal("false") && m_sax.boolean(false);
        case 'n': return literal("null") && m_sax.null();
        case -1: return fail("the text ends where a value should be");
        default:
            if (peek() == '-' || (peek() >= '0' && peek() <= '9'))
                return number();
            return fail("a value (an object, a list, a text, a number, true, false or null) should be here");
        }
    }

    bool literal(std::string_view word) {
        if (m_text.substr(m_at, word.size()) != word)
            return fail("not a value: did you mean " + std::string(word) + "?");
        m_at += word.size();
        return true;
    }

    bool object() {
        ++m_at; // '{'
        if (!m_sax.start_object(std::size_t(-1)))
            return false;
        skipSpace();
        if (peek() == '}') {
            ++m_at;
            return m_sax.end_object();
        }
        for (;;) {
            skipSpace();
            if (peek() != '"')
                return fail("a member name (a text in double quotes) should be here");
            std::string key;
            if (!string(key) || !m_sax.key(key))
                return false;
            skipSpace();
            if (peek() != ':')
                return fail("':' should follow a member name");
            ++m_at;
            if (!value())
                return false;
            skipSpace();
            if (peek() == '}') {
                ++m_at;
                return m_sax.end_object();
            }
            if (peek() != ',')
                return fail("',' or '}' should follow an object's member");
            ++m_at;
        }
    }

    bool array() {
        ++m_at; // '['
        if (!m_sax.start_array(std::size_t(-1)))
            return false;
        skipSpace();
        if (peek() == ']') {
            ++m_at;
            return m_sax.end_array();
        }
        for (;;) {
            if (!value())
                return false;
            skipSpace();
            if (peek() == ']') {
                ++m_at;
                return m_sax.end_array();
            }
            if (peek() != ',')
                return fail("',' or ']' should follow a list's item");
            ++m_at;
        }
    }

    // Four hex digits after "\u", or -1.
    long hex4() {
        if (m_text.size() - m_at < 4)
            return -1;
        long v = 0;
        for (int k = 0; k < 4; ++k) {
            const char c = m_text[m_at + std::size_t(k)];
            const int d = c >= '0' && c <= '9'   ? c - '0'
                          : c >= 'a' && c <= 'f' ? c - 'a' + 10
                          : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                 : -1;
            if (d < 0)
                return -1;
            v = v * 16 + d;
        }
        m_at += 4;
        return v;
    }

    // A text from its opening quote; `out` receives it unescaped.
    bool string(std::string& out) {
        ++m_at; // '"'
        std::size_t run = m_at; // start of the bytes copied whole
        for (;;) {
            if (m_at >= m_text.size())
                return fail("a text is not closed with '\"'");
            const auto c = static_cast<unsigned char>(m_text[m_at]);
            if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
                ++m_at;
                continue;
            }
            if (c >= 0x80) {
                const std::size_t n = utf8::sequenceAt(m_text, m_at);
                if (n == 0)
                    return fail("a text is not valid UTF-8");
                m_at += n;
                continue;
            }
            out.append(m_text.data() + run, m_at - run);
            if (c == '"') {
                ++m_at;
                return true;
            }
            if (c < 0x20)
                return fail("a control character (U+0000..U+001F) in a text must be escaped");
            // A backslash.
            ++m_at;
            switch (peek()) {
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            case '/': out += '/'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'u': {
                ++m_at;
                long cp = hex4();
                if (cp < 0)
                    return fail("'\\u' must be followed by four hex digits");
                if (cp >= 0xDC00 && cp <= 0xDFFF)
                    return fail("a low surrogate (\\uDC00..\\uDFFF) must follow a high one");
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    if (m_text.substr(m_at, 2) != "\\u")
                        return fail("a high surrogate (\\uD800..\\uDBFF) must be followed by a low one");
                    m_at += 2;
                    const long low = hex4();
                    if (low < 0xDC00 || low > 0xDFFF)
                        return fail("a high surrogate (\\uD800..\\uDBFF) must be followed by a low one");
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                }
                utf8::append(out, char32_t(cp));
                run = m_at;
                continue;
            }
            case -1: return fail("a text is not closed with '\"'");
            default: return fail("not an escape: '\\' must be followed by one of \" \\ / b f n r t u");
            }
            run = ++m_at;
        }
    }

    // -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? as nlohmann reads it: a whole number is
    // signed when it has a minus sign and unsigned when not, and a float when it does not fit.
    bool number() {
        const std::size_t start = m_at;
        const auto digits = [&] {
            const std::size_t from = m_at;
            while (peek() >= '0' && peek() <= '9')
                ++m_at;
            return m_at > from;
        };
        if (peek() == '-')
            ++m_at;
        if (peek() == '0')
            ++m_at;
        else if (!digits())
            return fail("a number needs a digit after '-'");
        bool whole = true;
        if (peek() == '.') {
            ++m_at;
            whole = false;
            if (!digits())
                return fail("a number needs a digit after '.'");
        }
        if (peek() == 'e' || peek() == 'E') {
            ++m_at;
            whole = false;
            if (peek() == '+' || peek() == '-')
                ++m_at;
            if (!digits())
                return fail("a number needs a digit in its exponent");
        }
        const char* first = m_text.data() + start;
        const char* last = m_text.data() + m_at;
        if (whole) {
            if (*first == '-') {
                std::int64_t v = 0;
                if (const auto r = std::from_chars(first, last, v); r.ec == std::errc() && r.ptr == last)
                    return m_sax.number_integer(v);
            } else {
                std::uint64_t v = 0;
                if (const auto r = std::from_chars(first, last, v); r.ec == std::errc() && r.ptr == last)
                    return m_sax.number_unsigned(v);
            }
        }
        // strtod in the C locale, as nlohmann reads a float: beyond the range it gives an
        // infinity (refused by the SAX) or zero.
        static const locale_t c = newlocale(LC_ALL_MASK, "C", locale_t(0));
        const std::string token(first, last);
        return m_sax.number_float(strtod_l(token.c_str(), nullptr, c), token);
    }

    std::string_view m_text;
    BoundedSax& m_sax;
    std::size_t m_at = 0;
    std::string m_syntax;
};

} // namespace

Result<Json> parseBoundedJson(std::string_view text, const JsonLimits& limits) {
    Json root;
    BoundedSax sax(root, limits);
    Reader reader(text, sax);
    if (!reader.read()) {
        if (sax.error())
            return *sax.error();
        return invalidArgument(reader.syntaxError());
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
