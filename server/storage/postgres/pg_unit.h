#pragma once
// A read or write unit of the PostgreSQL engine over one connection inside one transaction
// (postgres_storage.cpp opens and ends it). Records in pg_records.cpp; devices, operation
// results, blobs and meta in pg_unit.cpp; accountability in pg_unit_accountability.cpp.

#include "server/storage/postgres/pg_connection.h"
#include "server/storage/postgres/pg_report_db.h"
#include "server/storage/server_storage.h"

#include <optional>
#include <unordered_map>

namespace courtyard::server::pg {

class PgUnit final : public WriteUnit {
public:
    PgUnit(Connection& c, bool writable) : m_c(c), m_writable(writable), m_reports(c) {}

    Result<std::optional<store::StoredRecord>> get(const std::string& id) override;
    Status prefetch(const std::vector<std::string>& ids) override;
    Result<std::vector<store::StoredRecord>> query(const store::RecordQuery& q) override;
    Result<std::int64_t> count(const store::RecordQuery& q) override;
    Result<std::int64_t> countChanges(const ChangeFilter& f, std::int64_t afterVersion) override;
    Result<std::vector<store::StoredRecord>> changes(const ChangeFilter& f, std::int64_t afterVersion,
                                                     int limit) override;
    Result<std::int64_t> maxVersion() override;
    Result<std::optional<DeviceRow>> deviceByTokenHash(const std::string& hash) override;
    Result<std::optional<DeviceRow>> device(const std::string& id) override;
    Result<std::vector<DeviceRow>> devices() override;
    Result<std::optional<OpBatch>> opBatch(const std::string& deviceId, std::int64_t seq) override;
    Result<std::optional<BlobRow>> blob(const std::string& sha256) override;
    Result<std::vector<OverdueClock>> overdueClocks(const store::RecordQuery& q) override;
    reports::ReportDb& reportDb() override { return m_reports; }
    void* nativeHandle() override { return nullptr; }

    Result<std::optional<CredentialRow>> credential(const std::string& id) override;
    Result<std::optional<std::string>> pinHash(const std::string& staffId) override;
    Result<SignInFailures> signInFailures(const std::string& subject) override;
    Result<std::vector<std::string>> blobReferrers(const std::string& sha256) override;
    Result<std::vector<AuditEntry>> audit(const AuditQuery& q) override;
    Result<std::optional<EnrolmentCodeRow>> enrolmentCode(const std::string& codeHash) override;

    // The record and its report facts (pg_facts.h), computed here or given by the caller.
    Result<std::int64_t> put(store::StoredRecord record) override;
    Result<std::int64_t> putWithFacts(store::StoredRecord& record, const reports::RecordFacts& facts) override;
    Status putOpBatch(const std::string& deviceId, std::int64_t firstSeq, std::int64_t lastSeq,
                      const std::string& results) override;
    Status setDeviceProgress(const std::string& deviceId, std::int64_t lastSeq, Instant seenAt) override;
    Status addDevice(const DeviceRow& d, const std::string& tokenHash) override;
    Status revokeDevice(const std::string& id, Instant at) override;
    Status putBlob(const BlobRow& b, Instant now) override;
    Status setMeta(const std::string& key, const std::string& value) override;
    Result<std::optional<std::string>> getMeta(const std::string& key) override;

    Status addCredential(const CredentialRow& c) override;
    Status revokeStaffCredentials(const std::string& staffId, Instant at) override;
    Status revokeDeviceCredentials(const std::string& deviceId, Instant at) override;
    Status setPinHash(const std::string& staffId, const std::string& hash, Instant at) override;
    Status setSignInFailures(const std::string& subject, const SignInFailures& f) override;
    Status addAudit(const AuditEntry& e) override;
    Status addAudits(std::span<const AuditEntry> entries) override;
    Status addEnrolmentCode(const EnrolmentCodeRow& c) override;
    Status useEnrolmentCode(const std::string& codeHash, const std::string& deviceId, Instant at) override;

    Connection& connection() { return m_c; }
    // Before COMMIT: the last version this unit handed out goes to the counter row.
    Status finish();
    // How many change versions this unit handed out (records it stored).
    std::int64_t changes() const { return m_version ? *m_version - m_counterRead : 0; }
    // Set when a failed statement left the unit half done (and PostgreSQL's transaction
    // aborted): its work must not be committed.
    const std::optional<Error>& broken() const { return m_broken; }

private:
    Status requireWritable() const;
    Result<std::optional<DeviceRow>> deviceWhere(const char* where, const std::string& arg);

    Result<std::int64_t> storeRecord(store::StoredRecord& record, const reports::RecordFacts* facts);

    Connection& m_c;
    bool m_writable;
    PgReportDb m_reports;
    // Versions are handed out from memory: the counter row is read at the unit's first record
    // and written once by finish(). Updating it for every record left a chain of row versions
    // that each later update of the same transaction walked.
    std::optional<std::int64_t> m_version;
    std::int64_t m_counterRead = 0;
    std::optional<Error> m_broken;
    // Records read ahead by prefetch(), by id (nullopt: none with that id). get() hands each out
    // once; storing a record drops it, so a later read goes to the database.
    std::unordered_map<std::string, std::optional<store::StoredRecord>> m_prefetched;
};

} // namespace courtyard::server::pg
