#pragma once
// "My work": the inbox of the person signed in, predicted on the tablet from its synced records
// by the shared rule (sync/client/device_inbox.h) — provisional until the server's figures
// arrive — with counts for the navigation, marking items seen (synced to the person's other
// tablets), and, for the instance that `notifies`, the arrival of new items after a sync: a
// banner text for the shell and a system notification where the platform has a tray.

#include "client/app_context.h"
#include "client/gadget_list_model.h"
#include "client/inbox_item_view.h"

#include <QObject>
#include <QSet>
#include <QTimer>
#include <memory>

class QSystemTrayIcon;

namespace courtyard::client {

class InboxModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(courtyard::client::GadgetListModel* items READ items CONSTANT)
    Q_PROPERTY(int count READ count NOTIFY changed)
    Q_PROPERTY(int unseenCount READ unseenCount NOTIFY changed)
    Q_PROPERTY(int overdueCount READ overdueCount NOTIFY changed)
    // Raise notifications when a sync brings new items (the shell's instance; a page's does not).
    Q_PROPERTY(bool notifies READ notifies WRITE setNotifies NOTIFY notifiesChanged)
    // The last arrival, in words ("2 new items in your inbox: …"); empty once dismissed.
    Q_PROPERTY(QString arrival READ arrival NOTIFY arrivalChanged)
    // Whether arrivals also go to the platform's notification area (not offscreen, not a kiosk).
    Q_PROPERTY(bool systemTray READ systemTray CONSTANT)

public:
    explicit InboxModel(QObject* parent = nullptr);
    ~InboxModel() override;

    GadgetListModel* items() { return &m_items; }
    QList<InboxItemView> rows() const { return m_items.rows<InboxItemView>(); }
    int count() const { return m_items.count(); }
    int unseenCount() const { return m_unseen; }
    int overdueCount() const { return m_overdue; }
    bool notifies() const { return m_notifies; }
    void setNotifies(bool on);
    QString arrival() const { return m_arrival; }
    bool systemTray() const;

    Q_INVOKABLE void reload();
    // Marks the item of this record and key seen for the person (a synced seen mark).
    Q_INVOKABLE bool markSeen(const QString& recordId, const QString& itemKey);
    Q_INVOKABLE int markAllSeen();
    Q_INVOKABLE void dismissArrival();

signals:
    void changed();
    void notifiesChanged();
    void arrivalChanged();
    // New unseen items came with a sync.
    void arrived(int count, const QString& text);

private:
    void scheduleReload();
    void afterSync();
    void resetBaseline();
    static QString keyOf(const InboxItemView& v) { return v.recordId + QLatin1Char('|') + v.itemKey; }

    GadgetListModel m_items{InboxItemView::staticMetaObject, this};
    int m_unseen = 0;
    int m_overdue = 0;
    bool m_notifies = false;
    bool m_reloadQueued = false;
    QString m_arrival;
    QString m_person;
    QSet<QString> m_known; // items the person has been told of (or had at sign-in)
    std::unique_ptr<QSystemTrayIcon> m_tray;
    QTimer m_minute;
};

} // namespace courtyard::client
