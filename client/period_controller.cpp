#include "client/period_controller.h"

#include "client/app_context.h"
#include "client/json_bridge.h"
#include "shared/rules/period.h"

namespace courtyard::client {

namespace {

const rules::Calendar& calendar() {
    auto* app = AppContext::instance();
    return app->store().rulesFor(app->currentCommunity().toStdString()).calendar;
}

rules::Granularity granularity(const QString& unit) {
    return rules::granularityNamed(unit.toStdString()).value_or(rules::Granularity::Week);
}

QString nowLabel(const QString& unit) {
    return QString::fromStdString(
        rules::periodContaining(granularity(unit), AppContext::instance()->clock(), calendar()).label);
}

std::optional<rules::Period> period(const QString& label) {
    auto p = rules::parsePeriod(label.toStdString(), calendar());
    return p ? std::optional(std::move(*p)) : std::nullopt;
}

} // namespace

PeriodController::PeriodController(QObject* parent) : QObject(parent) {
    // The period is in the current community's zone: another community may keep another.
    connect(AppContext::instance(), &AppContext::currentCommunityChanged, this, &PeriodController::periodChanged);
}

void PeriodController::setUnit(const QString& unit) {
    if (unit == m_unit || !rules::granularityNamed(unit.toStdString()))
        return;
    const auto first = period(label());
    m_unit = unit;
    m_label = first ? QString::fromStdString(rules::periodOfDay(granularity(unit), first->first).label) : QString();
    emit periodChanged();
}

QString PeriodController::label() const {
    if (m_label.isEmpty())
        m_label = nowLabel(m_unit);
    return m_label;
}

void PeriodController::setLabel(const QString& label) {
    auto p = rules::parsePeriodDays(label.toStdString());
    if (!p || label == m_label)
        return;
    m_unit = QString::fromUtf8(rules::granularityName(p->granularity));
    m_label = label;
    emit periodChanged();
}

QDateTime PeriodController::from() const {
    const auto p = period(label());
    return p ? toDateTime(p->from) : QDateTime();
}

QDateTime PeriodController::until() const {
    const auto p = period(label());
    return p ? toDateTime(p->to) : QDateTime();
}

QString PeriodController::firstDay() const {
    const auto p = period(label());
    return p ? QString::fromStdString(formatDate(p->first)) : QString();
}

void PeriodController::step(int steps) {
    auto p = rules::parsePeriodDays(label().toStdString());
    if (!p || steps == 0)
        return;
    m_label = QString::fromStdString(rules::shiftPeriod(*p, steps).label);
    emit periodChanged();
}

void PeriodController::current() {
    const QString now = nowLabel(m_unit);
    if (now == m_label)
        return;
    m_label = now;
    emit periodChanged();
}

} // namespace courtyard::client
