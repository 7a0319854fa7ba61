#pragma once
// An admin page's table (Staff, Communities, Templates, Notices): the rows its controller
// lists, shown filtered by a text and sorted by a key, one way round or the other. Changing
// any of them shows the rows again (show(), the controller's). QML sees the properties on each
// page's controller.

#include "client/admin_client.h"

namespace courtyard::client {

// The base is named in full: qmltyperegistrar resolves it by that name (qmllint then knows its properties).
class AdminTable : public courtyard::client::AdminClient {
    Q_OBJECT
    QML_ANONYMOUS
    // Shown rows contain `filter` (any case) in the columns the page names.
    Q_PROPERTY(QString filter READ filter WRITE setFilter NOTIFY viewChanged)
    Q_PROPERTY(QString sortKey READ sortKey WRITE setSortKey NOTIFY viewChanged)
    Q_PROPERTY(bool descending READ descending WRITE setDescending NOTIFY viewChanged)

public:
    QString filter() const { return m_filter; }
    void setFilter(const QString& f);
    QString sortKey() const { return m_sortKey; }
    void setSortKey(const QString& k);
    bool descending() const { return m_descending; }
    void setDescending(bool d);
    // Sorts by `key`, or turns the order round when it is already the key.
    Q_INVOKABLE void sortBy(const QString& key);

signals:
    void viewChanged();

protected:
    AdminTable(QString sortKey, bool descending, QObject* parent);
    // Shows the listed rows again, filtered and sorted as the properties say.
    virtual void show() {}
    // The order a newly chosen key starts in (false: ascending).
    virtual bool startsDescending(const QString& key) const;

private:
    QString m_filter;
    QString m_sortKey;
    bool m_descending;
};

} // namespace courtyard::client
