// Over 400 lines, knowingly: one server and the records the reports count, made once for every
// case below.
// Reports on the tablet: the controller against the real server on 127.0.0.1 with records
// made by real devices (complaints of several categories, one invalid, one replied; an annual
// survey with answers), the supervisor's and the manager's view, the server's refusals reaching
// the screen, the last report kept offline, the real Reports page with its Pareto chart drawn
// offscreen, and the PDF and CSV exports read back (pdftoppm, the CSV's lines).

#include "client/report_controller.h"
#include "client/report_format.h"
#include "client/report_pdf.h"
#include "client_fixture.h"
#include "page_helpers.h"
#include "shared/rules/period.h"
#include "support/test_device.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFontDatabase>
#include <QFontMetrics>
#include <QImage>
#include <QJsonArray>
#include <QProcess>

using namespace courtyard;
using namespace courtyard::test;
using client::ReportController;

namespace {

// What the field device files this month: category → how many (one security complaint is then
// found invalid, one repairs complaint replied).
const std::vector<std::pair<std::string, int>> kFiled{{"security", 3}, {"cleaning", 2}, {"repairs", 1}};

QJsonObject sectionById(const QJsonObject& report, const QString& id) {
    for (const auto& s : report.value("sections").toArray())
        if (s.toObject().value("id").toString() == id)
            return s.toObject();
    return {};
}

// Loads the controller's current selection; true when a report arrived.
bool loadAndWait(ReportController& rc) {
    QSignalSpy loaded(&rc, &ReportController::loaded);
    QSignalSpy failed(&rc, &ReportController::failed);
    rc.load();
    return QTest::qWaitFor([&] { return !rc.busy() && (loaded.count() > 0 || failed.count() > 0); }, 60000) &&
           loaded.count() > 0 && rc.error().isEmpty();
}

// The share of pixels that are not (nearly) white.
double inkShare(const QImage& image) {
    if (image.isNull())
        return 0;
    const QImage img = image.convertToFormat(QImage::Format_RGB32);
    qint64 ink = 0;
    for (int y = 0; y < img.height(); ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(img.constScanLine(y));
        for (int x = 0; x < img.width(); ++x)
            if (qGray(line[x]) < 235)
                ++ink;
    }
    return double(ink) / double(qint64(img.width()) * img.height());
}

// How many pixels of `image` inside `rect` are close to `colour`.
int pixelsNear(const QImage& image, const QRect& rect, const QColor& colour) {
    int n = 0;
    const QRect r = rect.intersected(image.rect());
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - colour.red()) + std::abs(c.green() - colour.green()) + std::abs(c.blue() - colour.blue()) < 40)
                ++n;
        }
    return n;
}

// Pictures the test makes are kept for a person to look at when COURTYARD_REPORT_PICTURES names a folder.
void keep(const QString& file) {
    const QString dir = qEnvironmentVariable("COURTYARD_REPORT_PICTURES");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QFile::remove(dir + "/" + QFileInfo(file).fileName());
    QFile::copy(file, dir + "/" + QFileInfo(file).fileName());
}

} // namespace

class ReportsTest : public QObject {
    Q_OBJECT
    ServerProcess m_server;
    std::unique_ptr<TestDevice> m_field;
    std::unique_ptr<ClientDevice> m_tablet;
    QTemporaryDir m_out;

    bool signIn(const QString& number) { return m_tablet->signIn(number); }
    // The period holding now in the current community's zone, as the server places it.
    QString communityPeriod(rules::Granularity g) {
        auto& app = *m_tablet->app;
        const auto& calendar = app.store().rulesFor(app.currentCommunity().toStdString()).calendar;
        return QString::fromStdString(rules::periodContaining(g, app.clock(), calendar).label);
    }

