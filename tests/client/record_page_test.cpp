// Over 400 lines, knowingly: one server and tablet started once for every case below; each case
// stands alone.
// The record page on the staff tablet, the real Qt Quick page offscreen against the real server
// on 127.0.0.1: the history the server keeps (creation, a plain edit, a comment, a photo, a
// transition) with who made each change; the steps offered are exactly those the shared table
// lets the signed-in person take; the step dialog asks for what the shared form of the step says
// and the server refuses a detail outside it; a PIN changed on the page works at the next
// sign-in; and the Qt transport trusts a company CA or a pinned certificate and nothing else.

#include "client/inspection_controller.h"
#include "client/intake_controller.h"
#include "client/patrol_controller.h"
#include "client/qt_transport.h"
#include "client/record_controller.h"
#include "client/survey_controller.h"
#include "client_fixture.h"
#include "page_helpers.h"
#include "support/record_samples.h"
#include "support/signed_device.h"
#include "shared/domain/action_form.h"

#include <QFile>
#include <QImage>
#include <QProcess>

using namespace courtyard;
using namespace courtyard::test;
using client::RecordController;

namespace {

const QString kUnit = "cm-sunshine-b1-1-502";

QStringList textsOf(QQuickWindow* window, const QString& objectName) {
    QStringList out;
    for (auto* item : itemsUnder(window->contentItem()))
        if (item->objectName() == objectName && item->isVisible())
            out << item->property("text").toString();
    return out;
}

QStringList offeredActions(QQuickWindow* window) {
    QStringList out;
    for (auto* item : itemsUnder(window->contentItem()))
        if (item->objectName().startsWith("action_") && item->isVisible())
            out << item->objectName().mid(7);
    return out;
}

// A self-signed certificate for 127.0.0.1 (or for `host` only); true when openssl made it.
bool makeCertificate(const QString& cert, const QString& key, const QString& host = {}) {
    QProcess gen;
    const QString san = host.isEmpty() ? "subjectAltName=IP:127.0.0.1" : "subjectAltName=DNS:" + host;
    gen.start("openssl", {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "2",
                          "-subj", "/CN=" + (host.isEmpty() ? QString("127.0.0.1") : host), "-addext", san});
    return gen.waitForFinished(60000) && gen.exitCode() == 0;
}

QByteArray sha256Hex(const QString& pemFile) {
    const auto certs = QSslCertificate::fromPath(pemFile, QSsl::Pem);
    return certs.isEmpty() ? QByteArray() : certs.first().digest(QCryptographicHash::Sha256).toHex();
}

} // namespace

class RecordPageTest : public QObject {
    Q_OBJECT
    ServerProcess m_server;
    std::unique_ptr<ClientDevice> m_tablet;
    QString m_complaint;

private slots:
    void initTestCase() {
        QVERIFY(m_server.initDemo());
        QVERIFY(m_server.start());
        const auto tablet = m_server.addDevice("supervisor", {"cm-sunshine"}, "record page tablet");
        m_tablet = std::make_unique<ClientDevice>(false, m_server.url(), tablet.token);
        QVERIFY(m_tablet->syncNow());
    }

