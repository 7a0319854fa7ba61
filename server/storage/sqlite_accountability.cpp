#include "server/storage/sqlite_accountability.h"

#include "server/storage/blob_refs.h"
#include "shared/core/json_dump.h"
#include "shared/store/database.h"

#include <algorithm>

namespace courtyard::server::sqlite_accountability {

using store::Database;
using store::Statement;

namespace {

std::string blobText(const Statement& s, int col) {
    const auto bytes = s.blob(col);
    return std::string(bytes.begin(), bytes.end());
}

} // namespace

Result<std::optional<CredentialRow>> credential(Database& db, const std::string& id) {
    auto s = db.prepare("SELECT id, staff_id, device_id, secret, epoch, issued_at, expires_at, revoked_at "
                        "FROM staff_credentials WHERE id = ?");
    if (!s)
        return s.error();
    s->bind(1, id);
    auto row = s->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<CredentialRow>{};
    CredentialRow c;
    c.id = s->text(0);
    c.staffId = s->text(1);
    c.deviceId = s->text(2);
    c.secret = blobText(*s, 3);
    c.epoch = s->int64(4);
    c.issuedAt = fromEpochMs(s->int64(5));
    c.expiresAt = fromEpochMs(s->int64(6));
    if (auto r = s->optInt64(7))
        c.revokedAt = fromEpochMs(*r);
    return std::optional<CredentialRow>{std::move(c)};
}

Result<std::optional<std::string>> pinHash(Database& db, const std::string& staffId) {
    auto s = db.prepare("SELECT pin_hash FROM staff_pins WHERE staff_id = ?");
    if (!s)
        return s.error();
    s->bind(1, staffId);
    auto row = s->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<std::string>{};
    return std::optional<std::string>{s->text(0)};
}

Result<SignInFailures> signInFailures(Database& db, const std::string& subject) {
    auto s = db.prepare("SELECT failures, last_failure_at FROM sign_in_failures WHERE subject = ?");
    if (!s)
        return s.error();
    s->bind(1, subject);
    auto row = s->step();
    if (!row)
        return row.error();
    if (!*row)
        return SignInFailures{};
    return SignInFailures{int(s->int64(0)), fromEpochMs(s->int64(1))};
}

Result<std::vector<std::string>> blobReferrers(Database& db, const std::string& sha256) {
    // Purged records keep their rows here; they must not crowd the live ones out of the limit.
    auto s = db.prepare("SELECT b.record_id FROM blob_refs b JOIN records r ON r.id = b.record_id "
                        "WHERE b.sha256 = ? AND r.deleted = 0 ORDER BY b.record_id LIMIT 1000");
    if (!s)
        return s.error();
    s->bind(1, sha256);
    std::vector<std::string> out;
    while (true) {
        auto row = s->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        out.push_back(s->text(0));
    }
    return out;
}

Result<std::vector<AuditEntry>> audit(Database& db, const AuditQuery& q) {
    std::string sql = "SELECT id, at, device_id, op_seq, kind, record_type, record_id, community_id, actor, "
                      "credential_id, outcome, version, detail, error_code, error_message FROM audit_log WHERE 1=1";
    std::vector<std::string> args;
    auto filter = [&](const std::string& value, const char* clause) {
        if (!value.empty()) {
            sql += clause;
            args.push_back(value);
        }
    };
    filter(q.recordId, " AND record_id = ?");
    filter(q.actor, " AND actor = ?");
    filter(q.deviceId, " AND device_id = ?");
    if (q.rejectedOnly)
        sql += " AND outcome = 'rejected'";
    if (q.from)
        sql += " AND at >= " + std::to_string(toEpochMs(*q.from));
    sql += " ORDER BY id LIMIT " + std::to_string(std::max(1, std::min(q.limit, 100000)));
    auto s = db.prepare(sql);
    if (!s)
        return s.error();
    for (std::size_t i = 0; i < args.size(); ++i)
        s->bind(int(i + 1), args[i]);
    std::vector<AuditEntry> out;
    while (true) {
        auto row = s->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        AuditEntry e;
        e.id = s->int64(0);
        e.at = fromEpochMs(s->int64(1));
        e.deviceId = s->text(2);
        e.opSeq = s->optInt64(3);
        e.kind = s->text(4);
        e.recordType = s->text(5);
        e.recordId = s->text(6);
        e.communityId = s->text(7);
        e.actor = s->text(8);
        e.credentialId = s->text(9);
        e.outcome = s->text(10);
        e.version = s->optInt64(11);
        auto detail = parseJson(s->text(12));
        e.detail = detail ? std::move(*detail) : Json::object();
        e.errorCode = s->text(13);
        e.errorMessage = s->text(14);
        out.push_back(std::move(e));
    }
    return out;
}

Status addCredential(Database& db, const CredentialRow& c) {
    auto s = db.prepare("INSERT INTO staff_credentials (id, staff_id, device_id, secret, epoch, issued_at, expires_at) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?)");
    if (!s)
        return s.error();
    s->bind(1, c.id).bind(2, c.staffId).bind(3, c.deviceId);
    s->bindBlob(4, c.secret.data(), c.secret.size());
    s->bind(5, c.epoch).bind(6, toEpochMs(c.issuedAt)).bind(7, toEpochMs(c.expiresAt));
    return s->exec();
}

namespace {
Status revokeWhere(Database& db, const char* column, const std::string& value, Instant at) {
    auto s = db.prepare(std::string("UPDATE staff_credentials SET revoked_at = ? WHERE ") + column +
                        " = ? AND revoked_at IS NULL");
    if (!s)
        return s.error();
    s->bind(1, toEpochMs(at)).bind(2, value);
    return s->exec();
}
} // namespace

Status revokeStaffCredentials(Database& db, const std::string& staffId, Instant at) {
    return revokeWhere(db, "staff_id", staffId, at);
}

Status revokeDeviceCredentials(Database& db, const std::string& deviceId, Instant at) {
    return revokeWhere(db, "device_id", deviceId, at);
}

Status setPinHash(Database& db, const std::string& staffId, const std::string& hash, Instant at) {
    auto s = db.prepare("INSERT INTO staff_pins (staff_id, pin_hash, updated_at) VALUES (?, ?, ?) "
                        "ON CONFLICT(staff_id) DO UPDATE SET pin_hash = excluded.pin_hash, "
                        "updated_at = excluded.updated_at");
    if (!s)
        return s.error();
    s->bind(1, staffId).bind(2, hash).bind(3, toEpochMs(at));
    return s->exec();
}

Status setSignInFailures(Database& db, const std::string& subject, const SignInFailures& f) {
    if (f.failures <= 0) {
        auto s = db.prepare("DELETE FROM sign_in_failures WHERE subject = ?");
        if (!s)
            return s.error();
        s->bind(1, subject);
        return s->exec();
    }
    auto s = db.prepare("INSERT INTO sign_in_failures (subject, failures, last_failure_at) VALUES (?, ?, ?) "
                        "ON CONFLICT(subject) DO UPDATE SET failures = excluded.failures, "
                        "last_failure_at = excluded.last_failure_at");
    if (!s)
        return s.error();
    s->bind(1, subject).bind(2, f.failures).bind(3, toEpochMs(f.lastFailureAt));
    return s->exec();
}

namespace {

constexpr const char* kAuditInsert = "INSERT INTO audit_log (at, device_id, op_seq, kind, record_type, record_id, "
                                     "community_id, actor, credential_id, outcome, version, detail, error_code, "
                                     "error_message) VALUES ";
constexpr int kAuditColumns = 14;
constexpr std::size_t kAuditRowsPerStatement = 32;

// The texts are bound in place (Statement::bindStatic): `e` outlives the statement `s`.
void bindAudit(store::Statement& s, int first, const AuditEntry& e) {
    s.bind(first, toEpochMs(e.at)).bindStatic(first + 1, e.deviceId).bind(first + 2, e.opSeq);
    s.bindStatic(first + 3, e.kind).bindStatic(first + 4, e.recordType).bindStatic(first + 5, e.recordId);
    s.bindStatic(first + 6, e.communityId).bindStatic(first + 7, e.actor).bindStatic(first + 8, e.credentialId);
    s.bindStatic(first + 9, e.outcome).bind(first + 10, e.version);
    if (!e.detailText.empty())
        s.bindStatic(first + 11, e.detailText);
    else
        s.bind(first + 11, dumpJson(e.detail, InvalidUtf8::Replace));
    s.bindStatic(first + 12, e.errorCode).bindStatic(first + 13, e.errorMessage);
}

} // namespace

Status addAudits(Database& db, std::span<const AuditEntry> entries) {
    for (std::size_t from = 0; from < entries.size(); from += kAuditRowsPerStatement) {
        const std::size_t rows = std::min(kAuditRowsPerStatement, entries.size() - from);
        std::string sql = kAuditInsert;
        for (std::size_t r = 0; r < rows; ++r)
            sql += r ? ", (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" : "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        auto s = db.prepare(sql);
        if (!s)
            return s.error();
        for (std::size_t r = 0; r < rows; ++r)
            bindAudit(*s, int(r) * kAuditColumns + 1, entries[from + r]);
        CY_TRY(s->exec());
    }
    return {};
}

Status addAudit(Database& db, const AuditEntry& e) { return addAudits(db, std::span(&e, 1)); }

Status indexBlobRefs(Database& db, const store::StoredRecord& r) {
    // Attachments are appended, never removed, so references only grow: insert the new ones.
    for (const auto& sha : attachmentShas(r)) {
        auto s = db.prepare("INSERT OR IGNORE INTO blob_refs (sha256, record_id) VALUES (?, ?)");
        if (!s)
            return s.error();
        s->bind(1, sha).bind(2, r.id);
        CY_TRY(s->exec());
    }
    return {};
}

Result<std::optional<EnrolmentCodeRow>> enrolmentCode(Database& db, const std::string& codeHash) {
    auto s = db.prepare("SELECT code_hash, name, role, communities, created_by, created_at, expires_at, used_at, "
                        "device_id FROM enrolment_codes WHERE code_hash = ?");
    if (!s)
        return s.error();
    s->bind(1, codeHash);
    auto row = s->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<EnrolmentCodeRow>{};
    EnrolmentCodeRow c;
    c.codeHash = s->text(0);
    c.name = s->text(1);
    c.roleName = s->text(2);
    if (auto ids = parseJson(s->text(3)); ids && ids->is_array())
        c.communityIds = ids->get<std::vector<std::string>>();
    c.createdBy = s->text(4);
    c.createdAt = fromEpochMs(s->int64(5));
    c.expiresAt = fromEpochMs(s->int64(6));
    if (auto u = s->optInt64(7))
        c.usedAt = fromEpochMs(*u);
    c.deviceId = s->text(8);
    return std::optional<EnrolmentCodeRow>{std::move(c)};
}

Status addEnrolmentCode(Database& db, const EnrolmentCodeRow& c) {
    auto s = db.prepare("INSERT INTO enrolment_codes (code_hash, name, role, communities, created_by, created_at, "
                        "expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    if (!s)
        return s.error();
    s->bind(1, c.codeHash)
        .bind(2, c.name)
        .bind(3, c.roleName)
        .bind(4, Json(c.communityIds).dump())
        .bind(5, c.createdBy)
        .bind(6, toEpochMs(c.createdAt))
        .bind(7, toEpochMs(c.expiresAt));
    return s->exec();
}

Status useEnrolmentCode(Database& db, const std::string& codeHash, const std::string& deviceId, Instant at) {
    auto s = db.prepare("UPDATE enrolment_codes SET used_at = ?, device_id = ? WHERE code_hash = ? AND used_at IS NULL");
    if (!s)
        return s.error();
    s->bind(1, toEpochMs(at)).bind(2, deviceId).bind(3, codeHash);
    CY_TRY(s->exec());
    if (db.changes() == 0)
        return failedPrecondition("this enrolment code was used already");
    return {};
}

} // namespace courtyard::server::sqlite_accountability
