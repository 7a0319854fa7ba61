// The admin console's Policy and Calendar pages offscreen against the real server on 127.0.0.1
// (the demo company): a policy number changed on the page is the server's (GET policy), only
// that key changed; a number out of range is refused with the reason beside its field and
// nothing changes. 2027's Spring Festival, tapped into the Calendar page's months (days off
// 2027-02-06..12, make-up working days on the Sunday before and the Saturday after), is in the
// server's calendar; a make-up day on a weekday, and a year with implausibly few working days,
// are refused with the reason beside the list and the calendar unchanged. A staff tablet synced
// afterwards counts a complaint's reply deadline across the festival with both: the new number of
// working days and the days off.

#include "client/calendar_admin.h"
#include "client/policy_admin.h"
#include "admin_console.h"
#include "page_helpers.h"
#include "shared/rules/deadlines.h"
#include "support/signed_device.h"

using namespace courtyard;
using namespace courtyard::test;

class AdminRulesPageTest : public QObject {
    Q_OBJECT
    AdminConsole m_admin; // the server, the console and its window, a second admin device

    Json serverPolicy() {
        const auto a = m_admin.check->getAs("s-9001", "/v1/admin/policy");
        return a.status == 200 ? a.body.value("policy", Json::object()) : Json();
    }
    Json serverCalendar() {
        const auto a = m_admin.check->getAs("s-9001", "/v1/admin/calendars");
        if (a.status == 200)
            for (const auto& c : a.body.value("calendars", Json::array()))
                if (c.value("id", std::string()) == "calendar:cn-mainland")
                    return c;
        return {};
    }
    void saveShot(const QString& name) { test::saveShot(m_admin.window, name); }

private slots:
    void initTestCase() {
        m_admin.start({1280, 3000}); // tall: every group and month at once
        if (QTest::currentTestFailed())
            return;
        // Both pages are in the navigation.
        QVERIFY(findNamed(m_admin.window->contentItem(), "section-policy"));
        QVERIFY(findNamed(m_admin.window->contentItem(), "section-calendars"));
    }

    void cleanupTestCase() { m_admin.stop(); }

    // Every setting is on the page with the server's value; one number changed and saved is the
    // server's, and the others kept theirs.
    void aPolicyNumberChangedOnThePageIsTheServers() {
        client::PolicyAdmin* controller = nullptr;
        openSection(m_admin.window, "policy", "policyPage", controller);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(QTest::qWaitFor([&] { return findNamed(m_admin.window->contentItem(), "policy-reply_working_days") != nullptr; },
                                30000));
        const Json before = serverPolicy();
        QVERIFY(before.is_object());
        // Every key the server has is a row; every number has its field with the server's value.
        QCOMPARE(controller->settings().size(), qsizetype(before.size() - 1)); // less "id"
        for (const auto& s : controller->settings())
            if (s.editable)
                QVERIFY2(findNamed(m_admin.window->contentItem(), "policy-" + s.key), qPrintable(s.key));
        QCOMPARE(textOf(m_admin.window, "policy-reply_working_days"), QString("2"));
        QCOMPARE(textOf(m_admin.window, "policy-monthly_sample_percent"), QString("5"));
        QVERIFY(!press(m_admin.window, "savePolicy")); // nothing changed yet: nothing to save
        QVERIFY(findNamed(m_admin.window->contentItem(), "policyNote"));
        // The settings the company file changes are shown, in words rather than JSON.
        const QString ladder = textOf(m_admin.window, "policyShown-escalation");
        QVERIFY2(ladder.contains("after_minutes: 1440") && !ladder.contains('{'), qPrintable(ladder));

        QVERIFY(setText(m_admin.window, "policy-reply_working_days", "3"));
        QVERIFY(setText(m_admin.window, "policy-quality_target", "85"));
        QCOMPARE(controller->changes(), 2);
        saveShot("policy-edited");
        QVERIFY(press(m_admin.window, "savePolicy"));
        QVERIFY(QTest::qWaitFor([&] { return !textOf(m_admin.window, "policySaved").isEmpty(); }, 30000));
        QVERIFY(textOf(m_admin.window, "policySaved").contains("already set"));
        QCOMPARE(controller->changes(), 0);
        const Json after = serverPolicy();
        QCOMPARE(after.value("reply_working_days", 0), 3);
        QCOMPARE(after.value("quality_target", 0), 85);
        Json expected = before;
        expected["reply_working_days"] = 3;
        expected["quality_target"] = 85;
        QCOMPARE(after, expected); // nothing else moved
        QCOMPARE(textOf(m_admin.window, "policy-reply_working_days"), QString("3"));
    }

