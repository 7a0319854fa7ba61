// The disposer (server/service/disposer.h): what a push is done with is freed on the disposer's
// thread, not the caller's; beyond its backlog the caller frees its own; nothing queued is
// left unfreed when it stops.
#include "server/service/disposer.h"

#include <QtTest>
#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <thread>

using namespace courtyard::server;

namespace {

struct Freed {
    std::mutex mutex;
    std::multiset<std::thread::id> on; // the threads that freed each one
    std::size_t count(std::thread::id t) {
        std::lock_guard lock(mutex);
        return on.count(t);
    }
    std::size_t size() {
        std::lock_guard lock(mutex);
        return on.size();
    }
};

// Records the thread that frees it. With `hold`, its destructor first says it began and then
// waits until `hold` is false: the disposer's thread stays busy with it meanwhile.
class Tracked {
public:
    explicit Tracked(Freed& freed, std::atomic<bool>* hold = nullptr, std::atomic<bool>* began = nullptr)
        : m_freed(freed), m_hold(hold), m_began(began) {}
    Tracked(const Tracked&) = delete;
    ~Tracked() {
        if (m_began)
            *m_began = true;
        while (m_hold && m_hold->load())
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        std::lock_guard lock(m_freed.mutex);
        m_freed.on.insert(std::this_thread::get_id());
    }

private:
    Freed& m_freed;
    std::atomic<bool>* m_hold;
    std::atomic<bool>* m_began;
};

} // namespace

class DisposerTest : public QObject {
    Q_OBJECT
private slots:
    void freesOnItsOwnThreadAndEverythingBeforeItStops() {
        Freed freed;
        {
            Disposer d(16);
            for (int i = 0; i < 10; ++i)
                d.dispose(std::make_shared<Tracked>(freed));
        } // stopping frees what is still queued
        QCOMPARE(freed.size(), std::size_t(10));
        QCOMPARE(freed.count(std::this_thread::get_id()), std::size_t(0));
    }

    void beyondItsBacklogTheCallerFreesItsOwn() {
        Freed freed;
        std::atomic<bool> hold{true}, began{false};
        {
            Disposer d(2);
            d.dispose(std::make_shared<Tracked>(freed, &hold, &began));
            QTRY_VERIFY(began.load()); // the disposer's thread is busy freeing the first
            d.dispose(std::make_shared<Tracked>(freed));
            d.dispose(std::make_shared<Tracked>(freed)); // the backlog of two is full
            d.dispose(std::make_shared<Tracked>(freed)); // freed here, by the caller
            QCOMPARE(freed.count(std::this_thread::get_id()), std::size_t(1));
            QCOMPARE(freed.size(), std::size_t(1));
            hold = false;
        }
        QCOMPARE(freed.size(), std::size_t(4));
        QCOMPARE(freed.count(std::this_thread::get_id()), std::size_t(1));
    }
};

QTEST_GUILESS_MAIN(DisposerTest)
#include "disposer_test.moc"
