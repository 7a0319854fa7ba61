#include "server/reports/report_service.h"

// Reports as CSV for spreadsheets: every table, Pareto and bar section as a block.

#include <cstdio>

namespace courtyard::server::reports {

namespace {

std::string csvField(const Json& v) {
    std::string s;
    if (v.is_null())
        s = "";
    else if (v.is_string())
        s = v.get<std::string>();
    else if (v.is_boolean())
        s = v.get<bool>() ? "1" : "0";
    else if (v.is_number_float()) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.1f", v.get<double>());
        s = buf;
    } else
        s = v.dump();
    // A name typed on a device must not become a spreadsheet formula.
    if (v.is_string() && !s.empty() && std::string_view("=+-@").find(s.front()) != std::string_view::npos)
        s.insert(s.begin(), '\'');
    if (s.find_first_of(",\"\r\n") == std::string::npos)
        return s;
    std::string q = "\"";
    for (char ch : s) {
        if (ch == '"')
            q += '"';
        q += ch;
    }
    return q + "\"";
}

void csvLine(std::string& out, const std::vector<Json>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i)
            out += ',';
        out += csvField(fields[i]);
    }
    out += "\r\n";
}

} // namespace

std::string toCsv(const Json& report) {
    const Lang lang = report.value("lang", "en") == "zh" ? Lang::Zh : Lang::En;
    auto L = [&](std::string_view key) { return Json(label(key, lang)); };
    std::string out = "\xEF\xBB\xBF";
    csvLine(out, {report.value("title", ""), report["scope"].value("name", ""), report["period"].value("label", ""),
                  report.value("as_of", "")});
    if (auto purged = report.find("purged"); purged != report.end() && purged->is_object())
        csvLine(out, {purged->value("note", ""), purged->value("through", "")});
    out += "\r\n";
    for (const auto& s : report["sections"]) {
        const std::string kind = s.value("kind", "");
        csvLine(out, {s.value("title", "")});
        if (kind == "tiles") {
            for (const auto& t : s["tiles"])
                csvLine(out, {t.value("label", ""), t["value"]});
        } else if (kind == "table") {
            std::vector<Json> header;
            for (const auto& col : s["columns"])
                header.push_back(col["label"]);
            csvLine(out, header);
            auto row = [&](const Json& r) {
                std::vector<Json> fields;
                for (const auto& col : s["columns"])
                    fields.push_back(r.value(col.value("key", ""), Json()));
                csvLine(out, fields);
            };
            for (const auto& r : s["rows"])
                row(r);
            if (s.contains("total"))
                row(s["total"]);
        } else if (kind == "pareto") {
            csvLine(out, {L("col.entry"), L("col.count"), L("col.percent"), L("col.cumulative_percent"),
                          L("col.vital_few")});
            for (const auto& r : s["rows"])
                csvLine(out, {r["label"], r["count"], r["percent"], r["cumulative_percent"], r["vital_few"]});
        } else if (kind == "bars") {
            csvLine(out, {L("col.entry"), L("col.value"), L("col.target"), L("col.below_target")});
            for (const auto& b : s["bars"])
                csvLine(out, {b["label"], b["value"], s["target"], b["below_target"]});
        }
        out += "\r\n";
    }
    return out;
}

} // namespace courtyard::server::reports
