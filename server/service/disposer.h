#pragma once
// Frees what a request is done with on a thread of its own, so the request's answer does not
// wait for it. A push's decoded operations and stored records are trees of many small
// allocations (JSON objects are maps), and freeing them where they were used took about a
// tenth of a big push's time, after the commit and before the answer went out.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

namespace courtyard::server {

class Disposer {
public:
    // At most `backlog` things wait to be freed; beyond that the caller frees its own, so a
    // disposer that falls behind slows requests down instead of holding ever more memory.
    explicit Disposer(std::size_t backlog = 16);
    ~Disposer(); // frees everything still queued, then stops
    Disposer(const Disposer&) = delete;
    Disposer& operator=(const Disposer&) = delete;

    // Takes `what` (the last owner) and frees it on the disposer's thread.
    void dispose(std::shared_ptr<void> what);

private:
    void run();

    const std::size_t m_backlog;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::shared_ptr<void>> m_queue;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace courtyard::server