    // Every kind of change, made by two people, reaches the page from the server's history.
    void historyShowsEveryChangeWithItsActor() {
        QVERIFY(m_tablet->signIn("1001"));
        client::IntakeController intake;
        m_complaint = intake.createComplaint({{"channel", "phone"}, {"unit_id", kUnit}, {"category", "repairs"},
                                              {"content", "楼道灯不亮"}, {"complainant_name", "李女士"},
                                              {"complainant_phone", "13900139000"}, {"urgent", false},
                                              {"serious", false}});
        QVERIFY2(!m_complaint.isEmpty(), qPrintable(intake.lastError()));
        RecordController rc;
        rc.setRecordId(m_complaint);
        QVERIFY(rc.addComment("已登记，通知工程部"));
        QTemporaryDir dir;
        QImage photo(64, 48, QImage::Format_RGB32);
        photo.fill(Qt::darkCyan);
        QVERIFY(photo.save(dir.filePath("lamp.png")));
        QVERIFY2(rc.attachFile(dir.filePath("lamp.png")), qPrintable(rc.lastError()));
        QVERIFY(m_tablet->syncNow());
        // Before the server has it, the page says so; here it has it.
        QVERIFY(m_tablet->signIn("2001"));
        QVERIFY2(rc.update({{"urgent", true}}), qPrintable(rc.lastError()));
        QVERIFY2(rc.perform("accept", {{"resident_type", "venting"}, {"reach", "community"}}), qPrintable(rc.lastError()));
        QVERIFY(m_tablet->syncNow());
        rc.reload();
        const auto history = rc.history();
        QCOMPARE(history.size(), 5);
        QStringList kinds;
        for (const auto& e : history)
            kinds << e.kind;
        QCOMPARE(kinds, (QStringList{"create", "append", "append", "update", "transition"}));
        QCOMPARE(history[0].by, QString("s-1001"));
        QCOMPARE(history[4].by, QString("s-2001"));

        QQmlApplicationEngine engine;
        auto* window = loadMainWindow(engine, {1280, 2400}); // tall: the whole page in one picture
        QVERIFY(window);
        QVERIFY(showPage(window, "RecordPage.qml", {{"recordId", m_complaint}}));
        QStringList lines;
        QVERIFY(QTest::qWaitFor([&] { return (lines = textsOf(window, "historyEntry")).size() == 5; }, 5000));
        const QString staff = m_tablet->directory->staffName("s-1001");
        const QString supervisor = m_tablet->directory->staffName("s-2001");
        QVERIFY2(lines[0].startsWith(staff + " (Staff)") && lines[0].contains("Created"), qPrintable(lines[0]));
        QVERIFY2(lines[1].contains("已登记，通知工程部"), qPrintable(lines[1]));
        QVERIFY2(lines[2].contains("Photo attached"), qPrintable(lines[2]));
        QVERIFY2(lines[3].startsWith(supervisor + " (Supervisor)") && lines[3].contains("urgent: No → Yes"),
                 qPrintable(lines[3]));
        QVERIFY2(lines[4].startsWith(supervisor) && lines[4].contains(" → "), qPrintable(lines[4]));
        QVERIFY(window->grabWindow().save(QDir::temp().filePath("courtyard-record-history.png")));
    }

    // The page reads the record through its typed view: each detail in words (not ids), the
    // comments from their model, and the records a transfer sheet points at as links.
    void detailsAndLinksComeFromTheTypedView() {
        QVERIFY(m_tablet->signIn("2001"));
        client::IntakeController intake;
        const QString complaint = intake.createComplaint(
            {{"channel", "phone"}, {"unit_id", kUnit}, {"category", "repairs"}, {"content", "水管漏水"},
             {"complainant_name", "王先生"}, {"complainant_phone", "13700137000"}, {"urgent", true}, {"serious", false}});
        QVERIFY2(!complaint.isEmpty(), qPrintable(intake.lastError()));
        RecordController rc;
        rc.setRecordId(complaint);
        QVERIFY(rc.addComment("已联系业主"));
        QVERIFY2(rc.perform("accept", {{"resident_type", "venting"}}), qPrintable(rc.lastError()));
        const QString sheet = rc.escalate("需工程部处理");
        QVERIFY2(!sheet.isEmpty(), qPrintable(rc.lastError()));
        QCOMPARE(rc.view().complainantName, QString("王先生"));
        QCOMPARE(rc.view().transferSheetId, sheet);
        QCOMPARE(rc.comments().size(), 1);

        QQmlApplicationEngine engine;
        auto* window = loadMainWindow(engine, {1280, 2400});
        QVERIFY(window);
        QVERIFY(showPage(window, "RecordPage.qml", {{"recordId", complaint}}));
        QStringList labels, values;
        QVERIFY(QTest::qWaitFor([&] { return !(labels = textsOf(window, "detailLabel")).isEmpty(); }, 5000));
        values = textsOf(window, "detailValue");
        QCOMPARE(values.size(), labels.size());
        const auto valueOf = [&](const QString& label) { return values.value(labels.indexOf(label)); };
        QCOMPARE(valueOf("Complainant"), QString("王先生 · 13700137000"));
        QCOMPARE(valueOf("Urgent / serious"), QString("Yes / No"));
        QCOMPARE(valueOf("Channel"), QString("Phone"));
        QVERIFY2(!valueOf("Received").isEmpty(), qPrintable(labels.join(", ")));
        QCOMPARE(textsOf(window, "commentLine").size(), 1);
        QVERIFY(textsOf(window, "commentLine")[0].endsWith(": 已联系业主"));
        QCOMPARE(textsOf(window, "recordLink"), QStringList{"Work transfer sheet ›"});

        // The sheet: its level in words, and a link back to its complaint.
        QVERIFY(showPage(window, "RecordPage.qml", {{"recordId", sheet}}));
        QVERIFY(QTest::qWaitFor([&] { return textsOf(window, "detailLabel").contains("Level"); }, 5000));
        labels = textsOf(window, "detailLabel");
        values = textsOf(window, "detailValue");
        QCOMPARE(valueOf("Subject"), QString("水管漏水"));
        QVERIFY2(!valueOf("Level").isEmpty() && !valueOf("Level").contains('_'), qPrintable(valueOf("Level")));
        QCOMPARE(textsOf(window, "recordLink"), QStringList{"Complaint ›"});
    }

