#include "shared/domain/guidance.h"

namespace courtyard::domain {

const std::vector<std::string>& forbiddenPhrases() {
    // As the deck lists them.
    static const std::vector<std::string> phrases{
        "我们也不太清楚", "这是我们公司的规定", "我们不会", "我们从没", "我们不可能",
        "不是这样的", "您可能不懂", "这个事情不归我们管", "别人从没这投诉", "您可以投诉我去",
        "爱办不办", "我就这态度", "不关我们的事", "这是公司规定"};
    return phrases;
}

std::vector<std::string> findForbiddenPhrases(std::string_view text) {
    std::vector<std::string> found;
    for (const auto& p : forbiddenPhrases())
        if (text.find(p) != std::string_view::npos)
            found.push_back(p);
    return found;
}

Status checkSpokenWords(std::string_view text, std::string_view field) {
    const auto found = findForbiddenPhrases(text);
    if (found.empty())
        return {};
    std::string list;
    for (const auto& p : found)
        list += (list.empty() ? "" : "、") + p;
    return invalidArgument(std::string(field) + ": uses words staff must not say to a resident: " + list);
}

} // namespace courtyard::domain
