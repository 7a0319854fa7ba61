#pragma once
// Which attachments a stored record refers to (shared/domain/attachment_refs.h). Both engines
// keep their blob_refs table from it.

#include "shared/store/record_store.h"

#include <set>
#include <string>

namespace courtyard::server {

std::set<std::string> attachmentShas(const store::StoredRecord& record);

} // namespace courtyard::server
