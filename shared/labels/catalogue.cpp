#include "shared/labels/catalogue.h"

namespace courtyard::labels {

const Label* find(std::string_view group, std::string_view id) {
    for (const auto& g : groups())
        if (g.name == group) {
            for (const auto& l : g.labels)
                if (l.id == id)
                    return &l;
            return nullptr;
        }
    return nullptr;
}

std::string text(std::string_view group, std::string_view id, Lang lang) {
    const Label* l = find(group, id);
    return std::string(l ? l->text(lang) : id);
}

} // namespace courtyard::labels
