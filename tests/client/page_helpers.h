#pragma once
// The app's real QML pages in a client test: the window loaded from its module the way the app
// loads it, the items in it, and taps where a finger would land.

#include "client/media.h"

#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>
#include <functional>

// The app's QML modules are linked statically into the test, as into the app.
Q_IMPORT_QML_PLUGIN(Courtyard_CorePlugin)
Q_IMPORT_QML_PLUGIN(CourtyardPlugin)

namespace courtyard::test {

// Whether `item` is an instance of the QML type `name` (a file type: "InputPanel", "ShiftKey"…).
inline bool isQmlType(const QQuickItem* item, const char* name) {
    return QByteArray(item->metaObject()->className()).startsWith(name);
}

// Main.qml in a window of the given size (the face comes from App.kiosk); null when it fails.
inline QQuickWindow* loadMainWindow(QQmlApplicationEngine& engine, QSize size) {
    static const bool styled = [] { // once per process: Qt Quick Controls fixes it at first use
        QQuickStyle::setStyle("Material");
        return true;
    }();
    Q_UNUSED(styled);
    engine.addImportPath("qrc:/qt/qml");
    // Photos and signatures as the application shows them (application.cpp does the same).
    if (!engine.imageProvider("blob"))
        engine.addImageProvider("blob", new client::BlobImageProvider);
    if (!engine.imageProvider("qr"))
        engine.addImageProvider("qr", new client::QrImageProvider);
    engine.setInitialProperties({{"width", size.width()}, {"height", size.height()}});
    engine.load(QUrl("qrc:/qt/qml/Courtyard/Main.qml"));
    return engine.rootObjects().isEmpty() ? nullptr : qobject_cast<QQuickWindow*>(engine.rootObjects().first());
}


enum class Keyboard { Include, Skip };

// Every item under `root`, depth first. Keyboard::Skip leaves out the on-screen keyboard (its
// own shadow text field mirrors the focused one).
inline QList<QQuickItem*> itemsUnder(QQuickItem* root, Keyboard keyboard = Keyboard::Include) {
    QList<QQuickItem*> out;
    const std::function<void(QQuickItem*)> visit = [&](QQuickItem* item) {
        if (keyboard == Keyboard::Skip && isQmlType(item, "InputPanel"))
            return;
        out << item;
        for (auto* child : item->childItems())
            visit(child);
    };
    visit(root);
    return out;
}

// The first visible item under `root` that `match` accepts, or null.
inline QQuickItem* findVisible(QQuickItem* root, const std::function<bool(QQuickItem*)>& match) {
    for (auto* item : itemsUnder(root))
        if (item->isVisible() && match(item))
            return item;
    return nullptr;
}

inline QQuickItem* findNamed(QQuickItem* root, const QString& objectName) {
    return findVisible(root, [&](QQuickItem* i) { return i->objectName() == objectName; });
}

// No page stack is moving: a StackView ignores touches during its transitions.
inline bool pagesSettled(QQuickWindow* window) {
    for (auto* item : itemsUnder(window->contentItem(), Keyboard::Include))
        if (item->inherits("QQuickStackView") && item->property("busy").toBool())
            return false;
    return true;
}

// Shows one page of the face, as `courtyard --screenshot` does, once it has finished arriving.
inline bool showPage(QQuickWindow* window, const QString& page, const QVariantMap& props = {}) {
    QMetaObject::invokeMethod(window, "showForScreenshot", Q_ARG(QVariant, page), Q_ARG(QVariant, props));
    return QTest::qWaitFor([&] { return pagesSettled(window); }, 5000);
}

// A press and release in the middle of `item`, delivered to its window like a finger's.
inline void tap(QQuickItem* item) {
    const QPointF centre = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
    QTest::mouseClick(item->window(), Qt::LeftButton, Qt::NoModifier, centre.toPoint());
}

// The text of the item named `objectName` ("" when there is none).
inline QString textOf(QQuickWindow* window, const QString& objectName) {
    auto* item = findNamed(window->contentItem(), objectName);
    return item ? item->property("text").toString() : QString();
}

// Types `text` into the field named `objectName`, as a person would leave it.
inline bool setText(QQuickWindow* window, const QString& objectName, const QString& text) {
    auto* item = findNamed(window->contentItem(), objectName);
    return item && item->setProperty("text", text);
}

// Presses the enabled button named `objectName`, wherever the page has scrolled it.
inline bool press(QQuickWindow* window, const QString& objectName) {
    auto* button = findNamed(window->contentItem(), objectName);
    if (!button || !button->isEnabled())
        return false;
    return QMetaObject::invokeMethod(button, "clicked");
}

} // namespace courtyard::test
