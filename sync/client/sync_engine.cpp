#include "sync/client/sync_engine.h"

#include "sync/protocol/crypto.h"

#include <algorithm>
#include <cstdio>

namespace courtyard::sync {

namespace {
std::string urlEncode(std::string_view s) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
            c == '_' || c == '.' || c == '~') {
            out.push_back(char(c));
        } else {
            out.push_back('%');
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 15]);
        }
    }
    return out;
}

Error errorOf(const HttpResponse& r) {
    Error e = errorFromBody(r.body, r.status);
    if (e.retryAfterSeconds == 0)
        if (auto it = r.headers.find("retry-after"); it != r.headers.end()) {
            int seconds = 0;
            if (std::sscanf(it->second.c_str(), "%d", &seconds) == 1 && seconds > 0)
                e.retryAfterSeconds = std::min(seconds, 86400);
        }
    return e;
}

Result<Json> jsonBody(const HttpResponse& r) {
    if (r.status < 200 || r.status >= 300)
        return errorOf(r);
    auto j = parseJson(r.body);
    if (!j)
        return unavailable("the server answered with something that is not JSON");
    return j;
}
} // namespace

SyncEngine::SyncEngine(DeviceStore& store, Transport& transport, Clock clock, SyncOptions options)
    : m_store(store), m_transport(transport), m_clock(std::move(clock)), m_options(options) {}

Result<HttpResponse> SyncEngine::call(HttpRequest request) {
    auto st = m_store.state();
    if (!st)
        return st.error();
    if (st->token.empty())
        return unauthenticated("this device is not enrolled: it has no token");
    request.headers["authorization"] = "Bearer " + st->token;
    request.headers["x-courtyard-schema"] = std::to_string(kSchemaVersion);
    if (!request.body.empty() && !request.headers.count("content-type"))
        request.headers["content-type"] = "application/json";
    auto resp = m_transport.send(request);
    if (m_pacing) {
        if (!resp)
            m_pacing->refused(m_clock(), std::chrono::seconds{0}, resp.error().message, false);
        else if (resp->status == 429 || resp->status == 503) {
            const Error e = errorOf(*resp);
            m_pacing->refused(m_clock(), std::chrono::seconds{e.retryAfterSeconds}, e.message, true);
        }
    }
    if (resp && resp->status == 401) {
        // Revoked (reported lost or stolen): what this device holds must not stay readable on
        // it, and the server would take none of its pending edits anyway.
        const Error e = errorOf(*resp);
        if (e.reason == "device_revoked") {
            CY_TRY(m_store.wipe());
            return e;
        }
    }
    return resp;
}

Result<Json> SyncEngine::postJson(const std::string& target, const Json& body) {
    auto resp = call({"POST", target, {}, body.dump()});
    if (!resp)
        return resp.error();
    return jsonBody(*resp);
}

Result<std::string> SyncEngine::actorHeader(std::string_view method, std::string_view target) {
    const auto& signer = m_store.signer();
    if (!signer)
        return unauthenticated("nobody is signed in");
    // Stamped on the server's timeline: the device knows its offset from the last exchange.
    auto st = m_store.state();
    if (!st)
        return st.error();
    return actorHeaderValue(*signer, method, target, toEpochMs(m_clock()) + st->serverOffsetMs);
}

Result<DeviceInfo> SyncEngine::identify() {
    auto resp = call({"GET", "/v1/whoami", {}, {}});
    if (!resp)
        return resp.error();
    auto j = jsonBody(*resp);
    if (!j)
        return j.error();
    auto info = decodeJson<DeviceInfo>(*j);
    if (!info)
        return info.error();
    CY_TRY(m_store.setDeviceInfo(*info));
    return info;
}

SyncReport SyncEngine::syncOnce() {
    SyncReport report;
    auto fail = [&](const Error& e) {
        report.error = e;
        if (m_pacing && m_pacing->notBefore()) {
            report.retryAt = m_pacing->notBefore();
            report.refusal = m_pacing->reason();
        }
        return report;
    };
    if (m_pacing && !m_pacing->mayTry(m_clock()))
        return fail(Error{m_pacing->refusedByServer() ? ErrorCode::ResourceExhausted : ErrorCode::Unavailable,
                          "waiting until " + formatInstant(*m_pacing->notBefore()) + " before syncing again: " +
                              m_pacing->reason()});
    auto st = m_store.state();
    if (!st)
        return fail(st.error());
    if (st->deviceId.empty()) {
        auto info = identify();
        if (!info)
            return fail(info.error());
        if (auto r = recoverIfForgotten(info->database, report); !r)
            return fail(r.error());
    }
    // A second round when the pull found the server restored: what goes again is pushed now.
    for (int round = 0; round < 2; ++round) {
        const int resent = report.resent;
        if (auto s = push(report); !s)
            return fail(s.error());
        if (auto s = pull(report); !s)
            return fail(s.error());
        if (report.resent == resent)
            break;
    }
    if (auto s = uploadBlobs(report); !s)
        return fail(s.error());
    report.complete = true;
    if (m_pacing)
        m_pacing->succeeded();
    (void)m_store.setLastSync(m_clock());
    return report;
}

