#pragma once
// New records from forms: a complaint taken by phone, face to face or by letter (with the
// on-the-spot answer when there is one), a suggestion, a rectification item, a supervisor's
// own arrangement notice, a notice for the kiosks. The form's errors come back in words
// before anything is saved.

#include "client/app_context.h"

#include <QObject>
#include <QVariantMap>

namespace courtyard::client {

class IntakeController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString lastError READ lastError NOTIFY errorChanged)
    Q_PROPERTY(QString lastId READ lastId NOTIFY created)

public:
    explicit IntakeController(QObject* parent = nullptr);
    QString lastError() const { return m_lastError; }
    QString lastId() const { return m_lastId; }

    // form: channel, kind (complaint|repair), unit_id, complainant_name, complainant_phone,
    // category, content, urgent, serious, requested_reply_by (date-time, optional),
    // received_at (optional, not in the future), answer (optional: answered on the spot).
    Q_INVOKABLE QString createComplaint(const QVariantMap& form);
    // form: channel, unit_id, resident_name, resident_phone, category, content, agreed_reply_by
    Q_INVOKABLE QString createSuggestion(const QVariantMap& form);
    // form: source, unit_id or area, description, category, found_by_department_id, photo (path)
    Q_INVOKABLE QString createRectification(const QVariantMap& form);
    // form: department_id, instructions, due_by, assignee_id, source (daily_check|inspection|patrol), source_id
    Q_INVOKABLE QString createArrangementNotice(const QVariantMap& form);
    // form: kind, title, body, valid_from, valid_until, urgent, location
    Q_INVOKABLE QString createNotice(const QVariantMap& form);
    // The end of a shift: every open complaint of my department (or of the community when I have
    // none) handed to the next shift, with a note per complaint (notes: {complaint id: text}) and
    // for the whole list. The next shift acknowledges it.
    Q_INVOKABLE QString createHandover(const QString& notes, const QVariantMap& itemNotes = {});
    // The department head's weekly review of the week (in the community's zone) that holds
    // `weekStart`: the counts of the department's complaint records and transfer sheets of that
    // week (rules::weeklyReviewCounts, as the server's weekly report counts) are recorded with notes.
    Q_INVOKABLE QString createWeeklyReview(const QString& departmentId, const QDateTime& weekStart, const QString& notes);
    // Those counts for a week label ("2026-W47"): {complaints, transferSheets}; empty when the
    // label is not a week.
    Q_INVOKABLE QVariantMap weeklyReviewCounts(const QString& departmentId, const QString& weekLabel) const;

signals:
    void errorChanged();
    void created(const QString& id);

private:
    QString finish(Result<std::string> id, const QStringList& types);
    Json header(const QVariantMap& form) const;
    QString m_lastError, m_lastId;
};

} // namespace courtyard::client
