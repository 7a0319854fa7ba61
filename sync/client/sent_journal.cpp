#include "sync/client/sent_journal.h"

#include "shared/store/database.h"

namespace courtyard::sync {

Status SentJournal::keep(std::int64_t seq, Instant answeredAt) {
    auto s = m_store.database().prepare(
        "INSERT OR REPLACE INTO sent_ops (seq, record_id, op, actor, created_at, answered_at) "
        "SELECT seq, record_id, op, actor, created_at, ? FROM outbox WHERE seq = ?");
    if (!s)
        return s.error();
    s->bind(1, toEpochMs(answeredAt)).bind(2, seq);
    return s->exec();
}

Status SentJournal::prune(Instant now) {
    auto s = m_store.database().prepare("DELETE FROM sent_ops WHERE answered_at < ?");
    if (!s)
        return s.error();
    s->bind(1, toEpochMs(now - std::chrono::hours(24) * kKeepDays));
    return s->exec();
}

Result<std::int64_t> SentJournal::lastAnswered() {
    auto s = m_store.database().prepare("SELECT coalesce(max(seq), 0) FROM sent_ops");
    if (!s)
        return s.error();
    CY_TRY(s->step());
    return s->int64(0);
}

Result<int> SentJournal::requeueAfter(std::int64_t seq) {
    auto& db = m_store.database();
    auto move = db.prepare("INSERT OR IGNORE INTO outbox (seq, record_id, op, actor, created_at) "
                           "SELECT seq, record_id, op, actor, created_at FROM sent_ops WHERE seq > ?");
    if (!move)
        return move.error();
    move->bind(1, seq);
    CY_TRY(move->exec());
    const int moved = db.changes();
    auto drop = db.prepare("DELETE FROM sent_ops WHERE seq > ?");
    if (!drop)
        return drop.error();
    drop->bind(1, seq);
    CY_TRY(drop->exec());
    return moved;
}

} // namespace courtyard::sync
