#pragma once
// A person has seen an item of their inbox (rules/inbox.h). One small record per mark, created
// on whichever tablet the person taps it and synced like any record, so the mark reaches the
// person's other tablets and the server. Whose mark it is is the record's `created_by`, which
// the server sets from the proven actor: a device cannot mark for someone else. Marks are never
// edited; two tablets marking the same item make two marks that mean the same.

#include "shared/domain/common.h"

namespace courtyard::domain {

struct InboxSeen : RecordHeader {
    static constexpr std::string_view kType = "inbox_seen";
    std::string recordId; // the record the inbox item links to
    std::string item;     // the item's key (rules::InboxItem::key): why it was in the inbox
    Instant seenAt{};
};
void to_json(Json& j, const InboxSeen& s);
void from_json(const Json& j, InboxSeen& s);
Status validateNew(const InboxSeen& s);

} // namespace courtyard::domain
