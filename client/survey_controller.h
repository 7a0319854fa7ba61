#pragma once
// A door-to-door survey, a household at a time, and a supervisor planning a new campaign.
#include "client/field_controller.h"

#include <map>
#include <string>

namespace courtyard::client {

class SurveyController : public courtyard::client::FieldController {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QVariantMap campaign READ campaign NOTIFY changed)
    Q_PROPERTY(QVariantList households READ households NOTIFY changed)
    Q_PROPERTY(int answered READ answered NOTIFY changed)
    Q_PROPERTY(int quota READ quota NOTIFY changed)
public:
    using FieldController::FieldController;
    QVariantMap campaign() const;
    QVariantList households() const;
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
};

} // namespace courtyard::client
