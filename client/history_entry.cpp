#include "client/history_entry.h"

#include "client/json_bridge.h"
#include "shared/core/json_util.h"
#include "shared/core/time.h"

namespace courtyard::client {

QList<HistoryEntryView> historyEntries(const Json& history) {
    QList<HistoryEntryView> out;
    if (!history.is_array())
        return out;
    for (const auto& e : history) {
        if (!e.is_object())
            continue;
        HistoryEntryView v;
        if (auto at = parseInstant(stringAt(e, "at")))
            v.at = toDateTime(*at);
        v.by = qs(stringAt(e, "by"));
        v.byName = qs(stringAt(e, "by_name"));
        v.role = qs(stringAt(e, "role"));
        v.kind = qs(stringAt(e, "kind"));
        v.state = qs(stringAt(e, "state"));
        v.action = qs(stringAt(e, "action"));
        v.fromState = qs(stringAt(e, "from"));
        v.toState = qs(stringAt(e, "to"));
        v.note = qs(stringAt(e, "note"));
        v.list = qs(stringAt(e, "list"));
        const Json item = e.value("item", Json::object());
        v.itemKind = qs(stringAt(item, "kind"));
        v.itemText = qs(stringAt(item, "text"));
        if (auto it = e.find("changes"); it != e.end() && it->is_object())
            v.changes = toVariant(*it).toMap();
        out << v;
    }
    return out;
}

} // namespace courtyard::client
