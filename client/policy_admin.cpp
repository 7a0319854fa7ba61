#include "client/policy_admin.h"

#include "client/json_bridge.h"

#include <QRegularExpression>

namespace courtyard::client {

namespace {

struct Setting {
    const char* key;
    const char* group;
    const char* label;
    const char* unit;
};

// The page's order, within the groups; the labels are translated where they are shown.
constexpr Setting kSettings[] = {
    {"urgent_reply_hours", "deadlines", QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "Urgent complaint: reply within"),
     QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "hours")},
    {"reply_working_days", "deadlines", QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "Complaint: reply within"),
     QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "working days")},
    {"invalid_explanation_working_days", "deadlines",
     QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "Invalid complaint: explain within"), QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "working days")},
    {"suggestion_reply_days", "deadlines", QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "Suggestion: reply within"),
     QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "days")},
    {"visit_days", "deadlines", QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "Return visit within"),
     QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "days")},
    {"sheet_arrange_working_days", "deadlines", QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "Transfer sheet: arrange within"),
     QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "working days")},
    {"acceptance_days", "deadlines", QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "Rectification: accept within"),
     QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "days")},
    {"inbox_warning_minutes", "deadlines", QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "\"Due soon\" in the inbox before a deadline"),
     QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "minutes")},
    {"monthly_sample_percent", "surveys", QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "Monthly survey sample of occupied households"),
     "%"},
    {"annual_sample_percent", "surveys", QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "Annual survey sample"), "%"},
    {"return_rate_floor_percent", "surveys", QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "Lowest acceptable return rate"), "%"},
    {"penalty_step_percent", "surveys", QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "For each step below the return rate of"), "%"},
    {"penalty_points", "surveys", QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "… satisfaction is lowered by"),
     QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "points")},
    {"quality_target", "surveys", QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "Satisfaction target"),
     QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "points of 100")},
    {"satisfied_score", "surveys", QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "An answer counts as satisfied from"),
     QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "of 5")},
    {"activity_visit_percent", "surveys", QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "Community activities: visit participants"), "%"},
    {"activity_target", "surveys", QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "Community activities: satisfaction target"),
     QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "points of 100")},
    {"grade_matrix", "grading", QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "Complaint grade by validity, controllability and reach"), ""},
    {"grade_notify", "grading", QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "Who is told at each grade"), ""},
    {"escalation", "grading", QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "Escalation of overdue work"), ""},
    {"pin_min_length", "sign_in", QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "Shortest PIN"), QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "digits")},
    {"pin_free_attempts", "sign_in", QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "Wrong PINs in a row without a wait"), ""},
    {"pin_delay_seconds", "sign_in", QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "First wait after them"),
     QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "seconds")},
    {"pin_delay_max_seconds", "sign_in", QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "Longest wait"),
     QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "seconds")},
    {"pin_offline_attempts", "sign_in", QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "Wrong PINs offline before an online sign-in is needed"), ""},
    {"credential_days", "sign_in", QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "A sign-in is good for"), QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "days")},
    {"credential_grace_days", "sign_in", QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "Grace for work done before it ran out"),
     QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "days")},
    {"idle_sign_out_minutes", "sign_in", QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "Sign out an idle tablet after"),
     QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "minutes")},
    {"enrolment_code_minutes", "sign_in", QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "An enrolment code is good for"),
     QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "minutes")},
    {"retention_complaint_days", "retention", QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "Keep a closed complaint for"),
     QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "days")},
    {"retention_suggestion_days", "retention", QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "Keep a replied suggestion for"),
     QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "days")},
    {"retention_transfer_sheet_days", "retention", QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "Keep a closed transfer sheet for"),
     QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "days")},
    {"redact_residents_after_days", "retention",
     QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "Blank residents' names and phones after (0: with the record)"),
     QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "days")},
    {"clock_skew_bound_seconds", "fair_use", QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "Correct device clocks off by more than"),
     QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "seconds")},
    {"kiosk_submissions_per_unit_per_hour", "fair_use", QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "Kiosk submissions per flat"),
     QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "per hour")},
    {"kiosk_submissions_per_device_per_hour", "fair_use", QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "Kiosk submissions per kiosk"),
     QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "per hour")},
    {"device_pushes_per_minute", "fair_use", QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "Pushes per device"),
     QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "per minute")},
    {"device_pulls_per_minute", "fair_use", QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "Pulls per device"),
     QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "per minute")},
    {"device_blob_mib_per_minute", "fair_use", QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "Attachments per device"),
     QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "MiB per minute")},
    {"device_pending_upload_mib", "fair_use", QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "Unfinished uploads per device"),
     QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "MiB")},
    {"abandoned_upload_hours", "fair_use", QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "Remove an unfinished upload after"),
     QT_TRANSLATE_NOOP("courtyard::client::PolicyAdmin", "hours")},
};

