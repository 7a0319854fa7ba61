#pragma once
// The client-side sync engine, used unchanged by the Qt app and the headless device: push the
// outbox in order (exactly once, whatever is lost or repeated on the way), pull the server's
// changes page by page (each page applied with its cursor in one local transaction), and upload
// attachments resumably. Any network failure ends the cycle early with nothing lost: the next
// cycle continues where this one stopped.

#include "sync/client/device_store.h"
#include "sync/client/sync_pacing.h"
#include "sync/client/transport.h"

#include <functional>

namespace courtyard::sync {

struct SyncReport {
    int pushed = 0;
    int applied = 0;
    int noop = 0;
    int rejected = 0;
    int pulled = 0;
    int pages = 0;
    int blobsUploaded = 0;
    // The server had been restored from a backup: operations it had acknowledged went again.
    int resent = 0;
    bool complete = false;      // pushed everything and pulled to the end
    std::optional<Error> error; // why it stopped early
    // With pacing: the server refused (or could not be reached); no request before this.
    std::optional<Instant> retryAt;
    std::string refusal; // why, for the user
};

struct SyncOptions {
    // Operations per push and changes per pull page: large batches mean few round trips and
    // few fsyncs, which is what bounds sync speed on a tablet's flash.
    int pushBatch = 2000;
    int pullPage = 1000;
    std::size_t blobChunk = 1u << 20; // 1 MiB per upload request
};

// Where a pull stands, for a progress bar: changes received so far in this pull, of about how
// many (the server's count at the first page; 0 until known), in how many pages.
struct PullProgress {
    int received = 0;
    std::int64_t expected = 0;
    int pages = 0;
};

class SyncEngine {
public:
    using Clock = std::function<Instant()>;
    SyncEngine(DeviceStore& store, Transport& transport, Clock clock, SyncOptions options = {});

    // Learns what the token stands for and records it (first contact, or after re-enrolment).
    Result<DeviceInfo> identify();
    // One cycle: identify if needed, push, pull, upload attachments. With pacing, a cycle
    // while the device should still wait makes no request at all.
    SyncReport syncOnce();
    // Waits after refusals and sizes pushes (see sync_pacing.h); kept by the caller across
    // cycles. Without it every cycle tries at once and pushes full batches.
    void setPacing(SyncPacing* pacing) { m_pacing = pacing; }
    // Called after every page a pull applies. With it, the first page of each pull asks the
    // server how many changes remain (count=1).
    void setPullProgress(std::function<void(const PullProgress&)> onPage) { m_onPage = std::move(onPage); }

    Status push(SyncReport& report);
    Status pull(SyncReport& report);
    Status uploadBlobs(SyncReport& report);

    // A JSON request to the server with the device's token (sign-in, PIN change): the answer's
    // JSON, or the server's error with its reason and Retry-After.
    Result<Json> postJson(const std::string& target, const Json& body);
    // The X-Courtyard-Actor header for a request that acts for the signed-in person.
    Result<std::string> actorHeader(std::string_view method, std::string_view target);
    // One request with the device's token and schema header (what every call above sends): the
    // response as is, any status. A revoked device is wiped here, whoever asked.
    Result<HttpResponse> call(HttpRequest request);

private:
    // A server that forgot what it acknowledged (docs/sync-protocol.md, "Backup and restore")
    // gets it again. `database` is the identity an answer carried; true when operations were
    // put back into the outbox and the pull starts again.
    Result<bool> recoverIfForgotten(const std::string& database, SyncReport& report);
    Result<bool> resendWhatTheServerLacks(SyncReport& report);

    DeviceStore& m_store;
    Transport& m_transport;
    Clock m_clock;
    SyncOptions m_options;
    SyncPacing* m_pacing = nullptr;
    std::function<void(const PullProgress&)> m_onPage;
};

} // namespace courtyard::sync
