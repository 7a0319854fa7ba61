// The admin console's Inspection templates page offscreen against the real server on 127.0.0.1
// (the demo company): the table lists the server's templates, filters by where they apply and by
// name, and sorts; a template edited on the page — an item renamed, one added, a grade that no
// longer passes — is the server's and reaches a tablet, its items keeping their ids; an empty
// item title or a scale with no passing grade is refused beside the field it names and the
// server's template is unchanged; a new template is created for one community; with the server
// gone, the page says it cannot be reached.

#include "client/template_admin.h"
#include "admin_console.h"
#include "page_helpers.h"
#include "support/signed_device.h"

using namespace courtyard;
using namespace courtyard::test;

class AdminTemplatesPageTest : public QObject {
    Q_OBJECT
    AdminConsole m_admin; // the server, the console and its window, a second admin device
    client::TemplateAdmin* m_controller = nullptr;

    Json serverTemplates() {
        const auto a = m_admin.check->getAs("s-9001", "/v1/admin/inspection-templates");
        if (a.status != 200)
            qWarning("GET /v1/admin/inspection-templates: %d %s", a.status, a.body.dump().c_str());
        return a.body.value("templates", Json::array());
    }
    Json serverTemplate(const std::string& id) {
        for (const auto& t : serverTemplates())
            if (t.value("id", std::string()) == id)
                return t;
        return {};
    }
    static std::vector<std::string> itemIds(const Json& tmpl) {
        std::vector<std::string> out;
        for (const auto& i : tmpl.value("items", Json::array()))
            out.push_back(i.value("id", std::string()));
        return out;
    }
    QStringList shownIds() const {
        QStringList out;
        for (const auto& t : m_controller->shown())
            out << t.templateId;
        return out;
    }
    // Types into a field as a person does (the page listens for edits, not for any change).
    bool type(const QString& objectName, const QString& text) {
        auto* item = findNamed(m_admin.window->contentItem(), objectName);
        return item && item->setProperty("text", text) && QMetaObject::invokeMethod(item, "textEdited");
    }
    // Ticks or clears a check box as a person does (the page listens for toggles).
    bool tick(const QString& objectName, bool on) {
        auto* box = findNamed(m_admin.window->contentItem(), objectName);
        return box && box->setProperty("checked", on) && QMetaObject::invokeMethod(box, "toggled");
    }
    // Sets the ComboBox named `comboName` to the entry that shows `text`.
    bool chooseShown(const QString& comboName, const QString& text) {
        auto* combo = findNamed(m_admin.window->contentItem(), comboName);
        int index = -1;
        if (!combo || !QMetaObject::invokeMethod(combo, "find", Q_RETURN_ARG(int, index), Q_ARG(QString, text)))
            return false;
        return index >= 0 && combo->setProperty("currentIndex", index);
    }
    // Chooses what the table shows as a person does (the page listens for a choice made).
    bool showScope(const QString& value) {
        auto* combo = findNamed(m_admin.window->contentItem(), "templateScope");
        if (!choose(m_admin.window, "templateScope", value))
            return false;
        return QMetaObject::invokeMethod(combo, "activated", Q_ARG(int, combo->property("currentIndex").toInt())) &&
               m_controller->scope() == value;
    }
    bool idle() {
        return QTest::qWaitFor([&] { return !m_controller->busy(); }, 10000);
    }

private slots:
    void initTestCase() {
        m_admin.start({1280, 2800});
        if (QTest::currentTestFailed())
            return;
        openSection(m_admin.window, "templates", "templatesPage", m_controller);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(QTest::qWaitFor([&] { return findNamed(m_admin.window->contentItem(), "templateRow-t-etiquette"); }, 30000));
    }

    void cleanupTestCase() { m_admin.stop(); }

    // The table is the server's list, filtered by where a template applies and by name, and sorted.
    void theTableListsFiltersAndSortsTheServersTemplates() {
        const Json listed = serverTemplates();
        QCOMPARE(listed.size(), std::size_t(5)); // the demo's
        QCOMPARE(m_controller->total(), 5);
        for (const auto& t : listed) {
            const auto row = m_controller->find(QString::fromStdString(t.value("id", std::string())));
            QCOMPARE(row.name, QString::fromStdString(t.value("name", std::string())));
            QCOMPARE(row.items, int(t["items"].size()));
            QCOMPARE(row.kind, QString::fromStdString(t.value("kind", std::string())));
            QVERIFY(findNamed(m_admin.window->contentItem(), "templateRow-" + row.templateId));
        }
        // Sorted by name at first; by items, the security check (3 items) comes first, then last.
        QVERIFY(press(m_admin.window, "sort-items"));
        QCOMPARE(shownIds().value(0), QString("t-security"));
        QVERIFY(press(m_admin.window, "sort-items"));
        QCOMPARE(shownIds().value(4), QString("t-security"));
        QVERIFY(press(m_admin.window, "sort-name"));

        QVERIFY(setText(m_admin.window, "templateFilter", "装修"));
        QCOMPARE(shownIds(), QStringList{"t-renovation"});
        QVERIFY(!findNamed(m_admin.window->contentItem(), "templateRow-t-etiquette"));
        QVERIFY(setText(m_admin.window, "templateFilter", ""));
        QCOMPARE(shownIds().size(), 5);
        // The demo's templates are all company-wide: none is Sunshine's own.
        auto* scope = findNamed(m_admin.window->contentItem(), "templateScope");
        QVERIFY(scope);
        QCOMPARE(scope->property("displayText").toString(), QString("Every template"));
        QVERIFY(showScope("cm-sunshine"));
        QVERIFY(shownIds().isEmpty());
        QVERIFY(showScope(""));
        QCOMPARE(shownIds().size(), 5);
        QVERIFY(showScope("*"));
    }