    // A number out of range: the server's reason beside that field, the server's policy as it was.
    void anOutOfRangeNumberIsRefusedBesideItsField() {
        QVERIFY(showPage(m_admin.window, "PolicyPage.qml"));
        QVERIFY(QTest::qWaitFor([&] { return textOf(m_admin.window, "policy-reply_working_days") == "3"; }, 30000));
        const Json before = serverPolicy();
        QVERIFY(setText(m_admin.window, "policy-visit_days", "4"));        // in range
        QVERIFY(setText(m_admin.window, "policy-reply_working_days", "99")); // 1 to 60
        QVERIFY(press(m_admin.window, "savePolicy"));
        QString message;
        QVERIFY(QTest::qWaitFor([&] { return !(message = textOf(m_admin.window, "fieldError-reply_working_days")).isEmpty(); },
                                30000));
        QVERIFY2(message.contains("between 1 and 60"), qPrintable(message));
        QVERIFY(findNamed(m_admin.window->contentItem(), "fieldError-visit_days") == nullptr);
        QVERIFY(findNamed(m_admin.window->contentItem(), "policyError") == nullptr); // beside the field only
        QCOMPARE(textOf(m_admin.window, "policy-reply_working_days"), QString("99")); // still there to correct
        saveShot("policy-refused");
        QCOMPARE(serverPolicy(), before); // the whole change refused: visit_days too
        // Not a number at all: said beside the field before anything is sent.
        QVERIFY(setText(m_admin.window, "policy-reply_working_days", "two"));
        QVERIFY(press(m_admin.window, "savePolicy"));
        QVERIFY(textOf(m_admin.window, "fieldError-reply_working_days").contains("not a number"));
        QCOMPARE(serverPolicy(), before);
        // Discarding shows the server's values again.
        QVERIFY(press(m_admin.window, "discardPolicy"));
        QVERIFY(QTest::qWaitFor([&] { return textOf(m_admin.window, "policy-reply_working_days") == "3"; }, 30000));
        QCOMPARE(textOf(m_admin.window, "policy-visit_days"), QString("3"));
    }

    // 2027's Spring Festival tapped into the months: the lists say it, the server has it.
    void springFestival2027TappedIntoTheCalendarIsTheServers() {
        client::CalendarAdmin* controller = nullptr;
        openSection(m_admin.window, "calendars", "calendarPage", controller);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(QTest::qWaitFor([&] { return controller->calendarId() == "cn-mainland"; }, 30000));
        // 2026 as the demo company has it: the Spring Festival 2026-02-15..23 off.
        controller->setYear(2026);
        QVERIFY(controller->covered());
        QCOMPARE(controller->kindOf(2, 16), int(client::CalendarAdmin::Holiday));
        QVERIFY(findNamed(m_admin.window->contentItem(), "yearNotCovered") == nullptr);

        auto* yearBox = findNamed(m_admin.window->contentItem(), "calendarYear");
        QVERIFY(yearBox);
        yearBox->setProperty("value", 2027);
        QMetaObject::invokeMethod(yearBox, "valueModified");
        QCOMPARE(controller->year(), 2027);
        QVERIFY(!controller->covered());
        QVERIFY(findNamed(m_admin.window->contentItem(), "yearNotCovered"));
        QCOMPARE(textOf(m_admin.window, "holidaysText"), QString());
        const int weekdays = controller->weekdays();
        QCOMPARE(controller->workingDays(), weekdays);

        // Days off Saturday 6 to Friday 12 February, one tap each; the make-up working days,
        // Sunday 31 January and Saturday 20 February, two taps each (holiday, then make-up day).
        for (int day = 6; day <= 12; ++day)
            QVERIFY(press(m_admin.window, QString("day-2-%1").arg(day)));
        for (int i = 0; i < 2; ++i) {
            QVERIFY(press(m_admin.window, "day-1-31"));
            QVERIFY(press(m_admin.window, "day-2-20"));
        }
        QCOMPARE(textOf(m_admin.window, "holidaysText"), QString("2027-02-06..2027-02-12"));
        QCOMPARE(textOf(m_admin.window, "workingDaysText"), QString("2027-01-31, 2027-02-20"));
        QCOMPARE(controller->kindOf(2, 8), int(client::CalendarAdmin::Holiday));
        QCOMPARE(controller->kindOf(2, 20), int(client::CalendarAdmin::MakeUp));
        QCOMPARE(controller->workingDays(), weekdays - 5 + 2);
        QVERIFY(controller->edited());
        QVERIFY(press(m_admin.window, "saveYear"));
        QVERIFY(QTest::qWaitFor([&] { return !textOf(m_admin.window, "calendarSaved").isEmpty(); }, 30000));
        QVERIFY(!controller->edited());
        QVERIFY(controller->covered());
        saveShot("calendar-2027");

        const Json cal = serverCalendar();
        QVERIFY(cal.is_object());
        const auto has = [](const Json& list, const Json& entry) {
            return std::find(list.begin(), list.end(), entry) != list.end();
        };
        QVERIFY(has(cal["holidays"], "2027-02-06..2027-02-12"));
        QVERIFY(has(cal["working_days"], "2027-01-31"));
        QVERIFY(has(cal["working_days"], "2027-02-20"));
        QVERIFY(has(cal["years"], 2027));
        QVERIFY(has(cal["holidays"], "2026-02-15..2026-02-23")); // the other years kept
        QVERIFY2(textOf(m_admin.window, "calendarSaved").contains(QString::number(weekdays - 3)),
                 qPrintable(textOf(m_admin.window, "calendarSaved")));
    }

