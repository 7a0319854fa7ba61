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
        std::string field = place->substr(0, place->find_first_of(".["));
        const std::string where = field.empty() ? name + *place : *place; // "item", "item[2]", "content"
        if (field.empty())
            field = name;
        return invalidField(field, where + ": a text may not hold a NUL character (U+0000)");
    }
    return {};
}

} // namespace courtyard::sync