    // Edited on the page, saved, on the server and on a tablet; the items keep their ids.
    void anEditedTemplateIsTheServersAndItsItemsKeepTheirIds() {
        const Json before = serverTemplate("t-renovation");
        QCOMPARE(itemIds(before), (std::vector<std::string>{"permit", "hours", "waste", "fire", "structure"}));
        QVERIFY(before["scale"][1].value("pass", false)); // "fair" passes in the demo
        QVERIFY(press(m_admin.window, "templateRow-t-renovation"));
        QVERIFY(QTest::qWaitFor([&] { return textOf(m_admin.window, "itemTitle-4") == QString::fromStdString(before["items"][4]["title"]); }, 5000));
        QCOMPARE(textOf(m_admin.window, "templateName"), QString::fromStdString(before["name"]));

        QVERIFY(type("itemTitle-0", "装修许可证张贴于门口 Permit on the door"));
        QVERIFY(press(m_admin.window, "addItem"));
        QVERIFY(QTest::qWaitFor([&] { return findNamed(m_admin.window->contentItem(), "itemTitle-5"); }, 5000));
        QCOMPARE(textOf(m_admin.window, "itemTitle-0"), QString("装修许可证张贴于门口 Permit on the door")); // kept
        QVERIFY(type("itemTitle-5", "阳台未封闭 Balcony left open"));
        QVERIFY(type("itemHint-5", "看窗户 Look at the windows"));
        QVERIFY(tick("itemPhoto-5", true));
        // Moved before the fire extinguisher: the order is the inspector's.
        QVERIFY(press(m_admin.window, "itemUp-5"));
        QVERIFY(QTest::qWaitFor([&] { return textOf(m_admin.window, "itemTitle-4") == "阳台未封闭 Balcony left open"; }, 5000));
        QVERIFY(tick("gradePass-1", false)); // "fair" no longer passes
        QVERIFY(press(m_admin.window, "saveTemplate"));
        QVERIFY(QTest::qWaitFor([&] { return serverTemplate("t-renovation")["items"].size() == 6; }, 10000));
        QVERIFY(QTest::qWaitFor([&] { return !textOf(m_admin.window, "templateMessage").isEmpty(); }, 5000));
        test::saveShot(m_admin.window, "admin-templates-saved");

        const Json saved = serverTemplate("t-renovation");
        QCOMPARE(itemIds(saved),
                 (std::vector<std::string>{"permit", "hours", "waste", "fire", "t-renovation-1", "structure"}));
        QCOMPARE(saved["items"][0].value("title", std::string()), std::string("装修许可证张贴于门口 Permit on the door"));
        QCOMPARE(saved["items"][4].value("title", std::string()), std::string("阳台未封闭 Balcony left open"));
        QCOMPARE(saved["items"][4].value("hint", std::string()), std::string("看窗户 Look at the windows"));
        QVERIFY(saved["items"][4].value("photo_on_fail", false));
        QCOMPARE(saved["items"][2], before["items"][2]); // untouched items are as they were
        QCOMPARE(saved["scale"].size(), std::size_t(3));
        QVERIFY(saved["scale"][0].value("pass", false));
        QVERIFY(!saved["scale"][1].value("pass", true));
        QCOMPARE(saved.value("name", std::string()), before.value("name", std::string()));
        // The page goes on editing the saved template, the new item now with its id.
        QVERIFY(QTest::qWaitFor([&] { return m_controller->items().size() == 6 && m_controller->items()[4].itemId == "t-renovation-1"; }, 5000));
        QCOMPARE(m_controller->find("t-renovation").items, 6);

        // A tablet at Sunshine gets the new item at its next sync.
        auto tablet = enrolDevice(m_admin.server, "staff", {"cm-sunshine"}, {"1001"});
        QVERIFY(tablet);
        bool onTablet = false;
        for (const auto& c : tablet->pullAll())
            onTablet = onTablet || (c.value("id", std::string()) == "t-renovation" &&
                                    itemIds(c["record"]) == itemIds(saved));
        QVERIFY(onTablet);
    }

