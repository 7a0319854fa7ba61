#pragma once
// A door-to-door survey, a household at a time, and a supervisor planning a new campaign.
#include "client/field_controller.h"
#include "client/gadget_list_model.h"

#include <QStringList>

#include <map>
#include <string>

namespace courtyard::client {

// A household of the campaign's sample and how its visits went so far.
struct HouseholdView {
    Q_GADGET
    QML_VALUE_TYPE(householdView)
    Q_PROPERTY(QString unitId MEMBER unitId CONSTANT)
    Q_PROPERTY(QString label MEMBER label CONSTANT) // the flat as people say it
    Q_PROPERTY(bool focused MEMBER focused CONSTANT) // complained or dissatisfied before
    Q_PROPERTY(QString outcome MEMBER outcome CONSTANT) // pending, answered, not_at_home, refused

public:
    QString unitId, label;
    bool focused = false;
    QString outcome;
    friend bool operator==(const HouseholdView&, const HouseholdView&) = default;
};

class SurveyController : public courtyard::client::FieldController {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString title READ title NOTIFY changed)
    Q_PROPERTY(QString kind READ kind NOTIFY changed)
    Q_PROPERTY(QStringList categories READ categories NOTIFY changed) // asked of every household
    Q_PROPERTY(courtyard::client::GadgetListModel* households READ householdModel CONSTANT)
    Q_PROPERTY(int answered READ answered NOTIFY changed)
    Q_PROPERTY(int quota READ quota NOTIFY changed)
public:
    using FieldController::FieldController;
    QString title() const { return qs(stringAt(m_body, "title")); }
    QString kind() const { return qs(stringAt(m_body, "kind")); }
    QStringList categories() const;
    GadgetListModel* householdModel() { return &m_households; }
    QList<HouseholdView> households() const { return m_households.rows<HouseholdView>(); }
    int answered() const;
    int quota() const;

    // scores: {category: 1..5}
    Q_INVOKABLE bool record(const QString& unitId, const QVariantMap& scores, const QString& comment);
    Q_INVOKABLE bool notAtHome(const QString& unitId);
    Q_INVOKABLE bool refused(const QString& unitId);
    // A supervisor's new campaign: created, its sample drawn by the shared planner, opened.
    // form: kind (monthly_solicitation|annual|…), method, title, categories, period_start,
    // period_end, seed
    Q_INVOKABLE QString plan(const QVariantMap& form);

protected:
    void reloaded() override;

private:
    bool respond(const QString& unitId, const char* outcome, const QVariantMap& scores, const QString& comment);
    std::map<std::string, std::string> m_outcomes; // unit → best outcome so far
    GadgetListModel m_households{HouseholdView::staticMetaObject, this};
};

} // namespace courtyard::client
