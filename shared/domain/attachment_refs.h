#pragma once
// Which attachments a record refers to: every {"sha256": "<64 hex>", …} object anywhere in its
// body (lists of attachments, a signature in an acceptance, photos on inspection items). The
// server keeps its blob references from it and a device knows what to download from it, so
// both agree on what "refers to" means.

#include "shared/domain/common.h"

#include <vector>

namespace courtyard::domain {

// Each attachment once, in the order first met. Lenient: a reference with a valid sha256 counts
// whatever else it lacks (kind photo, mime "" and size 0 then).
std::vector<AttachmentRef> attachmentRefs(const Json& body);

} // namespace courtyard::domain
