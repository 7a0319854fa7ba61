#pragma once
// The server's storage, behind an interface so the services do not know the engine: work is
// done in read or write units (transactions). The SQLite implementation (sqlite_storage.h) is
// the embedded default; postgres_storage.h lets several servers share one PostgreSQL database.

#include "server/reports/facts.h"
#include "shared/domain/common.h"
#include "shared/store/record_store.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace courtyard::server {

namespace reports {
class ReportDb;
}

struct DeviceRow {
    std::string id;
    std::string name;
    std::string roleName; // staff, supervisor, manager, developer_cs, kiosk
    domain::Role role = domain::Role::Staff; // kiosk → Resident
    std::vector<std::string> communityIds;
    Instant createdAt{};
    std::optional<Instant> revokedAt;
    std::int64_t lastSeq = 0;
    std::optional<Instant> lastSeenAt;
};

struct BlobRow {
    std::string sha256;
    std::int64_t size = 0;
    std::int64_t received = 0;
    bool complete = false;
    std::string mime;
};

// A staff member's credential on one device (sync/protocol/proof.h).
struct CredentialRow {
    std::string id;
    std::string staffId;
    std::string deviceId;
    std::string secret; // 32 raw bytes
    std::int64_t epoch = 0;
    Instant issuedAt{};
    Instant expiresAt{};
    std::optional<Instant> revokedAt;
};

// Wrong PINs in a row, for a subject ("staff:<id>" or "device:<id>").
struct SignInFailures {
    int failures = 0;
    Instant lastFailureAt{};
};

// One line of the server's audit log: an operation (applied, noop or rejected), a sign-in, a
// PIN change, an upload.
struct AuditEntry {
    std::int64_t id = 0; // assigned when stored
    Instant at{};
    std::string deviceId;
    std::optional<std::int64_t> opSeq;
    std::string kind; // create, update, transition, append, sign_in, pin_change, pin_set, ...
    std::string recordType;
    std::string recordId;
    std::string communityId;
    std::string actor; // staff id; "" for a resident or when nobody was proven
    std::string credentialId;
    std::string outcome; // applied, noop, rejected
    std::optional<std::int64_t> version;
    Json detail = Json::object();
    // `detail` already encoded by the caller (the push path has just encoded the same history
    // entry for the record), or "". When set, an engine stores it and ignores `detail`, which
    // the caller may then leave empty.
    std::string detailText;
    std::string errorCode;
    std::string errorMessage;
};

// A one-time enrolment code (server/service/enrolment_codes.h): only its hash is kept.
struct EnrolmentCodeRow {
    std::string codeHash;
    std::string name;     // of the device it enrols
    std::string roleName; // as DeviceRow::roleName
    std::vector<std::string> communityIds;
    std::string createdBy; // the administrator's staff id
    Instant createdAt{};
    Instant expiresAt{};
    std::optional<Instant> usedAt;
    std::string deviceId; // the device it enrolled, once used
};

struct AuditQuery {
    std::string recordId;
    std::string actor;
    std::string deviceId;
    bool rejectedOnly = false;
    std::optional<Instant> from;
    int limit = 200;
};

// What a pull may see (see service/scope.h for how it is derived from a device).
struct ChangeFilter {
    std::vector<std::string> communityIds; // records of these communities …
    bool companyWide = true;               // … and records of no community
    std::vector<std::string> types;        // of these types
    std::string originDevice;              // plus these types from this device (kiosk receipts)
    std::vector<std::string> originTypes;
};

// An overdue record as the escalation pass first looks at it: the active deadline it is indexed
// under and its escalation flag's text, its body not decoded.
struct OverdueClock {
    std::string id, type, communityId;
    Instant dueAt{};
    std::string dueRule;
    std::string escalation; // the body's "escalation" member as JSON text; "" when it has none
};

class ReadUnit {
public:
    virtual ~ReadUnit() = default;
    virtual Result<std::optional<store::StoredRecord>> get(const std::string& id) = 0;
    virtual Result<std::vector<store::StoredRecord>> query(const store::RecordQuery& q) = 0;
    virtual Result<std::int64_t> count(const store::RecordQuery& q) = 0;
    // Changes after `afterVersion` in version order, at most `limit`. The records carry their
    // stored text (rawBody); `body` may be left unparsed (null).
    virtual Result<std::vector<store::StoredRecord>> changes(const ChangeFilter& f, std::int64_t afterVersion,
                                                             int limit) = 0;
    // How many changes `changes` would return after `afterVersion` with no limit.
    virtual Result<std::int64_t> countChanges(const ChangeFilter& f, std::int64_t afterVersion) = 0;
    virtual Result<std::int64_t> maxVersion() = 0;
    virtual Result<std::optional<DeviceRow>> deviceByTokenHash(const std::string& hash) = 0;
    virtual Result<std::optional<DeviceRow>> device(const std::string& id) = 0;
    virtual Result<std::vector<DeviceRow>> devices() = 0;
    // The stored results of the push that covered operation `seq` of a device, with its first
    // sequence number (a JSON array, one entry per operation from first_seq on).
    struct OpBatch {
        std::int64_t firstSeq = 0;
        std::string results;
    };
    virtual Result<std::optional<OpBatch>> opBatch(const std::string& deviceId, std::int64_t seq) = 0;
    virtual Result<std::optional<BlobRow>> blob(const std::string& sha256) = 0;
    // The records `q` selects (the escalation pass's: those whose active deadline has passed), as
    // the pass looks at them first.
    virtual Result<std::vector<OverdueClock>> overdueClocks(const store::RecordQuery& q) = 0;
    // The report SQL's database, in this unit's transaction (server/reports/report_sql.h).
    virtual reports::ReportDb& reportDb() = 0;
    // The engine's own handle for tools that speak its SQL (the push benchmark's raw inserts):
    // the SQLite record store, or nullptr.
    virtual void* nativeHandle() = 0;

