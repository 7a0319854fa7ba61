// Over 400 lines, knowingly: one server and tablet started once for every workflow below; each
// case stands alone.
// The staff tablet's controllers and models, driven as the pages drive them, against the real
// server binary on 127.0.0.1 with the demo company: every workflow's happy path and its
// refusals (illegal transition, wrong role, missing data), and the end-to-end complaint taken
// offline, escalated and closed with the network cut and restored in the middle.

#include "client/directory.h"
#include "client/inspection_controller.h"
#include "client/patrol_controller.h"
#include "client/survey_controller.h"
#include "client/period_controller.h"
#include "client/intake_controller.h"
#include "client/media.h"
#include "client/record_controller.h"
#include "client/record_list_model.h"
#include "client/sync_controller.h"
#include "client_fixture.h"
#include "support/test_device.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QImage>
#include <QRegularExpression>
#include <QProcess>
#include <QSignalSpy>

using namespace courtyard;
using namespace courtyard::test;
using client::RecordController;

namespace {

const QString kUnit = "cm-sunshine-b1-1-502";

QVariantMap complaintForm(const QString& content) {
    return {{"channel", "phone"},          {"unit_id", kUnit},        {"category", "repairs"},
            {"content", content},          {"complainant_name", "张先生"}, {"complainant_phone", "13800138000"},
            {"urgent", false},             {"serious", false}};
}

} // namespace

class TabletTest : public QObject {
    Q_OBJECT
    ServerProcess m_server;
    std::unique_ptr<ClientDevice> m_tablet;

    bool signIn(const QString& number) { return m_tablet->signIn(number); }
    QString newComplaint(const QString& content) {
        client::IntakeController intake;
        return intake.createComplaint(complaintForm(content));
    }

private slots:
    void initTestCase() {
        QVERIFY(m_server.initDemo());
        QVERIFY(m_server.start());
        const auto tablet = m_server.addDevice("supervisor", {"cm-sunshine", "cm-jadelake"}, "test tablet");
        QVERIFY(!tablet.token.isEmpty());
        m_tablet = std::make_unique<ClientDevice>(false, m_server.url(), tablet.token);
        // The first sync says how far it has come, page by page, then clears the line.
        QStringList progress;
        const auto watch = QObject::connect(m_tablet->sync.get(), &client::SyncController::progressChanged,
                                            [&] { progress << m_tablet->sync->progressText(); });
        QVERIFY(m_tablet->syncNow()); // staff, units, templates and routes arrive
        QObject::disconnect(watch);
        QVERIFY2(progress.size() >= 2, qPrintable(progress.join(" | ")));
        QCOMPARE(progress.last(), QString());
        const QString lastPage = progress.at(progress.size() - 2);
        QVERIFY2(QRegularExpression(R"(^Receiving ([\d,]+) of about \1 records$)").match(lastPage).hasMatch(),
                 qPrintable(lastPage));
        QCOMPARE(m_tablet->sync->pullReceived(), 0);
        QVERIFY(m_tablet->app->enrolled());
        QCOMPARE(m_tablet->app->currentCommunity(), QString("cm-sunshine"));
        QVERIFY(m_tablet->directory->unit(kUnit).valid);
    }

    void signInRefusesWrongPinAndUnknownStaff() {
        QVERIFY(!m_tablet->signIn("1001", "999999"));
        QVERIFY(!m_tablet->session->lastError().isEmpty());
        QVERIFY(!m_tablet->session->signedIn());
        QVERIFY(!m_tablet->signIn("7777", "777700"));
        QVERIFY(!m_tablet->session->signedIn());
    }

    void signInRecordsTheActorAndQuickSwitch() {
        QVERIFY(signIn("1001"));
        QCOMPARE(m_tablet->session->staffId(), QString("s-1001"));
        QCOMPARE(m_tablet->session->role(), QString("staff"));
        const QString id = newComplaint("走廊灯坏了");
        QVERIFY(!id.isEmpty());
        RecordController rc;
        rc.setRecordId(id);
        QCOMPARE(rc.record().value("created_by").toString(), QString("s-1001"));
        // Another person takes the tablet: both are offered for a quick switch, newest first.
        QVERIFY(signIn("2001"));
        QCOMPARE(m_tablet->session->staffId(), QString("s-2001"));
        QVERIFY(m_tablet->session->supervisor());
        const auto recent = m_tablet->session->recentUsers();
        QVERIFY(recent.size() >= 2);
        QCOMPARE(recent[0].number, QString("2001"));
        QCOMPARE(recent[1].number, QString("1001"));
    }

