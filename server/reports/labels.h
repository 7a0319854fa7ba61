#pragma once
// The words of the reports in English and Chinese: titles, headings, and the names of the
// domain's categories, causes, channels and states. The server names things so that the JSON,
// the CSV and every client's PDF say the same.

#include <string>
#include <string_view>

namespace courtyard::server::reports {

enum class Lang { En, Zh };

// `key` is "<group>.<name>" ("category.security", "col.valid", "title.monthly"). An unknown
// key comes back as its name part, so a new enum value still shows up, untranslated.
std::string label(std::string_view key, Lang lang);

} // namespace courtyard::server::reports
