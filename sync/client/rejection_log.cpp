#include "sync/client/rejection_log.h"

#include "shared/store/database.h"

namespace courtyard::sync {

Status RejectionLog::add(std::int64_t seq, const std::string& recordId, const std::string& opText,
                         const Error& error, Instant at) {
    auto ins = m_store.database().prepare(
        "INSERT OR REPLACE INTO rejections (seq, record_id, op, code, message, at) VALUES (?, ?, ?, ?, ?, ?)");
    if (!ins)
        return ins.error();
    ins->bind(1, seq)
        .bind(2, recordId)
        .bind(3, opText)
        .bind(4, errorCodeName(error.code))
        .bind(5, error.message)
        .bind(6, toEpochMs(at));
    return ins->exec();
}

Result<std::vector<Rejection>> RejectionLog::list(bool includeAcknowledged) {
    auto s = m_store.database().prepare(
        std::string("SELECT seq, record_id, op, code, message, at, acknowledged FROM rejections") +
        (includeAcknowledged ? "" : " WHERE acknowledged = 0") + " ORDER BY seq");
    if (!s)
        return s.error();
    std::vector<Rejection> out;
    while (true) {
        auto row = s->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        Rejection r;
        r.seq = s->int64(0);
        r.recordId = s->text(1);
        if (auto j = parseJson(s->text(2)))
            if (auto op = decodeJson<Operation>(*j))
                r.op = *op;
        if (!errorCodeFromString(s->text(3), r.error.code))
            r.error.code = ErrorCode::Internal;
        r.error.message = s->text(4);
        r.at = fromEpochMs(s->int64(5));
        r.acknowledged = s->int64(6) != 0;
        out.push_back(std::move(r));
    }
    return out;
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
