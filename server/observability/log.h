#pragma once
// JSON lines on stderr, one object per event: {"ts": …, "level": …, "msg": …, …fields}.

#include "shared/core/json_util.h"

#include <mutex>
#include <string_view>

namespace courtyard::server {

class Log {
public:
    enum class Level { Debug, Info, Warn, Error };
    static void write(Level level, std::string_view msg, Json fields = Json::object());
    static void info(std::string_view msg, Json fields = Json::object()) { write(Level::Info, msg, std::move(fields)); }
    static void warn(std::string_view msg, Json fields = Json::object()) { write(Level::Warn, msg, std::move(fields)); }
    static void error(std::string_view msg, Json fields = Json::object()) { write(Level::Error, msg, std::move(fields)); }
};

} // namespace courtyard::server