    // Every PDF page rendered at 50 dpi; each must carry ink (text, boxes, charts), not be blank.
    void checkPdf(const QString& pdf, int minPages) {
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.read(5), QByteArray("%PDF-"));
        const QString prefix = QFileInfo(pdf).completeBaseName();
        QProcess render;
        render.start("pdftoppm", {"-png", "-r", "50", pdf, m_out.filePath(prefix)});
        QVERIFY(render.waitForFinished(60000));
        QCOMPARE(render.exitCode(), 0);
        const auto pages = QDir(m_out.path()).entryList({prefix + "-*.png"}, QDir::Files, QDir::Name);
        QVERIFY2(pages.size() >= minPages, qPrintable(QString::number(pages.size())));
        // Every page has its header or footer; the report's content makes at least one dense.
        double densest = 0;
        for (const auto& page : pages) {
            const QImage image(m_out.filePath(page));
            QVERIFY2(std::abs(image.width() - 413) <= 1, qPrintable(page)); // A4 at 50 dpi: 210 mm
            const double share = inkShare(image);
            QVERIFY2(share > 0.002, qPrintable(page + ": " + QString::number(share)));
            densest = std::max(densest, share);
            keep(m_out.filePath(page));
        }
        QVERIFY2(densest > 0.03, qPrintable(QString::number(densest)));
    }

