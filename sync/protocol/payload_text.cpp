#include "sync/protocol/payload_text.h"

#include "shared/core/bounded_json.h"

#include <utility>

namespace courtyard::sync {

Status refuseNulText(const Operation& op) {
    for (const auto& [name, payload] : {std::pair<const char*, const Json*>{"body", &op.body}, {"fields", &op.fields},
                                        {"params", &op.params}, {"item", &op.item}}) {
        auto place = nulPlace(*payload);
        if (!place)
            continue;
        // "content", "notes[1]"; the payload itself or one of its items: "item", "item[2]"
        const std::string where = place->empty() || (*place)[0] == '[' ? name + *place : *place;
        return invalidField(where.substr(0, where.find_first_of(".[")),
                            where + ": a text may not hold a NUL character (U+0000)");
    }
    return {};
}

} // namespace courtyard::sync
