#pragma once
// The objects QML sees as singletons — App, Session, Sync, Directory, Kiosk — are made and owned
// by whoever runs the client (the application, a test) and handed to QML here, in one place,
// before QML is loaded. Each is declared to QML by a foreign type below (Qt 6.4's way to give
// QML an existing instance while qmllint still knows its properties); the classes themselves
// keep no global of their own and find each other through their constructors.

#include "client/app_context.h"
#include "client/directory.h"
#include "client/kiosk_controller.h"
#include "client/session_controller.h"
#include "client/sync_controller.h"

#include <QQmlEngine>

namespace courtyard::client {

struct QmlSingletons {
    AppContext* app = nullptr;
    SessionController* session = nullptr;
    SyncController* sync = nullptr;
    Directory* directory = nullptr;
    KioskController* kiosk = nullptr;
};

// What every engine loaded from now on sees; all five must outlive those engines. Exposing
// another set (a test's next device) replaces it for the engines loaded after.
void exposeToQml(const QmlSingletons& singletons);
const QmlSingletons& exposedToQml();

namespace qml {

// QML's create() hook for each: the exposed instance, which QML must not delete.
template <class T> T* exposed(T* QmlSingletons::*member) {
    T* instance = exposedToQml().*member;
    Q_ASSERT_X(instance, "QML singleton", "exposeToQml() was not called before loading QML");
    QQmlEngine::setObjectOwnership(instance, QQmlEngine::CppOwnership);
    return instance;
}

struct AppSingleton {
    Q_GADGET
    QML_FOREIGN(courtyard::client::AppContext)
    QML_NAMED_ELEMENT(App)
    QML_SINGLETON
public:
    static AppContext* create(QQmlEngine*, QJSEngine*) { return exposed(&QmlSingletons::app); }
};

struct SessionSingleton {
    Q_GADGET
    QML_FOREIGN(courtyard::client::SessionController)
    QML_NAMED_ELEMENT(Session)
    QML_SINGLETON
public:
    static SessionController* create(QQmlEngine*, QJSEngine*) { return exposed(&QmlSingletons::session); }
};

struct SyncSingleton {
    Q_GADGET
    QML_FOREIGN(courtyard::client::SyncController)
    QML_NAMED_ELEMENT(Sync)
    QML_SINGLETON
public:
    static SyncController* create(QQmlEngine*, QJSEngine*) { return exposed(&QmlSingletons::sync); }
};

struct DirectorySingleton {
    Q_GADGET
    QML_FOREIGN(courtyard::client::Directory)
    QML_NAMED_ELEMENT(Directory)
    QML_SINGLETON
public:
    static Directory* create(QQmlEngine*, QJSEngine*) { return exposed(&QmlSingletons::directory); }
};

struct KioskSingleton {
    Q_GADGET
    QML_FOREIGN(courtyard::client::KioskController)
    QML_NAMED_ELEMENT(Kiosk)
    QML_SINGLETON
public:
    static KioskController* create(QQmlEngine*, QJSEngine*) { return exposed(&QmlSingletons::kiosk); }
};

} // namespace qml
} // namespace courtyard::client
