#pragma once
// An admin page's table (Staff, Communities, Templates, Notices): the rows its controller
// lists, shown filtered by a text and sorted by a key, one way round or the other. Changing
// any of them shows the rows again (show(), the controller's). The first 200 rows in that
// order are shown, 200 more at each showMore(), so a table of thousands (a group's staff, its
// notices) stays quick to draw. QML sees the properties on each page's controller.

#include "client/admin_client.h"
#include "client/gadget_list_model.h"

namespace courtyard::client {

// The base is named in full: qmltyperegistrar resolves it by that name (qmllint then knows its properties).
class AdminTable : public courtyard::client::AdminClient {
    Q_OBJECT
    QML_ANONYMOUS
    // Shown rows contain `filter` (any case) in the columns the page names.
    Q_PROPERTY(QString filter READ filter WRITE setFilter NOTIFY viewChanged)
    Q_PROPERTY(QString sortKey READ sortKey WRITE setSortKey NOTIFY viewChanged)
    Q_PROPERTY(bool descending READ descending WRITE setDescending NOTIFY viewChanged)
    // How many rows pass the filter, and how many of them are shown.
    Q_PROPERTY(int matching READ matching NOTIFY rowsShown)
    Q_PROPERTY(int shownCount READ shownCount NOTIFY rowsShown)

public:
    QString filter() const { return m_filter; }
    void setFilter(const QString& f);
    QString sortKey() const { return m_sortKey; }
    void setSortKey(const QString& k);
    bool descending() const { return m_descending; }
    void setDescending(bool d);
    // Sorts by `key`, or turns the order round when it is already the key.
    Q_INVOKABLE void sortBy(const QString& key);
    int matching() const { return m_matching; }
    int shownCount() const { return m_shownCount; }
    Q_INVOKABLE void showMore();
    static constexpr int kRowsAtOnce = 200;

signals:
    void viewChanged();
    void rowsShown();

protected:
    AdminTable(QString sortKey, bool descending, QObject* parent);
    // Shows the listed rows again, filtered and sorted as the properties say.
    virtual void show() {}
    // The order a newly chosen key starts in (false: ascending).
    virtual bool startsDescending(const QString& key) const;
    // show()'s last step: the filtered, sorted rows into the table's model, as many as are shown.
    template <class Row> void present(GadgetListModel& model, QList<Row> rows) {
        m_matching = int(rows.size());
        if (rows.size() > m_limit)
            rows.resize(m_limit);
        m_shownCount = int(rows.size());
        model.setRows(rows);
        emit rowsShown();
    }

private:
    QString m_filter;
    QString m_sortKey;
    bool m_descending;
    int m_limit = kRowsAtOnce;
    int m_matching = 0;
    int m_shownCount = 0;
};

} // namespace courtyard::client