    // "Correct the details" offers exactly the plain fields the shared table lets the person
    // change, filled with the record's values, and sends only what was changed: a supervisor
    // marks a complaint urgent and its deadline becomes the urgent one. The step dialog offers a
    // person to pick for a step that names one (assigning the handler).
    void detailsCorrectedOnThePage() {
        QVERIFY(m_tablet->signIn("1001"));
        client::IntakeController intake;
        const QString id = intake.createComplaint({{"channel", "phone"}, {"unit_id", kUnit}, {"category", "cleaning"},
                                                   {"content", "楼道有垃圾"}, {"complainant_name", "赵女士"},
                                                   {"complainant_phone", "13600136000"}, {"urgent", false},
                                                   {"serious", false}});
        QVERIFY2(!id.isEmpty(), qPrintable(intake.lastError()));
        RecordController rc;
        rc.setRecordId(id);
        const auto keysOf = [](const QVariantList& form) {
            QStringList keys;
            for (const auto& f : form)
                keys << f.toMap().value("key").toString();
            return keys;
        };
        const QStringList staffKeys = keysOf(rc.editForm());
        QVERIFY2(staffKeys.contains("content") && !staffKeys.contains("urgent"), qPrintable(staffKeys.join(",")));
        QVERIFY(!rc.update({{"urgent", true}})); // and the store agrees: not a staff member's to change

        QVERIFY(m_tablet->signIn("2001"));
        rc.reload();
        QVERIFY(keysOf(rc.editForm()).contains("urgent"));
        const QString ruleBefore = rc.dueRule();

        QQmlApplicationEngine engine;
        auto* window = loadMainWindow(engine, {1280, 2400});
        QVERIFY(window);
        QVERIFY(showPage(window, "RecordPage.qml", {{"recordId", id}}));
        auto* edit = findNamed(window->contentItem(), "editRecord");
        QVERIFY(edit);
        QMetaObject::invokeMethod(edit, "clicked");
        auto* dialog = window->findChild<QObject*>("actionDialog");
        QVERIFY(dialog);
        QQuickItem* urgent = nullptr;
        QVERIFY(QTest::qWaitFor([&] { return (urgent = findNamed(window->contentItem(), "yesno_urgent")) != nullptr; }, 5000));
        QCOMPARE(urgent->property("current").toString(), QString("no")); // the record's value
        auto* content = findNamed(window->contentItem(), "long_content");
        QVERIFY(content);
        QCOMPARE(content->property("text").toString(), QString("楼道有垃圾"));
        QMetaObject::invokeMethod(urgent, "chosen", Q_ARG(QString, "yes"));
        QMetaObject::invokeMethod(dialog, "submit");
        QVERIFY2(dialog->property("error").toString().isEmpty(), qPrintable(dialog->property("error").toString()));
        rc.reload();
        QVERIFY(rc.view().urgent);
        QCOMPARE(rc.view().headline, QString("楼道有垃圾"));
        QVERIFY2(rc.dueRule() != ruleBefore, qPrintable(rc.dueRule()));
        QVERIFY(m_tablet->syncNow());
        rc.reload();
        const auto history = rc.history();
        QVERIFY(!history.isEmpty());
        QCOMPARE(history.last().kind, QString("update"));
        QCOMPARE(history.last().changes.keys(), QStringList{"urgent"}); // only what was changed was sent

        // A step that names a person offers the people it allows.
        QMetaObject::invokeMethod(dialog, "close");
        QMetaObject::invokeMethod(dialog, "openFor", Q_ARG(QVariant, "assign"));
        QQuickItem* handler = nullptr;
        QVERIFY(QTest::qWaitFor([&] { return (handler = findNamed(window->contentItem(), "choices_handler_id")) != nullptr; }, 5000));
        QVERIFY(handler->property("options").toList().size() > 0);
    }