Status SyncEngine::push(SyncReport& report) {
    auto st = m_store.state();
    if (!st)
        return st.error();
    int batch = m_pacing ? m_pacing->pushBatch() : m_options.pushBatch;
    while (true) {
        auto ops = m_pacing ? m_store.pendingOperationTexts(batch, m_pacing->pushBytes())
                            : m_store.pendingOperationTexts(batch);
        if (!ops)
            return ops.error();
        if (ops->empty())
            return {};
        // The outbox holds each operation in wire form: the request is spliced, not re-encoded.
        std::string body = "{\"schema\":" + std::to_string(kSchemaVersion) + ",\"device_id\":" +
                           Json(st->deviceId).dump() + ",\"device_time\":" + Json(formatInstant(m_clock())).dump() +
                           ",\"ops\":[";
        for (std::size_t i = 0; i < ops->size(); ++i) {
            if (i)
                body += ',';
            body += (*ops)[i].second;
        }
        body += "]}";
        const std::int64_t firstSeq = ops->front().first;
        const int sent = int(ops->size());
        auto resp = call({"POST", "/v1/sync/push", {}, std::move(body)});
        if (!resp) {
            // A push that does not get through in time on a slow link: after two in a row the
            // next ones carry half as much.
            if (m_pacing)
                m_pacing->pushTimedOut(sent);
            return resp.error();
        }
        if (resp->status == 413 && sent > 1) {
            // More than the server takes at once: the same operations again, in halves.
            if (m_pacing)
                m_pacing->pushTooLarge(sent);
            batch = std::max(1, sent / 2);
            continue;
        }
        if (resp->status == 409) {
            // The server expects earlier operations: restored from a backup, it forgot some it
            // had acknowledged. Those go again first; anything else is a real conflict.
            auto recovered = resendWhatTheServerLacks(report);
            if (!recovered)
                return recovered.error();
            if (*recovered)
                continue;
        }
        auto j = jsonBody(*resp);
        if (!j)
            return j.error();
        auto pr = decodeJson<PushResponse>(*j);
        if (!pr)
            return pr.error();
        CY_TRY(m_store.applyPushResponse(*pr, m_clock()));
        if (auto r = recoverIfForgotten(pr->database, report); !r)
            return r.error();
        if (m_pacing)
            m_pacing->pushWentThrough();
        for (const auto& r : pr->results) {
            ++report.pushed;
            if (r.status == OpStatus::Applied)
                ++report.applied;
            else if (r.status == OpStatus::Noop)
                ++report.noop;
            else
                ++report.rejected;
        }
        // The server acknowledged nothing new: something is wrong; do not spin.
        if (pr->lastSeq < firstSeq)
            return internalError("the server did not accept operation " + std::to_string(firstSeq));
    }
}

Status SyncEngine::pull(SyncReport& report) {
    PullProgress progress;
    while (true) {
        auto st = m_store.state();
        if (!st)
            return st.error();
        const bool ask = m_onPage && progress.pages == 0;
        const std::string target = "/v1/sync/pull?limit=" + std::to_string(m_options.pullPage) +
                                   (ask ? "&count=1" : "") + "&cursor=" + urlEncode(st->cursor);
        auto resp = call({"GET", target, {}, {}});
        if (!resp)
            return resp.error();
        auto j = jsonBody(*resp);
        if (!j)
            return j.error();
        auto page = takePullPage(std::move(*j), resp->body);
        if (!page)
            return page.error();
        // Checked before the page is applied: a restored server's page is not laid over what
        // the device knows, the pull starts again once the forgotten operations are queued.
        auto recovered = recoverIfForgotten(page->database, report);
        if (!recovered)
            return recovered.error();
        if (*recovered)
            continue;
        CY_TRY(m_store.applyPullPage(*page));
        report.pulled += int(page->changes.size());
        ++report.pages;
        if (m_onPage) {
            progress.received += int(page->changes.size());
            ++progress.pages;
            if (page->remaining)
                progress.expected = progress.received + *page->remaining;
            progress.expected = std::max<std::int64_t>(progress.expected, progress.received);
            m_onPage(progress);
        }
        if (!page->hasMore)
            return {};
    }
}

