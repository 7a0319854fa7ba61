#pragma once
// The words of the reports in English and Chinese: titles, headings, and the names of the
// domain's categories, causes, channels and states (those from the label catalogue,
// shared/labels, the one the tablet shows). The server names things so that the JSON, the CSV
// and every client's PDF say the same.

#include "shared/labels/catalogue.h"

#include <string>
#include <string_view>

namespace courtyard::server::reports {

using Lang = labels::Lang;

// `key` is "<group>.<name>" ("category.security", "col.valid", "title.monthly"). An unknown
// key comes back as its name part, so a new enum value still shows up, untranslated.
std::string label(std::string_view key, Lang lang);

} // namespace courtyard::server::reports
