#pragma once
// A NUL character (U+0000) in a text an operation carries: no person types one, and
// PostgreSQL's text cannot hold one. A device refuses such an edit before it queues it; the
// server rejects such an operation on its own, and applies the rest of the push
// (docs/sync-protocol.md, "Limits").

#include "sync/protocol/messages.h"

namespace courtyard::sync {

// InvalidArgument naming the field as a form does ("content"; "notes[1]: …" in the message),
// when the operation's body, fields, parameters or appended item hold a NUL in a text or a
// member name.
Status refuseNulText(const Operation& op);

} // namespace courtyard::sync
