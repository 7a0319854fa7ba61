#pragma once
// The one label catalogue: the words people read for the ids the domain uses (categories,
// channels, states, causes, grades, actions, rules, …), in English and Chinese side by side.
// The tablet and kiosk read it through LabelCatalogue (client/label_catalogue.h, for QML's
// Labels), the server's reports, CSV and PDF text through reports::label. A new enum value
// needs its entry here: labels_test fails until it has one, in both languages.

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace courtyard::labels {

enum class Lang { En, Zh };

struct Label {
    std::string_view id, en, zh;
    std::string_view text(Lang lang) const { return lang == Lang::Zh ? zh : en; }
};

struct Group {
    std::string_view name; // "category", "channel", "state", …
    std::span<const Label> labels;
};

// Every group, in a fixed order.
const std::vector<Group>& groups();

// The label of `id` in `group`; nullptr when there is none.
const Label* find(std::string_view group, std::string_view id);

// The word for `id`, or the id itself when the catalogue has none (a value newer than this
// build still shows, untranslated).
std::string text(std::string_view group, std::string_view id, Lang lang);

} // namespace courtyard::labels
