// A resident types a complaint in Chinese on the kiosk's touch keyboard, and it reaches the
// server in exactly those characters. The real pages and the real on-screen keyboard offscreen
// (Qt Virtual Keyboard with the kiosk's Pinyin layout and style, as `courtyard --kiosk` runs
// them), every letter a tap on its key, readings tapped in the candidate bar, the 中/英 and
// symbols keys used on the way; then sent, synced with the real server on 127.0.0.1, and read
// back by an office device.

#include "client_fixture.h"
#include "page_helpers.h"
#include "support/test_device.h"

#include <QGuiApplication>

using namespace courtyard;
using namespace courtyard::test;

namespace {
const QString kUnit = "cm-sunshine-b1-1-502";
// Every sign of it typed below, from a digit and an English capital to Chinese punctuation.
const QString kComplaint = "3号楼B座电梯坏了一周，请尽快修理。";
} // namespace

class KioskTypingTest : public QObject {
    Q_OBJECT
    ServerProcess m_server;
    std::unique_ptr<ClientDevice> m_kiosk;
    std::unique_ptr<TestDevice> m_office;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow* m_window = nullptr;

    QQuickItem* panel() { return findVisible(m_window->contentItem(), [](QQuickItem* i) { return isQmlType(i, "InputPanel"); }); }
    bool keyboardUp() {
        auto* p = panel();
        return p && p->property("active").toBool();
    }
    // The key showing `label` (a letter, digit or sign) or of a QML key type ("ShiftKey", …).
    QQuickItem* key(const QString& label) {
        auto* p = panel();
        if (!p)
            return nullptr;
        return findVisible(p, [&](QQuickItem* i) {
            return i->property("keyType").isValid() && i->width() > 0 &&
                   (isQmlType(i, label.toLatin1().constData()) || (i->property("text").toString() == label && label.size() == 1));
        });
    }
    // A tap, then a pause no finger is quicker than: the keyboard builds the rest of the
    // candidate bar between frames, as it does for a person.
    void press(QQuickItem* item) {
        tap(item);
        QTest::qWait(40);
    }
    void tapKey(const QString& label) {
        QQuickItem* k = nullptr;
        QVERIFY2(QTest::qWaitFor([&] { return (k = key(label)) != nullptr; }, 3000), qPrintable("no key " + label));
        press(k);
    }
    void tapKeys(const QString& letters) {
        for (const QChar c : letters) {
            tapKey(QString(c));
            if (QTest::currentTestFailed())
                return;
        }
    }
    QQuickItem* candidate(const QString& reading) {
        auto* p = panel();
        return p ? findVisible(p, [&](QQuickItem* i) {
            return i->objectName() == "candidate" && i->property("display").toString() == reading;
        }) : nullptr;
    }
    void choose(const QString& reading) {
        QQuickItem* c = nullptr;
        QVERIFY2(QTest::qWaitFor([&] { return (c = candidate(reading)) != nullptr; }, 3000), qPrintable("no candidate " + reading));
        press(c);
    }
    QQuickItem* button(const QString& text) {
        return findVisible(m_window->contentItem(), [&](QQuickItem* i) {
            return i->inherits("QQuickAbstractButton") && i->property("text").toString() == text;
        });
    }
    // The page's text field that is visible and not the keyboard's own.
    QQuickItem* field(const char* type) {
        for (auto* i : itemsUnder(m_window->contentItem(), Keyboard::Skip))
            if (i->isVisible() && i->inherits(type))
                return i;
        return nullptr;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_config.isValid());
        qputenv("XDG_CONFIG_HOME", m_config.path().toUtf8());
        QVERIFY(m_server.initDemo());
        QVERIFY(m_server.start());
        const auto kiosk = m_server.addDevice("kiosk", {"cm-sunshine"}, "lobby kiosk");
        const auto office = m_server.addDevice("supervisor", {"cm-sunshine"}, "office tablet");
        m_kiosk = std::make_unique<ClientDevice>(true, m_server.url(), kiosk.token);
        QVERIFY(m_kiosk->syncNow());
        QVERIFY(m_kiosk->kioskController->setAdminPin("2468"));
        m_office = std::make_unique<TestDevice>(m_server.url(), office.token);
        m_kiosk->app->setLanguage("zh_CN"); // a Chinese screen: the keyboard starts in Pinyin
        m_engine = std::make_unique<QQmlApplicationEngine>();
        m_window = loadMainWindow(*m_engine, {1080, 1920});
        QVERIFY(m_window);
    }
    void cleanupTestCase() { m_engine.reset(); }

    void typeAChineseComplaint() {
        QVERIFY(showPage(m_window, "KioskFilePage.qml",
                         {{"kind", "complaint"}, {"step", 2}, {"category", "repairs"}, {"unitId", kUnit}}));
        QQuickItem* text = nullptr;
        QTRY_VERIFY((text = field("QQuickTextEdit")) != nullptr);
        tap(text);
        QTRY_VERIFY2(keyboardUp(), "the keyboard did not come up for the description");
        QTRY_VERIFY(key("q") != nullptr);

        // Large enough for older eyes and fingers: keys and readings both.
        for (auto* k : {key("q"), key("m")}) {
            QVERIFY2(k->width() >= 96 && k->height() >= 96, "letter keys smaller than 96 px");
        }

        tapKey("SymbolModeKey"); // digits live on the symbols page
        tapKey("3");
        tapKey("SymbolModeKey");
        tapKeys("hao");
        QCOMPARE(text->property("preeditText").toString(), QString("hao")); // underlined, not yet text
        QQuickItem* first = nullptr;
        QTRY_VERIFY((first = candidate("好")) != nullptr);
        QVERIFY2(first->height() >= 96 && first->width() >= 96, "candidates smaller than 96 px");
        choose("号");
        tapKeys("lou");
        choose("楼");
        tapKey("InputModeKey"); // 中/英: English letters
        tapKey("ShiftKey");
        tapKey("b");
        tapKey("InputModeKey"); // back to Pinyin
        tapKeys("zuo");
        choose("座");
        tapKeys("diantihuaile");
        QCOMPARE(text->property("preeditText").toString(), QString("dian'ti'huai'le"));
        tapKey("SpaceKey"); // the best reading of the whole: 电梯坏了
        tapKeys("yizhou");
        choose("一周");
        tapKey("，"); // the comma key beside Pinyin
        tapKeys("qingjinkuaixiuli"); // a long one, chosen in parts
        choose("请");
        QCOMPARE(text->property("preeditText").toString(), QString("请jin'kuai'xiu'li"));
        choose("尽快");
        choose("修理");
        tapKey("。");
        QCOMPARE(text->property("text").toString(), kComplaint);
        QVERIFY(text->property("preeditText").toString().isEmpty());
    }

    void sendItAndFindItOnTheServer() {
        QQuickItem* next = button("Next ›");
        QVERIFY(next);
        tap(next);
        // The phone number on the keypad the field asks for.
        QQuickItem* phone = nullptr;
        QTRY_VERIFY((phone = field("QQuickTextInput")) != nullptr);
        tap(phone);
        QTRY_VERIFY(keyboardUp() && key("0") != nullptr && key("q") == nullptr);
        tapKeys("13800138000");
        QCOMPARE(phone->property("text").toString(), QString("13800138000"));
        tap(button("Next ›"));
        QQuickItem* send = nullptr;
        QTRY_VERIFY((send = button("Send")) != nullptr);
        tap(send);
        const QString code = m_kiosk->kioskController->lastReceipt();
        QVERIFY2(!code.isEmpty(), qPrintable(m_kiosk->kioskController->lastError()));

        QVERIFY(m_kiosk->syncNow());
        QCOMPARE(m_kiosk->sync->rejectionCount(), 0);
        QVERIFY(m_office->sync().complete);
        store::RecordQuery q;
        q.types = {"complaint"};
        q.unitId = kUnit.toStdString();
        auto records = m_office->store().query(q);
        QVERIFY(bool(records));
        QString content;
        for (const auto& r : *records)
            if (stringAt(r.body, "receipt_code") == code.toStdString())
                content = QString::fromStdString(stringAt(r.body, "content"));
        QCOMPARE(content, kComplaint);
    }

private:
    QTemporaryDir m_config; // this machine's kiosk settings do not count
};

// The kiosk's input method is chosen before the application exists, as `courtyard --kiosk` does.
int main(int argc, char** argv) {
    qputenv("QT_IM_MODULE", "qtvirtualkeyboard");
    QGuiApplication app(argc, argv);
    KioskTypingTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "kiosk_typing_test.moc"
