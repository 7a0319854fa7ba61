#pragma once
// Handling guidance from the "focus on the customer" training deck: the phrases a handler must not
// use with a complainant (沟通禁语), checked in what they are about to reply.

#include "shared/core/result.h"

#include <string>
#include <string_view>
#include <vector>

namespace courtyard::domain {

const std::vector<std::string>& forbiddenPhrases();
// The forbidden phrases that occur in `text`, in list order.
std::vector<std::string> findForbiddenPhrases(std::string_view text);
// Refuses words said to a resident (a reply, an on-the-spot answer) that use a forbidden
// phrase, naming the phrases; `field` names what was checked.
Status checkSpokenWords(std::string_view text, std::string_view field);

} // namespace courtyard::domain
