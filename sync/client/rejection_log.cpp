#include "sync/client/rejection_log.h"

#include "shared/store/database.h"

namespace courtyard::sync {

Status RejectionLog::add(std::int64_t seq, const std::string& recordId, const std::string& opText,
                         const Error& error, Instant at) {
    auto ins = m_store.database().prepare(
        "INSERT OR REPLACE INTO rejections (seq, record_id, op, code, message, at, field) VALUES (?, ?, ?, ?, ?, ?, ?)");
    if (!ins)
        return ins.error();
    ins->bind(1, seq)
        .bind(2, recordId)
        .bind(3, opText)
        .bind(4, errorCodeName(error.code))
        .bind(5, error.message)
        .bind(6, toEpochMs(at))
        .bind(7, error.field);
    return ins->exec();
}

namespace {

constexpr const char* kColumns = "SELECT seq, record_id, op, code, message, at, acknowledged, field FROM rejections";

Rejection readRow(store::Statement& s) {
    Rejection r;
    r.seq = s.int64(0);
    r.recordId = s.text(1);
    if (auto j = parseJson(s.text(2)))
        if (auto op = decodeJson<Operation>(*j))
            r.op = *op;
    if (!errorCodeFromString(s.text(3), r.error.code))
        r.error.code = ErrorCode::Internal;
    r.error.message = s.text(4);
    r.at = fromEpochMs(s.int64(5));
    r.acknowledged = s.int64(6) != 0;
    r.error.field = s.text(7);
    return r;
}

} // namespace

Result<std::vector<Rejection>> RejectionLog::list(bool includeAcknowledged) {
    auto s = m_store.database().prepare(std::string(kColumns) + (includeAcknowledged ? "" : " WHERE acknowledged = 0") +
                                        " ORDER BY seq");
    if (!s)
        return s.error();
    std::vector<Rejection> out;
    while (true) {
        auto row = s->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        out.push_back(readRow(*s));
    }
    return out;
}

Result<std::optional<Rejection>> RejectionLog::get(std::int64_t seq) {
    auto s = m_store.database().prepare(std::string(kColumns) + " WHERE seq = ?");
    if (!s)
        return s.error();
    s->bind(1, seq);
    auto row = s->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<Rejection>();
    return std::optional<Rejection>(readRow(*s));
}

Status RejectionLog::acknowledge(std::int64_t seq) {
    auto s = m_store.database().prepare("UPDATE rejections SET acknowledged = 1 WHERE seq = ?");
    if (!s)
        return s.error();
    s->bind(1, seq);
    CY_TRY(s->exec());
    if (m_store.database().changes() == 0)
        return notFound("no rejection " + std::to_string(seq));
    return {};
}

Status RejectionLog::dropUnseenAfter(std::int64_t seq) {
    auto s = m_store.database().prepare("DELETE FROM rejections WHERE seq > ? AND acknowledged = 0");
    if (!s)
        return s.error();
    s->bind(1, seq);
    return s->exec();
}

} // namespace courtyard::sync
