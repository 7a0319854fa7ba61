#include "client/kiosk_controller.h"

#include "client/json_bridge.h"
#include "client/language_settings.h"
#include "shared/auth/pin_rules.h"
#include "shared/core/hash.h"
#include "shared/domain/notice.h"
#include "shared/records/record_type.h"
#include "shared/rules/kiosk.h"
#include "sync/protocol/crypto.h"
#include "sync/protocol/ids.h"

#include <QEvent>

namespace courtyard::client {

namespace {
constexpr const char* kAdminPinKey = "kiosk_admin_pin_hash";
constexpr const char* kAdminFailuresKey = "kiosk_admin_pin_failures";
} // namespace

KioskController::KioskController(AppContext& app, QObject* parent) : QObject(parent), m_app(app) {
    m_sinceTouch.start();
    m_idleTimer.setInterval(1000);
    connect(&m_idleTimer, &QTimer::timeout, this, &KioskController::onIdleTick);
    m_idleTimer.start();
    connect(&m_app, &AppContext::recordsChanged, this, &KioskController::refreshNotices);
    connect(&m_app, &AppContext::tick, this, [this] {
        // Notices appear and expire with time.
        if (++m_ticks % 60 == 0)
            refreshNotices();
    });
    refreshNotices();
}

void KioskController::setIdleSeconds(int s) {
    m_idleSeconds = std::max(5, s);
    emit settingsChanged();
}

void KioskController::setWarningSeconds(int s) {
    m_warningSeconds = std::max(1, s);
    emit settingsChanged();
}

int KioskController::secondsLeft() const {
    const int elapsed = int(m_sinceTouch.elapsed() / 1000);
    return std::max(0, m_idleSeconds + m_warningSeconds - elapsed);
}

void KioskController::touch() {
    m_sinceTouch.restart();
    if (m_warning) {
        m_warning = false;
        emit idleChanged();
    }
}

void KioskController::watchInput(QObject* application) { application->installEventFilter(this); }

bool KioskController::eventFilter(QObject* watched, QEvent* event) {
    switch (event->type()) {
    case QEvent::MouseButtonPress:
    case QEvent::TouchBegin:
    case QEvent::KeyPress:
    case QEvent::InputMethod:
        if (m_sinceTouch.elapsed() > 250) // one restart per gesture is plenty
            touch();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void KioskController::onIdleTick() {
    const qint64 elapsed = m_sinceTouch.elapsed() / 1000;
    if (elapsed >= m_idleSeconds + m_warningSeconds) {
        reset();
        return;
    }
    if (elapsed >= m_idleSeconds) {
        m_warning = true;
        emit idleChanged();
    }
}

void KioskController::reset() {
    m_lastReceipt.clear();
    m_duplicate = false;
    m_lastError.clear();
    m_lastErrorKind.clear();
    m_warning = false;
    m_adminUnlocked = false;
    m_app.setLargeText(false);
    m_app.setLanguage(LanguageSettings::stored(true)); // the administrator's, not the last resident's
    m_sinceTouch.restart();
    emit submitted();
    emit errorChanged();
    emit idleChanged();
    emit settingsChanged();
    emit resetRequested();
}

bool KioskController::fail(const QString& kind, const QString& message) {
    m_lastErrorKind = kind;
    m_lastError = message;
    emit errorChanged();
    return false;
}

QString KioskController::submit(const QString& kind, const QVariantMap& form) {
    touch();
    const std::string unitId = ss(form.value("unit_id").toString());
    const std::string content = ss(form.value("content").toString().trimmed());
    const std::string category = ss(form.value("category", kind == "repair" ? "repairs" : "housing").toString());
    if (unitId.empty()) {
        fail("missing", tr("Please choose your building and flat."));
        return {};
    }
    if (content.empty()) {
        fail("missing", tr("Please say what it is about."));
        return {};
    }
    const std::string fingerprint = rules::submissionFingerprint(unitId, ss(kind), category, content);
    // This kiosk's submissions of the last day (its own, and the receipts of those already
    // sent), read once: the same message again (pressed twice, or back later) gives the first
    // receipt, not a second case; those of the last hour count towards the kiosk guard, as the
    // server counts them (rules/kiosk.h).
    store::RecordQuery recent;
    recent.types = {"complaint", "suggestion", "receipt"};
    recent.happenedFrom = m_app.clock() - std::chrono::hours{24};
    const Instant hourAgo = m_app.clock() - std::chrono::hours{1};
    rules::KioskRecentSubmissions lastHour;
    if (auto recs = m_app.store().query(recent))
        for (const auto& r : *recs) {
            const bool flat = stringAt(r.body, "unit_id") == unitId;
            if (flat && stringAt(r.body, "fingerprint") == fingerprint) {
                m_lastReceipt = qs(stringAt(r.body, "receipt_code"));
                m_duplicate = true;
                m_lastError.clear();
                emit submitted();
                return m_lastReceipt;
            }
            const std::string type = r.type == "receipt" ? stringAt(r.body, "type") : r.type;
            // The same "happened at" the query filtered on.
            const auto* recordType = records::findRecordType(r.type);
            if (!rules::countsTowardsKioskGuard(type) || !recordType ||
                recordType->index(r.body).happenedAt.value_or(Instant{}) < hourAgo)
                continue;
            ++lastHour.fromDevice;
            lastHour.forFlat += flat;
        }
    switch (rules::kioskLimitReached(lastHour, m_app.store().rulesFor(ss(m_app.currentCommunity())).policy)) {
    case rules::KioskLimit::None:
        break;
    case rules::KioskLimit::Kiosk:
        fail("throttled", tr("This kiosk has taken many messages in the last hour. We have them all; "
                             "for anything urgent please call the management office."));
        return {};
    case rules::KioskLimit::Flat:
        fail("throttled", tr("This flat has sent several messages in the last hour. We have them all; "
                             "for anything urgent please call the management office."));
        return {};
    }
    const std::string code = sync::newReceiptCode();
    const Instant now = m_app.clock();
    Json body{{"community_id", ss(m_app.currentCommunity())},
              {"channel", "kiosk"},
              {"unit_id", unitId},
              {"category", category},
              {"content", content},
              {"received_at", formatInstant(now)},
              {"receipt_code", code},
              {"fingerprint", fingerprint}};
    std::string type = "complaint";
    if (kind == "suggestion") {
        type = "suggestion";
        body["resident_name"] = ss(form.value("name").toString());
        body["resident_phone"] = ss(form.value("phone").toString());
    } else {
        body["kind"] = kind == "repair" ? "repair" : "complaint";
        body["complainant"] = {{"name", ss(form.value("name").toString())}, {"phone", ss(form.value("phone").toString())}};
        const QDateTime by = form.value("requested_reply_by").toDateTime();
        if (by.isValid())
            body["requested_reply_by"] = formatInstant(toInstant(by));
    }
    auto id = m_app.store().create(type, body, m_app.actor(), now);
    if (!id) {
        fail("invalid", qs(id.error().message));
        return {};
    }
    m_lastReceipt = qs(code);
    m_duplicate = false;
    m_lastError.clear();
    m_lastErrorKind.clear();
    m_app.notifyRecordsChanged({qs(type)});
    emit errorChanged();
    emit submitted();
    return m_lastReceipt;
}

QVariantMap KioskController::checkReceipt(const QString& code, const QString& unitId) const {
    const std::string wanted = sync::normalizeReceiptCode(ss(code));
    if (wanted.size() != 9 || unitId.isEmpty())
        return {};
    store::RecordQuery q;
    q.types = {"complaint", "suggestion", "receipt"};
    q.unitId = ss(unitId); // another flat's code finds nothing here
    auto recs = m_app.store().query(q);
    if (!recs)
        return {};
    for (const auto& r : *recs) {
        if (stringAt(r.body, "receipt_code") != wanted)
            continue;
        QVariantMap out;
        if (r.type == "receipt") {
            out["status"] = qs(stringAt(r.body, "status"));
            out["reply"] = qs(stringAt(r.body, "reply"));
            out["replied_at"] = dateTimeAt(r.body, "replied_at");
            out["kind"] = qs(stringAt(r.body, "kind", stringAt(r.body, "type")));
        } else {
            out["status"] = QStringLiteral("waiting_to_send"); // still on this kiosk
            out["kind"] = qs(stringAt(r.body, "kind", r.type));
        }
        out["category"] = qs(stringAt(r.body, "category"));
        out["received_at"] = dateTimeAt(r.body, "received_at");
        out["code"] = qs(wanted);
        return out;
    }
    return {};
}

void KioskController::refreshNotices() {
    struct N {
        bool urgent;
        Instant from;
        NoticeView view;
    };
    std::vector<N> list;
    store::RecordQuery q;
    q.types = {"notice"};
    q.communityIds = {ss(m_app.currentCommunity())};
    q.states = {"published"};
    const Instant now = m_app.clock();
    if (auto recs = m_app.store().query(q))
        for (const auto& r : *recs) {
            auto n = decodeJson<domain::Notice>(r.body);
            if (!n || !domain::isShowing(*n, now))
                continue;
            NoticeView v;
            v.id = qs(n->id);
            v.kind = qs(std::string(enumName(n->kind)));
            v.title = qs(n->title);
            v.body = qs(n->body);
            v.location = qs(n->location);
            v.urgent = n->urgent;
            v.validFrom = toDateTime(n->validFrom);
            v.validUntil = toDateTime(n->validUntil);
            list.push_back({n->urgent, n->validFrom, v});
        }
    // Urgent first, then the newest.
    std::stable_sort(list.begin(), list.end(), [](const N& a, const N& b) {
        return a.urgent != b.urgent ? a.urgent : a.from > b.from;
    });
    QList<NoticeView> rows;
    for (auto& n : list)
        rows << n.view;
    m_notices.setRows(rows);
    emit noticesChanged();
}

int KioskController::urgentCount() const {
    int n = 0;
    for (const auto& v : notices())
        n += v.urgent;
    return n;
}

KioskSurveyView KioskController::survey() const {
    store::RecordQuery q;
    q.types = {"survey_campaign"};
    q.communityIds = {ss(m_app.currentCommunity())};
    q.states = {"open"};
    const Instant now = m_app.clock();
    if (auto recs = m_app.store().query(q))
        for (const auto& r : *recs) {
            auto start = parseInstant(stringAt(r.body, "period_start"));
            auto end = parseInstant(stringAt(r.body, "period_end"));
            if (stringAt(r.body, "method") == "kiosk" && start && end && *start <= now && now < *end) {
                KioskSurveyView v;
                v.valid = true;
                v.campaignId = qs(r.id);
                v.title = qs(stringAt(r.body, "title"));
                for (const auto& c : arrayAt(r.body, "categories"))
                    if (c.is_string())
                        v.categories << qs(c.get<std::string>());
                return v;
            }
        }
    return {};
}

bool KioskController::householdAnswered(const QString& unitId) const {
    return answeredCampaign(ss(survey().campaignId), ss(unitId));
}

bool KioskController::answeredCampaign(const std::string& campaign, const std::string& unitId) const {
    store::RecordQuery q;
    q.types = {"survey_response", "receipt"};
    q.unitId = unitId;
    if (auto recs = m_app.store().query(q))
        for (const auto& r : *recs)
            if (rules::isHouseholdAnswer(r.body, campaign))
                return true;
    return false;
}

bool KioskController::answerSurvey(const QString& unitId, const QVariantMap& scores, const QString& comment) {
    touch();
    const KioskSurveyView campaign = survey();
    if (!campaign.valid)
        return fail("invalid", tr("There is no survey running now."));
    if (unitId.isEmpty())
        return fail("missing", tr("Please choose your building and flat."));
    if (scores.isEmpty())
        return fail("missing", tr("Please choose a face for at least one question."));
    const std::string campaignId = ss(campaign.campaignId);
    if (answeredCampaign(campaignId, ss(unitId)))
        return fail("duplicate", tr("Your household has already answered this survey. Thank you!"));
    const Instant now = m_app.clock();
    Json body{{"community_id", ss(m_app.currentCommunity())},
              {"campaign_id", campaignId},
              {"unit_id", ss(unitId)},
              {"outcome", "answered"},
              {"method", "kiosk"},
              {"scores", toJson(scores)},
              {"comment", ss(comment)},
              {"answered_at", formatInstant(now)}};
    if (auto id = m_app.store().create("survey_response", body, m_app.actor(), now); !id)
        return fail("invalid", qs(id.error().message));
    m_app.notifyRecordsChanged({"survey_response"});
    m_lastError.clear();
    emit errorChanged();
    return true;
}

bool KioskController::adminPinSet() const {
    auto h = m_app.store().records().getMeta(kAdminPinKey);
    return h && *h && !(*h)->empty();
}

bool KioskController::setAdminPin(const QString& pin) {
    if (adminPinSet() && !m_adminUnlocked)
        return fail("invalid", tr("The administrator PIN is already set."));
    if (auto st = sync::checkPinFormat(ss(pin), 4); !st)
        return fail("invalid", qs(st.error().message));
    auto h = sync::hashPin(ss(pin));
    if (!h)
        return fail("invalid", qs(h.error().message));
    if (!m_app.store().records().setMeta(kAdminPinKey, *h))
        return false;
    emit settingsChanged();
    return true;
}

bool KioskController::unlockAdmin(const QString& pin) {
    // Wrong PINs in a row wait longer and longer (the policy's delays, as for staff), and the
    // count survives a restart: a passer-by cannot try PINs one after another.
    auto& meta = m_app.store().records();
    const auto failuresText = meta.getMeta(kAdminFailuresKey);
    int failures = 0;
    Instant lastFailure{};
    if (failuresText && *failuresText)
        if (auto j = parseJson(**failuresText); j && j->is_object()) {
            failures = j->value("failures", 0);
            lastFailure = fromEpochMs(j->value("at", std::int64_t{0}));
        }
    const Instant now = m_app.clock();
    const int wait = auth::pinRetryDelaySeconds(failures, m_app.store().rulesFor("").policy);
    if (wait > 0 && now < lastFailure + std::chrono::seconds(wait)) {
        const auto left = std::chrono::ceil<std::chrono::seconds>(lastFailure + std::chrono::seconds(wait) - now);
        m_adminUnlocked = false;
        emit settingsChanged();
        return fail("throttled", tr("Too many wrong PINs: try again in %1 seconds.").arg(left.count()));
    }
    auto h = meta.getMeta(kAdminPinKey);
    m_adminUnlocked = h && *h && sync::verifyPin(ss(pin), **h);
    if (m_adminUnlocked)
        (void)meta.setMeta(kAdminFailuresKey, "");
    else
        (void)meta.setMeta(kAdminFailuresKey, Json{{"failures", failures + 1}, {"at", toEpochMs(now)}}.dump());
    emit settingsChanged();
    if (!m_adminUnlocked)
        return fail("invalid", tr("That is not the administrator PIN."));
    return true;
}

void KioskController::lockAdmin() {
    m_adminUnlocked = false;
    emit settingsChanged();
}

} // namespace courtyard::client