    // An inspection's items are a typed model: one card per item of the template; grading an
    // item "poor" offers a finding on that card, and once raised the card links to it (the
    // rows change in place, so the cards and what is typed in them stay).
    void inspectionPageGradesItemsFromTheModel() {
        QVERIFY(m_tablet->signIn("2001"));
        client::InspectionController ic;
        const QString id = ic.start("t-etiquette", "s-1001", "前台");
        QVERIFY2(!id.isEmpty(), qPrintable(ic.lastError()));
        const auto items = ic.items();
        QVERIFY(items.size() >= 3);
        QCOMPARE(ic.property("grades").toStringList().size(), 3);

        QQmlApplicationEngine engine;
        auto* window = loadMainWindow(engine, {1280, 2400});
        QVERIFY(window);
        QVERIFY(showPage(window, "InspectionPage.qml", {{"recordId", id}}));
        QStringList titles;
        QVERIFY(QTest::qWaitFor([&] { return (titles = textsOf(window, "inspectionItemTitle")).size() == items.size(); }, 5000));
        QCOMPARE(titles[0], items[0].title);
        QVERIFY(textsOf(window, "raiseFinding").isEmpty());

        QVERIFY(ic.grade(items[1].itemId, "poor", "工牌歪了"));
        QVERIFY(QTest::qWaitFor([&] { return textsOf(window, "raiseFinding").size() == 1; }, 5000));
        QVERIFY(!ic.raiseFinding(items[1].itemId, "工牌佩戴不规范").isEmpty());
        QVERIFY(QTest::qWaitFor([&] { return textsOf(window, "openFinding").size() == 1; }, 5000));
        QVERIFY(textsOf(window, "raiseFinding").isEmpty());
        QCOMPARE(textsOf(window, "inspectionItemTitle").size(), items.size());
    }

    // A survey's households are a typed model: one button per household of the sample, and a
    // visit's outcome shows on its button at once.
    void surveyPageListsTheSample() {
        QVERIFY(m_tablet->signIn("2001"));
        client::SurveyController sc;
        const QString id = sc.plan({{"kind", "monthly_solicitation"}, {"method", "door_to_door"}, {"title", "十二月走访"},
                                    {"categories", QStringList{"housing", "security"}},
                                    {"period_start", QDateTime::currentDateTimeUtc().addDays(-1)},
                                    {"period_end", QDateTime::currentDateTimeUtc().addDays(14)},
                                    {"seed", 7}});
        QVERIFY2(!id.isEmpty(), qPrintable(sc.lastError()));
        sc.setRecordId(id);
        const auto households = sc.households();
        QVERIFY(!households.isEmpty());

        QQmlApplicationEngine engine;
        auto* window = loadMainWindow(engine, {1280, 2400});
        QVERIFY(window);
        QVERIFY(showPage(window, "SurveyPage.qml", {{"recordId", id}}));
        QStringList buttons;
        QVERIFY(QTest::qWaitFor([&] { return (buttons = textsOf(window, "household")).size() == households.size(); }, 5000));
        QVERIFY2(buttons[0].startsWith(households[0].label), qPrintable(buttons[0]));
        QVERIFY(sc.notAtHome(households[0].unitId));
        QVERIFY(QTest::qWaitFor([&] { return textsOf(window, "household").value(0).endsWith("Not at home"); }, 5000));
    }

    // A round's checkpoints are a typed model; the patrol page lists each with its state, and a
    // checkpoint confirmed by hand shows the guard's reason (the delegate's required properties
    // are filled from the model's roles, or the page would show no rows at all).
    void patrolPageListsTheRoundsCheckpoints() {
        QVERIFY(m_tablet->signIn("1003")); // security staff
        client::PatrolController pc;
        const QString id = pc.start("route-sunshine");
        QVERIFY2(!id.isEmpty(), qPrintable(pc.lastError()));
        QVERIFY(pc.confirmManually(pc.checkpoints()[0].id, "二维码被涂污"));
        QQmlApplicationEngine engine;
        auto* window = loadMainWindow(engine, {1280, 2400});
        QVERIFY(window);
        QVERIFY(showPage(window, "PatrolPage.qml", {{"recordId", id}}));
        QStringList lines;
        QVERIFY(QTest::qWaitFor([&] { return (lines = textsOf(window, "checkpointLine")).size() == 5; }, 5000));
        const auto checkpoints = pc.checkpoints();
        for (int i = 0; i < 5; ++i)
            QVERIFY2(lines[i].startsWith(QString::number(i + 1) + ". " + checkpoints[i].name), qPrintable(lines[i]));
        QCOMPARE(textsOf(window, "checkpointManualReason"), QStringList{"Confirmed by hand: 二维码被涂污"});
        QVERIFY(pc.abandon("测试结束"));
    }

