// Every interactive control on the real pages has an accessible name: the tablet signed in as a
// supervisor and the lobby kiosk, each page of both faces shown offscreen against the real
// server (the demo company with a month of history, so lists have rows), and every button, text
// field, combo box, switch, slider, spin box and tappable area in the window — dialogs and popups
// included, opened or not — asked for the name a screen reader would read
// (QAccessibleInterface::text(QAccessible::Name), or the text or placeholder Qt Quick Controls
// give a screen reader when there is none). A control without one fails the test with its page,
// type and QML file. Accessibility is not switched on here: the offscreen platform has no
// bridge, and switching it on by hand makes Qt 6.4's controls overwrite an explicit name with
// their text.

#include "client_fixture.h"
#include "page_helpers.h"

#include <QAccessible>
#include <QDirIterator>
#include <QQmlContext>
#include <QSet>

using namespace courtyard;
using namespace courtyard::test;

namespace {

// Parts of Qt's own controls that are not ours to name (a scroll bar) and the on-screen keyboard.
bool outsideTheCheck(const QQuickItem* item) {
    return item->inherits("QQuickScrollBar") || item->inherits("QQuickScrollIndicator") || isQmlType(item, "InputPanel");
}

// Qt Quick Controls: the control is the unit a screen reader sees; its inner items are not.
bool isControl(const QQuickItem* item) {
    for (const char* type : {"QQuickAbstractButton", "QQuickComboBox", "QQuickSlider", "QQuickRangeSlider",
                             "QQuickSpinBox", "QQuickDial", "QQuickTextInput", "QQuickTextEdit"})
        if (item->inherits(type))
            return true;
    return false;
}

// The Accessible attached object of `item`, if QML made one (it is the item's QObject child).
QObject* accessibleAttached(const QQuickItem* item) {
    for (auto* child : item->children())
        if (child->inherits("QQuickAccessibleAttached"))
            return child;
    return nullptr;
}

bool ignored(const QQuickItem* item) {
    const auto* attached = accessibleAttached(item);
    return attached && attached->property("ignored").toBool();
}

// The name a screen reader reads: the item's Accessible.name, or what Qt Quick Controls name a
// control by when it has none (a button by its text, a text field by its placeholder). A combo
// box, spin box or slider is named by nothing else: Qt would read its current value, which does
// not say what it is for. A name of signs alone ("‹", "⌫") reads as nothing useful.
QString accessibleName(QQuickItem* item) {
    QAccessibleInterface* iface = QAccessible::queryAccessibleInterface(item);
    QString name = iface ? iface->text(QAccessible::Name).trimmed() : QString();
    if (name.isEmpty() && item->inherits("QQuickAbstractButton"))
        name = item->property("text").toString().trimmed();
    if (name.isEmpty() && (item->inherits("QQuickTextField") || item->inherits("QQuickTextArea")))
        name = item->property("placeholderText").toString().trimmed();
    return std::any_of(name.begin(), name.end(), [](QChar c) { return c.isLetterOrNumber(); }) ? name : QString();
}

bool hasTapHandler(const QQuickItem* item) {
    for (auto* child : item->children())
        if (child->inherits("QQuickTapHandler") && child->property("enabled").toBool())
            return true;
    return false;
}

QString describe(QQuickItem* item) {
    QString where;
    if (const auto* context = qmlContext(item))
        where = context->baseUrl().fileName();
    QString what = QString::fromLatin1(item->metaObject()->className()).section("_QML", 0, 0);
    if (!item->objectName().isEmpty())
        what += " '" + item->objectName() + "'";
    return what + " in " + (where.isEmpty() ? QString("?") : where);
}

// Every interactive item under `root` without an accessible name. Read-only text is not
// interactive; a tappable area (MouseArea, TapHandler) may carry the name itself or on the item
// it fills; an area marked Accessible.ignored (a shell's pass-through touch watcher) is skipped.
void collectUnnamed(QQuickItem* root, QStringList& out, QSet<QQuickItem*>& seen) {
    const std::function<void(QQuickItem*)> visit = [&](QQuickItem* item) {
        if (!item || seen.contains(item) || outsideTheCheck(item))
            return;
        seen.insert(item);
        // Popups (dialogs, menus, a combo box's list) are QObject children, not child items.
        for (auto* child : item->children())
            if (child->inherits("QQuickPopup"))
                visit(qvariant_cast<QQuickItem*>(child->property("contentItem")));
        if (isControl(item)) {
            const bool readOnly = (item->inherits("QQuickTextInput") || item->inherits("QQuickTextEdit")) &&
                                  item->property("readOnly").toBool();
            if (!readOnly && !ignored(item) && accessibleName(item).isEmpty())
                out << describe(item);
            return; // its own parts (a combo box's text field, a spin box's input) are not controls
        }
        if ((item->inherits("QQuickMouseArea") && item->isEnabled()) || hasTapHandler(item)) {
            QQuickItem* holder = item->parentItem();
            if (!ignored(item) && accessibleName(item).isEmpty() && (!holder || accessibleName(holder).isEmpty()))
                out << describe(item);
        }
        for (auto* child : item->childItems())
            visit(child);
    };
    visit(root);
}

QStringList unnamedControls(QQuickWindow* window) {
    QStringList out;
    QSet<QQuickItem*> seen;
    collectUnnamed(window->contentItem(), out, seen);
    out.removeDuplicates();
    return out;
}

// The dialogs and menus open in the window.
QList<QObject*> openPopups(QQuickWindow* window) {
    QList<QObject*> out;
    for (auto* item : itemsUnder(window->contentItem()))
        for (auto* child : item->children())
            if (child->inherits("QQuickPopup") && child->property("opened").toBool())
                out << child;
    return out;
}

// The pages of a face: those `--screenshot` shows (with the props that put them in an
// interesting state), then every other page file of the face with none.
QList<QPair<QString, QVariantMap>> pagesOf(QQuickWindow* window, const QString& face) {
    QList<QPair<QString, QVariantMap>> pages;
    QSet<QString> listed;
    QVariant shots;
    QMetaObject::invokeMethod(window, "screenshotPages", Q_RETURN_ARG(QVariant, shots));
    for (const auto& v : shots.toList()) {
        const auto m = v.toMap();
        pages << qMakePair(m.value("page").toString(), m.value("props").toMap());
        listed << m.value("page").toString();
    }
    QStringList files;
    QDirIterator it(":/qt/qml/Courtyard/" + face, {"*Page.qml", "KioskHome.qml"}, QDir::Files);
    while (it.hasNext())
        files << it.next().section('/', -1);
    files.sort();
    for (const auto& f : files)
        if (!listed.contains(f))
            pages << qMakePair(f, QVariantMap{});
    return pages;
}

} // namespace

