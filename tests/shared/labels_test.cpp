// The label catalogue: every value of every enum people read has exactly one label in each
// language, and nothing else hides in a group (a value renamed in the domain but not here would
// show the raw id on the tablet and in the reports).
#include "shared/domain/complaint.h"
#include "shared/domain/inspection.h"
#include "shared/domain/notice.h"
#include "shared/domain/patrol.h"
#include "shared/domain/rectification.h"
#include "shared/domain/handover.h"
#include "shared/domain/suggestion.h"
#include "shared/domain/survey.h"
#include "shared/domain/transfer_sheet.h"
#include "shared/labels/catalogue.h"
#include "shared/rules/inbox.h"
#include "shared/records/record_type.h"

#include <QtTest>

#include <map>
#include <set>
#include <string>
#include <vector>

using namespace courtyard;

namespace {

// The ids an enum table names.
template <typename E>
std::vector<std::string> idsOf(E) {
    std::vector<std::string> out;
    for (const auto& [value, name] : enumNames(E{}))
        out.emplace_back(name);
    return out;
}

struct Expectation {
    std::vector<std::string> ids;   // every one must have exactly one label
    std::set<std::string> extras;   // ids a group may hold beside the enum's
};

// Which enum (or enums) each group labels. The "state" group labels every workflow's states
// with one word per id (and an expected patrol round's status), so it holds the union.
std::map<std::string, Expectation> expectations() {
    std::map<std::string, Expectation> m;
    m["category"].ids = idsOf(domain::Category{});
    m["channel"].ids = idsOf(domain::Channel{});
    m["complaint_kind"].ids = idsOf(domain::ComplaintKind{});
    m["validity"].ids = idsOf(domain::Validity{});
    m["cause"].ids = idsOf(domain::Cause{});
    m["controllability"].ids = idsOf(domain::Controllability{});
    m["reach"].ids = idsOf(domain::Reach{});
    m["resident_type"].ids = idsOf(domain::ResidentType{});
    m["handling_mode"].ids = idsOf(domain::HandlingMode{});
    m["visit_method"].ids = idsOf(domain::VisitMethod{});
    m["sheet_level"].ids = idsOf(domain::SheetLevel{});
    m["rectification_source"].ids = idsOf(domain::RectificationSource{});
    m["inspection_kind"].ids = idsOf(domain::InspectionKind{});
    m["subject_kind"].ids = idsOf(domain::SubjectKind{});
    m["survey_kind"].ids = idsOf(domain::SurveyKind{});
    m["survey_method"].ids = idsOf(domain::SurveyMethod{});
    m["response_outcome"] = {idsOf(domain::ResponseOutcome{}), {"pending"}};
    m["notice_kind"].ids = idsOf(domain::NoticeKind{});
    m["role"] = {idsOf(domain::Role{}), {"kiosk"}};
    m["position"].ids = idsOf(domain::Position{});
    m["grade"].ids = {"0", "1", "2", "3", "4"};
    m["inbox_reason"].ids = idsOf(rules::InboxReason{});
    m["inbox_action"].ids = idsOf(rules::InboxAction{});
    std::set<std::string> states;
    auto addStates = [&](const std::vector<std::string>& ids) { states.insert(ids.begin(), ids.end()); };
    addStates(idsOf(domain::ComplaintState{}));
    addStates(idsOf(domain::SuggestionState{}));
    addStates(idsOf(domain::TransferSheetState{}));
    addStates(idsOf(domain::ArrangementState{}));
    addStates(idsOf(domain::RectificationState{}));
    addStates(idsOf(domain::CampaignState{}));
    addStates(idsOf(domain::InspectionState{}));
    addStates(idsOf(domain::PatrolRoundState{}));
    addStates(idsOf(domain::PatrolSlotStatus{})); // an expected round's status, shown as its state
    addStates(idsOf(domain::NoticeState{}));
    addStates(idsOf(domain::HandoverState{}));
    m["state"].ids.assign(states.begin(), states.end());
    return m;
}

} // namespace

class LabelsTest : public QObject {
    Q_OBJECT
private slots:
    void everyEnumValueHasExactlyOneLabelInEachLanguage() {
        for (const auto& [group, expected] : expectations()) {
            const labels::Group* g = nullptr;
            for (const auto& candidate : labels::groups())
                if (candidate.name == group)
                    g = &candidate;
            QVERIFY2(g, qPrintable(QString::fromStdString("no label group " + group)));
            for (const auto& id : expected.ids) {
                int found = 0;
                for (const auto& l : g->labels)
                    if (l.id == id) {
                        ++found;
                        QVERIFY2(!l.en.empty() && !l.zh.empty(),
                                 qPrintable(QString::fromStdString(group + "." + id + " lacks a language")));
                    }
                QVERIFY2(found == 1, qPrintable(QString::fromStdString(group + "." + id + ": " +
                                                                       std::to_string(found) + " labels")));
            }
            for (const auto& l : g->labels) {
                const std::string id(l.id);
                const bool known = std::find(expected.ids.begin(), expected.ids.end(), id) != expected.ids.end() ||
                                   expected.extras.count(id);
                QVERIFY2(known, qPrintable(QString::fromStdString(group + "." + id + " is no value of the enum")));
            }
        }
    }

    // What the tablet offers and shows of every workflow: each action and each state has a word.
    void everyWorkflowActionAndStateHasALabel() {
        for (const auto* type : records::allRecordTypes()) {
            for (const auto& action : type->actions())
                QVERIFY2(labels::find("action", action),
                         qPrintable(QString::fromStdString(std::string(type->name()) + ": action " + action)));
            for (const auto& state : type->states())
                QVERIFY2(labels::find("state", state),
                         qPrintable(QString::fromStdString(std::string(type->name()) + ": state " + state)));
        }
    }

    void noIdIsLabelledTwiceInAnyGroup() {
        for (const auto& g : labels::groups()) {
            std::set<std::string_view> seen;
            for (const auto& l : g.labels)
                QVERIFY2(seen.insert(l.id).second,
                         qPrintable(QString::fromStdString(std::string(g.name) + "." + std::string(l.id))));
        }
    }

    void wordsChosenWhereTheFacesDisagreed() {
        // The kiosk is named where it stands; a complaint passed down says by whom.
        QCOMPARE(labels::text("channel", "kiosk", labels::Lang::Zh), std::string("大堂自助机"));
        QCOMPARE(labels::text("channel", "company", labels::Lang::Zh), std::string("经公司转来"));
        QCOMPARE(labels::text("category", "vehicles", labels::Lang::En), std::string("Vehicles and parking"));
    }

    void anUnknownIdReadsAsItself() {
        QCOMPARE(labels::text("category", "moon_base", labels::Lang::Zh), std::string("moon_base"));
        QVERIFY(!labels::find("no_such_group", "x"));
    }
};

QTEST_GUILESS_MAIN(LabelsTest)
#include "labels_test.moc"