    // An item with no title, then a scale where nothing passes: each reason beside its field,
    // nothing changed on the server.
    void aRefusedSaveSaysWhyBesideTheFieldAndChangesNothing() {
        QVERIFY(idle()); // the last save's reload
        QCOMPARE(m_controller->editingId(), QString("t-renovation"));
        const Json before = serverTemplate("t-renovation");
        QVERIFY(!before.is_null());

        QVERIFY(type("itemTitle-2", "  "));
        QVERIFY(press(m_admin.window, "saveTemplate"));
        QVERIFY(QTest::qWaitFor([&] { return !textOf(m_admin.window, "fieldError-items").isEmpty(); }, 10000));
        QVERIFY2(textOf(m_admin.window, "fieldError-items").startsWith("items: item 3 needs a title"),
                 qPrintable(textOf(m_admin.window, "fieldError-items")));
        QVERIFY(textOf(m_admin.window, "templatesError").isEmpty()); // beside the field, not in the banner
        QVERIFY(textOf(m_admin.window, "templateMessage").isEmpty());
        QCOMPARE(serverTemplate("t-renovation"), before);

        QVERIFY(type("itemTitle-2", "垃圾及时清运 Waste removed"));
        QVERIFY(tick("gradePass-0", false)); // good, fair and poor all fail now
        QVERIFY(press(m_admin.window, "saveTemplate"));
        QVERIFY(QTest::qWaitFor([&] { return !textOf(m_admin.window, "fieldError-scale").isEmpty(); }, 10000));
        test::saveShot(m_admin.window, "admin-templates-refused");
        QVERIFY2(textOf(m_admin.window, "fieldError-scale").startsWith("scale: needs at least one passing"),
                 qPrintable(textOf(m_admin.window, "fieldError-scale")));
        QVERIFY(textOf(m_admin.window, "fieldError-items").isEmpty()); // the earlier reason is gone
        QCOMPARE(serverTemplate("t-renovation"), before);
        QVERIFY(tick("gradePass-0", true));
    }

    // A new template for one community: the scale the company uses, its item named by the server.
    void aNewTemplateIsCreatedForOneCommunity() {
        QVERIFY(idle());
        QVERIFY(serverTemplate("t-lobby").is_null());
        QVERIFY(press(m_admin.window, "addTemplate"));
        QVERIFY(QTest::qWaitFor([&] { return m_controller->editingId().isEmpty() && m_controller->items().size() == 1; }, 5000));
        QCOMPARE(textOf(m_admin.window, "itemTitle-0"), QString());
        QVERIFY(setText(m_admin.window, "templateId", "t-lobby"));
        QVERIFY(setText(m_admin.window, "templateName", "大堂检查 Lobby check"));
        QVERIFY(chooseShown("templateKind", "daily_cs_check"));
        QVERIFY(chooseShown("templateSubject", "area"));
        QVERIFY(choose(m_admin.window, "templateCommunity", "cm-sunshine"));
        QVERIFY(type("itemTitle-0", "地面干净 Floor clean"));
        QVERIFY(press(m_admin.window, "saveTemplate"));
        QVERIFY(QTest::qWaitFor([&] { return !serverTemplate("t-lobby").is_null(); }, 10000));
        const Json created = serverTemplate("t-lobby");
        QCOMPARE(created.value("name", std::string()), std::string("大堂检查 Lobby check"));
        QCOMPARE(created.value("kind", std::string()), std::string("daily_cs_check"));
        QCOMPARE(created.value("community_id", std::string()), std::string("cm-sunshine"));
        QCOMPARE(itemIds(created), std::vector<std::string>{"t-lobby-1"});
        QCOMPARE(created["scale"].size(), std::size_t(3));
        QVERIFY(QTest::qWaitFor([&] { return findNamed(m_admin.window->contentItem(), "templateRow-t-lobby"); }, 5000));
        QVERIFY(showScope("cm-sunshine"));
        QCOMPARE(shownIds(), QStringList{"t-lobby"});
        QVERIFY(showScope("*"));
        QCOMPARE(m_controller->find("t-lobby").communityName, QString("阳光花园 Sunshine Garden"));
    }

    // Online only: with the server gone the page says so plainly.
    void withTheServerGoneThePageSaysItCannotBeReached() {
        QVERIFY(idle());
        m_admin.server.terminate();
        QVERIFY(press(m_admin.window, "refreshTemplates"));
        QVERIFY(QTest::qWaitFor([&] { return m_controller->unreachable(); }, 15000));
        QVERIFY2(textOf(m_admin.window, "templatesError").contains("cannot be reached"),
                 qPrintable(textOf(m_admin.window, "templatesError")));
    }
};

QTEST_MAIN(AdminTemplatesPageTest)
#include "admin_templates_page_test.moc"
