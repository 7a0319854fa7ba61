// PgUnit's accountability part: credentials, PIN hashes, failed PIN attempts, the audit log
// and attachment references (the SQLite side is sqlite_accountability.cpp).

#include "server/storage/postgres/pg_unit.h"
#include "shared/core/json_dump.h"

#include <algorithm>
#include <utility>

namespace courtyard::server::pg {

Result<std::optional<CredentialRow>> PgUnit::credential(const std::string& id) {
    auto rows = m_c.exec("SELECT id, staff_id, device_id, secret, epoch, issued_at, expires_at, revoked_at "
                         "FROM staff_credentials WHERE id = $1",
                         {id});
    if (!rows)
        return rows.error();
    if (rows->size() == 0)
        return std::optional<CredentialRow>{};
    CredentialRow c;
    c.id = rows->text(0, 0);
    c.staffId = rows->text(0, 1);
    c.deviceId = rows->text(0, 2);
    c.secret = rows->bytes(0, 3);
    c.epoch = rows->int64(0, 4);
    c.issuedAt = fromEpochMs(rows->int64(0, 5));
    c.expiresAt = fromEpochMs(rows->int64(0, 6));
    if (auto r = rows->optInt64(0, 7))
        c.revokedAt = fromEpochMs(*r);
    return std::optional<CredentialRow>{std::move(c)};
}

Result<std::optional<std::string>> PgUnit::pinHash(const std::string& staffId) {
    auto rows = m_c.exec("SELECT pin_hash FROM staff_pins WHERE staff_id = $1", {staffId});
    if (!rows)
        return rows.error();
    if (rows->size() == 0)
        return std::optional<std::string>{};
    return std::optional<std::string>{rows->text(0, 0)};
}

Result<SignInFailures> PgUnit::signInFailures(const std::string& subject) {
    auto rows = m_c.exec("SELECT failures, last_failure_at FROM sign_in_failures WHERE subject = $1", {subject});
    if (!rows)
        return rows.error();
    if (rows->size() == 0)
        return SignInFailures{};
    return SignInFailures{int(rows->int64(0, 0)), fromEpochMs(rows->int64(0, 1))};
}

Result<std::vector<std::string>> PgUnit::blobReferrers(const std::string& sha256) {
    // Purged records keep their rows here; they must not crowd the live ones out of the limit.
    auto rows = m_c.exec("SELECT b.record_id FROM blob_refs b JOIN records r ON r.id = b.record_id "
                         "WHERE b.sha256 = $1 AND NOT r.deleted ORDER BY b.record_id LIMIT 1000",
                         {sha256});
    if (!rows)
        return rows.error();
    std::vector<std::string> out;
    for (int i = 0; i < rows->size(); ++i)
        out.push_back(rows->text(i, 0));
    return out;
}

Result<std::vector<AuditEntry>> PgUnit::audit(const AuditQuery& q) {
    std::string sql = "SELECT id, at, device_id, op_seq, kind, record_type, record_id, community_id, actor, "
                      "credential_id, outcome, version, detail, error_code, error_message FROM audit_log WHERE true";
    std::vector<Param> args;
    auto filter = [&](const std::string& value, const char* column) {
        if (!value.empty()) {
            args.emplace_back(value);
            sql += std::string(" AND ") + column + " = $" + std::to_string(args.size());
        }
    };
    filter(q.recordId, "record_id");
    filter(q.actor, "actor");
    filter(q.deviceId, "device_id");
    if (q.rejectedOnly)
        sql += " AND outcome = 'rejected'";
    if (q.from) {
        args.emplace_back(toEpochMs(*q.from));
        sql += " AND at >= $" + std::to_string(args.size());
    }
    sql += " ORDER BY id LIMIT " + std::to_string(std::max(1, std::min(q.limit, 100000)));
    auto rows = m_c.exec(sql, args);
    if (!rows)
        return rows.error();
    std::vector<AuditEntry> out;
    for (int i = 0; i < rows->size(); ++i) {
        AuditEntry e;
        e.id = rows->int64(i, 0);
        e.at = fromEpochMs(rows->int64(i, 1));
        e.deviceId = rows->text(i, 2);
        e.opSeq = rows->optInt64(i, 3);
        e.kind = rows->text(i, 4);
        e.recordType = rows->text(i, 5);
        e.recordId = rows->text(i, 6);
        e.communityId = rows->text(i, 7);
        e.actor = rows->text(i, 8);
        e.credentialId = rows->text(i, 9);
        e.outcome = rows->text(i, 10);
        e.version = rows->optInt64(i, 11);
        auto detail = parseJson(rows->text(i, 12));
        e.detail = detail ? std::move(*detail) : Json::object();
        e.errorCode = rows->text(i, 13);
        e.errorMessage = rows->text(i, 14);
        out.push_back(std::move(e));
    }
    return out;
}

Status PgUnit::addCredential(const CredentialRow& c) {
    CY_TRY(requireWritable());
    return done(m_c.exec("INSERT INTO staff_credentials (id, staff_id, device_id, secret, epoch, issued_at, "
                         "expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                         {c.id, c.staffId, c.deviceId, Param::bytes(c.secret), c.epoch, toEpochMs(c.issuedAt),
                          toEpochMs(c.expiresAt)}));
}

Status PgUnit::revokeStaffCredentials(const std::string& staffId, Instant at) {
    CY_TRY(requireWritable());
    return done(m_c.exec("UPDATE staff_credentials SET revoked_at = $1 WHERE staff_id = $2 AND revoked_at IS NULL",
                         {toEpochMs(at), staffId}));
}

Status PgUnit::revokeDeviceCredentials(const std::string& deviceId, Instant at) {
    CY_TRY(requireWritable());
    return done(m_c.exec("UPDATE staff_credentials SET revoked_at = $1 WHERE device_id = $2 AND revoked_at IS NULL",
                         {toEpochMs(at), deviceId}));
}