    void complaintIntakeRefusesMissingData() {
        QVERIFY(signIn("1001"));
        const int before = countOf(*m_tablet->app, "complaint");
        client::IntakeController intake;
        QVERIFY(intake.createComplaint(complaintForm("   ")).isEmpty());
        QVERIFY(!intake.lastError().isEmpty());
        auto noCategory = complaintForm("漏水");
        noCategory["category"] = "weather";
        QVERIFY(intake.createComplaint(noCategory).isEmpty());
        QVERIFY(intake.lastError().contains("category"));
        QCOMPARE(countOf(*m_tablet->app, "complaint"), before);
    }

    void onTheSpotAnswerIsRecorded() {
        QVERIFY(signIn("1001"));
        auto form = complaintForm("电梯按钮不灵");
        form["answer"] = "已通知工程部，今天下午修好";
        client::IntakeController intake;
        const QString id = intake.createComplaint(form);
        QVERIFY2(!id.isEmpty(), qPrintable(intake.lastError()));
        RecordController rc;
        rc.setRecordId(id);
        QCOMPARE(rc.state(), QString("replied"));
        QCOMPARE(rc.record().value("reply").toString(), QString("已通知工程部，今天下午修好"));
        // The forbidden phrases are refused in an answer, before anything is saved.
        form["answer"] = "这个事情不归我们管";
        form["content"] = "另一件事";
        const int before = countOf(*m_tablet->app, "complaint");
        QVERIFY(intake.createComplaint(form).isEmpty());
        QCOMPARE(countOf(*m_tablet->app, "complaint"), before);
    }

    void complaintRefusesIllegalTransitionAndWrongRole() {
        QVERIFY(signIn("1001"));
        const QString id = newComplaint("垃圾没有清运");
        RecordController rc;
        rc.setRecordId(id);
        QCOMPARE(rc.state(), QString("received"));
        // Staff cannot accept (a supervisor's decision) and nobody closes an unvisited complaint.
        QVERIFY(!rc.availableActions().contains("accept"));
        QVERIFY(!rc.perform("accept", {{"resident_type", "venting"}}));
        QCOMPARE(rc.lastErrorCode(), QString("permission_denied"));
        QVERIFY(!rc.perform("visit", {{"opinion", "ok"}, {"satisfied", true}}));
        QCOMPARE(rc.lastErrorCode(), QString("failed_precondition"));
        QCOMPARE(rc.state(), QString("received"));
        // A supervisor accepts; a reply without its measures is refused and changes nothing.
        QVERIFY(signIn("2001"));
        QVERIFY2(rc.perform("accept", {{"resident_type", "compensation_seeking"}}), qPrintable(rc.lastError()));
        QCOMPARE(rc.state(), QString("handling"));
        QVERIFY(!rc.perform("reply", {{"handling_mode", "solved_at_once"}, {"reply", "修好了"}}));
        QCOMPARE(rc.state(), QString("handling"));
        QVERIFY(rc.record().value("reply").toString().isEmpty());
    }

    void rejectingAComplaintNeedsACause() {
        QVERIFY(signIn("2001"));
        RecordController rc;
        rc.setRecordId(newComplaint("开发商房屋质量问题"));
        QVERIFY(!rc.perform("reject", {{"cause", "own"}, {"reason", "x"}}));
        QVERIFY(!rc.perform("reject", {{"cause", "developer"}}));
        QCOMPARE(rc.state(), QString("received"));
        QVERIFY2(rc.perform("reject", {{"cause", "developer"}, {"reason", "属开发商保修范围"}}), qPrintable(rc.lastError()));
        QVERIFY(rc.state() != "received");
        QCOMPARE(rc.record().value("validity").toString(), QString("invalid"));
    }

