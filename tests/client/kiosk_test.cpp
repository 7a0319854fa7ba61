// The lobby kiosk: its controller against the real server on 127.0.0.1 (offline filing and a
// receipt, duplicates merged, throttling, receipts private to their flat, one survey answer per
// household, the reply reaching the receipt), and its real Qt Quick pages offscreen (the idle
// reset leaves nothing typed anywhere).

#include "client/kiosk_controller.h"
#include "shared/records/record_type.h"
#include "client_fixture.h"
#include "page_helpers.h"
#include "support/test_device.h"

#include <QAbstractItemModelTester>

using namespace courtyard;
using namespace courtyard::test;

namespace {

const QString kUnit = "cm-sunshine-b1-1-502";
const QString kNeighbour = "cm-sunshine-b1-1-501";

QVariantMap form(const QString& unit, const QString& content, const QString& category = "repairs") {
    return {{"unit_id", unit}, {"content", content}, {"category", category}, {"phone", "13900000000"}};
}

QList<QQuickItem*> textFields(QQuickItem* root) {
    QList<QQuickItem*> out;
    for (auto* item : itemsUnder(root, Keyboard::Skip))
        if (item->inherits("QQuickTextInput") || item->inherits("QQuickTextEdit"))
            out << item;
    return out;
}

// Every piece of text a resident could have typed, anywhere in the window.
QStringList typedTexts(QQuickItem* root) {
    QStringList out;
    for (auto* field : textFields(root))
        if (const QString t = field->property("text").toString(); !t.isEmpty())
            out << t + " in " + QString::fromLatin1(field->metaObject()->className());
    return out;
}

} // namespace

class KioskTest : public QObject {
    Q_OBJECT
    ServerProcess m_server;
    Enrolled m_kioskEnrolment;
    std::unique_ptr<ClientDevice> m_kiosk;
    std::unique_ptr<TestDevice> m_staff;
    QTemporaryDir m_config;
    client::KioskController& kiosk() { return *m_kiosk->kioskController; }

private slots:
    void initTestCase() {
        // The kiosk's start language is read from QSettings: this machine's own must not count.
        QVERIFY(m_config.isValid());
        qputenv("XDG_CONFIG_HOME", m_config.path().toUtf8());
        QVERIFY(m_server.initDemo());
        QVERIFY(m_server.start());
        m_kioskEnrolment = m_server.addDevice("kiosk", {"cm-sunshine"}, "lobby kiosk");
        const auto staff = m_server.addDevice("supervisor", {"cm-sunshine"}, "office tablet");
        m_staff = std::make_unique<TestDevice>(m_server.url(), staff.token);
        QVERIFY(m_staff->sync().complete);
        QVERIFY(m_staff->signIn("2001"));
        // A kiosk survey and two notices, one urgent, published from the office.
        const Instant now = m_staff->now();
        Json sample = Json::array();
        for (const char* u : {"cm-sunshine-b1-1-502", "cm-sunshine-b1-1-501", "cm-sunshine-b1-1-402"})
            sample.push_back({{"unit_id", u}, {"focused", false}});
        auto campaign = m_staff->store().create("survey_campaign",
                                                Json{{"community_id", "cm-sunshine"},
                                                     {"kind", "monthly_solicitation"},
                                                     {"method", "kiosk"},
                                                     {"title", "大堂满意度调查"},
                                                     {"categories", {"housing", "security", "cleaning"}},
                                                     {"period_start", formatInstant(now - std::chrono::hours{24})},
                                                     {"period_end", formatInstant(now + std::chrono::hours{24 * 30})},
                                                     {"seed", 7},
                                                     {"quota", 3},
                                                     {"sample", sample}},
                                                m_staff->actor(), now);
        QVERIFY2(bool(campaign), campaign ? "" : campaign.error().message.c_str());
        QVERIFY(bool(m_staff->store().transition(*campaign, "open", Json::object(), m_staff->actor(), now)));
        for (bool urgent : {false, true}) {
            auto notice = m_staff->store().create("notice",
                                                  Json{{"community_id", "cm-sunshine"},
                                                       {"kind", urgent ? "water_cut" : "activity"},
                                                       {"title", urgent ? "明日停水" : "周末义诊"},
                                                       {"body", "详情见公告栏"},
                                                       {"urgent", urgent},
                                                       {"valid_from", formatInstant(now - std::chrono::hours{1})},
                                                       {"valid_until", formatInstant(now + std::chrono::hours{48})}},
                                                  m_staff->actor(), now);
            QVERIFY2(bool(notice), notice ? "" : notice.error().message.c_str());
        }
        QVERIFY(m_staff->sync().complete);

        m_kiosk = std::make_unique<ClientDevice>(true, m_server.url(), m_kioskEnrolment.token);
        QVERIFY(m_kiosk->syncNow());
        QCOMPARE(m_kiosk->app->currentCommunity(), QString("cm-sunshine"));
    }

