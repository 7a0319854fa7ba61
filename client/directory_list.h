#pragma once
// A picker's list of company data on this device, as a model: `DirectoryList { kind:
// DirectoryList.Buildings; parentId: communityId }`. It follows the data (a sync that brings a
// building refreshes it) and its parameters; its rows are DirectoryItemView values (roles by
// field name, `row` for the whole value; a delegate cannot declare a property named `id`, so it
// reads `row.id`); `currentId` and `currentIndex` keep a ComboBox on a chosen id (ChoiceList).
// With `noneLabel` set, the first row is a "none" entry with an empty id.

#include "client/choice_list.h"

#include <QPointer>
#include <QQmlParserStatus>

namespace courtyard::client {

class Directory;

class DirectoryList : public courtyard::client::ChoiceList, public QQmlParserStatus {
    Q_OBJECT
    QML_ELEMENT
    Q_INTERFACES(QQmlParserStatus)
    Q_PROPERTY(Kind kind READ kind WRITE setKind NOTIFY kindChanged)
    // Communities the device works for: none. Buildings, patrol routes, survey campaigns: the
    // community. Flats: the building. Staff: the department (empty: everyone).
    Q_PROPERTY(QString parentId READ parentId WRITE setParentId NOTIFY parentIdChanged)
    // Also inactive templates and routes, and closed campaigns.
    Q_PROPERTY(bool all READ all WRITE setAll NOTIFY allChanged)
    // Staff only: keep these roles (empty: every role).
    Q_PROPERTY(QStringList roles READ roles WRITE setRoles NOTIFY rolesChanged)
    Q_PROPERTY(QString noneLabel READ noneLabel WRITE setNoneLabel NOTIFY noneLabelChanged)

public:
    enum Kind { Communities, Buildings, Units, Departments, Staff, Templates, Routes, Campaigns };
    Q_ENUM(Kind)

    // QML's: the Directory handed to QML. A test may give its own.
    explicit DirectoryList(QObject* parent = nullptr);
    explicit DirectoryList(Directory* directory, QObject* parent = nullptr);

    Kind kind() const { return m_kind; }
    QString parentId() const { return m_parentId; }
    bool all() const { return m_all; }
    QStringList roles() const { return m_roles; }
    QString noneLabel() const { return m_noneLabel; }

    void setKind(Kind v) { change(m_kind, v, &DirectoryList::kindChanged); }
    void setParentId(const QString& v) { change(m_parentId, v, &DirectoryList::parentIdChanged); }
    void setAll(bool v) { change(m_all, v, &DirectoryList::allChanged); }
    void setRoles(const QStringList& v) { change(m_roles, v, &DirectoryList::rolesChanged); }
    void setNoneLabel(const QString& v) { change(m_noneLabel, v, &DirectoryList::noneLabelChanged); }

    void classBegin() override {}
    void componentComplete() override;

signals:
    void kindChanged();
    void parentIdChanged();
    void allChanged();
    void rolesChanged();
    void noneLabelChanged();

private:
    template <class T> void change(T& field, const T& value, void (DirectoryList::*signal)()) {
        if (field == value)
            return;
        field = value;
        emit(this->*signal)();
        refresh();
    }
    DirectoryList(Directory* directory, bool complete, QObject* parent);
    void refresh();

    QPointer<Directory> m_directory;
    bool m_complete;
    Kind m_kind = Communities;
    QString m_parentId;
    bool m_all = false;
    QStringList m_roles;
    QString m_noneLabel;
};

} // namespace courtyard::client
