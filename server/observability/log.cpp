#include "server/observability/log.h"

#include "server/service/clock.h"

#include <cstdio>

namespace courtyard::server {

namespace {
std::mutex g_mutex;
} // namespace

void Log::write(Level level, std::string_view msg, Json fields) {
    static const char* names[] = {"debug", "info", "warn", "error"};
    Json line{{"ts", formatInstant(systemNow())}, {"level", names[int(level)]}, {"msg", msg}};
    if (fields.is_object())
        for (auto& [k, v] : fields.items())
            line[k] = v;
    const std::string text = line.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
    std::lock_guard lock(g_mutex);
    std::fwrite(text.data(), 1, text.size(), stderr);
    std::fflush(stderr);
}

} // namespace courtyard::server
