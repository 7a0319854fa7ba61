#include "server/http/body_budget.h"

namespace courtyard::server {

std::unique_ptr<BodyBudget::Reservation> BodyBudget::reserve(std::size_t bytes) {
    std::size_t used = m_used.load();
    do {
        if (bytes > m_capacity || used > m_capacity - bytes)
            return nullptr;
    } while (!m_used.compare_exchange_weak(used, used + bytes));
    return std::make_unique<Reservation>(*this, bytes);
}

} // namespace courtyard::server