    // A make-up working day on a weekday, and a year with far too few working days: each refused
    // with the reason beside its list; the server's calendar unchanged.
    void anImplausibleYearIsRefusedBesideTheList() {
        QVERIFY(showPage(m_admin.window, "CalendarPage.qml"));
        auto* page = findNamed(m_admin.window->contentItem(), "calendarPage");
        QVERIFY(page);
        auto* controller = page->property("controller").value<client::CalendarAdmin*>();
        QVERIFY(QTest::qWaitFor([&] { return controller->calendarId() == "cn-mainland"; }, 30000));
        controller->setYear(2027);
        QCOMPARE(textOf(m_admin.window, "holidaysText"), QString("2027-02-06..2027-02-12"));
        const Json before = serverCalendar();

        QVERIFY(setText(m_admin.window, "workingDaysText", "2027-01-31, 2027-02-05")); // a Friday
        QCOMPARE(controller->kindOf(2, 5), int(client::CalendarAdmin::MakeUp));
        QVERIFY(press(m_admin.window, "saveYear"));
        QString message;
        QVERIFY(QTest::qWaitFor([&] { return !(message = textOf(m_admin.window, "fieldError-working_days")).isEmpty(); },
                                30000));
        QVERIFY2(message.contains("2027-02-05") && message.contains("Friday"), qPrintable(message));
        QVERIFY(findNamed(m_admin.window->contentItem(), "fieldError-holidays") == nullptr);
        QVERIFY(findNamed(m_admin.window->contentItem(), "calendarSaved") == nullptr);
        saveShot("calendar-refused");
        QCOMPARE(serverCalendar(), before);

        // Two months off: the server's count of the year's working days, beside the holidays.
        QVERIFY(setText(m_admin.window, "workingDaysText", "2027-01-31"));
        QVERIFY(setText(m_admin.window, "holidaysText", "2027-02-06..2027-02-12, 2027-03-01..2027-04-30"));
        QVERIFY(press(m_admin.window, "saveYear"));
        QVERIFY(QTest::qWaitFor([&] { return !(message = textOf(m_admin.window, "fieldError-holidays")).isEmpty(); }, 30000));
        QVERIFY2(message.contains("working days"), qPrintable(message));
        QVERIFY(findNamed(m_admin.window->contentItem(), "fieldError-working_days") == nullptr);
        QCOMPARE(serverCalendar(), before);

        // Undo: the year as the server has it.
        QVERIFY(press(m_admin.window, "revertYear"));
        QCOMPARE(textOf(m_admin.window, "holidaysText"), QString("2027-02-06..2027-02-12"));
        QCOMPARE(textOf(m_admin.window, "workingDaysText"), QString("2027-01-31, 2027-02-20"));
        QVERIFY(!controller->edited());
    }

    // A tablet synced after both changes: a complaint received on Friday 2027-02-05 is due on the
    // third working day after it (the number the Policy page set), counting past the days off and
    // the weekend after them — Wednesday 17 February at the close of business.
    void aSyncedTabletCountsTheNewYearAndNumber() {
        const auto previous = client::exposedToQml(); // the console's window keeps its singletons
        const auto enrolled = m_admin.server.addDevice("staff", {"cm-sunshine"}, "front desk tablet");
        QVERIFY(!enrolled.token.isEmpty());
        ClientDevice tablet(false, m_admin.server.url(), enrolled.token);
        client::exposeToQml(previous);
        QVERIFY(tablet.syncNow());
        const auto& rules = tablet.app->store().rulesFor("cm-sunshine");
        QCOMPARE(rules.policy.replyWorkingDays, 3);
        QVERIFY(rules.calendar.coversYear(2027));
        const auto received = parseInstant("2027-02-05T10:00:00+08:00");
        QVERIFY(received);
        const auto due = rules::complaintReplyDeadline(*received, false, std::nullopt, rules.calendar, rules.policy);
        const auto expected = parseInstant("2027-02-17T18:00:00+08:00");
        QVERIFY(expected);
        QVERIFY2(due.dueAt == *expected, formatInstant(due.dueAt).c_str());
        QVERIFY(!due.calendarFallback);
    }
};

QTEST_MAIN(AdminRulesPageTest)
#include "admin_rules_page_test.moc"
