// A refused new complaint on the staff tablet's real record page, offscreen, against the real
// server on 127.0.0.1: the page shows "Refused — not sent" with the server's reason and offers no
// workflow step; the details are corrected as its edit form corrects them, "Send again" sends
// it and the banner goes once the server has it; "Discard" asks first, then removes it.

#include "client/intake_controller.h"
#include "client/record_controller.h"
#include "client/record_list_model.h"
#include "client_fixture.h"
#include "page_helpers.h"

#include <QDir>

using namespace courtyard;
using namespace courtyard::test;
using client::RecordController;

namespace {

// A flat of Jade Lake: the tablet serves it, staff member 1003 does not.
const QString kJadeUnit = "cm-jadelake-b1-1-502";

QString visibleText(QQuickWindow* window, const QString& objectName) {
    auto* item = findNamed(window->contentItem(), objectName);
    return item && item->isVisible() ? item->property("text").toString() : QString();
}

} // namespace

class ReturnedPageTest : public QObject {
    Q_OBJECT
    ServerProcess m_server;
    std::unique_ptr<ClientDevice> m_tablet;

    // 1003 files a complaint in Jade Lake; the sync brings the server's refusal.
    QString refusedComplaint(const QString& content) {
        if (!m_tablet->signIn("1003"))
            return {};
        client::IntakeController intake;
        const QString id = intake.createComplaint({{"channel", "phone"},
                                                   {"unit_id", kJadeUnit},
                                                   {"category", "security"},
                                                   {"content", content},
                                                   {"urgent", false},
                                                   {"serious", false}});
        if (id.isEmpty() || !m_tablet->syncNow())
            return {};
        return id;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_server.initDemo());
        QVERIFY(m_server.start());
        const auto tablet =
            m_server.addDevice("supervisor", {"cm-sunshine", "cm-jadelake"}, "gate tablet");
        m_tablet = std::make_unique<ClientDevice>(false, m_server.url(), tablet.token);
        QVERIFY(m_tablet->syncNow());
        QVERIFY(m_tablet->directory->unit(kJadeUnit).valid);
    }

    void theRefusalIsShownCorrectedAndSentAgain() {
        const QString id = refusedComplaint("大门道闸坏了");
        QVERIFY(!id.isEmpty());
        RecordController rc;
        rc.setRecordId(id);
        QVERIFY(rc.exists());
        QVERIFY(rc.returned());
        QVERIFY2(rc.returnedReason().contains("cm-jadelake"), qPrintable(rc.returnedReason()));
        QVERIFY(rc.availableActions().isEmpty());
        // In the list of complaints it is marked refused, not "waiting to be sent".
        auto returnedRow = [&](bool* returned, bool* pending) {
            client::RecordListModel list;
            list.setTypes({"complaint"});
            list.reload();
            for (int i = 0; i < list.rowCount(); ++i)
                if (list.idAt(i) == id) {
                    *returned = list.data(list.index(i), client::RecordListModel::ReturnedRole).toBool();
                    *pending = list.data(list.index(i), client::RecordListModel::PendingRole).toBool();
                    return true;
                }
            return false;
        };
        bool returned = false, pending = true;
        QVERIFY(returnedRow(&returned, &pending));
        QVERIFY(returned);
        QVERIFY(!pending);

        QQmlApplicationEngine engine;
        auto* window = loadMainWindow(engine, {1280, 2400});
        QVERIFY(window);
        QVERIFY(showPage(window, "RecordPage.qml", {{"recordId", id}}));
        QTRY_VERIFY(!visibleText(window, "returnedTitle").isEmpty());
        QCOMPARE(visibleText(window, "returnedTitle"), QString("Refused — not sent"));
        QVERIFY2(visibleText(window, "returnedReason").contains(rc.returnedReason()),
                 qPrintable(visibleText(window, "returnedReason")));
        QVERIFY(window->grabWindow().save(QDir::temp().filePath("courtyard-record-returned.png")));

        // The security head, who serves Jade Lake, corrects the details and sends it again.
        QVERIFY(m_tablet->signIn("2003"));
        QVERIFY2(rc.update({{"content", "大门2号道闸抬不起来"}}), qPrintable(rc.lastError()));
        QCOMPARE(*m_tablet->app->store().pendingCount(),
                 std::int64_t(0)); // a correction of the draft only
        auto* send = findNamed(window->contentItem(), "sendAgain");
        QVERIFY(send);
        QTRY_VERIFY(send->isVisible() && send->isEnabled());
        QMetaObject::invokeMethod(send, "clicked"); // the banner may sit below the fold
        QTRY_VERIFY(!rc.returned());
        QCOMPARE(*m_tablet->app->store().pendingCount(), std::int64_t(1));
        QVERIFY(!rc.sendAgain()); // a second tap: already waiting to be sent
        QVERIFY(returnedRow(&returned, &pending));
        QVERIFY(!returned); // sent again: waiting in the outbox like any new record
        QVERIFY(pending);
        QVERIFY(!rc.lastError().isEmpty());
        QVERIFY(m_tablet->syncNow());
        rc.reload();
        QVERIFY(!rc.pending());
        QCOMPARE(rc.record().value("content").toString(), QString("大门2号道闸抬不起来"));
        QTRY_VERIFY(visibleText(window, "returnedTitle").isEmpty()); // the banner is gone
    }

    void discardAsksFirst() {
        const QString id = refusedComplaint("楼道灯不亮");
        QVERIFY(!id.isEmpty());
        QQmlApplicationEngine engine;
        auto* window = loadMainWindow(engine, {1280, 2400});
        QVERIFY(window);
        QVERIFY(showPage(window, "RecordPage.qml", {{"recordId", id}}));
        auto* discard = findNamed(window->contentItem(), "discardReturned");
        QVERIFY(discard);
        QTRY_VERIFY(discard->isVisible());
        QMetaObject::invokeMethod(discard, "clicked");
        auto* confirm = findNamed(window->contentItem(), "confirmDiscard");
        QVERIFY(confirm);
        QTRY_VERIFY(confirm->isVisible());
        QVERIFY(
            *m_tablet->app->store().get(id.toStdString())); // nothing gone before the confirmation
        QMetaObject::invokeMethod(confirm, "clicked");
        QTRY_VERIFY(!*m_tablet->app->store().get(id.toStdString()));
        QVERIFY(m_tablet->app->store().rejections()->empty());
    }
};

QTEST_MAIN(ReturnedPageTest)
#include "returned_page_test.moc"