// A stored value as the field shows it: 5.0 as "5", 2.5 as "2.5".
QString valueText(const Json& v) {
    if (v.is_number_integer())
        return QString::number(v.get<long long>());
    if (v.is_number())
        return QString::number(v.get<double>(), 'g', 12);
    if (v.is_string())
        return qs(v.get<std::string>());
    // The grade matrix, who is told, the escalation ladder: readable, not JSON.
    QStringList parts;
    if (v.is_object())
        for (auto it = v.begin(); it != v.end(); ++it)
            parts << qs(it.key()) + ": " + (it->is_structured() && !it->is_array() ? "(" + valueText(*it) + ")"
                                                                                   : valueText(*it));
    else if (v.is_array())
        for (const auto& e : v)
            parts << (e.is_object() ? "(" + valueText(e) + ")" : valueText(e));
    else
        return qs(v.dump());
    return parts.join(v.is_object() ? QStringLiteral("; ") : QStringLiteral(", "));
}

} // namespace

PolicyAdmin::PolicyAdmin(QObject* parent) : AdminClient(parent) {}

int PolicyAdmin::countIn(const QString& group) const {
    int n = 0;
    for (const auto& s : settings())
        n += s.group == group ? 1 : 0;
    return n;
}

void PolicyAdmin::refresh() {
    call("GET", "/v1/admin/policy", nullptr, "list", [this](const Json& answer) {
        show(answer.value("policy", Json::object()));
    });
}

void PolicyAdmin::show(const Json& policy) {
    QList<PolicySettingView> rows;
    QStringList known;
    for (const auto& s : kSettings) {
        known << QString::fromLatin1(s.key);
        if (!policy.contains(s.key))
            continue;
        const Json& v = policy[s.key];
        rows.append({QString::fromLatin1(s.key), QString::fromLatin1(s.group), tr(s.label),
                     *s.unit ? tr(s.unit) : QString(), valueText(v), v.is_number()});
    }
    // A setting this console does not know yet (a newer server): shown by its key.
    for (auto it = policy.begin(); it != policy.end(); ++it) {
        const QString key = qs(it.key());
        if (key != "id" && !known.contains(key))
            rows.append({key, QStringLiteral("other"), key, QString(), valueText(it.value()), it->is_number()});
    }
    m_settings.setRows(rows);
    m_edits.clear();
    emit editsChanged();
    emit listChanged();
}

void PolicyAdmin::edit(const QString& key, const QString& text) {
    QString stored;
    for (const auto& s : settings())
        if (s.key == key)
            stored = s.value;
    if (text.trimmed() == stored)
        m_edits.remove(key);
    else
        m_edits.insert(key, text.trimmed());
    emit editsChanged();
}

void PolicyAdmin::save() {
    if (m_edits.isEmpty())
        return;
    static const QRegularExpression whole(QStringLiteral("^-?[0-9]+$"));
    Json changes = Json::object();
    for (auto it = m_edits.cbegin(); it != m_edits.cend(); ++it) {
        bool ok = false;
        if (whole.match(it.value()).hasMatch()) {
            const long long n = it.value().toLongLong(&ok);
            if (ok)
                changes[ss(it.key())] = n;
        } else {
            const double d = it.value().toDouble(&ok);
            if (ok)
                changes[ss(it.key())] = d;
        }
        if (!ok) {
            setError(tr("%1: '%2' is not a number").arg(it.key(), it.value()), it.key());
            emit failed(QStringLiteral("save"));
            return;
        }
    }
    call("PATCH", "/v1/admin/policy", Json{{"policy", changes}}, "save", [this](const Json& answer) {
        show(answer.value("policy", Json::object()));
    });
}

} // namespace courtyard::client
