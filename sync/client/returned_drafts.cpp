#include "sync/client/returned_drafts.h"

#include "shared/store/database.h"

namespace courtyard::sync {

Status ReturnedDrafts::mark(const std::string& recordId, std::int64_t seq) {
    auto s = m_store.database().prepare(
        "INSERT OR REPLACE INTO returned_drafts (record_id, seq) VALUES (?, ?)");
    if (!s)
        return s.error();
    s->bind(1, recordId).bind(2, seq);
    return s->exec();
}

Status ReturnedDrafts::clear(const std::string& recordId) {
    auto s = m_store.database().prepare("DELETE FROM returned_drafts WHERE record_id = ?");
    if (!s)
        return s.error();
    s->bind(1, recordId);
    return s->exec();
}

Result<bool> ReturnedDrafts::contains(const std::string& recordId) {
    auto s = m_store.database().prepare("SELECT 1 FROM returned_drafts WHERE record_id = ?");
    if (!s)
        return s.error();
    s->bind(1, recordId);
    auto row = s->step();
    if (!row)
        return row.error();
    return *row;
}

Result<std::set<std::string>> ReturnedDrafts::ids() {
    auto s = m_store.database().prepare("SELECT record_id FROM returned_drafts");
    if (!s)
        return s.error();
    std::set<std::string> out;
    while (true) {
        auto row = s->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        out.insert(s->text(0));
    }
    return out;
}

Result<std::optional<Rejection>> ReturnedDrafts::find(const std::string& recordId) {
    auto s = m_store.database().prepare("SELECT seq FROM returned_drafts WHERE record_id = ?");
    if (!s)
        return s.error();
    s->bind(1, recordId);
    auto row = s->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<Rejection>();
    auto refusal = RejectionLog(m_store).get(s->int64(0));
    if (!refusal)
        return refusal.error();
    if (!*refusal)
        return internalError("returned record " + recordId +
                             " has lost its refusal: the device database is damaged");
    return refusal;
}

Status ReturnedDrafts::dropRequeuedAfter(std::int64_t seq) {
    auto s = m_store.database().prepare("DELETE FROM returned_drafts WHERE seq > ?");
    if (!s)
        return s.error();
    s->bind(1, seq);
    return s->exec();
}

} // namespace courtyard::sync