    // The page offers what the shared table allows the person signed in, and nothing else.
    void onlyPermittedStepsAreOffered() {
        QVERIFY(m_tablet->signIn("1001"));
        client::IntakeController intake;
        const QString id = intake.createComplaint({{"channel", "phone"}, {"unit_id", kUnit}, {"category", "cleaning"},
                                                   {"content", "垃圾没有清运"}, {"complainant_name", "王先生"},
                                                   {"complainant_phone", "13700137000"}, {"urgent", false},
                                                   {"serious", false}});
        QVERIFY(!id.isEmpty());
        QQmlApplicationEngine engine;
        auto* window = loadMainWindow(engine, {1280, 800});
        QVERIFY(window);
        QVERIFY(showPage(window, "RecordPage.qml", {{"recordId", id}}));
        const auto* type = records::findRecordType("complaint");
        const auto expected = [&](domain::Role role) {
            QStringList out;
            for (const auto& a : type->availableActions("received", role))
                if (a != "name_leader") // only for a complaint from outside; this one came by phone
                    out << QString::fromStdString(a);
            return out;
        };
        QStringList staffOffers;
        QVERIFY(QTest::qWaitFor([&] { return !(staffOffers = offeredActions(window)).isEmpty(); }, 5000));
        QCOMPARE(staffOffers, expected(domain::Role::Staff));
        QVERIFY(!staffOffers.contains("accept"));  // a supervisor's decision
        QVERIFY(!staffOffers.contains("reject"));
        QVERIFY(!staffOffers.contains("cancel"));
        QVERIFY(staffOffers.contains("answer_on_spot"));
        // The supervisor takes the tablet: the decisions appear.
        QVERIFY(m_tablet->signIn("2001"));
        QStringList supervisorOffers;
        QVERIFY(QTest::qWaitFor([&] { return (supervisorOffers = offeredActions(window)).contains("accept"); }, 5000));
        QCOMPARE(supervisorOffers, expected(domain::Role::Supervisor));

        // The dialog for a step asks for the shared form's fields: reject's cause offers exactly
        // the causes the workflow takes.
        auto* rejectButton = findNamed(window->contentItem(), "action_reject");
        QVERIFY(rejectButton);
        tap(rejectButton);
        RecordController rc;
        rc.setRecordId(id);
        const auto form = rc.actionForm("reject");
        QStringList keys;
        for (const auto& f : form)
            keys << f.toMap().value("key").toString();
        QCOMPARE(keys, (QStringList{"cause", "reason", "controllability", "reach", "department_id"}));
        QCOMPARE(form[0].toMap().value("choices").toStringList(), (QStringList{"developer", "external", "public_facility"}));
        // A detail the step does not take is refused on the tablet and changes nothing.
        QVERIFY(!rc.perform("reject", {{"cause", "external"}, {"reason", "市政管网"}, {"grade", 4}}));
        QCOMPARE(rc.lastErrorCode(), QString("invalid_argument"));
        QVERIFY(!rc.perform("reject", {{"cause", "own"}, {"reason", "市政管网"}}));
        QCOMPARE(rc.state(), QString("received"));
        // A rectification's acceptance asks the resident to sign only when a resident found it.
        const auto staffFound = domain::actionForm("rectification", "accept");
        QCOMPARE(int(staffFound.size()), 3);
        QVERIFY(domain::offeredFor(staffFound[2], Json{{"source", "engineering"}}));
        QVERIFY(!domain::offeredFor(staffFound[1], Json{{"source", "engineering"}}));
        QVERIFY(domain::offeredFor(staffFound[1], Json{{"source", "resident_inspection"}}));
    }

