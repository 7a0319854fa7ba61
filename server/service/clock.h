#pragma once
// The server reads the clock in one place, so tests can run it at any instant.

#include "shared/core/time.h"

#include <chrono>
#include <functional>

namespace courtyard::server {

using Clock = std::function<Instant()>;

inline Instant systemNow() {
    return std::chrono::time_point_cast<Milliseconds>(std::chrono::system_clock::now());
}

} // namespace courtyard::server
