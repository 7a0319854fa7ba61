#include "shared/domain/workflow.h"

namespace courtyard::domain {

std::string requireText(const Json& params, std::string_view key) {
    auto v = required<std::string>(params, key);
    if (v.find_first_not_of(" \t\r\n") == std::string::npos)
        throw DecodeError(std::string(key) + ": is required");
    if (v.size() > 20000)
        throw DecodeError(std::string(key) + ": is longer than 20000 bytes");
    return v;
}

std::string optionalText(const Json& params, std::string_view key) {
    std::string v;
    optionalInto(params, key, v);
    if (v.size() > 20000)
        throw DecodeError(std::string(key) + ": is longer than 20000 bytes");
    return v;
}

} // namespace courtyard::domain