    // The step refused on the server too: a device that skips the form is told why, and the
    // record stays as it was (the same shared check runs in the server's merge).
    void serverRefusesDetailsOutsideTheForm() {
        auto device = enrolDevice(m_server, "supervisor", {"cm-sunshine"}, {"2001"});
        QVERIFY(device);
        const Instant now = std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
        const std::string id = m_complaint.toStdString();
        // The complaint is being handled: agreeing a time takes agreed_by, and nothing else.
        const std::string later = formatInstant(now + std::chrono::hours(48));
        Json extra = Json::object();
        extra["agreed_by"] = later;
        extra["grade"] = 4;
        Json notAnInstant = Json::object();
        notAnInstant["agreed_by"] = "next week";
        for (const Json& params : std::vector<Json>{extra, notAnInstant, Json::object()}) {
            const auto answer = device->push(Json::array({transitionOp("complaint", id, "s-2001", "agree_time", params, now)}));
            QCOMPARE(answer.status, 200);
            const Json& result = answer.body["results"][0];
            QCOMPARE(result["status"], Json("rejected"));
            QCOMPARE(result["error"]["code"], Json("invalid_argument"));
        }
        Json fitting = Json::object();
        fitting["agreed_by"] = later;
        fitting["note"] = "电话约定";
        const auto ok = device->pushApplied(Json::array({transitionOp("complaint", id, "s-2001", "agree_time", fitting, now)}));
        QVERIFY2(ok.empty(), ok.c_str());
    }

    // A PIN changed on the page is the PIN from then on.
    void pinChangedOnThePage() {
        QVERIFY(m_tablet->signIn("1002"));
        QQmlApplicationEngine engine;
        auto* window = loadMainWindow(engine, {1280, 800});
        QVERIFY(window);
        QVERIFY(showPage(window, "SignInPage.qml", {{"switching", true}}));
        // The quick switch offers the people who signed in here, the latest first.
        const QStringList recent = textsOf(window, "recentUser");
        QCOMPARE(recent.size(), m_tablet->session->recentUsers().size());
        QVERIFY2(recent.size() >= 2 && recent[0].endsWith(" · 1002"), qPrintable(recent.join(", ")));
        auto* card = findNamed(window->contentItem(), "changePinCard");
        QVERIFY(card);
        findNamed(card, "currentPin")->setProperty("text", demoPin(QString("1002")));
        findNamed(card, "newPin")->setProperty("text", "739514");
        findNamed(card, "repeatPin")->setProperty("text", "739514");
        QSignalSpy done(m_tablet->session.get(), &client::SessionController::finished);
        auto* button = findNamed(card, "changePinButton");
        QVERIFY(button && button->isEnabled());
        QMetaObject::invokeMethod(button, "clicked"); // the card may sit below the fold

        QVERIFY(done.wait(30000));
        QVERIFY2(done.first().value(0).toBool(), qPrintable(m_tablet->session->lastError()));
        m_tablet->session->signOut();
        QVERIFY(!m_tablet->signIn("1002", demoPin(QString("1002"))));
        QVERIFY(m_tablet->signIn("1002", "739514"));
    }

    // https: the company's CA file, or one pinned certificate, and nothing else.
    void qtTransportTrustsTheCompanyCaOrAPinnedCertificate() {
        QTemporaryDir dir;
        const QString cert = dir.filePath("cert.pem"), key = dir.filePath("key.pem");
        const QString other = dir.filePath("other.pem"), otherKey = dir.filePath("other-key.pem");
        QVERIFY(makeCertificate(cert, key));
        QVERIFY(makeCertificate(other, otherKey, "sync.example.org"));
        ServerProcess tls;
        QVERIFY(tls.initDemo());
        QVERIFY(tls.start({"--tls-cert", cert, "--tls-key", key}));
        const auto health = [&] {
            client::QtTransport transport(tls.url(), 10000);
            auto r = transport.send({"GET", "/healthz", {}, {}});
            return r && r->status == 200;
        };
        QVERIFY(client::QtTransport::setTrust({}, {}));
        QVERIFY(!health()); // self-signed, not trusted
        QVERIFY(client::QtTransport::setTrust(cert, {}));
        QVERIFY(health()); // the company CA file
        QVERIFY(client::QtTransport::setTrust({}, QString::fromLatin1(sha256Hex(cert))));
        QVERIFY(health()); // pinned
        QVERIFY(client::QtTransport::setTrust(cert, QString::fromLatin1(sha256Hex(other))));
        QVERIFY(!health()); // trusted by the CA file but not the pinned one: refused
        QVERIFY(!client::QtTransport::setTrust(dir.filePath("missing.pem"), {}));
        QVERIFY(!client::QtTransport::setTrust({}, "abc"));
        QVERIFY(client::QtTransport::setTrust({}, {}));
        tls.terminate();
    }
};

QTEST_MAIN(RecordPageTest)
#include "record_page_test.moc"
