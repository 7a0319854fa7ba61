#pragma once
// The bytes all connections together may hold in request bodies. A request declares its body's
// size in its headers (a chunked one is charged the route's whole limit) and reserves that
// much before a byte of the body is read; beyond the budget it is answered 503 with
// Retry-After, so many slow or stalled uploads cannot exhaust the server's memory. A
// reservation is returned when the request has been handled.

#include <atomic>
#include <cstddef>
#include <memory>

namespace courtyard::server {

class BodyBudget {
public:
    explicit BodyBudget(std::size_t capacityBytes) : m_capacity(capacityBytes) {}

    // Held while the body is read and handled; gives its bytes back when destroyed.
    class Reservation {
    public:
        Reservation(BodyBudget& budget, std::size_t bytes) : m_budget(budget), m_bytes(bytes) {}
        ~Reservation() { m_budget.m_used.fetch_sub(m_bytes); }
        Reservation(const Reservation&) = delete;
        Reservation& operator=(const Reservation&) = delete;

    private:
        BodyBudget& m_budget;
        std::size_t m_bytes;
    };

    // nullptr when `bytes` do not fit in what is left.
    std::unique_ptr<Reservation> reserve(std::size_t bytes);
    std::size_t used() const { return m_used.load(); }
    std::size_t capacity() const { return m_capacity; }

private:
    std::size_t m_capacity;
    std::atomic<std::size_t> m_used{0};
};

} // namespace courtyard::server
