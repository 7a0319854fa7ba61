#include "server/storage/postgres/pg_report_db.h"

#include <algorithm>

namespace courtyard::server::pg {

namespace {

bool identStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool identChar(char c) { return identStart(c) || (c >= '0' && c <= '9'); }

// One result row of a report query, read by column name.
class PgRow final : public reports::Row {
public:
    explicit PgRow(const Rows& rows) : m_rows(rows) {}
    void at(int i) { m_i = i; }
    std::string text(std::string_view column) const override { return m_rows.text(m_i, index(column)); }
    std::int64_t int64(std::string_view column) const override { return m_rows.int64(m_i, index(column)); }
    std::optional<std::int64_t> optInt64(std::string_view column) const override {
        return m_rows.optInt64(m_i, index(column));
    }

private:
    int index(std::string_view column) const {
        const int i = m_rows.column(column);
        if (i < 0)
            throw reports::MissingColumn("report query has no column '" + std::string(column) + "'");
        return i;
    }
    const Rows& m_rows;
    int m_i = 0;
};

} // namespace

std::string numberedParameters(std::string_view sql, std::vector<std::string>& names) {
    std::string out;
    out.reserve(sql.size());
    for (std::size_t i = 0; i < sql.size(); ++i) {
        const char c = sql[i];
        if (c == '\'' || c == '"') { // a literal or a quoted name, copied whole
            const std::size_t end = sql.find(c, i + 1);
            const std::size_t last = end == std::string_view::npos ? sql.size() - 1 : end;
            out.append(sql.substr(i, last - i + 1));
            i = last;
        } else if (c == ':' && i + 1 < sql.size() && sql[i + 1] == ':') { // a cast
            out += "::";
            ++i;
        } else if (c == ':' && i + 1 < sql.size() && identStart(sql[i + 1])) {
            std::size_t end = i + 1;
            while (end < sql.size() && identChar(sql[end]))
                ++end;
            const std::string name(sql.substr(i, end - i));
            auto it = std::find(names.begin(), names.end(), name);
            if (it == names.end())
                it = names.insert(names.end(), name);
            out += "$" + std::to_string(it - names.begin() + 1);
            i = end - 1;
        } else {
            out += c;
        }
    }
    return out;
}

Status PgReportDb::each(const std::string& sql, const reports::Params& params,
                        const std::function<void(const reports::Row&)>& row) {
    std::vector<std::string> names;
    const std::string text = numberedParameters(sql, names);
    std::vector<Param> values;
    values.reserve(names.size());
    for (const auto& name : names) {
        const auto p = std::find_if(params.begin(), params.end(), [&](const auto& kv) { return kv.first == name; });
        if (p == params.end())
            return internalError("report query uses " + name + " but binds no value for it");
        values.push_back(std::visit([](const auto& v) { return Param(v); }, p->second));
    }
    auto rows = m_c.exec(text, values);
    if (!rows)
        return rows.error();
    PgRow r(*rows);
    for (int i = 0; i < rows->size(); ++i) {
        r.at(i);
        try {
            row(r);
        } catch (const reports::MissingColumn& e) {
            return internalError(e.what());
        }
    }
    return {};
}

} // namespace courtyard::server::pg
