#pragma once
// A device's local database: the records it may see, its own edits waiting in the outbox, the
// server's refusals waiting for the user, attachments captured here, and its sync state. Every
// local edit writes the record and its outbox operation in one transaction, so an edit that
// was acknowledged to the user survives a crash or a flat battery and is sent exactly once.

#include "shared/records/community_rules.h"
#include "shared/rules/derive.h"
#include "shared/store/record_store.h"
#include "sync/client/blob_queue.h"
#include "sync/client/rejection_log.h"
#include "sync/protocol/hlc.h"
#include "sync/protocol/merge.h"
#include "sync/protocol/messages.h"
#include "sync/protocol/proof.h"

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace courtyard::sync {

struct DeviceState {
    std::string serverUrl;
    std::string token;
    std::string deviceId;
    std::string name;
    domain::Role role = domain::Role::Staff;
    std::vector<std::string> communityIds;
    std::string cursor;
    std::optional<Instant> lastSyncAt;  // last complete push + pull
    std::optional<Instant> lastServerTime;
    std::int64_t serverOffsetMs = 0; // the server's clock minus this device's, at the last exchange
    std::int64_t lastSeq = 0; // the last outbox sequence handed out
    std::string serverDatabase; // the server database's identity when last heard from
};

class DeviceStore {
public:
    static Result<std::unique_ptr<DeviceStore>> open(const std::string& path);
    explicit DeviceStore(std::unique_ptr<store::SqliteRecordStore> store);

    // ---- identity and state
    Result<DeviceState> state();
    Status setEnrollment(const std::string& serverUrl, const std::string& token);
    Status setDeviceInfo(const DeviceInfo& info);
    Status setLastSync(Instant at);

    // ---- who acts: the signed-in person's unsealed credential (sync/client/sign_in.h). Every
    // operation a staff member makes here is signed with it; without it nothing is recorded
    // under their name.
    void setSigner(std::optional<Credential> credential) { m_signer = std::move(credential); }
    const std::optional<Credential>& signer() const { return m_signer; }

    // ---- local edits (record + outbox operation, one transaction)
    // Creates a record; returns its id (a new UUIDv7 unless the body has one).
    Result<std::string> create(const std::string& type, Json body, const domain::Actor& actor, Instant now);
    Status transition(const std::string& id, const std::string& action, const Json& params,
                      const domain::Actor& actor, Instant now);
    Status update(const std::string& id, const Json& fields, const domain::Actor& actor, Instant now);
    Status append(const std::string& id, const std::string& list, const Json& item,
                  const domain::Actor& actor, Instant now);

    // ---- returned drafts (returned_drafts.h): a new record the server refused stays here,
    // with no server version and nothing in the outbox. `update` on it changes the local body
    // only (the server has no record to update); transitions and appends wait until it is sent.
    // The refusal that returned record `id`; nullopt when it is not a returned draft.
    Result<std::optional<Rejection>> returnedRefusal(const std::string& id);
    // Queues the draft's current plain fields, over the refused create's body, as a new create
    // of the same id by `actor`; the draft mark goes and its refusal is acknowledged.
    // FailedPrecondition when the record is not a returned draft (e.g. already sent again).
    Status sendAgain(const std::string& id, const domain::Actor& actor, Instant now);
    // Removes the draft for good and acknowledges its refusal. FailedPrecondition when the
    // record is not a returned draft.
    Status discardReturned(const std::string& id);
    // Keeps an attachment's bytes in the database; returns its SHA-256.
    Result<std::string> putBlob(std::string_view bytes, const std::string& mime);
    Result<std::optional<std::string>> blobData(const std::string& sha256);

    // ---- reads
    Result<std::optional<store::StoredRecord>> get(const std::string& id);
    Result<std::vector<store::StoredRecord>> query(const store::RecordQuery& q);
    Result<std::int64_t> count(const store::RecordQuery& q);
    // The community's calendar and policy as last synced (the built-in defaults before that).
    const rules::RuleContext& rulesFor(const std::string& communityId);

    // ---- sync support
    Result<std::vector<Operation>> pendingOperations(int limit, std::size_t maxBytes = 8u << 20);
    // The same in wire form (sequence, operation JSON), for building a push without re-encoding.
    Result<std::vector<std::pair<std::int64_t, std::string>>> pendingOperationTexts(int limit,
                                                                                     std::size_t maxBytes = 8u << 20);
    Result<std::int64_t> pendingCount();
    // Applies a push's results and notes the server's clock, in one transaction (one fsync).
    // Answered operations leave the outbox for the sent journal (sent_journal.h).
    Status applyPushResponse(const PushResponse& response, Instant localNow);

    // ---- after a server restore (docs/sync-protocol.md, "Backup and restore")
    Status setServerDatabase(const std::string& id);
    // The highest operation the server has answered (0: none kept).
    Result<std::int64_t> lastAnsweredSeq();
    // The server (now database `database`) remembers this device's operations only up to
    // `serverLastSeq`: the later ones it answered go back into the outbox, refusals of them not
    // yet seen are dropped (they will be answered again), the pull starts again from the
    // beginning and attachments are checked again. Returns how many operations go again.
    Result<int> resendAfterRestore(std::int64_t serverLastSeq, const std::string& database);
    Status applyPullPage(const PullResponse& page);
    Result<std::vector<Rejection>> rejections(bool includeAcknowledged = false);
    Status acknowledgeRejection(std::int64_t seq);
    Result<std::vector<LocalBlob>> blobsToUpload();
    Status setBlobUploaded(const std::string& sha256, std::int64_t bytes);
    // The server will not take this attachment (no record of ours refers to it): kept, not retried.
    Status setBlobRefused(const std::string& sha256, const std::string& reason);

    // Erases everything this device holds — records, pending edits, refusals, attachments,
    // credentials, the token — and zeroes the freed pages: what a stolen (revoked) device does
    // at its next contact with the server.
    Status wipe();

    // Observes the server's clock (from a response) so local clocks order after it.
    Status observeServerTime(Instant serverTime, Instant localNow);

    store::SqliteRecordStore& records() { return *m_store; }

private:
    Status writeLocal(const Operation& op, const domain::Actor& actor);
    Result<Operation> makeOperation(OpKind kind, const std::string& type, const std::string& id,
                                    const domain::Actor& actor, Instant now);
    ApplyContext contextFor(const Operation& op, const domain::Actor& actor);
    // `refusedCreate`: the record's create the server has just refused, rebuilt into a
    // returned draft when the server has no version of the record.
    struct RefusedCreate;
    Status rebase(const std::string& recordId, const RefusedCreate* refusedCreate = nullptr);
    // Drops the bytes of those attachments no record on this device refers to any more.
    Status forgetAttachments(std::set<std::string> shas);
    Status refuseOnReturned(const std::string& id);
    Status forgetWithdrawnCredential(const Json& staff);
    Result<HlcClock> loadClock();
    void invalidateRules() { m_rules.clear(); }

    std::unique_ptr<store::SqliteRecordStore> m_store;
    struct RulesEntry {
        std::unique_ptr<records::CommunityRules> rules;
        std::unique_ptr<rules::RuleContext> ctx;
    };
    std::map<std::string, RulesEntry> m_rules;
    std::optional<Credential> m_signer;
};

} // namespace courtyard::sync
