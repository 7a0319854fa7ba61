#include "sync/client/blob_download.h"

#include "shared/domain/attachment_refs.h"
#include "shared/records/record_type.h"
#include "sync/client/sync_engine.h"

#include <algorithm>
#include <set>

namespace courtyard::sync {

namespace {
// The server takes no attachment larger than this (docs/sync-protocol.md): a longer answer is
// not one of ours.
constexpr std::int64_t kMaxAttachmentBytes = 64ll << 20;

bool missed(BlobFetch f) {
    return f == BlobFetch::Deferred || f == BlobFetch::NotOnServer || f == BlobFetch::Refused ||
           f == BlobFetch::Corrupt || f == BlobFetch::TooLarge;
}
} // namespace

BlobDownloader::BlobDownloader(DeviceStore& store, Transport& transport, Clock clock, std::int64_t cacheLimitBytes)
    : m_store(store), m_transport(transport), m_clock(std::move(clock)), m_cache(store.records(), cacheLimitBytes) {}

BlobFetchResult BlobDownloader::fetch(const domain::AttachmentRef& ref) {
    const std::string& sha = ref.sha256;
    if (!domain::isSha256Hex(sha))
        return {BlobFetch::Failed, "not an attachment name: " + sha.substr(0, 80)};
    auto here = m_cache.has(sha);
    if (!here)
        return {BlobFetch::Failed, here.error().message};
    if (*here)
        return {BlobFetch::Here, {}};
    if (ref.size > std::min(kMaxAttachmentBytes, m_cache.limitBytes()))
        return {BlobFetch::TooLarge, "attachment of " + std::to_string(ref.size >> 20) + " MiB: larger than the cache"};
    auto miss = m_cache.miss(sha);
    if (!miss)
        return {BlobFetch::Failed, miss.error().message};
    if (*miss && m_clock() < (*miss)->nextTryAt)
        return {BlobFetch::Deferred, (*miss)->message};

    SyncEngine engine(m_store, m_transport, m_clock);
    auto resp = engine.call({"GET", "/v1/blobs/" + sha, {}, {}});
    if (!resp)
        return {resp.error().code == ErrorCode::Unavailable ? BlobFetch::Offline : BlobFetch::Failed,
                resp.error().message};
    const Error e = resp->status == 200 ? Error{} : errorFromBody(resp->body, resp->status);
    if (resp->status == 403 || resp->status == 404) {
        (void)m_cache.rememberMiss(sha, resp->status, e.message, m_clock());
        return {resp->status == 403 ? BlobFetch::Refused : BlobFetch::NotOnServer, e.message};
    }
    if (resp->status != 200)
        return {resp->status >= 500 || resp->status == 429 ? BlobFetch::Offline : BlobFetch::Failed, e.message};
    if (std::int64_t(resp->body.size()) > kMaxAttachmentBytes)
        return {BlobFetch::TooLarge, "the server sent more than any attachment may hold"};
    const std::int64_t n = std::int64_t(resp->body.size());
    if (auto kept = m_cache.keep(sha, ref.mime, resp->body); !kept) {
        if (kept.error().code == ErrorCode::InvalidArgument) {
            // Wrong bytes (a broken proxy, a damaged file on the server): never kept, asked for
            // again later like a blob not there yet.
            (void)m_cache.rememberMiss(sha, 200, kept.error().message, m_clock());
            return {BlobFetch::Corrupt, kept.error().message};
        }
        return {kept.error().code == ErrorCode::ResourceExhausted ? BlobFetch::TooLarge : BlobFetch::Failed,
                kept.error().message};
    }
    return {BlobFetch::Downloaded, {}, n};
}

std::vector<std::pair<std::string, BlobFetchResult>> BlobDownloader::fetchAll(const Json& body) {
    std::vector<std::pair<std::string, BlobFetchResult>> out;
    bool offline = false;
    for (const auto& ref : domain::attachmentRefs(body)) {
        if (offline) {
            out.emplace_back(ref.sha256, BlobFetchResult{BlobFetch::Offline, "not asked: the server could not be reached"});
            continue;
        }
        auto r = fetch(ref);
        offline = r.outcome == BlobFetch::Offline;
        out.emplace_back(ref.sha256, std::move(r));
    }
    return out;
}

PrefetchReport BlobDownloader::prefetch(const std::vector<store::StoredRecord>& records, PrefetchBudget budget) {
    PrefetchReport report;
    const std::int64_t maxBytes = std::min(budget.maxBytes, m_cache.limitBytes() / 4);
    std::set<std::string> seen;
    for (const auto& record : records) {
        for (const auto& ref : domain::attachmentRefs(record.body)) {
            if (!seen.insert(ref.sha256).second)
                continue;
            if (report.downloaded >= budget.maxBlobs)
                return report;
            // Known sizes that would overrun the budget wait for the record to be opened.
            if (ref.size > 0 && report.bytes + ref.size > maxBytes)
                continue;
            auto r = fetch(ref);
            if (r.outcome == BlobFetch::Offline) {
                report.offline = true;
                return report;
            }
            if (r.outcome == BlobFetch::Downloaded) {
                ++report.downloaded;
                report.bytes += r.bytes;
                if (report.bytes >= maxBytes)
                    return report;
            } else if (missed(r.outcome)) {
                ++report.missing;
            }
        }
    }
    return report;
}

Result<std::vector<store::StoredRecord>> BlobDownloader::workOf(DeviceStore& store, const std::string& staffId,
                                                                const std::string& departmentId, int limit) {
    std::vector<store::StoredRecord> out;
    std::set<std::string> ids;
    for (int part = 0; part < 2; ++part) {
        const std::string& key = part == 0 ? staffId : departmentId;
        if (key.empty())
            continue;
        store::RecordQuery q;
        (part == 0 ? q.assignee : q.departmentId) = key;
        q.order = store::RecordQuery::Order::DueAt;
        q.limit = limit;
        auto rows = store.query(q);
        if (!rows)
            return rows.error();
        for (auto& r : *rows) {
            const auto* type = records::findRecordType(r.type);
            if (!type || type->isTerminalState(stringAt(r.body, "state")) || !ids.insert(r.id).second)
                continue;
            out.push_back(std::move(r));
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const store::StoredRecord& a, const store::StoredRecord& b) {
        const auto da = a.index ? a.index->dueAt : std::nullopt, db = b.index ? b.index->dueAt : std::nullopt;
        if (da.has_value() != db.has_value())
            return da.has_value();
        return da && *da < *db;
    });
    return out;
}

} // namespace courtyard::sync
