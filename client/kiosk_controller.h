#pragma once
// The lobby kiosk's logic: residents file complaints, suggestions and repair requests and get a
// receipt code; check a receipt with its code and their flat (and see nothing else); answer the
// community's kiosk survey once per household; read the notices that are valid now. Private by
// design: after `idleSeconds` without a touch it warns, then clears everything (resetRequested),
// and it never holds another resident's record. QML: singleton `Kiosk`.

#include "client/app_context.h"
#include "client/gadget_list_model.h"
#include "client/kiosk_survey_view.h"
#include "client/notice_view.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <QVariantList>
#include <QVariantMap>

namespace courtyard::client {

class KioskController : public QObject {
    Q_OBJECT
    Q_PROPERTY(int idleSeconds READ idleSeconds WRITE setIdleSeconds NOTIFY settingsChanged)
    Q_PROPERTY(int warningSeconds READ warningSeconds WRITE setWarningSeconds NOTIFY settingsChanged)
    Q_PROPERTY(bool warning READ warning NOTIFY idleChanged)
    Q_PROPERTY(int secondsLeft READ secondsLeft NOTIFY idleChanged)
    Q_PROPERTY(QString lastReceipt READ lastReceipt NOTIFY submitted)
    Q_PROPERTY(bool lastWasDuplicate READ lastWasDuplicate NOTIFY submitted)
    Q_PROPERTY(QString lastError READ lastError NOTIFY errorChanged)
    Q_PROPERTY(QString lastErrorKind READ lastErrorKind NOTIFY errorChanged)
    // The notices showing now, urgent first, then the newest; urgentCount: how many are urgent.
    Q_PROPERTY(courtyard::client::GadgetListModel* notices READ noticeModel CONSTANT)
    Q_PROPERTY(int urgentCount READ urgentCount NOTIFY noticesChanged)
    Q_PROPERTY(courtyard::client::KioskSurveyView survey READ survey NOTIFY noticesChanged)
    Q_PROPERTY(bool adminPinSet READ adminPinSet NOTIFY settingsChanged)
    Q_PROPERTY(bool adminUnlocked READ adminUnlocked NOTIFY settingsChanged)

public:
    explicit KioskController(AppContext& app, QObject* parent = nullptr);

    int idleSeconds() const { return m_idleSeconds; }
    void setIdleSeconds(int s);
    int warningSeconds() const { return m_warningSeconds; }
    void setWarningSeconds(int s);
    bool warning() const { return m_warning; }
    int secondsLeft() const;
    QString lastReceipt() const { return m_lastReceipt; }
    bool lastWasDuplicate() const { return m_duplicate; }
    QString lastError() const { return m_lastError; }
    QString lastErrorKind() const { return m_lastErrorKind; }
    GadgetListModel* noticeModel() { return &m_notices; }
    QList<NoticeView> notices() const { return m_notices.rows<NoticeView>(); }
    int urgentCount() const;
    KioskSurveyView survey() const;
    bool adminPinSet() const;
    bool adminUnlocked() const { return m_adminUnlocked; }

    // kind: complaint | suggestion | repair; form: category, unit_id, phone, name, content,
    // requested_reply_by (optional). Returns the receipt code ("" when refused: see
    // lastError / lastErrorKind: "missing", "throttled", "invalid").
    Q_INVOKABLE QString submit(const QString& kind, const QVariantMap& form);
    // The submission with this code, only when it was filed for this flat: {status, reply,
    // kind, category, received_at, replied_at}; empty otherwise (the same answer whether the
    // code exists for another flat or not at all).
    Q_INVOKABLE QVariantMap checkReceipt(const QString& code, const QString& unitId) const;
    // One answer per household per campaign.
    Q_INVOKABLE bool answerSurvey(const QString& unitId, const QVariantMap& scores, const QString& comment);
    Q_INVOKABLE bool householdAnswered(const QString& unitId) const;

    // A touch anywhere: the idle clock starts again.
    Q_INVOKABLE void touch();
    // Clears everything a resident entered and returns to the start.
    Q_INVOKABLE void reset();

    Q_INVOKABLE bool setAdminPin(const QString& pin);
    // Watches every touch, click and key in the app so the idle clock restarts whatever the
    // resident is using (the on-screen keyboard included).
    void watchInput(QObject* application);
    bool eventFilter(QObject* watched, QEvent* event) override;
    Q_INVOKABLE bool unlockAdmin(const QString& pin);
    Q_INVOKABLE void lockAdmin();

signals:
    void settingsChanged();
    void idleChanged();
    void submitted();
    void errorChanged();
    void noticesChanged();
    void resetRequested();

private:
    bool answeredCampaign(const std::string& campaign, const std::string& unitId) const;
    bool fail(const QString& kind, const QString& message);
    void onIdleTick();
    void refreshNotices();

    AppContext& m_app;
    GadgetListModel m_notices{NoticeView::staticMetaObject, this};
    int m_ticks = 0;
    int m_idleSeconds = 60;
    int m_warningSeconds = 15;
    QElapsedTimer m_sinceTouch;
    QTimer m_idleTimer;
    bool m_warning = false;
    QString m_lastReceipt;
    bool m_duplicate = false;
    QString m_lastError, m_lastErrorKind;
    bool m_adminUnlocked = false;
};

} // namespace courtyard::client
