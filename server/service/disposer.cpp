#include "server/service/disposer.h"

namespace courtyard::server {

Disposer::Disposer(std::size_t backlog) : m_backlog(backlog), m_thread([this] { run(); }) {}

Disposer::~Disposer() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

void Disposer::dispose(std::shared_ptr<void> what) {
    bool queued = false;
    {
        std::lock_guard lock(m_mutex);
        if (m_queue.size() < m_backlog && !m_stopping) {
            m_queue.push_back(std::move(what));
            queued = true;
        }
    }
    if (queued)
        m_wake.notify_one();
    // Otherwise the backlog is full: `what` is freed here, on return.
}

void Disposer::run() {
    std::unique_lock lock(m_mutex);
    while (true) {
        m_wake.wait(lock, [&] { return m_stopping || !m_queue.empty(); });
        if (m_queue.empty())
            return; // stopping, and nothing left
        auto next = std::move(m_queue.front());
        m_queue.pop_front();
        lock.unlock();
        next.reset();
        lock.lock();
    }
}

} // namespace courtyard::server