    void recordListModelPagesFromSqlite() {
        QVERIFY(signIn("1001"));
        for (int i = 0; i < 7; ++i)
            QVERIFY(!newComplaint(QString("分页测试 %1").arg(i)).isEmpty());
        // The tester checks every signal of a model doing the same as the one counted below.
        client::RecordListModel watched;
        QAbstractItemModelTester tester(&watched, QAbstractItemModelTester::FailureReportingMode::QtTest);
        watched.setTypes({"complaint"});
        watched.setPageSize(5);
        watched.setSearch("分页测试");
        QTRY_VERIFY(watched.rowCount() >= 5);
        while (watched.canFetchMore({}))
            watched.fetchMore({});
        QCOMPARE(watched.rowCount(), 7);
        client::RecordListModel model;
        model.setTypes({"complaint"});
        model.setPageSize(5); // the smallest page
        model.setSearch("分页测试");
        QTRY_COMPARE(model.rowCount(), 5);
        QCOMPARE(model.property("total").toInt(), 7);
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 7);
        QVERIFY(!model.canFetchMore({}));
        const auto roles = model.roleNames();
        const int titleRole = roles.key("title");
        const int stateRole = roles.key("recordState");
        const int dueRole = roles.key("dueAt");
        const int provisionalRole = roles.key("provisional");
        QVERIFY(model.data(model.index(0), titleRole).toString().contains("分页测试"));
        QCOMPARE(model.data(model.index(0), stateRole).toString(), QString("received"));
        QVERIFY(model.data(model.index(0), dueRole).toDateTime().isValid());
        QVERIFY(model.data(model.index(0), provisionalRole).toBool()); // not synced yet
        // My work: the open items of mine or my department, by deadline.
        client::RecordListModel work;
        QAbstractItemModelTester workTester(&work, QAbstractItemModelTester::FailureReportingMode::QtTest);
        work.setTypes({"complaint"});
        work.setScope("work");
        work.setOpenOnly(true);
        work.setOrder("due");
        QTRY_VERIFY(work.rowCount() > 0);
        QDateTime previous;
        for (int r = 0; r < work.rowCount(); ++r) {
            const QDateTime due = work.data(work.index(r), dueRole).toDateTime();
            // Every open complaint has its state, its flat and a deadline to count down to.
            QVERIFY(!work.data(work.index(r), stateRole).toString().isEmpty());
            QVERIFY(!work.data(work.index(r), roles.key("unitId")).toString().isEmpty());
            QVERIFY(due.isValid());
            if (previous.isValid() && due.isValid())
                QVERIFY(previous <= due);
            if (due.isValid())
                previous = due;
        }
    }

    void suggestionAgreedTimeAndReply() {
        QVERIFY(signIn("1001"));
        client::IntakeController intake;
        QVERIFY(intake.createSuggestion({{"unit_id", kUnit}, {"content", ""}}).isEmpty());
        const QString id = intake.createSuggestion({{"unit_id", kUnit},
                                                    {"content", "建议增加儿童游乐设施"},
                                                    {"resident_name", "李女士"},
                                                    {"agreed_reply_by", QDateTime::currentDateTimeUtc().addDays(3)}});
        QVERIFY2(!id.isEmpty(), qPrintable(intake.lastError()));
        RecordController rc;
        rc.setRecordId(id);
        QCOMPARE(rc.state(), QString("acknowledged"));
        QVERIFY(rc.dueAt().isValid());
        // Not adopted needs the reason.
        QVERIFY(!rc.perform("reply", {{"adopted", false}, {"reply", "暂不采纳"}}));
        QCOMPARE(rc.state(), QString("acknowledged"));
        QVERIFY(rc.perform("reply", {{"adopted", false}, {"reply", "暂不采纳"}, {"reason", "场地不足"}}));
        QCOMPARE(rc.state(), QString("replied"));
        QCOMPARE(rc.record().value("not_adopted_reason").toString(), QString("场地不足"));
    }

    void inspectionGradesAndRaisesAFinding() {
        QVERIFY(signIn("2001"));
        client::InspectionController ic;
        QVERIFY(ic.start("no-such-template", "s-1001", "").isEmpty());
        QVERIFY(!ic.lastError().isEmpty());
        const QString id = ic.start("t-etiquette", "s-1001", "前台");
        QVERIFY2(!id.isEmpty(), qPrintable(ic.lastError()));
        QCOMPARE(ic.state(), QString("draft"));
        const auto items = ic.items();
        QVERIFY(items.size() >= 3);
        const QString first = items[0].itemId;
        const QString second = items[1].itemId;
        QVERIFY(!ic.grade(first, "excellent", "")); // not on the scale
        QVERIFY(ic.grade(first, "good", ""));
        QVERIFY(ic.grade(second, "poor", "工牌歪了"));
        QCOMPARE(ic.property("graded").toInt(), 2);
        QCOMPARE(ic.property("failed").toInt(), 1);
        const QString finding = ic.raiseFinding(second, "工牌佩戴不规范");
        QVERIFY2(!finding.isEmpty(), qPrintable(ic.lastError()));
        RecordController rec;
        rec.setRecordId(finding);
        QCOMPARE(rec.recordType(), QString("rectification"));
        QCOMPARE(rec.state(), QString("reported"));
        for (int i = 2; i < items.size(); ++i)
            QVERIFY(ic.grade(items[i].itemId, "good", ""));
        QVERIFY2(ic.submit("整体良好"), qPrintable(ic.lastError()));
        QVERIFY(ic.state() != "draft");
        QVERIFY(!ic.grade(first, "poor", "")); // a submitted inspection is closed for grading
    }

    void patrolScansFlagsMissedAndNeedsAReasonByHand() {
        QVERIFY(signIn("1003")); // security staff
        client::PatrolController pc;
        QAbstractItemModelTester tester(pc.checkpointModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QString id = pc.start("route-sunshine");
        QVERIFY2(!id.isEmpty(), qPrintable(pc.lastError()));
        QCOMPARE(pc.state(), QString("in_progress"));
        const int total = pc.checkpoints().size();
        QCOMPARE(total, 5);
        QVERIFY(!pc.scan("courtyard:cp:route-jadelake-gate").size() || !pc.lastError().isEmpty());
        QVERIFY(!pc.scan("courtyard:cp:route-sunshine-gate").isEmpty());
        QCOMPARE(pc.visited(), 1);
        const QString b1 = pc.checkpoints()[1].id;
        QVERIFY(!pc.confirmManually(b1, "")); // damaged code: say why
        QCOMPARE(pc.visited(), 1);
        // The page's delegates read roles by the gadget's property names; a visit changes the
        // rows in place (no reset, so the list keeps its scroll position).
        auto* model = pc.checkpointModel();
        QSignalSpy reset(model, &QAbstractItemModel::modelReset);
        QSignalSpy changedRows(model, &QAbstractItemModel::dataChanged);
        QVERIFY(pc.confirmManually(b1, "二维码被涂污"));
        QCOMPARE(pc.visited(), 2);
        QCOMPARE(reset.count(), 0);
        QVERIFY(changedRows.count() >= 1);
        const auto roles = model->roleNames();
        QCOMPARE(model->data(model->index(1), roles.key("manualReason")).toString(), QString("二维码被涂污"));
        QCOMPARE(model->data(model->index(1), roles.key("checkpointId")).toString(), b1);
        QVERIFY(model->data(model->index(1), roles.key("visitedAt")).toDateTime().isValid());
        QVERIFY(!model->data(model->index(3), roles.key("visitedAt")).toDateTime().isValid());
        const QString finding = pc.raiseFinding("水泵房漏水", pc.checkpoints()[2].id);
        QVERIFY(!finding.isEmpty());
        QVERIFY(pc.finish());
        QCOMPARE(pc.missed(), total - 2);
        QVERIFY(pc.scan("courtyard:cp:route-sunshine-roof").isEmpty()); // a finished round takes no scans
    }

    // The administrator's printed sheet scans back to its checkpoints: libqrencode → PDF →
    // poppler's rasteriser → ZXing, and a photographed code checks a checkpoint in.
    void checkpointSheetPrintsCodesThatScan() {
        QVERIFY(signIn("2001"));
        client::Media media;
        QTemporaryDir dir;
        const QString pdf = dir.filePath("sheet.pdf");
        QVERIFY(!media.writeCheckpointSheet("no-such-route", pdf));
        QVERIFY2(media.writeCheckpointSheet("route-sunshine", pdf), qPrintable(media.lastError()));
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.read(5) == "%PDF-");
        QProcess render;
        render.start("pdftoppm", {"-r", "150", "-png", "-f", "1", "-l", "1", pdf, dir.filePath("page")});
        QVERIFY(render.waitForFinished(60000));
        QCOMPARE(render.exitCode(), 0);
        const auto pages = QDir(dir.path()).entryList({"page*.png"});
        QCOMPARE(pages.size(), 1);
        const QString code = client::Media::decodeQrImage(QImage(dir.filePath(pages[0])));
        QVERIFY2(code.startsWith("courtyard:cp:route-sunshine-"), qPrintable(code));

        QVERIFY(signIn("1003"));
        client::PatrolController pc;
        QVERIFY(!pc.start("route-sunshine").isEmpty());
        const QString photo = dir.filePath("gate.png");
        QVERIFY(client::Media::qrImage("courtyard:cp:route-sunshine-gate").save(photo));
        QVERIFY2(!pc.scanImage(photo).isEmpty(), qPrintable(pc.lastError()));
        QCOMPARE(pc.visited(), 1);
        QVERIFY(pc.abandon("测试结束"));
    }

    void rectificationSecondRoundAndSignedAcceptance() {
        QVERIFY(signIn("1002"));
        client::IntakeController intake;
        const QString id = intake.createRectification(
            {{"unit_id", kUnit}, {"area", "卫生间"}, {"description", "地漏返味"}, {"source", "resident_inspection"}});
        QVERIFY2(!id.isEmpty(), qPrintable(intake.lastError()));
        RecordController rc;
        rc.setRecordId(id);
        QVERIFY(!rc.perform("fix_in_house", {}));
        QVERIFY(rc.perform("fix_in_house", {{"measures", "更换防臭地漏"}}));
        QVERIFY(rc.perform("complete_work", {{"result", "已更换"}}));
        QCOMPARE(rc.state(), QString("awaiting_acceptance"));
        // The resident objects: a second round.
        QVERIFY(rc.perform("object", {{"reason", "仍有异味"}}));
        QVERIFY(rc.perform("fix_in_house", {{"measures", "加装存水弯"}}) || rc.state() == "in_house");
        if (rc.state() == "in_house")
            QVERIFY(rc.perform("complete_work", {{"result", "已加装"}}));
        QCOMPARE(rc.record().value("rounds").toList().size(), 2);
        // Acceptance needs the signature and who signed.
        QVERIFY(!rc.perform("accept", {{"signer_name", "张先生"}}));
        QCOMPARE(rc.state(), QString("awaiting_acceptance"));
        const QVariantMap signature{{"sha256", QString(64, 'a')}, {"kind", "signature"}, {"mime", "image/png"}, {"size", 1200}};
        QVERIFY2(rc.perform("accept", {{"signature", signature}, {"signer_name", "张先生"}}), qPrintable(rc.lastError()));
        QCOMPARE(rc.state(), QString("accepted"));
    }

    void doorToDoorSurveyQuotaAndOutcomes() {
        QVERIFY(signIn("2001"));
        client::SurveyController sc;
        const QString id = sc.plan({{"kind", "monthly_solicitation"},
                                    {"title", "十一月上门征询"},
                                    {"categories", QStringList{"housing", "security", "cleaning"}},
                                    {"period_start", QDateTime::currentDateTimeUtc().addDays(-1)},
                                    {"period_end", QDateTime::currentDateTimeUtc().addDays(14)},
                                    {"seed", 42}});
        QVERIFY2(!id.isEmpty(), qPrintable(sc.lastError()));
        sc.setRecordId(id);
        const auto households = sc.households();
        QVERIFY(households.size() > 0);
        QVERIFY(sc.quota() > 0);
        const QString a = households[0].unitId;
        const QString b = households[1].unitId;
        const QString c = households[2].unitId;
        QVERIFY2(sc.notAtHome(a), qPrintable(sc.lastError()));
        QVERIFY2(sc.refused(b), qPrintable(sc.lastError()));
        QCOMPARE(sc.answered(), 0);
        QCOMPARE(sc.households()[0].outcome, QString("not_at_home"));
        QCOMPARE(sc.categories(), (QStringList{"housing", "security", "cleaning"}));
        QVERIFY(!sc.record("cm-sunshine-no-such-flat", {{"housing", 4}}, "")); // only the sample is visited
        QVERIFY(!sc.record(c, {{"housing", 9}}, "")); // scores are 1..5
        QVERIFY2(sc.record(c, {{"housing", 4}, {"security", 5}, {"cleaning", 2}}, "楼道保洁不够"), qPrintable(sc.lastError()));
        QCOMPARE(sc.answered(), 1);
        QVERIFY(!sc.record(c, {{"housing", 5}}, "")); // one response per household
        QCOMPARE(sc.answered(), 1);
    }

    // The pickers' lists: each kind narrowed by its parent, in a picker's order, rows typed, and
    // a list following the data as a new record arrives.
    void directoryListsNarrowAndFollowTheData() {
        QVERIFY(signIn("2001"));
        client::Directory& dir = *m_tablet->directory;
        const auto mode = QAbstractItemModelTester::FailureReportingMode::QtTest;

        client::DirectoryList buildings(&dir);
        QAbstractItemModelTester buildingsTester(&buildings, mode);
        buildings.setKind(client::DirectoryList::Buildings);
        buildings.setParentId("cm-sunshine");
        QVERIFY(buildings.count() > 1);
        const auto flat = dir.unit(kUnit);
        QVERIFY(buildings.ids().contains(flat.buildingId));
        const auto bs = buildings.items();
        for (int i = 0; i < bs.size(); ++i) {
            QCOMPARE(bs[i].communityId, QString("cm-sunshine"));
            if (i > 0)
                QVERIFY(QString::localeAwareCompare(bs[i - 1].name, bs[i].name) <= 0);
        }

        client::DirectoryList units(&dir);
        QAbstractItemModelTester unitsTester(&units, mode);
        units.setKind(client::DirectoryList::Units);
        units.setParentId(flat.buildingId);
        QCOMPARE(units.count(), 52); // two entrances, 13 floors, two flats a landing
        for (const auto& u : units.items())
            QCOMPARE(u.buildingId, flat.buildingId);
        // The model's roles are the value's fields.
        const QModelIndex at = units.index(int(units.ids().indexOf(kUnit)));
        QVERIFY(at.isValid());
        QCOMPARE(units.data(at, units.roleNames().key("number")).toString(), flat.number);
        // The chosen flat's row follows the rows: gone with another building's list.
        units.setCurrentId(kUnit);
        QCOMPARE(units.currentIndex(), int(units.ids().indexOf(kUnit)));
        QSignalSpy currentMoved(&units, &client::ChoiceList::currentChanged);
        units.setParentId("no-such-building");
        QCOMPARE(units.count(), 0);
        QCOMPARE(units.currentIndex(), -1);
        QCOMPARE(currentMoved.count(), 1);

        // Staff by role, with a "none" row first; staff by department.
        client::DirectoryList handlers(&dir);
        QAbstractItemModelTester handlersTester(&handlers, mode);
        handlers.setKind(client::DirectoryList::Staff);
        handlers.setRoles({"supervisor"});
        handlers.setNoneLabel("—");
        QCOMPARE(handlers.ids().first(), QString());
        QCOMPARE(handlers.items().first().name, QString("—"));
        QVERIFY(!handlers.items().first().valid);
        QCOMPARE(handlers.count(), 1 + 4);
        for (const auto& p : handlers.items().mid(1))
            QCOMPARE(p.role, QString("supervisor"));
        handlers.setRoles({});
        handlers.setParentId("d-sec");
        QCOMPARE(handlers.count(), 1 + 3);

        // One entry, typed; the step form's id lists.
        const auto head = dir.item("s-2001");
        QVERIFY(head.valid);
        QCOMPARE(head.departmentId, QString("d-cs"));
        QCOMPARE(head.role, QString("supervisor"));
        QCOMPARE(head.position, QString("department_head"));
        QVERIFY(!dir.item("no-such-entry").valid);
        QCOMPARE(dir.staffIds({"manager"}).size(), 3);
        QVERIFY(dir.departmentIds().contains("d-sec"));

        // Templates and routes carry what their pages show.
        client::DirectoryList templates(&dir);
        templates.setKind(client::DirectoryList::Templates);
        QVERIFY(templates.ids().contains("t-etiquette"));
        QCOMPARE(dir.item("t-etiquette").subject, QString("staff"));
        client::DirectoryList routes(&dir);
        routes.setKind(client::DirectoryList::Routes);
        routes.setParentId("cm-sunshine");
        QVERIFY(routes.count() > 0);
        for (const auto& r : routes.items())
            QVERIFY(r.checkpointCount > 0);

        // A campaign planned on this tablet appears in the open campaigns at once.
        client::DirectoryList open(&dir);
        QAbstractItemModelTester openTester(&open, mode);
        open.setKind(client::DirectoryList::Campaigns);
        open.setParentId("cm-sunshine");
        const int before = open.count();
        QSignalSpy idsChanged(&open, &client::ChoiceList::idsChanged);
        client::SurveyController sc;
        const QString id = sc.plan({{"kind", "monthly_solicitation"},
                                    {"title", "目录测试征询"},
                                    {"categories", QStringList{"housing"}},
                                    {"period_start", QDateTime::currentDateTimeUtc().addDays(-1)},
                                    {"period_end", QDateTime::currentDateTimeUtc().addDays(7)},
                                    {"seed", 7}});
        QVERIFY2(!id.isEmpty(), qPrintable(sc.lastError()));
        QCOMPARE(open.count(), before + 1);
        QVERIFY(open.ids().contains(id));
        QVERIFY(idsChanged.count() >= 1);
        QCOMPARE(dir.item(id).name, QString("目录测试征询"));
        QCOMPARE(dir.item(id).state, QString("open"));
    }

    void shiftHandoverIsAcknowledgedByTheNextShift() {
        QVERIFY(signIn("1001"));
        newComplaint("交接班测试：门禁坏了");
        client::IntakeController intake;
        const QString id = intake.createHandover("夜班注意 3 栋门禁", {});
        QVERIFY2(!id.isEmpty(), qPrintable(intake.lastError()));
        RecordController rc;
        rc.setRecordId(id);
        const auto items = rc.record().value("items").toList();
        QVERIFY(!items.isEmpty()); // every open complaint of the department and community
        QVERIFY(!rc.perform("acknowledge", {})); // not by the one who handed over
        QVERIFY(signIn("2001"));
        rc.reload();
        QVERIFY2(rc.perform("acknowledge", {}), qPrintable(rc.lastError()));
        QCOMPARE(rc.state(), QString("acknowledged"));
    }

    void weeklyReviewCountsTheWeek() {
        QVERIFY(signIn("2001"));
        client::IntakeController intake;
        // The week under review as the supervisor's page holds it: the community's, by the
        // shared period rule.
        client::PeriodController week;
        const QDateTime monday = week.from();
        const QString id = intake.createWeeklyReview("d-cs", monday, "本周投诉较多");
        QVERIFY2(!id.isEmpty(), qPrintable(intake.lastError()));
        RecordController rc;
        rc.setRecordId(id);
        QVERIFY(rc.record().value("complaints").toInt() > 0);
        QCOMPARE(rc.record().value("week_start").toDateTime(), monday);
        // The page's figures are the ones the review recorded.
        QCOMPARE(week.unit(), QString("week"));
        QCOMPARE(week.until().toMSecsSinceEpoch() - week.from().toMSecsSinceEpoch(), qint64(7 * 24 * 3600 * 1000));
        const QVariantMap figures = intake.weeklyReviewCounts("d-cs", week.label());
        QCOMPARE(figures.value("complaints").toInt(), rc.record().value("complaints").toInt());
        QCOMPARE(figures.value("transferSheets").toInt(), rc.record().value("transfer_sheets").toInt());
        const QDateTime thisMonday = week.from();
        week.step(-1);
        QCOMPARE(week.until(), thisMonday);
        week.current();
        QCOMPARE(week.from(), thisMonday);
        QVERIFY(signIn("1001"));
        QVERIFY(intake.createWeeklyReview("d-cs", monday, "x").isEmpty()); // staff do not review
    }

    // The issue's end-to-end: taken offline, the server's deadline arrives, transfer sheet,
    // arrangement, reply, visit, close, with the network cut and restored in the middle.
    void endToEndComplaintWithTheNetworkCut() {
        QVERIFY(signIn("1001"));
        m_server.terminate(); // offline from the start
        const QString id = newComplaint("端到端：地下车库漏水");
        QVERIFY(!id.isEmpty());
        RecordController rc;
        rc.setRecordId(id);
        QVERIFY(rc.provisional());
        const QDateTime provisionalDue = rc.dueAt();
        QVERIFY(provisionalDue.isValid());
        QVERIFY(!m_tablet->syncNow());
        QVERIFY(!m_tablet->sync->online());
        QVERIFY(m_tablet->sync->pendingCount() > 0);

        QVERIFY(m_server.start()); // the network returns
        QVERIFY(m_tablet->syncNow());
        QCOMPARE(m_tablet->sync->pendingCount(), 0);
        rc.reload();
        QVERIFY(!rc.provisional()); // the server's figure now
        QCOMPARE(rc.dueAt(), provisionalDue); // the same rules, the same deadline

        QVERIFY(signIn("2001"));
        QVERIFY(rc.perform("accept", {{"resident_type", "venting"}}));
        const QString sheetId = rc.escalate("需工程部处理");
        QVERIFY2(!sheetId.isEmpty(), qPrintable(rc.lastError()));
        QCOMPARE(rc.state(), QString("escalated"));

        m_server.kill(); // cut again, mid-escalation
        RecordController sheet;
        sheet.setRecordId(sheetId);
        const QString noticeId = sheet.arrange("d-eng", "今天内查明漏点", QDateTime::currentDateTimeUtc().addDays(1));
        QVERIFY2(!noticeId.isEmpty(), qPrintable(sheet.lastError()));
        rc.reload();
        QCOMPARE(rc.state(), QString("handling"));
        QVERIFY(signIn("1002"));
        RecordController notice;
        notice.setRecordId(noticeId);
        QVERIFY2(notice.completeArrangement("已封堵漏点"), qPrintable(notice.lastError()));
        QVERIFY(signIn("1001"));
        QVERIFY(rc.perform("reply", {{"handling_mode", "solved_at_once"},
                                     {"reply", "漏点已封堵"},
                                     {"measures", "工程部封堵"},
                                     {"result", "已解决"}}));
        QVERIFY(!m_tablet->syncNow());

        QVERIFY(m_server.start());
        QVERIFY(m_tablet->syncNow());
        QVERIFY(rc.perform("visit", {{"opinion", "满意"}, {"satisfied", true}, {"method", "phone"}}));
        QVERIFY(signIn("2001"));
        QVERIFY(rc.perform("close", {}));
        QVERIFY(m_tablet->syncNow());
        QCOMPARE(m_tablet->sync->pendingCount(), 0);
        if (auto rejected = m_tablet->app->store().rejections(); rejected && !rejected->empty())
            for (const auto& r : *rejected)
                qWarning() << "rejected:" << QString::fromStdString(r.recordId) << QString::fromStdString(r.op.type) << QString::fromStdString(r.op.action) << QString::fromStdString(r.error.message);
        QCOMPARE(m_tablet->sync->rejectionCount(), 0);

        // Another device sees the same history: merged on the server, nothing lost or doubled.
        const auto other = m_server.addDevice("manager", {"cm-sunshine"}, "second device");
        TestDevice second(m_server.url(), other.token);
        QVERIFY(second.sync().complete);
        auto merged = second.store().get(id.toStdString());
        QVERIFY(bool(merged) && *merged);
        QCOMPARE(QString::fromStdString((*merged)->body.value("state", "")), QString("closed"));
        QCOMPARE(int((*merged)->body.value("visits", Json::array()).size()), 1);
        auto sheetOnServer = second.store().get(sheetId.toStdString());
        QVERIFY(bool(sheetOnServer) && *sheetOnServer);
        QCOMPARE(QString::fromStdString((*sheetOnServer)->body.value("state", "")), QString("resolved"));
    }
};

QTEST_MAIN(TabletTest)
#include "tablet_test.moc"
