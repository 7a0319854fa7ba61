#include "server/service/retention_service.h"

#include "server/service/pass_claim.h"
#include "server/storage/blob_refs.h"
#include "server/storage/durable_file.h"
#include "shared/rules/retention.h"
#include "sync/protocol/crypto.h"

#include <algorithm>
#include <fstream>
#include <set>

namespace courtyard::server {

namespace fs = std::filesystem;

namespace {

constexpr const char* kArchiveFormat = "courtyard-retention-archive";
constexpr int kPage = 500;

// "20261205T031500Z": sorts as it happened, and is a valid file name everywhere.
std::string stamp(Instant at) {
    std::string s = formatInstant(at); // 2026-12-05T03:15:00.000Z
    std::string out;
    for (char c : s.substr(0, 19))
        if (c != '-' && c != ':')
            out += c;
    return out + "Z";
}

Json historyOf(const store::StoredRecord& r) {
    if (r.history.empty())
        return Json::array();
    auto parsed = parseJson(r.history);
    return parsed && parsed->is_array() ? *parsed : Json::array();
}

Result<std::optional<Instant>> metaInstant(ReadUnit& unit, const char* key) {
    auto text = unit.getMeta(key);
    if (!text)
        return text.error();
    if (!*text || (*text)->empty())
        return std::optional<Instant>();
    auto at = parseInstant(**text);
    if (!at)
        return std::optional<Instant>();
    return std::optional<Instant>(*at);
}

// The record as it is now, unless it is gone or purged already.
Result<std::optional<store::StoredRecord>> liveRecord(ReadUnit& unit, const std::string& id) {
    auto rec = unit.get(id);
    if (!rec)
        return rec.error();
    if (*rec && (*rec)->deleted)
        return std::optional<store::StoredRecord>();
    return rec;
}

// The folder an archive is written to, then renamed from, and what it holds.
struct ArchiveWriter {
    fs::path final;
    fs::path partial;
    std::map<std::string, int> types;
    int records = 0;
};

} // namespace

RetentionService::RetentionService(ServerStorage& storage, BlobService& blobs, RulesCache& rules, Clock clock)
    : m_storage(storage), m_blobs(blobs), m_rules(rules), m_clock(std::move(clock)) {}

Result<RetentionPlan> RetentionService::planIn(ReadUnit& unit, Instant now) {
    RetentionPlan plan;
    // The policy is the company's, the same in every community.
    const auto company = m_rules.get(unit, std::string(), now);
    const rules::Policy& policy = company->policy;
    for (const auto& type : rules::retainedRecordTypes()) {
        const auto days = rules::firstDueDays(type, policy);
        if (!days)
            continue;
        // Each type's records in the order they happened (records_type_happened), a page at a
        // time from where the last one ended: one walk of the index, however many there are.
        store::RecordQuery q;
        q.types = {type};
        q.states = {"closed", "replied", "cancelled"};
        q.happenedTo = now - std::chrono::hours(24) * *days;
        q.order = store::RecordQuery::Order::HappenedAsc;
        q.limit = kPage;
        while (true) {
            auto page = unit.query(q);
            if (!page)
                return page.error();
            for (auto& rec : *page) {
                if (rec.deleted || !rec.body.is_object())
                    continue;
                const std::string community = stringAt(rec.body, "community_id");
                const auto ended = rules::endedAt(rec.type, rec.body);
                if (!ended)
                    continue;
                if (auto due = rules::purgeDueAt(rec.type, rec.body, policy); due && *due <= now) {
                    plan.purge.push_back({rec.id, rec.type, community, *ended, *due});
                    continue;
                }
                if (auto due = rules::redactDueAt(rec.type, rec.body, policy); due && *due <= now) {
                    Json body = rec.body;
                    Json history = historyOf(rec);
                    if (rules::redactResidents(rec.type, body, history))
                        plan.redact.push_back({rec.id, rec.type, community, *ended, *due});
                }
            }
            if (int(page->size()) < kPage)
                break;
            auto last = store::indexFieldsFor(page->back());
            if (!last)
                return last.error();
            q.after = store::RecordQuery::After{page->back().id, last->happenedAt};
        }
    }
    return plan;
}

Result<RetentionPlan> RetentionService::plan() {
    const Instant now = m_clock();
    RetentionPlan out;
    CY_TRY(m_storage.read([&](ReadUnit& unit) -> Status {
        auto p = planIn(unit, now);
        if (!p)
            return p.error();
        out = std::move(*p);
        return {};
    }));
    return out;
}

Result<RetentionRun> RetentionService::runNow(const fs::path& archiveRoot) { return run(archiveRoot, m_clock()); }

Result<RetentionRun> RetentionService::runScheduled(const fs::path& archiveRoot) {
    const Instant now = m_clock();
    bool claimed = false;
    // Most ticks find today's pass claimed: a read tells them so without a write transaction.
    CY_TRY(m_storage.read([&](ReadUnit& unit) -> Status {
        auto done = passSlotClaimed(unit, kPassKey, now, kDayMs);
        if (!done)
            return done.error();
        claimed = *done;
        return {};
    }));
    if (claimed)
        return RetentionRun{};
    CY_TRY(m_storage.write([&](WriteUnit& unit) -> Status {
        auto claim = claimPassSlot(unit, kPassKey, now, kDayMs); // today's pass, on one server
        if (!claim)
            return claim.error();
        claimed = *claim;
        return {};
    }));
    if (!claimed)
        return RetentionRun{};
    return run(archiveRoot, now);
}

Result<RetentionRun> RetentionService::run(const fs::path& archiveRoot, Instant now) {
    RetentionRun result;
    result.ran = true;
    auto planned = plan();
    if (!planned)
        return planned.error();

    // 1. The archive: every record to purge, as it is now, and its attachments.
    std::map<std::string, std::int64_t> archivedVersion;
    std::set<std::string> shas;
    if (!planned->purge.empty()) {
        ArchiveWriter w;
        std::error_code ec;
        fs::create_directories(archiveRoot, ec);
        if (ec)
            return unavailable("cannot create the archive folder " + archiveRoot.string() + ": " + ec.message());
        w.final = archiveRoot / ("retention-" + stamp(now));
        w.partial = w.final;
        w.partial += ".partial";
        if (fs::exists(w.final, ec))
            return failedPrecondition("the archive " + w.final.string() + " exists already");
        fs::remove_all(w.partial, ec);
        fs::create_directories(w.partial / "blobs", ec);
        if (ec)
            return unavailable("cannot create " + w.partial.string() + ": " + ec.message());
        // Written as it is read, a page of records at a time: a first pass after retention was
        // shortened may archive millions.
        const fs::path linesPath = w.partial / "records.jsonl";
        std::ofstream lines(linesPath, std::ios::binary | std::ios::trunc);
        for (std::size_t from = 0; lines && from < planned->purge.size(); from += kPage) {
            const std::size_t to = std::min(planned->purge.size(), from + kPage);
            CY_TRY(m_storage.read([&](ReadUnit& unit) -> Status {
                for (std::size_t i = from; i < to; ++i) {
                    const auto& item = planned->purge[i];
                    auto rec = liveRecord(unit, item.id);
                    if (!rec)
                        return rec.error();
                    if (!*rec)
                        continue;
                    auto& r = **rec;
                    Json line{{"id", r.id},
                              {"type", r.type},
                              {"version", r.version},
                              {"body", r.body},
                              {"stamps", r.stamps},
                              {"history", historyOf(r)},
                              {"origin_device", r.originDevice},
                              {"ended_at", formatInstant(item.endedAt)}};
                    lines << line.dump() << '\n';
                    archivedVersion[r.id] = r.version;
                    for (const auto& sha : attachmentShas(r))
                        shas.insert(sha);
                    ++w.types[r.type];
                    ++w.records;
                }
                return {};
            }));
        }
        lines.close();
        if (!lines)
            return unavailable("cannot write " + linesPath.string());
        CY_TRY(syncFile(linesPath));
        int blobs = 0;
        Json missing = Json::array();
        for (const auto& sha : shas) {
            auto bytes = m_blobs.read(sha);
            if (!bytes) {
                missing.push_back(sha); // never uploaded: nothing to keep
                continue;
            }
            CY_TRY(writeDurably(w.partial / "blobs" / sha, *bytes));
            ++blobs;
        }
        Json manifest{{"format", kArchiveFormat},
                      {"version", 1},
                      {"created_at", formatInstant(now)},
                      {"database", m_storage.identity().id},
                      {"records", w.records},
                      {"blobs", blobs},
                      {"missing_blobs", missing},
                      {"types", w.types}};
        CY_TRY(writeDurably(w.partial / "manifest.json", manifest.dump(2) + "\n"));
        CY_TRY(syncFile(w.partial / "blobs"));
        CY_TRY(syncFile(w.partial));
        fs::rename(w.partial, w.final, ec);
        if (ec)
            return unavailable("cannot finish the archive " + w.final.string() + ": " + ec.message());
        CY_TRY(syncFile(archiveRoot));
        result.archive = w.final;
        result.archived = w.records;
        result.blobsArchived = blobs;
    }

    // 2. The purge, then the redactions, in write transactions of kPage records each, so that
    // devices' pushes go on between them; each writes its own audit line. A record changed since
    // it was archived (or planned) is left for the next pass.
    std::vector<std::string> purgedShas;
    const std::size_t total = planned->purge.size() + planned->redact.size();
    for (std::size_t from = 0; from < total; from += kPage) {
        const std::size_t to = std::min(total, from + kPage);
        int purged = 0, redacted = 0;
        std::vector<std::string> shasHere;
        CY_TRY(m_storage.write([&](WriteUnit& unit) -> Status {
            purged = redacted = 0; // a unit may be run again
            shasHere.clear();
            auto through = metaInstant(unit, kPurgedThroughKey);
            if (!through)
                return through.error();
            std::optional<Instant> latest = *through;
            for (std::size_t i = from; i < to; ++i) {
                const bool purge = i < planned->purge.size();
                const auto& item = purge ? planned->purge[i] : planned->redact[i - planned->purge.size()];
                auto rec = liveRecord(unit, item.id);
                if (!rec)
                    return rec.error();
                if (!*rec)
                    continue;
                auto& r = **rec;
                if (purge) {
                    auto it = archivedVersion.find(item.id);
                    if (it == archivedVersion.end() || r.version != it->second)
                        continue;
                    auto index = store::indexFieldsFor(r);
                    if (index && index->happenedAt && (!latest || *index->happenedAt > *latest))
                        latest = index->happenedAt;
                    for (const auto& sha : attachmentShas(r))
                        shasHere.push_back(sha);
                    store::StoredRecord tomb;
                    tomb.id = r.id;
                    tomb.type = r.type;
                    tomb.deleted = true;
                    tomb.originDevice = r.originDevice;
                    tomb.body = rules::purgedBody(r.body, now);
                    tomb.index = records::IndexFields{};
                    tomb.index->communityId = stringAt(r.body, "community_id");
                    auto v = unit.put(std::move(tomb));
                    if (!v)
                        return v.error();
                    ++purged;
                    continue;
                }
                Json history = historyOf(r);
                if (!rules::redactResidents(r.type, r.body, history))
                    continue;
                r.history = history.dump();
                r.index.reset();
                r.encodedBody.reset();
                r.rawBody.clear();
                auto v = unit.put(std::move(r));
                if (!v)
                    return v.error();
                ++redacted;
            }
            if (latest && latest != *through)
                CY_TRY(unit.setMeta(kPurgedThroughKey, formatInstant(*latest)));
            if (purged == 0 && redacted == 0)
                return {};
            AuditEntry e;
            e.at = now;
            e.kind = "retention";
            e.outcome = "applied";
            e.detail = Json{{"purged", purged}, {"redacted", redacted}, {"archive", result.archive.filename().string()}};
            return unit.addAudit(e);
        }));
        result.purged += purged;
        result.redacted += redacted;
        purgedShas.insert(purgedShas.end(), shasHere.begin(), shasHere.end());
    }
    // 3. Attachments no record refers to any more. The references kept beside the records
    // (blob_refs) name every record that ever referred to a blob, so each is read: one that is
    // still there and still refers to it keeps the blob.
    std::sort(purgedShas.begin(), purgedShas.end());
    purgedShas.erase(std::unique(purgedShas.begin(), purgedShas.end()), purgedShas.end());
    for (const auto& sha : purgedShas) {
        bool referred = false;
        CY_TRY(m_storage.read([&](ReadUnit& unit) -> Status {
            auto refs = unit.blobReferrers(sha);
            if (!refs)
                return refs.error();
            for (const auto& id : *refs) {
                auto rec = liveRecord(unit, id);
                if (!rec)
                    return rec.error();
                if (*rec && attachmentShas(**rec).count(sha)) {
                    referred = true;
                    break;
                }
            }
            return {};
        }));
        if (!referred && m_blobs.remove(sha))
            ++result.blobsRemoved;
    }
    return result;
}

Result<std::optional<Instant>> purgedThrough(ReadUnit& unit) {
    return metaInstant(unit, RetentionService::kPurgedThroughKey);
}

Result<ArchiveImport> importArchive(ServerStorage& storage, BlobService& blobs, const fs::path& folder) {
    std::ifstream mf(folder / "manifest.json");
    if (!mf)
        return invalidArgument(folder.string() + " is not a retention archive: it has no manifest.json");
    auto manifest = parseJson(std::string(std::istreambuf_iterator<char>(mf), {}));
    if (!manifest || !manifest->is_object() || stringAt(*manifest, "format") != kArchiveFormat)
        return invalidArgument(folder.string() + "/manifest.json is not a retention archive's manifest");
    std::ifstream in(folder / "records.jsonl");
    if (!in)
        return invalidArgument(folder.string() + " has no records.jsonl");
    // Every line is read and checked before anything is written.
    std::vector<store::StoredRecord> records;
    std::string text;
    int lineNo = 0;
    while (std::getline(in, text)) {
        ++lineNo;
        if (text.empty())
            continue;
        auto line = parseJson(text);
        const auto where = "records.jsonl line " + std::to_string(lineNo);
        if (!line || !line->is_object())
            return invalidArgument(where + ": not a JSON object");
        store::StoredRecord r;
        r.id = stringAt(*line, "id");
        r.type = stringAt(*line, "type");
        r.body = line->value("body", Json());
        if (r.id.empty() || !records::findRecordType(r.type) || !r.body.is_object())
            return invalidArgument(where + ": a record needs an id, a known type and a body");
        r.stamps = line->value("stamps", Json::object());
        const Json history = line->value("history", Json::array());
        r.history = history.empty() ? std::string() : history.dump();
        r.originDevice = stringAt(*line, "origin_device");
        if (auto idx = store::indexFieldsFor(r); !idx)
            return invalidArgument(where + ": " + idx.error().message);
        records.push_back(std::move(r));
    }
    // Attachments first: a record is never back before the bytes it refers to.
    ArchiveImport out;
    std::error_code ec;
    for (auto it = fs::directory_iterator(folder / "blobs", ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        const std::string sha = it->path().filename().string();
        std::ifstream bf(it->path(), std::ios::binary);
        const std::string bytes(std::istreambuf_iterator<char>(bf), {});
        if (sync::sha256Hex(bytes) != sha)
            return invalidArgument("blobs/" + sha + ": its bytes do not hash to its name");
        auto st = blobs.put(sha, 0, std::int64_t(bytes.size()), bytes, "application/octet-stream");
        if (!st)
            return st.error();
        ++out.blobs;
    }
    CY_TRY(storage.write([&](WriteUnit& unit) -> Status {
        out.imported = out.present = 0;
        out.types.clear();
        for (const auto& r : records) {
            auto existing = unit.get(r.id);
            if (!existing)
                return existing.error();
            if (*existing && !(*existing)->deleted) {
                ++out.present;
                continue;
            }
            auto v = unit.put(r);
            if (!v)
                return v.error();
            ++out.imported;
            ++out.types[r.type];
        }
        return {};
    }));
    return out;
}

} // namespace courtyard::server