class AccessibilityTest : public QObject {
    Q_OBJECT
    ServerProcess m_server;
    QTemporaryDir m_config;
    int m_stepDialogs = 0; // step dialogs opened and checked

    void checkEveryPage(QQuickWindow* window, const QString& face) {
        QStringList failures;
        // The record page shows an open complaint once the list of them has loaded.
        QList<QPair<QString, QVariantMap>> pages;
        QVERIFY(QTest::qWaitFor([&] {
            pages = pagesOf(window, face);
            return std::none_of(pages.begin(), pages.end(), [](const auto& p) {
                return p.first == "RecordPage.qml" && p.second.value("recordId").toString().isEmpty();
            });
        }, 10000));
        QVERIFY(pages.size() >= 10);
        for (const auto& [page, props] : pages) {
            QVERIFY2(showPage(window, page, props), qPrintable(page));
            QTest::qWait(100); // lists fill from the store after the page arrives
            // A record's steps come once the record has loaded.
            QStringList steps;
            const auto offered = [&] {
                steps.clear();
                for (auto* item : itemsUnder(window->contentItem()))
                    if (item->isVisible() && item->objectName().startsWith("action_"))
                        steps << item->objectName();
                return !steps.isEmpty();
            };
            if (page == "RecordPage.qml")
                QVERIFY2(QTest::qWaitFor(offered, 5000), qPrintable("no steps offered on " + props.value("recordId").toString()));
            for (const auto& control : unnamedControls(window))
                failures << page + ": no accessible name: " + control;
            // Each step offered on a record opens its dialog, with fields made for the step.
            offered();
            for (const auto& step : steps) {
                QQuickItem* button = findNamed(window->contentItem(), step);
                QVERIFY2(button, qPrintable(step));
                QMetaObject::invokeMethod(button, "clicked"); // it may be scrolled out of the window
                QVERIFY2(QTest::qWaitFor([&] { return !openPopups(window).isEmpty(); }, 5000), qPrintable(step));
                for (const auto& control : unnamedControls(window))
                    failures << page + " " + step + ": no accessible name: " + control;
                for (auto* popup : openPopups(window))
                    QMetaObject::invokeMethod(popup, "close");
                QTRY_VERIFY(openPopups(window).isEmpty());
                ++m_stepDialogs;
            }
        }
        failures.removeDuplicates();
        for (const auto& f : failures)
            qWarning("%s", qPrintable(f));
        QVERIFY2(failures.isEmpty(), qPrintable(QString::number(failures.size()) + " controls without a name"));
    }

private slots:
    void initTestCase() {
        QVERIFY(m_config.isValid());
        qputenv("XDG_CONFIG_HOME", m_config.path().toUtf8()); // this machine's kiosk settings do not count
        QVERIFY(m_server.initDemo());
        QCOMPARE(m_server.admin({"init", "--demo", "--history", "1"}), 0);
        QVERIFY(m_server.start());
    }