private slots:
    void initTestCase() {
        QVERIFY(m_out.isValid());
        QVERIFY(m_server.initDemo());
        QVERIFY(m_server.start());
        const auto field = m_server.addDevice("supervisor", {"cm-sunshine", "cm-jadelake"}, "field tablet");
        m_field = std::make_unique<TestDevice>(m_server.url(), field.token);
        QVERIFY(m_field->sync().complete);

        // Complaints taken by customer service (department d-cs) this month.
        QVERIFY(m_field->signIn("1001"));
        const Instant now = m_field->now();
        const char* units[] = {"cm-sunshine-b1-1-502", "cm-sunshine-b1-1-501", "cm-sunshine-b1-1-402"};
        std::map<std::string, std::vector<std::string>> ids;
        int n = 0;
        for (const auto& [category, count] : kFiled)
            for (int i = 0; i < count; ++i, ++n) {
                auto id = m_field->store().create("complaint",
                                                  Json{{"community_id", "cm-sunshine"},
                                                       {"channel", n % 2 ? "phone" : "face_to_face"},
                                                       {"category", category},
                                                       {"unit_id", units[n % 3]},
                                                       {"content", "报表测试 " + category + " " + std::to_string(i)},
                                                       {"received_at", formatInstant(now)}},
                                                  m_field->actor(), now);
                QVERIFY2(bool(id), id ? "" : id.error().message.c_str());
                ids[category].push_back(*id);
            }
        // The supervisor takes them on for customer service, finds one security complaint
        // invalid and replies to the repairs one.
        QVERIFY(m_field->signIn("2001"));
        QVERIFY(bool(m_field->store().transition(ids["security"][0], "assign",
                                                 {{"handler_id", "s-2001"}, {"department_id", "d-cs"}}, m_field->actor(), now)));
        for (const auto& [category, list] : ids)
            for (const auto& id : list)
                if (id != ids["security"][0])
                    QVERIFY(bool(m_field->store().transition(id, "accept", {{"resident_type", "venting"}}, m_field->actor(), now)));
        auto rejected = m_field->store().transition(ids["security"][0], "reject",
                                                    {{"cause", "developer"}, {"reason", "属开发商保修范围"}},
                                                    m_field->actor(), now);
        QVERIFY2(bool(rejected), rejected ? "" : rejected.error().message.c_str());
        auto replied = m_field->store().transition(ids["repairs"][0], "reply",
                                                   {{"handling_mode", "solved_at_once"}, {"reply", "已修好"},
                                                    {"measures", "更换门锁"}, {"result", "已解决"}},
                                                   m_field->actor(), now);
        QVERIFY2(bool(replied), replied ? "" : replied.error().message.c_str());

        // The annual survey: three households answer, cleaning scores low.
        Json sample = Json::array();
        for (const char* u : units)
            sample.push_back({{"unit_id", u}, {"focused", false}});
        auto campaign = m_field->store().create("survey_campaign",
                                                Json{{"community_id", "cm-sunshine"},
                                                     {"kind", "annual"},
                                                     {"method", "door_to_door"},
                                                     {"community_ids", {"cm-sunshine"}},
                                                     {"title", "年度满意度调查"},
                                                     {"categories", {"housing", "security", "cleaning"}},
                                                     {"period_start", formatInstant(now - std::chrono::hours{24})},
                                                     {"period_end", formatInstant(now + std::chrono::hours{24 * 20})},
                                                     {"seed", 11},
                                                     {"quota", 3},
                                                     {"sample", sample}},
                                                m_field->actor(), now);
        QVERIFY2(bool(campaign), campaign ? "" : campaign.error().message.c_str());
        QVERIFY(bool(m_field->store().transition(*campaign, "open", Json::object(), m_field->actor(), now)));
        int score = 0;
        for (const char* u : units) {
            auto answer = m_field->store().create("survey_response",
                                                  Json{{"community_id", "cm-sunshine"},
                                                       {"campaign_id", *campaign},
                                                       {"unit_id", u},
                                                       {"outcome", "answered"},
                                                       {"method", "door_to_door"},
                                                       {"scores", {{"housing", 5}, {"security", 4 + score % 2}, {"cleaning", 2}}},
                                                       {"answered_at", formatInstant(now)}},
                                                  m_field->actor(), now);
            QVERIFY2(bool(answer), answer ? "" : answer.error().message.c_str());
            ++score;
        }
        const auto report = m_field->sync();
        QVERIFY(report.complete);
        QCOMPARE(report.rejected, 0);

        // The tablet under test: a manager's device, so each person keeps their own role.
        const auto tablet = m_server.addDevice("manager", {"cm-sunshine", "cm-jadelake"}, "office tablet");
        m_tablet = std::make_unique<ClientDevice>(false, m_server.url(), tablet.token);
        QVERIFY(m_tablet->syncNow());
    }

    void periodsStepAndStartWhereTheyShould_data() {
        QTest::addColumn<QString>("label");
        QTest::addColumn<int>("steps");
        QTest::addColumn<QString>("expected");
        // The stepping itself is the shared rule's (period_test); here, that the page's labels
        // reach it and what is no label is left alone.
        QTest::newRow("an ISO week crosses New Year") << "2026-W53" << 1 << "2027-W01";
        QTest::newRow("something else is left alone") << "last month" << 1 << "last month";
    }
    void periodsStepAndStartWhereTheyShould() {
        QFETCH(QString, label);
        QFETCH(int, steps);
        QFETCH(QString, expected);
        QCOMPARE(client::shiftPeriod(label, steps), expected);
    }

    void supervisorReadsTheirDepartmentsMonthlyReport() {
        QVERIFY(signIn("2001"));
        ReportController rc;
        QCOMPARE(rc.department(), QString("d-cs")); // their own, fixed
        QVERIFY(rc.departmentFixed());
        QCOMPARE(rc.kind(), QString("monthly"));
        QCOMPARE(rc.period(), communityPeriod(rules::Granularity::Month));
        rc.setScope("community");
        rc.setScopeId("cm-sunshine");
        QVERIFY2(loadAndWait(rc), qPrintable(rc.error()));
        QVERIFY(!rc.kinds().isEmpty());
        QVERIFY(rc.kinds().contains("monthly"));
        QVERIFY(rc.kindName("monthly") != "monthly"); // the server's title
        // The choices are the catalogue's: their own department after "all", their communities.
        rc.setAllDepartmentsLabel("All departments");
        QAbstractItemModelTester departmentsTester(rc.departments(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_COMPARE(rc.departments()->ids(), (QStringList{"", "d-cs"}));
        QCOMPARE(rc.departments()->items().first().name, QString("All departments"));
        QVERIFY(!rc.departments()->items().first().valid);
        QVERIFY(rc.places()->ids().contains("cm-sunshine"));
        QVERIFY(rc.hasReport());
        const QJsonObject report = rc.reportJson();
        QCOMPARE(report.value("kind").toString(), QString("monthly"));
        QCOMPARE(report.value("period").toObject().value("label").toString(), rc.period());
        // The complaints filed above, by category: security 3 (one invalid), cleaning 2, repairs 1.
        const QJsonObject byCategory = sectionById(report, "by_category");
        QCOMPARE(byCategory.value("kind").toString(), QString("table"));
        std::map<int, int> totals; // total → how many categories have it
        int valid = 0, invalid = 0; // decided by the supervisor: every one of them
        for (const auto& r : byCategory.value("rows").toArray()) {
            const auto row = r.toObject();
            if (row.value("total").toInt() > 0)
                ++totals[row.value("total").toInt()];
            valid += row.value("valid").toInt();
            invalid += row.value("invalid").toInt();
        }
        QCOMPARE(totals, (std::map<int, int>{{1, 1}, {2, 1}, {3, 1}}));
        QCOMPARE(invalid, 1);
        QCOMPARE(valid, 5);
        QCOMPARE(byCategory.value("total").toObject().value("total").toInt(), 6);
        // The Pareto of categories puts security first.
        const QJsonArray pareto = sectionById(report, "pareto_category").value("rows").toArray();
        QVERIFY(!pareto.isEmpty());
        QCOMPARE(pareto[0].toObject().value("count").toInt(), 3);
        QCOMPARE(pareto[0].toObject().value("label").toString(), QString("Security"));
    }

    void managerReadsTheCompanyAndExportsCsv() {
        QVERIFY2(signIn("3001"), qPrintable(m_tablet->session->lastError()));
        ReportController rc;
        QVERIFY(!rc.departmentFixed());
        QVERIFY(rc.department().isEmpty());
        // Before the catalogue arrives the device's own departments are offered; after it, the
        // server's, which for a manager are all of them.
        rc.setAllDepartmentsLabel("All departments");
        QVERIFY(rc.departments()->ids().size() > 2);
        QCOMPARE(rc.departments()->ids().first(), QString());
        rc.setScope("company");
        QCOMPARE(rc.places()->count(), 0);
        QVERIFY2(loadAndWait(rc), qPrintable(rc.error()));
        QVERIFY(rc.companyAllowed());
        const QJsonObject byCategory = sectionById(rc.reportJson(), "by_category");
        QCOMPARE(byCategory.value("total").toObject().value("total").toInt(), 6);
        QJsonObject security;
        for (const auto& r : byCategory.value("rows").toArray())
            if (r.toObject().value("category").toString() == "Security")
                security = r.toObject();
        QCOMPARE(security.value("total").toInt(), 3);
        QCOMPARE(security.value("invalid").toInt(), 1);

        // The CSV is the server's, saved as is: BOM, the table's title, its headings, the row.
        const QString csv = m_out.filePath(rc.suggestedFileName("csv"));
        QVERIFY(csv.endsWith(".csv") && csv.contains("monthly-company-"));
        QSignalSpy exported(&rc, &ReportController::exported);
        QVERIFY(rc.exportCsv(csv));
        QVERIFY(exported.wait(60000));
        QCOMPARE(QFileInfo(exported.first().value(0).toString()).absoluteFilePath(), QFileInfo(csv).absoluteFilePath());
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        const QStringList lines = QString::fromUtf8(bytes.mid(3)).split(QRegularExpression("\r?\n"));
        const int title = int(lines.indexOf(byCategory.value("title").toString()));
        QVERIFY2(title >= 0, qPrintable(lines.mid(0, 12).join(" | ")));
        QStringList headings;
        for (const auto& c : byCategory.value("columns").toArray())
            headings << c.toObject().value("label").toString();
        QCOMPARE(lines.value(title + 1), headings.join(','));
        QVERIFY2(lines.mid(title + 2).contains("Security,3,2,1,0"), qPrintable(lines.mid(title, 12).join(" | ")));

        // The office scope offers the management offices and picks the first.
        rc.setScope("office");
        QVERIFY(rc.places()->count() > 0);
        QCOMPARE(rc.scopeId(), rc.places()->ids().first());
        QVERIFY(!rc.places()->ids().contains("cm-sunshine"));
    }

    void pdfExportsPrintEveryPage() {
        // Chinese needs its font: installed, and holding the glyphs (not boxes).
        QVERIFY2(QFontDatabase::families().contains(client::ReportPdf::fontFamily()), "install fonts-wqy-microhei");
        const QFont font(client::ReportPdf::fontFamily());
        QVERIFY(QFontMetrics(font).inFont(QChar(0x9633))); // 阳
        QVERIFY(QFontMetrics(font).inFont(QChar(0x5206))); // 分

        QVERIFY(signIn("3001"));
        m_tablet->app->setLanguage("zh_CN");
        ReportController rc;
        QVERIFY(!rc.exportPdf(m_out.filePath("nothing.pdf"))); // nothing loaded yet
        QVERIFY(!rc.error().isEmpty());
        rc.setScope("community");
        rc.setScopeId("cm-sunshine");
        QVERIFY2(loadAndWait(rc), qPrintable(rc.error()));
        QCOMPARE(rc.reportJson().value("scope").toObject().value("id").toString(), QString("cm-sunshine"));
        QVERIFY(rc.reportJson().value("title").toString().contains(QChar(0x6708))); // 月: in Chinese
        const QString monthly = m_out.filePath("monthly.pdf");
        QVERIFY2(rc.exportPdf(monthly), qPrintable(rc.error()));
        QCOMPARE(rc.lastExportPath(), QDir::toNativeSeparators(QFileInfo(monthly).absoluteFilePath()));
        checkPdf(monthly, 1);

        rc.setKind("annual_survey");
        QCOMPARE(rc.period(), communityPeriod(rules::Granularity::Year));
        QVERIFY2(loadAndWait(rc), qPrintable(rc.error()));
        QVERIFY(!sectionById(rc.reportJson(), "pareto_dissatisfaction").isEmpty());
        // The three answers of the campaign above came back.
        const QJsonArray campaigns = sectionById(rc.reportJson(), "campaigns").value("rows").toArray();
        QCOMPARE(campaigns.size(), 1);
        QCOMPARE(campaigns[0].toObject().value("returned").toInt(), 3);
        const QString survey = m_out.filePath("annual_survey.pdf");
        QVERIFY2(rc.exportPdf(survey), qPrintable(rc.error()));
        checkPdf(survey, 1);
        m_tablet->app->setLanguage("en");
    }

    void refusalsReachTheScreen() {
        // A supervisor asking for another department's report: the server's reason is shown.
        QVERIFY(signIn("2001"));
        ReportController rc;
        rc.setScopeId("cm-sunshine");
        rc.setDepartment("d-eng");
        QVERIFY(!loadAndWait(rc));
        QVERIFY2(rc.error().startsWith("Not allowed: "), qPrintable(rc.error()));
        QVERIFY2(rc.error().contains("own department"), qPrintable(rc.error()));
        QVERIFY(!rc.offline());
        QVERIFY(!rc.hasReport());
        // A bad period is the server's 400, named.
        rc.setDepartment("d-cs");
        rc.setPeriod("2026-13");
        QVERIFY(!loadAndWait(rc));
        QVERIFY2(rc.error().contains("period"), qPrintable(rc.error()));
        // Staff do not read reports at all.
        QVERIFY(signIn("1001"));
        ReportController staff;
        staff.setScopeId("cm-sunshine");
        QVERIFY(!loadAndWait(staff));
        QVERIFY2(staff.error().startsWith("Not allowed: "), qPrintable(staff.error()));
        QVERIFY2(staff.error().contains("supervisors and managers"), qPrintable(staff.error()));
    }

    void offlineKeepsTheLastReport() {
        QVERIFY(signIn("2001"));
        ReportController rc;
        rc.setScopeId("cm-sunshine");
        QVERIFY2(loadAndWait(rc), qPrintable(rc.error()));
        const QString title = rc.reportJson().value("title").toString();
        m_server.terminate();
        rc.previousPeriod();
        QVERIFY(!loadAndWait(rc));
        QVERIFY(rc.offline());
        QVERIFY2(rc.error().contains("need a connection") && rc.error().contains("last loaded"), qPrintable(rc.error()));
        QVERIFY(rc.hasReport()); // still on screen, still exportable
        QCOMPARE(rc.reportJson().value("title").toString(), title);
        QVERIFY(rc.exportPdf(m_out.filePath("offline.pdf")));
        QVERIFY(m_server.start());
        // Someone else signs in: the report is not left for them.
        QVERIFY(signIn("3001"));
        QVERIFY(!rc.hasReport());
    }

    // The real pages: the Reports entry only for supervisors and managers, and the page drawing
    // a real Pareto chart from the server's quarterly report.
    void reportsPageDrawsTheParetoChart() {
        QVERIFY(signIn("1001"));
        QQmlApplicationEngine engine;
        auto* window = loadMainWindow(engine, {1280, 800});
        QVERIFY(window);
        const auto entry = [&]() -> QQuickItem* {
            for (auto* item : itemsUnder(window->contentItem()))
                if (item->objectName() == "section-reports")
                    return item;
            return nullptr;
        };
        const auto supervisorEntry = [&]() -> QQuickItem* {
            for (auto* item : itemsUnder(window->contentItem()))
                if (item->objectName() == "section-supervisor")
                    return item;
            return nullptr;
        };
        QTRY_VERIFY(entry() != nullptr && supervisorEntry() != nullptr);
        QVERIFY(!entry()->isVisible()); // staff: no Reports
        QVERIFY(signIn("2001"));
        QTRY_VERIFY(entry() != nullptr && entry()->isVisible());
        QVERIFY(signIn("3001"));
        QTRY_VERIFY(entry() != nullptr && entry()->isVisible());

        QVERIFY(showPage(window, "ReportsPage.qml", {{"initialKind", "quarterly"}, {"scrollTo", "pareto"}}));
        QQuickItem* chart = nullptr;
        // The page's first Pareto chart (a ChartView underneath), once the report is in.
        const auto findChart = [&] {
            for (auto* item : itemsUnder(window->contentItem()))
                if (QByteArray(item->metaObject()->className()).startsWith("ReportParetoChart") &&
                    item->inherits("DeclarativeChart") && item->isVisible() && item->width() > 100) {
                    chart = item;
                    return true;
                }
            return false;
        };
        QVERIFY(QTest::qWaitFor(findChart, 60000));
        QTest::qWait(1500); // the series fill and the page scrolls to the chart
        const QImage shot = window->grabWindow();
        QVERIFY(!shot.isNull());
        const QString png = m_out.filePath("reports-page.png");
        QVERIFY(shot.save(png));
        keep(png);
        const QRect area = chart->mapRectToScene(QRectF(0, 0, chart->width(), chart->height())).toRect();
        QVERIFY2(!area.intersected(shot.rect()).isEmpty(), "the chart is not in view");
        // Bars in the vital-few colour and the cumulative line's colour are really drawn.
        QVERIFY2(pixelsNear(shot, area, QColor("#0b5cab")) > 200, "no vital-few bars drawn");
        QVERIFY2(pixelsNear(shot, area, QColor("#d9822b")) > 50, "no cumulative line drawn");
        QVERIFY(inkShare(shot.copy(area)) > 0.03);
    }
};

QTEST_MAIN(ReportsTest)
#include "reports_test.moc"
