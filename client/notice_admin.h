#pragma once
// The admin face's Notices page: the notices for residents the server has (GET
// /v1/admin/notices: those that ended in the last 90 days or end later, or all of them when
// asked) — the console's and those supervisors published on tablets — in a table that
// filters by what is on show now and sorts; publishing one for some communities or the whole
// company (one notice per community), changing one, and withdrawing one with a reason. The
// server applies each as the operation a tablet would push, so the same checks refuse the same
// things; a refusal names its field (AdminClient::errorField). QML: `NoticeAdmin`.

#include "client/admin_table.h"
#include "client/admin_views.h"
#include "client/gadget_list_model.h"
#include "client/notice_view.h"

namespace courtyard::client {

// The base is named in full: qmltyperegistrar resolves it by that name (qmllint then knows its properties).
class NoticeAdmin : public courtyard::client::AdminTable {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(courtyard::client::GadgetListModel* notices READ noticesModel CONSTANT)
    Q_PROPERTY(courtyard::client::GadgetListModel* communities READ communitiesModel CONSTANT)
    Q_PROPERTY(int total READ total NOTIFY listChanged) // before the filters
    // The server lists notices that ended in the last 90 days or end later: how many ended
    // before that and are not listed (0 once listAll() was asked), and since when it lists.
    Q_PROPERTY(int older READ older NOTIFY listChanged)
    Q_PROPERTY(QDateTime listedSince READ listedSince NOTIFY listChanged)
    // The table (AdminTable): `filter` in title, text, community or place; sort keys
    // valid_from (the default, newest first), valid_until, community, title, kind.
    // "" (all), or one standing: showing, upcoming, ended, withdrawn.
    Q_PROPERTY(QString standing READ standing WRITE setStanding NOTIFY viewChanged)

public:
    explicit NoticeAdmin(QObject* parent = nullptr);

    GadgetListModel* noticesModel() { return &m_shown; }
    GadgetListModel* communitiesModel() { return &m_communities; }
    QList<NoticeView> shown() const { return m_shown.rows<NoticeView>(); }
    int total() const { return int(m_all.size()); }
    int older() const { return m_older; }
    QDateTime listedSince() const { return m_listedSince; }
    QString standing() const { return m_standing; }
    void setStanding(const QString& s);

    // The notice with this id as last listed (an empty row when there is none).
    Q_INVOKABLE courtyard::client::NoticeView find(const QString& noticeId) const;

    // Each answers through saved(what) or failed(what): "publish", "change", "withdraw"; the
    // list is read again after a change. `from` and `until` are Dates or null; `from` null: from
    // now (a change: unchanged), `until` null: refused by the server.
    Q_INVOKABLE void refresh();
    // Lists every notice, however long ago it ended, from now on (this page's life).
    Q_INVOKABLE void listAll();
    Q_INVOKABLE void publish(const QStringList& communityIds, bool companyWide, const QString& kind,
                             const QString& title, const QString& text, const QString& location, bool urgent,
                             const QVariant& from, const QVariant& until);
    Q_INVOKABLE void change(const QString& noticeId, const QString& title, const QString& text,
                            const QString& location, bool urgent, const QVariant& from, const QVariant& until);
    Q_INVOKABLE void withdraw(const QString& noticeId, const QString& reason);

signals:
    void listChanged();

private:
    void loadNotices();
    void show() override;
    bool startsDescending(const QString& key) const override; // dates: the latest first

    QList<NoticeView> m_all;
    GadgetListModel m_shown{NoticeView::staticMetaObject, this};
    GadgetListModel m_communities{ChoiceView::staticMetaObject, this};
    QString m_standing;
    bool m_listAll = false;
    int m_older = 0;
    QDateTime m_listedSince;
};

} // namespace courtyard::client
