// The unit roster a management office keeps (CSV), loaded into a community: by `init --units`,
// `import-units` and the admin API (admin_service.h).
#include "server/service/admin_service.h"

#include "shared/core/hash.h"

#include <iconv.h>
#include <map>
#include <memory>
#include <optional>
#include <set>

namespace courtyard::server {

namespace {

// ASCII letters and digits of a name, plus a short hash when it had anything else ("3栋").
std::string idPart(std::string_view name) {
    std::string out;
    bool other = false;
    for (char c : name) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_')
            out.push_back(c);
        else
            other = true;
    }
    if (other || out.empty())
        out += (out.empty() ? "" : "-") + toHex64(fnv1a64(name)).substr(0, 6);
    return out;
}

// `text` in `encoding`, converted to UTF-8 by glibc's iconv; nothing when it is not text in
// that encoding (a byte sequence it does not have, or one cut off at the end).
std::optional<std::string> toUtf8(std::string_view text, const char* encoding) {
    iconv_t cd = iconv_open("UTF-8", encoding);
    if (cd == iconv_t(-1))
        return std::nullopt;
    const std::unique_ptr<void, int (*)(iconv_t)> closer(cd, iconv_close);
    std::string out(text.size() * 2 + 4, '\0'); // GB18030's 2 bytes become at most 3, its 4 at most 4
    char* in = const_cast<char*>(text.data());
    std::size_t inLeft = text.size();
    char* to = out.data();
    std::size_t outLeft = out.size();
    if (iconv(cd, &in, &inLeft, &to, &outLeft) == std::size_t(-1) || inLeft != 0)
        return std::nullopt;
    out.resize(out.size() - outLeft);
    return out;
}

std::vector<std::vector<std::string>> parseCsv(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") // Excel's UTF-8 byte order mark
        text.remove_prefix(3);
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string field;
    bool quoted = false, any = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field.push_back('"');
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field.push_back(c);
            }
            continue;
        }
        if (c == '"') {
            quoted = true;
            any = true;
        } else if (c == ',') {
            row.push_back(field);
            field.clear();
            any = true;
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
            if (any || !field.empty()) {
                row.push_back(field);
                rows.push_back(row);
            }
            row.clear();
            field.clear();
            any = false;
        } else {
            field.push_back(c);
            any = true;
        }
    }
    if (any || !field.empty()) {
        row.push_back(field);
        rows.push_back(row);
    }
    return rows;
}

std::string trim(std::string s) {
    const auto b = s.find_first_not_of(" \t");
    const auto e = s.find_last_not_of(" \t");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

struct RosterLine {
    std::string where; // "unit roster line 7: "
    std::string building, number;
    Json unit;
};

} // namespace

std::string buildingIdFor(const std::string& communityId, std::string_view name) {
    return communityId + "-b-" + idPart(name);
}

