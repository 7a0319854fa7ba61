#pragma once
// A list of records for any screen — "my work" sorted by deadline, a community's open
// complaints, a unit's rectification items — read from the local database a page at a time
// (fetchMore), so a list of 100k records opens as fast as one of ten and nothing loads
// everything into memory. Each page starts after the last row loaded (keyset paging: the store
// seeks in an index, no OFFSET), and a row holds the index columns and the few body fields it
// shows, not the record. Refreshes itself when records change.

#include "client/app_context.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QStringList>

namespace courtyard::client {

class RecordListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QStringList types READ types WRITE setTypes NOTIFY queryChanged)
    Q_PROPERTY(QStringList states READ states WRITE setStates NOTIFY queryChanged)
    Q_PROPERTY(bool openOnly READ openOnly WRITE setOpenOnly NOTIFY queryChanged)
    // "all", "mine" (assigned to me), "department" (my department), "work" (mine or my department's)
    Q_PROPERTY(QString scope READ scope WRITE setScope NOTIFY queryChanged)
    Q_PROPERTY(QString communityId READ communityId WRITE setCommunityId NOTIFY queryChanged)
    Q_PROPERTY(QString unitId READ unitId WRITE setUnitId NOTIFY queryChanged)
    Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY queryChanged)
    // When it happened (received, reported, started): from inclusive, until exclusive; invalid: open.
    Q_PROPERTY(QDateTime from READ from WRITE setFrom NOTIFY queryChanged)
    Q_PROPERTY(QDateTime until READ until WRITE setUntil NOTIFY queryChanged)
    // "due" (soonest deadline first), "recent", "oldest"
    Q_PROPERTY(QString order READ order WRITE setOrder NOTIFY queryChanged)
    Q_PROPERTY(int pageSize READ pageSize WRITE setPageSize NOTIFY queryChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int total READ total NOTIFY countChanged)
    // How many of the matching records are past their deadline now.
    Q_PROPERTY(int overdueCount READ overdueCount NOTIFY countChanged)

public:
    enum Roles {
        RecordIdRole = Qt::UserRole + 1, TypeRole, StateRole, TitleRole, SubtitleRole, CategoryRole,
        UnitIdRole, DueAtRole, DueRuleRole, ProvisionalRole, OverdueRole, PendingRole, HappenedAtRole,
        AssigneeRole, GradeRole, UrgentRole, ReceiptCodeRole, EscalationRole, BodyRole, ReturnedRole
    };
    explicit RecordListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    QStringList types() const { return m_types; }
    void setTypes(const QStringList& v);
    QStringList states() const { return m_states; }
    void setStates(const QStringList& v);
    bool openOnly() const { return m_openOnly; }
    void setOpenOnly(bool v);
    QString scope() const { return m_scope; }
    void setScope(const QString& v);
    QString communityId() const { return m_communityId; }
    void setCommunityId(const QString& v);
    QString unitId() const { return m_unitId; }
    void setUnitId(const QString& v);
    QString search() const { return m_search; }
    void setSearch(const QString& v);
    QDateTime from() const { return m_from; }
    void setFrom(const QDateTime& v);
    QDateTime until() const { return m_until; }
    void setUntil(const QDateTime& v);
    QString order() const { return m_order; }
    void setOrder(const QString& v);
    int pageSize() const { return m_pageSize; }
    void setPageSize(int v);
    int total() const { return m_total; }
    int overdueCount() const;

    Q_INVOKABLE void reload();
    Q_INVOKABLE QString idAt(int row) const;

signals:
    void queryChanged();
    void countChanged();

private:
    struct Row {
        store::RecordSummary summary;
        mutable std::optional<QVariant> body; // read when the body role is first asked for
        bool returned = false; // a new record the server refused, kept here as a draft
    };
    store::RecordQuery query() const;
    // The next `limit` rows after `after` (from the start when none), in the list's order.
    std::vector<Row> load(int limit, const std::optional<store::RecordQuery::After>& after) const;
    // The last row loaded, where the next page starts.
    std::optional<store::RecordQuery::After> cursor() const;
    bool before(const store::RecordSummary& x, const store::RecordSummary& y) const;
    void scheduleReload();

    QStringList m_types, m_states;
    bool m_openOnly = false;
    QString m_scope = QStringLiteral("all");
    QString m_communityId, m_unitId, m_search;
    QDateTime m_from, m_until;
    QString m_order = QStringLiteral("due");
    int m_pageSize = 50;
    std::vector<Row> m_rows;
    bool m_more = false;
    bool m_changing = false; // resetting or inserting rows
    int m_total = 0;
    bool m_reloadQueued = false;
};

} // namespace courtyard::client