Status PgUnit::setPinHash(const std::string& staffId, const std::string& hash, Instant at) {
    CY_TRY(requireWritable());
    return done(m_c.exec("INSERT INTO staff_pins (staff_id, pin_hash, updated_at) VALUES ($1, $2, $3) "
                         "ON CONFLICT (staff_id) DO UPDATE SET pin_hash = excluded.pin_hash, "
                         "updated_at = excluded.updated_at",
                         {staffId, hash, toEpochMs(at)}));
}

Status PgUnit::setSignInFailures(const std::string& subject, const SignInFailures& f) {
    CY_TRY(requireWritable());
    if (f.failures <= 0)
        return done(m_c.exec("DELETE FROM sign_in_failures WHERE subject = $1", {subject}));
    return done(m_c.exec("INSERT INTO sign_in_failures (subject, failures, last_failure_at) VALUES ($1, $2, $3) "
                         "ON CONFLICT (subject) DO UPDATE SET failures = excluded.failures, "
                         "last_failure_at = excluded.last_failure_at",
                         {subject, f.failures, toEpochMs(f.lastFailureAt)}));
}

namespace {

constexpr int kAuditColumns = 14;

void auditParams(const AuditEntry& e, std::vector<Param>& out) {
    out.insert(out.end(), {toEpochMs(e.at), e.deviceId, e.opSeq, e.kind, e.recordType, e.recordId, e.communityId,
                           e.actor, e.credentialId, e.outcome, e.version,
                           !e.detailText.empty() ? e.detailText
                                                 : dumpJson(e.detail, InvalidUtf8::Replace),
                           e.errorCode, e.errorMessage});
}

// INSERT INTO audit_log … VALUES (…), (…) for `rows` rows.
std::string auditInsert(int rows) {
    std::string sql = "INSERT INTO audit_log (at, device_id, op_seq, kind, record_type, record_id, community_id, "
                      "actor, credential_id, outcome, version, detail, error_code, error_message) VALUES ";
    for (int r = 0; r < rows; ++r) {
        sql += r ? ",(" : "(";
        for (int c = 0; c < kAuditColumns; ++c)
            sql += (c ? ",$" : "$") + std::to_string(r * kAuditColumns + c + 1);
        sql += ")";
    }
    return sql;
}

} // namespace

Status PgUnit::addAudit(const AuditEntry& e) { return addAudits(std::span(&e, 1)); }

// A push's audit lines in a few multi-row statements, queued with its record writes (sent in
// the same round trips; a failure fails the unit before it commits). Only four statement
// shapes (64, 16, 4 and 1 rows), so the connection's prepared statements stay few.
Status PgUnit::addAudits(std::span<const AuditEntry> entries) {
    CY_TRY(requireWritable());
    static const std::pair<int, std::string> shapes[] = {
        {64, auditInsert(64)}, {16, auditInsert(16)}, {4, auditInsert(4)}, {1, auditInsert(1)}};
    std::size_t from = 0;
    for (const auto& [rows, sql] : shapes)
        while (entries.size() - from >= std::size_t(rows)) {
            std::vector<Param> params;
            params.reserve(std::size_t(rows * kAuditColumns));
            for (int r = 0; r < rows; ++r)
                auditParams(entries[from + std::size_t(r)], params);
            CY_TRY(m_c.write(sql, std::move(params), Send::Queued));
            from += std::size_t(rows);
        }
    return {};
}

Result<std::optional<EnrolmentCodeRow>> PgUnit::enrolmentCode(const std::string& codeHash) {
    auto rows = m_c.exec("SELECT code_hash, name, role, communities, created_by, created_at, expires_at, used_at, "
                         "device_id FROM enrolment_codes WHERE code_hash = $1",
                         {codeHash});
    if (!rows)
        return rows.error();
    if (rows->size() == 0)
        return std::optional<EnrolmentCodeRow>{};
    EnrolmentCodeRow c;
    c.codeHash = rows->text(0, 0);
    c.name = rows->text(0, 1);
    c.roleName = rows->text(0, 2);
    if (auto ids = parseJson(rows->text(0, 3)); ids && ids->is_array())
        c.communityIds = ids->get<std::vector<std::string>>();
    c.createdBy = rows->text(0, 4);
    c.createdAt = fromEpochMs(rows->int64(0, 5));
    c.expiresAt = fromEpochMs(rows->int64(0, 6));
    if (auto u = rows->optInt64(0, 7))
        c.usedAt = fromEpochMs(*u);
    c.deviceId = rows->text(0, 8);
    return std::optional<EnrolmentCodeRow>{std::move(c)};
}

Status PgUnit::addEnrolmentCode(const EnrolmentCodeRow& c) {
    CY_TRY(requireWritable());
    return done(m_c.exec("INSERT INTO enrolment_codes (code_hash, name, role, communities, created_by, created_at, "
                         "expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                         {c.codeHash, c.name, c.roleName, Json(c.communityIds).dump(), c.createdBy,
                          toEpochMs(c.createdAt), toEpochMs(c.expiresAt)}));
}

Status PgUnit::useEnrolmentCode(const std::string& codeHash, const std::string& deviceId, Instant at) {
    CY_TRY(requireWritable());
    auto rows = m_c.exec("UPDATE enrolment_codes SET used_at = $1, device_id = $2 WHERE code_hash = $3 AND "
                         "used_at IS NULL",
                         {toEpochMs(at), deviceId, codeHash});
    if (!rows)
        return rows.error();
    if (rows->affected() == 0)
        return failedPrecondition("this enrolment code was used already");
    return {};
}

} // namespace courtyard::server::pg