    void noticesUrgentFirstAndSurveyOffered() {
        const auto notices = kiosk().notices();
        QCOMPARE(notices.size(), 2);
        QCOMPARE(notices[0].title, QString("明日停水"));
        QVERIFY(notices[0].urgent);
        QVERIFY(!notices[1].urgent);
        QCOMPARE(kiosk().urgentCount(), 1);
        QAbstractItemModelTester tester(kiosk().noticeModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto roles = kiosk().noticeModel()->roleNames();
        QCOMPARE(kiosk().noticeModel()->data(kiosk().noticeModel()->index(0), roles.key("title")).toString(), QString("明日停水"));
        // The real pages: the urgent one on the start page, both on the notices page.
        QQmlApplicationEngine engine;
        auto* window = loadMainWindow(engine, {1080, 1920});
        QVERIFY(window);
        QVERIFY(showPage(window, "KioskHome.qml"));
        const auto visibleTexts = [&](const QString& objectName) {
            QStringList out;
            for (auto* item : itemsUnder(window->contentItem(), Keyboard::Skip))
                if (item->objectName() == objectName && item->isVisible())
                    out << item->property("text").toString();
            return out;
        };
        QTRY_COMPARE(visibleTexts("urgentBanner").size(), 1);
        QVERIFY2(visibleTexts("urgentBanner")[0].endsWith("明日停水"), qPrintable(visibleTexts("urgentBanner")[0]));
        QVERIFY(showPage(window, "KioskNoticesPage.qml"));
        QTRY_COMPARE(visibleTexts("noticeTitle"), (QStringList{"明日停水", "周末义诊"}));
        QCOMPARE(kiosk().survey().title, QString("大堂满意度调查"));
    }

    void submitRefusesMissingData() {
        const int before = countOf(*m_kiosk->app, "complaint");
        QVERIFY(kiosk().submit("complaint", form("", "电梯坏了")).isEmpty());
        QCOMPARE(kiosk().lastErrorKind(), QString("missing"));
        QVERIFY(kiosk().submit("complaint", form(kUnit, "  ")).isEmpty());
        QCOMPARE(kiosk().lastErrorKind(), QString("missing"));
        QCOMPARE(countOf(*m_kiosk->app, "complaint"), before);
    }

    void offlineSubmissionGetsAReceiptAndIsSentLater() {
        m_server.terminate();
        const QString code = kiosk().submit("complaint", form(kUnit, "楼道灯不亮"));
        QCOMPARE(code.size(), 9);
        QCOMPARE(kiosk().lastReceipt(), code);
        const auto waiting = kiosk().checkReceipt(code, kUnit);
        QCOMPARE(waiting.value("status").toString(), QString("waiting_to_send"));
        QVERIFY(!m_kiosk->syncNow());
        QVERIFY(m_kiosk->sync->pendingCount() > 0);
        QVERIFY(m_server.start());
        QVERIFY(m_kiosk->syncNow());
        QCOMPARE(m_kiosk->sync->pendingCount(), 0);
        QCOMPARE(m_kiosk->sync->rejectionCount(), 0);
    }

    void exactDuplicatesAreMerged() {
        const QString first = kiosk().submit("repair", form(kNeighbour, "水龙头漏水"));
        QVERIFY(!first.isEmpty());
        QVERIFY(!kiosk().lastWasDuplicate());
        const int before = countOf(*m_kiosk->app, "complaint", kNeighbour);
        const QString again = kiosk().submit("repair", form(kNeighbour, "水龙头漏水"));
        QCOMPARE(again, first);
        QVERIFY(kiosk().lastWasDuplicate());
        QCOMPARE(countOf(*m_kiosk->app, "complaint", kNeighbour), before);
    }

    void receiptCheckRefusesOtherFlats() {
        const QString code = kiosk().submit("suggestion", form(kUnit, "希望增加快递柜", "convenience"));
        QVERIFY(!code.isEmpty());
        QVERIFY(!kiosk().checkReceipt(code, kUnit).isEmpty());
        QVERIFY(kiosk().checkReceipt(code, kNeighbour).isEmpty()); // another flat learns nothing
        QVERIFY(kiosk().checkReceipt("ABCDEFGHJ", kUnit).isEmpty());
        QVERIFY(kiosk().checkReceipt(code.left(5), kUnit).isEmpty());
    }

    void repeatedSubmissionsFromOneFlatAreThrottled() {
        const QString unit = "cm-sunshine-b1-1-402";
        int accepted = 0;
        bool throttled = false;
        for (int i = 0; i < 12 && !throttled; ++i) {
            if (!kiosk().submit("complaint", form(unit, QString("第 %1 次：噪音").arg(i))).isEmpty())
                ++accepted;
            else
                throttled = kiosk().lastErrorKind() == "throttled";
        }
        QVERIFY(throttled);
        QCOMPARE(accepted, 5); // the demo policy: five an hour per flat
        QVERIFY(kiosk().lastError().contains("management office"));
        QCOMPARE(countOf(*m_kiosk->app, "complaint", unit), 5);
        // Another flat is not affected.
        QVERIFY(!kiosk().submit("complaint", form("cm-sunshine-b1-1-301", "噪音")).isEmpty());
    }

    void oneSurveyAnswerPerHousehold() {
        QVERIFY(!kiosk().answerSurvey(kUnit, {}, ""));
        QCOMPARE(kiosk().lastErrorKind(), QString("missing"));
        QVERIFY(!kiosk().householdAnswered(kUnit));
        QVERIFY2(kiosk().answerSurvey(kUnit, {{"housing", 5}, {"security", 4}}, "很好"), qPrintable(kiosk().lastError()));
        QVERIFY(kiosk().householdAnswered(kUnit));
        QVERIFY(!kiosk().answerSurvey(kUnit, {{"housing", 1}}, ""));
        QCOMPARE(kiosk().lastErrorKind(), QString("duplicate"));
        QVERIFY(m_kiosk->syncNow());
        QCOMPARE(m_kiosk->sync->rejectionCount(), 0);
        // A second kiosk does not know; the server refuses the household's second answer.
        const auto other = m_server.addDevice("kiosk", {"cm-sunshine"}, "second kiosk");
        TestDevice second(m_server.url(), other.token);
        QVERIFY(second.sync().complete);
        auto campaignId = kiosk().survey().campaignId.toStdString();
        auto dup = second.store().create("survey_response",
                                         Json{{"community_id", "cm-sunshine"},
                                              {"campaign_id", campaignId},
                                              {"unit_id", kUnit.toStdString()},
                                              {"outcome", "answered"},
                                              {"method", "kiosk"},
                                              {"scores", {{"housing", 1}}},
                                              {"answered_at", formatInstant(second.now())}},
                                         second.actor(), second.now());
        QVERIFY(bool(dup));
        const auto report = second.sync();
        QCOMPARE(report.rejected, 1);
    }

    // The end-to-end: filed offline at the kiosk, handled on a (headless) staff device
    // with the server's deadline, the reply shown for that receipt code only.
    void replyReachesTheReceipt() {
        m_server.terminate();
        const QString code = kiosk().submit("complaint", form(kUnit, "地下车库照明不足", "security"));
        QVERIFY(!code.isEmpty());
        QVERIFY(m_server.start());
        QVERIFY(m_kiosk->syncNow());

        QVERIFY(m_staff->sync().complete);
        store::RecordQuery q;
        q.types = {"complaint"};
        q.unitId = kUnit.toStdString();
        auto recs = m_staff->store().query(q);
        QVERIFY(bool(recs));
        std::string id;
        for (const auto& r : *recs)
            if (stringAt(r.body, "receipt_code") == code.toStdString()) {
                id = r.id;
                const auto index = records::findRecordType("complaint")->index(r.body);
                QVERIFY(index.dueAt.has_value()); // the server's deadline, synced down
                QCOMPARE(QString::fromStdString(stringAt(r.body, "channel")), QString("kiosk"));
            }
        QVERIFY(!id.empty());
        const Instant now = m_staff->now();
        QVERIFY(bool(m_staff->store().transition(id, "accept", {{"resident_type", "venting"}}, m_staff->actor(), now)));
        QVERIFY(bool(m_staff->store().transition(id, "reply",
                                                  {{"handling_mode", "solved_at_once"},
                                                   {"reply", "已增加两盏灯"},
                                                   {"measures", "工程部加装照明"},
                                                   {"result", "照明已改善"}},
                                                  m_staff->actor(), now)));
        QVERIFY(m_staff->sync().complete);

        QVERIFY(m_kiosk->syncNow());
        const auto receipt = kiosk().checkReceipt(code, kUnit);
        QCOMPARE(receipt.value("status").toString(), QString("replied"));
        QCOMPARE(receipt.value("reply").toString(), QString("已增加两盏灯"));
        QVERIFY(kiosk().checkReceipt(code, kNeighbour).isEmpty());
        // The kiosk holds no staff data: no complaint body, names or phones of anyone else.
        QCOMPARE(countOf(*m_kiosk->app, "staff"), 0);
    }

    void idleWarnsThenResets() {
        kiosk().setIdleSeconds(5);
        kiosk().setWarningSeconds(2);
        QSignalSpy reset(&kiosk(), &client::KioskController::resetRequested);
        kiosk().touch();
        QVERIFY(!kiosk().warning());
        QTRY_VERIFY_WITH_TIMEOUT(kiosk().warning(), 9000);
        QTRY_VERIFY_WITH_TIMEOUT(reset.count() > 0, 6000);
        QVERIFY(!kiosk().warning());
        // A touch during the warning keeps the session.
        reset.clear();
        kiosk().touch();
        QTRY_VERIFY_WITH_TIMEOUT(kiosk().warning(), 9000);
        kiosk().touch();
        QVERIFY(!kiosk().warning());
        QCOMPARE(reset.count(), 0);
        kiosk().setIdleSeconds(60);
    }

    // The real pages: type into the complaint form, let the kiosk reset, find nothing.
    void idleResetLeavesNothingTyped() {
        if (!kiosk().adminPinSet())
            QVERIFY(kiosk().setAdminPin("2468"));
        QQmlApplicationEngine engine;
        auto* window = loadMainWindow(engine, {1080, 1920});
        QVERIFY(window);
        QVERIFY(showPage(window, "KioskFilePage.qml", {{"kind", "complaint"}}));
        QTest::qWait(300);
        int filled = 0;
        for (auto* field : textFields(window->contentItem())) {
            field->setProperty("text", "私人信息 13800138000");
            ++filled;
        }
        QVERIFY(filled >= 2); // the description and the phone number at least
        QVERIFY(!typedTexts(window->contentItem()).isEmpty());
        kiosk().reset();
        // The page is replaced (after its transition) by a fresh start page.
        (void)QTest::qWaitFor([&] { return typedTexts(window->contentItem()).isEmpty(); }, 3000); // checked below
        const auto left = typedTexts(window->contentItem());
        QVERIFY2(left.isEmpty(), qPrintable(left.join(" | ")));
        const auto showsHome = [&] {
            const auto items = itemsUnder(window->contentItem(), Keyboard::Skip);
            return std::any_of(items.begin(), items.end(),
                               [](QQuickItem* i) { return i->objectName() == "home" && i->isVisible(); });
        };
        QTRY_VERIFY(showsHome()); // back at the start
        QVERIFY(kiosk().lastReceipt().isEmpty());
        QCOMPARE(m_kiosk->app->language(), QString("zh_CN"));
        m_kiosk->app->setLanguage("en");
    }
};

QTEST_MAIN(KioskTest)
#include "kiosk_test.moc"
