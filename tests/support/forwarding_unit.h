#pragma once
// A WriteUnit that passes every call on to another, for tests that step into one call (a
// storage that fails or dies at the n-th write) and leave the rest to the real engine.

#include "server/storage/server_storage.h"

namespace courtyard::test {

class ForwardingUnit : public server::WriteUnit {
public:
    explicit ForwardingUnit(server::WriteUnit& inner) : m_in(inner) {}

    Result<std::optional<store::StoredRecord>> get(const std::string& id) override { return m_in.get(id); }
    Result<std::vector<store::StoredRecord>> query(const store::RecordQuery& q) override { return m_in.query(q); }
    Result<std::int64_t> count(const store::RecordQuery& q) override { return m_in.count(q); }
    Result<std::vector<store::StoredRecord>> changes(const server::ChangeFilter& f, std::int64_t after,
                                                     int limit) override {
        return m_in.changes(f, after, limit);
    }
    Result<std::int64_t> countChanges(const server::ChangeFilter& f, std::int64_t after) override {
        return m_in.countChanges(f, after);
    }
    Result<std::int64_t> maxVersion() override { return m_in.maxVersion(); }
    Result<std::optional<server::DeviceRow>> deviceByTokenHash(const std::string& h) override {
        return m_in.deviceByTokenHash(h);
    }
    Result<std::optional<server::DeviceRow>> device(const std::string& id) override { return m_in.device(id); }
    Result<std::vector<server::DeviceRow>> devices() override { return m_in.devices(); }
    Result<std::optional<OpBatch>> opBatch(const std::string& d, std::int64_t seq) override {
        return m_in.opBatch(d, seq);
    }
    Result<std::optional<server::BlobRow>> blob(const std::string& sha) override { return m_in.blob(sha); }
    Result<std::vector<server::OverdueClock>> overdueClocks(const store::RecordQuery& q) override {
        return m_in.overdueClocks(q);
    }
    server::reports::ReportDb& reportDb() override { return m_in.reportDb(); }
    void* nativeHandle() override { return m_in.nativeHandle(); }
    Result<std::optional<server::CredentialRow>> credential(const std::string& id) override {
        return m_in.credential(id);
    }
    Result<std::optional<std::string>> pinHash(const std::string& s) override { return m_in.pinHash(s); }
    Result<server::SignInFailures> signInFailures(const std::string& s) override { return m_in.signInFailures(s); }
    Result<std::vector<std::string>> blobReferrers(const std::string& sha) override {
        return m_in.blobReferrers(sha);
    }
    Result<std::vector<server::AuditEntry>> audit(const server::AuditQuery& q) override { return m_in.audit(q); }
    Result<std::optional<server::EnrolmentCodeRow>> enrolmentCode(const std::string& codeHash) override {
        return m_in.enrolmentCode(codeHash);
    }

    Result<std::int64_t> put(store::StoredRecord r) override { return m_in.put(std::move(r)); }
    Result<std::int64_t> putWithFacts(store::StoredRecord& r, const server::reports::RecordFacts& f) override {
        return m_in.putWithFacts(r, f);
    }
    Status putOpBatch(const std::string& d, std::int64_t first, std::int64_t last, const std::string& r) override {
        return m_in.putOpBatch(d, first, last, r);
    }
    Status setDeviceProgress(const std::string& d, std::int64_t seq, Instant at) override {
        return m_in.setDeviceProgress(d, seq, at);
    }
    Status addDevice(const server::DeviceRow& d, const std::string& h) override { return m_in.addDevice(d, h); }
    Status revokeDevice(const std::string& id, Instant at) override { return m_in.revokeDevice(id, at); }
    Status putBlob(const server::BlobRow& b, Instant now) override { return m_in.putBlob(b, now); }
    Status setMeta(const std::string& k, const std::string& v) override { return m_in.setMeta(k, v); }
    Result<std::optional<std::string>> getMeta(const std::string& k) override { return m_in.getMeta(k); }
    Status addCredential(const server::CredentialRow& c) override { return m_in.addCredential(c); }
    Status revokeStaffCredentials(const std::string& s, Instant at) override {
        return m_in.revokeStaffCredentials(s, at);
    }
    Status revokeDeviceCredentials(const std::string& d, Instant at) override {
        return m_in.revokeDeviceCredentials(d, at);
    }
    Status setPinHash(const std::string& s, const std::string& h, Instant at) override {
        return m_in.setPinHash(s, h, at);
    }
    Status setSignInFailures(const std::string& s, const server::SignInFailures& f) override {
        return m_in.setSignInFailures(s, f);
    }
    Status addAudit(const server::AuditEntry& e) override { return m_in.addAudit(e); }
    Status addAudits(std::span<const server::AuditEntry> e) override { return m_in.addAudits(e); }
    Status addEnrolmentCode(const server::EnrolmentCodeRow& c) override { return m_in.addEnrolmentCode(c); }
    Status useEnrolmentCode(const std::string& codeHash, const std::string& deviceId, Instant at) override {
        return m_in.useEnrolmentCode(codeHash, deviceId, at);
    }

private:
    server::WriteUnit& m_in;
};

} // namespace courtyard::test