    void everyTabletControlIsNamed() {
        const auto enrolled = m_server.addDevice("supervisor", {"cm-sunshine"}, "accessibility tablet");
        ClientDevice tablet(false, m_server.url(), enrolled.token);
        QVERIFY(tablet.syncNow());
        QVERIFY(tablet.signIn("2001"));
        QQmlApplicationEngine engine;
        auto* window = loadMainWindow(engine, {1280, 800});
        QVERIFY(window);
        checkEveryPage(window, "tablet");
        QVERIFY(m_stepDialogs >= 2); // the supervisor's steps on an open complaint
    }

    void everyKioskControlIsNamed() {
        const auto enrolled = m_server.addDevice("kiosk", {"cm-sunshine"}, "accessibility kiosk");
        ClientDevice kiosk(true, m_server.url(), enrolled.token);
        QVERIFY(kiosk.syncNow());
        QVERIFY(kiosk.kioskController->setAdminPin("2468"));
        QVERIFY(kiosk.kioskController->unlockAdmin("2468")); // the administrator's page too
        QQmlApplicationEngine engine;
        auto* window = loadMainWindow(engine, {1080, 1920});
        QVERIFY(window);
        checkEveryPage(window, "kiosk");
    }

    // The check itself finds what it is for: an icon-only button, an unnamed text field and a
    // bare tappable rectangle and a button showing only an arrow are reported; named ones and a
// pass-through touch watcher are not.
    void theCheckFindsUnnamedControls() {
        // After the pages: Qt Quick Controls take their style from the first that loads.
        QQmlEngine engine;
        QQmlComponent component(&engine);
        component.setData(R"(
            import QtQuick
            import QtQuick.Controls
            Item {
                width: 400; height: 400
                Button { objectName: "iconOnly"; icon.source: "qrc:/x.svg" }
                Button { objectName: "worded"; text: "Send" }
                Button { objectName: "arrow"; text: "›" }
                Button { objectName: "namedArrow"; text: "›"; Accessible.name: "Next" }
                TextField { objectName: "bare" }
                TextField { objectName: "placeholder"; placeholderText: "Flat" }
                TextField { objectName: "named"; Accessible.name: "PIN" }
                ComboBox { objectName: "combo"; Accessible.name: "Building"; model: ["1", "2"] }
                Rectangle { objectName: "tappable"; MouseArea { anchors.fill: parent } }
                Rectangle { Accessible.name: "Notice"; MouseArea { anchors.fill: parent } }
                MouseArea { objectName: "watcher"; anchors.fill: parent; Accessible.ignored: true }
            })", QUrl("qrc:/accessibility_test.qml"));
        std::unique_ptr<QObject> root(component.create());
        QVERIFY2(root, qPrintable(component.errorString()));
        QQuickWindow window;
        qobject_cast<QQuickItem*>(root.get())->setParentItem(window.contentItem());
        const QStringList unnamed = unnamedControls(&window);
        QCOMPARE(unnamed.size(), 4);
        QVERIFY(unnamed[0].contains("'iconOnly'"));
        QVERIFY(unnamed[1].contains("'arrow'"));
        QVERIFY(unnamed[2].contains("'bare'"));
        QVERIFY(unnamed[3].startsWith("QQuickMouseArea"));
    }
};

QTEST_MAIN(AccessibilityTest)
#include "accessibility_test.moc"