    // ---- accountability (docs/sync-protocol.md, "Who acted")
    virtual Result<std::optional<CredentialRow>> credential(const std::string& id) = 0;
    virtual Result<std::optional<std::string>> pinHash(const std::string& staffId) = 0;
    virtual Result<SignInFailures> signInFailures(const std::string& subject) = 0;
    // The records that refer (or referred) to an attachment and are not deleted: the first 1,000
    // by id.
    virtual Result<std::vector<std::string>> blobReferrers(const std::string& sha256) = 0;
    virtual Result<std::vector<AuditEntry>> audit(const AuditQuery& q) = 0;
    virtual Result<std::optional<EnrolmentCodeRow>> enrolmentCode(const std::string& codeHash) = 0;
    // A meta row's value (the change counter, the database's identity, the passes' claims …).
    virtual Result<std::optional<std::string>> getMeta(const std::string& key) = 0;
};

class WriteUnit : public ReadUnit {
public:
    // Stores the record under the next change version; returns that version.
    virtual Result<std::int64_t> put(store::StoredRecord record) = 0;
    // The same, with the record's report facts computed already by the caller (outside the
    // write transaction, reports::factsOfTyped); they must be those of `record`. The caller
    // keeps the record (its version set), so that its body is freed after the transaction;
    // an engine without report facts stores the record alone and may move from it.
    virtual Result<std::int64_t> putWithFacts(store::StoredRecord& record, const reports::RecordFacts& facts) {
        (void)facts;
        return put(std::move(record));
    }
    virtual Status putOpBatch(const std::string& deviceId, std::int64_t firstSeq, std::int64_t lastSeq,
                              const std::string& results) = 0;
    virtual Status setDeviceProgress(const std::string& deviceId, std::int64_t lastSeq, Instant seenAt) = 0;
    virtual Status addDevice(const DeviceRow& d, const std::string& tokenHash) = 0;
    virtual Status revokeDevice(const std::string& id, Instant at) = 0;
    virtual Status putBlob(const BlobRow& b, Instant now) = 0;
    virtual Status setMeta(const std::string& key, const std::string& value) = 0;

    virtual Status addCredential(const CredentialRow& c) = 0;
    // Withdraws every credential of a person (all devices), or of a device (all people).
    virtual Status revokeStaffCredentials(const std::string& staffId, Instant at) = 0;
    virtual Status revokeDeviceCredentials(const std::string& deviceId, Instant at) = 0;
    virtual Status setPinHash(const std::string& staffId, const std::string& hash, Instant at) = 0;
    // failures == 0 clears the subject.
    virtual Status setSignInFailures(const std::string& subject, const SignInFailures& f) = 0;
    virtual Status addAudit(const AuditEntry& e) = 0;
    virtual Status addEnrolmentCode(const EnrolmentCodeRow& c) = 0;
    // Marks the code used by `deviceId` if nobody used it yet; failed_precondition otherwise.
    virtual Status useEnrolmentCode(const std::string& codeHash, const std::string& deviceId, Instant at) = 0;
    // The records `ids` are about to be read (a push's, one by one): an engine for which every
    // read is a round trip to the database may read them all now, in one statement. Reads
    // still see this unit's own writes: a record the unit stores is read afresh.
    virtual Status prefetch(const std::vector<std::string>& ids) {
        (void)ids;
        return {};
    }
    // Audit lines of a push, in order: an engine may write them with few statements.
    virtual Status addAudits(std::span<const AuditEntry> entries) {
        for (const auto& e : entries)
            CY_TRY(addAudit(e));
        return {};
    }
};

// Which database this is: an id made when it was created and made anew by every restore
// (server/storage/backup.h), so a device can tell that the server forgot what it once had.
struct DatabaseIdentity {
    std::string id;
    bool restored = false; // ever restored from a backup
};

class ServerStorage {
public:
    virtual ~ServerStorage() = default;
    virtual const DatabaseIdentity& identity() const = 0;
    // Runs `work` in a write transaction, exactly once: it is never re-run, so it may move from
    // what it was given (a push moves its prepared records). Several concurrent calls may share
    // one commit (group commit); each still succeeds or fails on its own. Returns only after
    // the commit.
    virtual Status write(const std::function<Status(WriteUnit&)>& work) = 0;
    // Runs `work` on a consistent snapshot.
    virtual Status read(const std::function<Status(ReadUnit&)>& work) = 0;
};

} // namespace courtyard::server