Result<bool> SyncEngine::recoverIfForgotten(const std::string& database, SyncReport& report) {
    if (database.empty())
        return false; // a server from before database identities
    auto st = m_store.state();
    if (!st)
        return st.error();
    if (st->serverDatabase.empty()) {
        CY_TRY(m_store.setServerDatabase(database));
        return false;
    }
    if (st->serverDatabase == database)
        return false;
    return resendWhatTheServerLacks(report);
}

Result<bool> SyncEngine::resendWhatTheServerLacks(SyncReport& report) {
    auto st = m_store.state();
    if (!st)
        return st.error();
    auto info = identify();
    if (!info)
        return info.error();
    auto answered = m_store.lastAnsweredSeq();
    if (!answered)
        return answered.error();
    const bool otherDatabase = !info->database.empty() && info->database != st->serverDatabase;
    if (!otherDatabase && info->lastSeq >= *answered)
        return false;
    auto requeued = m_store.resendAfterRestore(info->lastSeq, info->database);
    if (!requeued)
        return requeued.error();
    report.resent += *requeued;
    return true;
}

Status SyncEngine::uploadBlobs(SyncReport& report) {
    auto blobs = m_store.blobsToUpload();
    if (!blobs)
        return blobs.error();
    for (const auto& b : *blobs) {
        // Ask the server how much it has: an interrupted upload resumes from there.
        auto head = call({"HEAD", "/v1/blobs/" + b.sha256, {}, {}});
        if (!head)
            return head.error();
        std::int64_t offset = 0;
        if (head->status == 200) {
            if (head->headers["x-blob-complete"] == "1") {
                CY_TRY(m_store.setBlobUploaded(b.sha256, b.size));
                ++report.blobsUploaded;
                continue;
            }
            // Whatever the server says, never an exception: a number or the start.
            const std::string said = head->headers.count("upload-offset") ? head->headers["upload-offset"] : "0";
            auto parsed = parseJson(said);
            offset = parsed && parsed->is_number_integer() && parsed->get<std::int64_t>() >= 0 &&
                             parsed->get<std::int64_t>() <= std::int64_t(b.size)
                         ? parsed->get<std::int64_t>()
                         : 0;
        } else if (head->status == 403) {
            // No record this device may read refers to it (the edit that did was refused):
            // kept here, not sent again and again.
            CY_TRY(m_store.setBlobRefused(b.sha256, errorOf(*head).message));
            continue;
        } else if (head->status != 404) {
            return errorOf(*head);
        }
        auto data = m_store.blobData(b.sha256);
        if (!data)
            return data.error();
        if (!*data)
            return internalError("attachment " + b.sha256 + " is missing from the device database");
        const std::string& bytes = **data;
        bool refused = false;
        while (offset < std::int64_t(bytes.size())) {
            const std::size_t n = std::min<std::size_t>(m_options.blobChunk, bytes.size() - std::size_t(offset));
            HttpRequest put{"PUT",
                            "/v1/blobs/" + b.sha256 + "?offset=" + std::to_string(offset) +
                                "&total=" + std::to_string(bytes.size()),
                            {{"content-type", b.mime.empty() ? "application/octet-stream" : b.mime}},
                            bytes.substr(std::size_t(offset), n)};
            auto resp = call(put);
            if (!resp)
                return resp.error();
            if (resp->status == 409) {
                // The server has a different amount than we thought: continue from its offset.
                auto j = parseJson(resp->body);
                if (j && j->contains("offset") && (*j)["offset"].is_number_integer() &&
                    (*j)["offset"].get<std::int64_t>() >= 0 &&
                    (*j)["offset"].get<std::int64_t>() < std::int64_t(bytes.size())) {
                    offset = (*j)["offset"].get<std::int64_t>();
                    continue;
                }
                return errorOf(*resp);
            }
            if (resp->status == 403) {
                CY_TRY(m_store.setBlobRefused(b.sha256, errorOf(*resp).message));
                refused = true;
                break;
            }
            if (resp->status < 200 || resp->status >= 300)
                return errorOf(*resp);
            offset += std::int64_t(n);
            CY_TRY(m_store.setBlobUploaded(b.sha256, offset));
        }
        if (!refused)
            ++report.blobsUploaded;
    }
    return {};
}

} // namespace courtyard::sync
