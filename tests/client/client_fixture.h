#pragma once
// The real client core in a test: its own SQLite file, the app context and every controller a
// page uses, enrolled with the real courtyard-server on 127.0.0.1 (the demo company).

#include "client/app_context.h"
#include "client/directory.h"
#include "client/kiosk_controller.h"
#include "client/qml_singletons.h"
#include "client/session_controller.h"
#include "client/sync_controller.h"
#include "support/server_process.h"
#include "test_support.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

namespace courtyard::test {

// A tablet (or kiosk) enrolled with `token` at `url`; with no address, a fresh one on its first
// start, not enrolled yet.
class ClientDevice {
public:
    explicit ClientDevice(bool kiosk, const QString& url = {}, const QString& token = {}) {
        const QString db = m_dir.filePath(kiosk ? "kiosk.db" : "tablet.db");
        auto store = sync::DeviceStore::open(db.toStdString());
        QVERIFY2(bool(store), store ? "" : store.error().message.c_str());
        app = std::make_unique<client::AppContext>(std::move(*store), kiosk);
        app->setDbPath(db.toStdString());
        app->setLanguage("en");
        if (!url.isEmpty())
            QVERIFY(app->enrol(url, token));
        sync = std::make_unique<client::SyncController>(*app);
        sync->setInterval(3600); // tests sync on demand
        session = std::make_unique<client::SessionController>(*app);
        directory = std::make_unique<client::Directory>(*app);
        kioskController = std::make_unique<client::KioskController>(*app);
        // The pages a test loads see this device (the last one made).
        client::exposeToQml({app.get(), session.get(), sync.get(), directory.get(), kioskController.get()});
    }
    ~ClientDevice() {
        if (client::exposedToQml().app == app.get())
            client::exposeToQml({});
        // Controllers first: they refer to the context.
        kioskController.reset();
        directory.reset();
        session.reset();
        sync.reset();
        app.reset();
    }

    // One sync round, waited for; true when it completed without a transport error.
    bool syncNow(int timeoutMs = 30000) {
        QSignalSpy done(sync.get(), &client::SyncController::syncFinished);
        sync->syncNow();
        if (!done.wait(timeoutMs))
            return false;
        return done.first().value(0).toBool();
    }

    // Signs in (online the first time, offline after) and waits for the answer.
    bool signIn(const QString& number, const QString& pin, int timeoutMs = 30000) {
        QSignalSpy done(session.get(), &client::SessionController::finished);
        session->signIn(number, pin);
        if (!done.wait(timeoutMs))
            return false;
        return done.first().value(0).toBool();
    }
    // With the demo company's PIN.
    bool signIn(const QString& number) { return signIn(number, demoPin(number)); }

    QString dbPath() const { return m_dir.filePath(app->kiosk() ? "kiosk.db" : "tablet.db"); }

    QTemporaryDir m_dir;
    std::unique_ptr<client::AppContext> app;
    std::unique_ptr<client::SyncController> sync;
    std::unique_ptr<client::SessionController> session;
    std::unique_ptr<client::Directory> directory;
    std::unique_ptr<client::KioskController> kioskController;
};

// How many records of a type (of one flat) the device's store holds; -1 when it cannot say.
inline int countOf(client::AppContext& app, const std::string& type, const QString& unit = {}) {
    store::RecordQuery q;
    q.types = {type};
    q.unitId = unit.toStdString();
    auto n = app.store().count(q);
    return n ? int(*n) : -1;
}

} // namespace courtyard::test