Result<ImportSummary> importUnitRoster(ServerStorage& storage, const std::string& communityId, std::string_view csv,
                                       Clock clock, const RosterOptions& options) {
    (void)clock;
    // Excel on a Chinese Windows saves "CSV (comma delimited)" in GBK (code page 936), and only
    // "CSV UTF-8" as UTF-8. GB18030 is GBK's superset. Which one was read is in the summary.
    std::string encoding = "utf-8";
    auto text = toUtf8(csv, "UTF-8");
    if (!text) {
        encoding = "gb18030";
        text = toUtf8(csv, "GB18030");
    }
    if (!text)
        return invalidField("units", "unit roster: the file is neither UTF-8 nor GBK text; save it from the spreadsheet "
                                     "as CSV UTF-8");
    if (text->find('\0') != std::string::npos)
        return invalidField("units", "unit roster: the file holds a NUL character; it is not a spreadsheet's CSV");
    const auto rows = parseCsv(*text);
    if (rows.size() < 2)
        return invalidField("units", "unit roster: a header row and at least one unit are needed");
    const std::map<std::string, std::string> aliases{
        {"building", "building"}, {"楼栋", "building"}, {"楼号", "building"}, {"栋", "building"},
        {"unit", "unit"},         {"房号", "unit"},     {"单元房号", "unit"}, {"room", "unit"},
        {"floor", "floor"},       {"楼层", "floor"},
        {"owner", "owner"},       {"owner_name", "owner"}, {"业主", "owner"}, {"业主姓名", "owner"},
        {"phone", "phone"},       {"owner_phone", "phone"}, {"电话", "phone"}, {"联系电话", "phone"},
        {"occupied", "occupied"}, {"入住", "occupied"}, {"入住状态", "occupied"}};
    std::map<std::string, std::size_t> col;
    for (std::size_t i = 0; i < rows[0].size(); ++i) {
        std::string h = trim(rows[0][i]);
        for (auto& ch : h)
            if (ch >= 'A' && ch <= 'Z')
                ch = char(ch - 'A' + 'a');
        if (auto it = aliases.find(h); it != aliases.end())
            col[it->second] = i;
    }
    if (!col.count("building") || !col.count("unit"))
        return invalidField("units", "unit roster: the header needs a building (楼栋) and a unit (房号) column");
    auto cell = [&](const std::vector<std::string>& row, const char* name) -> std::string {
        auto it = col.find(name);
        return it != col.end() && it->second < row.size() ? trim(row[it->second]) : std::string();
    };
    // Read every line first: a bad one refuses the roster before anything is written.
    std::vector<RosterLine> lines;
    std::set<std::pair<std::string, std::string>> seen;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const auto& row = rows[r];
        RosterLine l;
        l.where = "unit roster line " + std::to_string(r + 1) + ": ";
        l.building = cell(row, "building");
        l.number = cell(row, "unit");
        if (l.building.empty() && l.number.empty())
            continue;
        if (l.building.empty() || l.number.empty())
            return invalidField(l.building.empty() ? "building" : "unit", l.where + "building and unit are both required");
        if (!seen.insert({l.building, l.number}).second)
            return invalidField("unit", l.where + l.building + " " + l.number + " is listed twice");
        l.unit = Json{{"community_id", communityId}, {"number", l.number}};
        if (auto f = cell(row, "floor"); !f.empty()) {
            try {
                std::size_t used = 0;
                l.unit["floor"] = std::stoi(f, &used);
                if (used != f.size())
                    throw std::invalid_argument(f);
            } catch (...) {
                return invalidField("floor", l.where + "floor '" + f + "' is not a number");
            }
        }
        if (auto o = cell(row, "owner"); !o.empty())
            l.unit["owner_name"] = o;
        if (auto p = cell(row, "phone"); !p.empty())
            l.unit["owner_phone"] = p;
        const std::string occ = cell(row, "occupied");
        static const std::set<std::string> yes{"", "是", "yes", "y", "1", "true", "已入住", "入住", "Y", "YES", "Yes"};
        static const std::set<std::string> no{"否", "no", "n", "0", "false", "未入住", "空置", "N", "NO", "No"};
        if (yes.count(occ))
            l.unit["occupied"] = true;
        else if (no.count(occ))
            l.unit["occupied"] = false;
        else
            return invalidField("occupied", l.where + "occupied '" + occ + "' is not yes/no (是/否)");
        lines.push_back(std::move(l));
    }

    ImportSummary summary;
    CY_TRY(storage.write([&](WriteUnit& unit) -> Status {
        summary = {};
        auto community = unit.get(communityId);
        if (!community)
            return community.error();
        if (!*community || (*community)->type != "community")
            return notFound("community '" + communityId + "' does not exist: load the company first");
        // The community's buildings (by id and by name) and units (by building and number).
        store::RecordQuery q;
        q.types = {"building", "unit"};
        q.communityIds = {communityId};
        auto existing = unit.query(q);
        if (!existing)
            return existing.error();
        std::map<std::string, std::string> buildingByName;
        std::set<std::string> buildingIds;
        std::map<std::pair<std::string, std::string>, std::string> unitByNumber;
        for (const auto& r : *existing) {
            if (r.type == "building") {
                buildingIds.insert(r.id);
                buildingByName[stringAt(r.body, "name")] = r.id;
            } else {
                unitByNumber[{stringAt(r.body, "building_id"), stringAt(r.body, "number")}] = r.id;
            }
        }
        std::vector<PendingRecord> records;
        std::set<std::string> made;
        for (auto& l : lines) {
            std::string bid;
            if (options.createBuildings) {
                bid = buildingIdFor(communityId, l.building);
                if (made.insert(bid).second)
                    records.push_back({"building", Json{{"id", bid}, {"community_id", communityId}, {"name", l.building}}});
            } else if (auto it = buildingByName.find(l.building); it != buildingByName.end()) {
                bid = it->second;
            } else if (buildingIds.count(l.building)) {
                bid = l.building;
            } else {
                return invalidField("building", l.where + "'" + l.building + "' is not a building of " + communityId +
                                                    ": add the building first");
            }
            auto known = unitByNumber.find({bid, l.number});
            l.unit["id"] = known != unitByNumber.end()
                               ? known->second
                               : communityId + "-" + idPart(l.building) + "-" + idPart(l.number);
            l.unit["building_id"] = bid;
            records.push_back({"unit", std::move(l.unit)});
        }
        CY_TRY(upsertRecords(unit, records, summary));
        summary.encoding = encoding;
        if (options.inTransaction)
            CY_TRY(options.inTransaction(unit, summary));
        return {};
    }));
    return summary;
}

} // namespace courtyard::server
