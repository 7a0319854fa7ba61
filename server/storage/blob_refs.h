#pragma once
// Which attachments a record refers to: every {"sha256": "<64 hex>"} object anywhere in its body
// (lists of attachments, a signature in an acceptance, photos on items). Both engines keep their
// blob_refs table from it.

#include "shared/store/record_store.h"

#include <set>
#include <string>

namespace courtyard::server {

std::set<std::string> attachmentShas(const store::StoredRecord& record);

} // namespace courtyard::server
