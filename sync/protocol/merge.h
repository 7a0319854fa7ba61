#pragma once
// How one operation changes one record — the same function on the server (authoritative) and
// on a device (its optimistic view, and the rebase of pending edits onto the server's version):
// - create: a new record, checked as new; a retry of the same create is a no-op;
// - update: plain fields, last writer wins per field by hybrid logical clock;
// - transition: a workflow command checked against the state machine and the actor's role;
//   an already-applied one is a no-op, an illegal one is rejected with the reason;
// - append: comments, photos, checkpoint visits — never conflict, de-duplicated by id.
// Deadlines and grades are then derived with the community's calendar and policy.

#include "shared/domain/common.h"
#include "shared/records/record_type.h"
#include "shared/store/record_store.h"
#include "sync/protocol/messages.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace courtyard::sync {

struct ApplyContext {
    domain::Actor actor;      // who, with the role the server (or device) grants them
    Instant at{};             // when it happened (the server's skew-corrected figure)
    std::string hlc;          // the edit's clock (corrected likewise)
    std::string opId;         // "<device>:<seq>"
    std::string originDevice; // the device that made the edit
    // The calendar and policy of a community (nullptr: no derivation).
    std::function<const rules::RuleContext*(const std::string& communityId)> rulesFor;
    bool authoritative = false;
    // A create already prepared (validated, derived, encoded) outside the write transaction;
    // the merge moves from it, and stores its `text` when it has one.
    records::RecordType::Prepared* prepared = nullptr;
};

// The clock that last set a plain field: its own stamp, or the record's creation stamp ("*").
std::string fieldStamp(const Json& stamps, const std::string& field);

struct MergeOutcome {
    bool changed = false;
    store::StoredRecord record;
    std::vector<std::string> ignoredFields; // plain fields a later edit elsewhere already set
    std::string note;
};

Result<MergeOutcome> applyOperation(const std::optional<store::StoredRecord>& current,
                                    const Operation& op, const ApplyContext& ctx);

// Compares two HLC texts; an empty one is older than everything.
bool hlcNewer(std::string_view a, std::string_view b);

} // namespace courtyard::sync
