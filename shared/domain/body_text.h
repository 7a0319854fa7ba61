#pragma once
// A record's body as text, written straight from the domain value: the text dumpJson makes of
// Json(record), without the tree (shared/core/json_members.h). A record type that has a
// bodyText overload here writes its members once, as writeMembers(out, record), for both.

#include "shared/core/json_members.h"
#include "shared/domain/common.h"

#include <string>

namespace courtyard::domain {

struct Complaint;

template <typename Out>
void writeHeaderMembers(Out& out, const RecordHeader& h) {
    out.put("id", h.id);
    out.put("community_id", h.communityId);
    out.put("created_at", h.createdAt);
    out.put("created_by", h.createdBy);
    out.put("origin_device", h.originDevice);
}

// The computed values the rules write onto records (to_json writes them through these too).
template <typename Out>
void writeMembers(Out& out, const Deadline& d) {
    out.put("due_at", d.dueAt);
    out.put("rule", d.rule);
    out.put("provisional", d.provisional);
    out.put("started_at", d.startedAt);
    out.put("basis", d.basis);
    if (d.calendarFallback)
        out.put("calendar_fallback", true);
}

template <typename Out>
void writeMembers(Out& out, const Escalation& e) {
    out.put("level", e.level);
    out.put("notify", e.notify);
    out.put("since", e.since);
    out.putIfNotEmpty("rule", e.rule);
    out.putIf("due_at", e.dueAt);
}

std::string bodyText(const Complaint& c);

} // namespace courtyard::domain
