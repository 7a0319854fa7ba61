#pragma once
// The SQLite side of accountability (schema version 3): staff credentials, PIN hashes, failed
// PIN attempts, the audit log and the attachment references. Free functions over one
// connection, used by the SQLite storage's units (sqlite_storage.cpp).

#include "server/storage/server_storage.h"
#include "shared/store/record_store.h"

namespace courtyard::store {
class Database;
}

namespace courtyard::server::sqlite_accountability {

Result<std::optional<CredentialRow>> credential(store::Database& db, const std::string& id);
Result<std::optional<std::string>> pinHash(store::Database& db, const std::string& staffId);
Result<SignInFailures> signInFailures(store::Database& db, const std::string& subject);
Result<std::vector<std::string>> blobReferrers(store::Database& db, const std::string& sha256);
Result<std::vector<AuditEntry>> audit(store::Database& db, const AuditQuery& q);
Result<std::optional<EnrolmentCodeRow>> enrolmentCode(store::Database& db, const std::string& codeHash);
Status addEnrolmentCode(store::Database& db, const EnrolmentCodeRow& c);
Status useEnrolmentCode(store::Database& db, const std::string& codeHash, const std::string& deviceId, Instant at);

Status addCredential(store::Database& db, const CredentialRow& c);
Status revokeStaffCredentials(store::Database& db, const std::string& staffId, Instant at);
Status revokeDeviceCredentials(store::Database& db, const std::string& deviceId, Instant at);
Status setPinHash(store::Database& db, const std::string& staffId, const std::string& hash, Instant at);
Status setSignInFailures(store::Database& db, const std::string& subject, const SignInFailures& f);
Status addAudit(store::Database& db, const AuditEntry& e);
// Several lines in order, up to 32 to a statement (multi-row INSERT, one statement per size).
Status addAudits(store::Database& db, std::span<const AuditEntry> entries);

// Keeps blob_refs in step with a record's body (the attachments it refers to, wherever they sit
// in the record: lists of attachments, a signature in an acceptance, photos on items).
Status indexBlobRefs(store::Database& db, const store::StoredRecord& record);

} // namespace courtyard::server::sqlite_accountability
