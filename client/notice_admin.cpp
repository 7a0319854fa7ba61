#include "client/notice_admin.h"

#include "client/json_bridge.h"

#include <QCollator>
#include <QUrl>
#include <algorithm>

namespace courtyard::client {

namespace {

QString path(const QString& noticeId, const char* tail = "") {
    return "/v1/admin/notices/" + QString::fromUtf8(QUrl::toPercentEncoding(noticeId)) + tail;
}

Json instantText(const QDateTime& t) { return formatInstant(toInstant(t)); }

// A date from QML (a Date, or null for none) as a QDateTime (invalid for none).
QDateTime dateOf(const QVariant& v) { return v.isNull() || !v.isValid() ? QDateTime() : v.toDateTime(); }

} // namespace

NoticeAdmin::NoticeAdmin(QObject* parent) : AdminTable(QStringLiteral("valid_from"), true, parent) {}

void NoticeAdmin::setStanding(const QString& s) {
    if (s == m_standing)
        return;
    m_standing = s;
    emit viewChanged();
    show();
}

bool NoticeAdmin::startsDescending(const QString& key) const { return key == "valid_from" || key == "valid_until"; }

NoticeView NoticeAdmin::find(const QString& noticeId) const {
    for (const auto& n : m_all)
        if (n.id == noticeId && !noticeId.isEmpty())
            return n;
    return {};
}

void NoticeAdmin::refresh() {
    call("GET", "/v1/admin/communities", nullptr, "places", [this](const Json& answer) {
        m_communities.setRows(choicesOf(answer.value("communities", Json::array())));
        loadNotices();
    });
}

void NoticeAdmin::listAll() {
    m_listAll = true;
    loadNotices();
}

void NoticeAdmin::loadNotices() {
    const QDateTime now = app() ? app()->now() : QDateTime::currentDateTimeUtc();
    // The beginning of Unix time: every notice there is.
    const QString target = m_listAll ? QStringLiteral("/v1/admin/notices?ended_since=1970-01-01T00:00:00Z")
                                     : QStringLiteral("/v1/admin/notices");
    call("GET", target, nullptr, "list", [this, now](const Json& answer) {
        m_all.clear();
        m_older = int(answer.value("older", std::int64_t(0)));
        m_listedSince = m_listAll ? QDateTime() : dateTimeAt(answer, "ended_since");
        const auto communities = m_communities.rows<ChoiceView>();
        for (const auto& n : answer.value("notices", Json::array())) {
            NoticeView v;
            v.id = qs(stringAt(n, "id"));
            v.communityId = qs(stringAt(n, "community_id"));
            v.communityName = nameOf(communities, v.communityId);
            v.kind = qs(stringAt(n, "kind"));
            v.title = qs(stringAt(n, "title"));
            v.body = qs(stringAt(n, "body"));
            v.location = qs(stringAt(n, "location"));
            v.urgent = n.value("urgent", false);
            v.validFrom = dateTimeAt(n, "valid_from");
            v.validUntil = dateTimeAt(n, "valid_until");
            // As the kiosks decide it (domain::isShowing), on this computer's clock.
            v.standing = stringAt(n, "state") == "withdrawn" ? QStringLiteral("withdrawn")
                         : now < v.validFrom                 ? QStringLiteral("upcoming")
                         : now < v.validUntil                ? QStringLiteral("showing")
                                                             : QStringLiteral("ended");
            m_all.append(v);
        }
        emit listChanged();
        show();
    });
}

void NoticeAdmin::show() {
    QList<NoticeView> rows;
    for (const auto& n : m_all)
        if ((m_standing.isEmpty() || n.standing == m_standing) &&
            (filter().isEmpty() ||
             QStringList{n.title, n.body, n.communityName, n.location}.join('\n').contains(filter(), Qt::CaseInsensitive)))
            rows.append(n);
    QCollator collator; // names in the reader's order (pinyin for Chinese in a Chinese locale)
    collator.setNumericMode(true);
    const auto compare = [&](const NoticeView& a, const NoticeView& b) -> int {
        if (sortKey() == "valid_until")
            return a.validUntil < b.validUntil ? -1 : b.validUntil < a.validUntil ? 1 : 0;
        if (sortKey() == "community")
            return collator.compare(a.communityName, b.communityName);
        if (sortKey() == "title")
            return collator.compare(a.title, b.title);
        if (sortKey() == "kind")
            return QString::compare(a.kind, b.kind);
        return a.validFrom < b.validFrom ? -1 : b.validFrom < a.validFrom ? 1 : 0;
    };
    std::stable_sort(rows.begin(), rows.end(), [&](const NoticeView& a, const NoticeView& b) {
        const int c = compare(a, b);
        if (c != 0)
            return descending() ? c > 0 : c < 0;
        return collator.compare(a.communityName, b.communityName) < 0;
    });
    present(m_shown, rows);
}

void NoticeAdmin::publish(const QStringList& communityIds, bool companyWide, const QString& kind, const QString& title,
                          const QString& text, const QString& location, bool urgent, const QVariant& fromValue,
                          const QVariant& untilValue) {
    const QDateTime from = dateOf(fromValue), until = dateOf(untilValue);
    Json notice{{"kind", ss(kind)},
                {"title", ss(title.trimmed())},
                {"body", ss(text)},
                {"urgent", urgent},
                {"valid_from", instantText(from.isValid() ? from : (app() ? app()->now() : QDateTime::currentDateTimeUtc()))}};
    if (until.isValid())
        notice["valid_until"] = instantText(until);
    else
        notice["valid_until"] = nullptr; // the server names the field
    if (!location.trimmed().isEmpty())
        notice["location"] = ss(location.trimmed());
    if (companyWide)
        notice["company_wide"] = true;
    else {
        Json ids = Json::array();
        for (const auto& id : communityIds)
            ids.push_back(ss(id));
        notice["community_ids"] = ids;
    }
    call("POST", "/v1/admin/notices", Json{{"notice", notice}}, "publish", [this](const Json&) { refresh(); });
}

void NoticeAdmin::change(const QString& noticeId, const QString& title, const QString& text, const QString& location,
                         bool urgent, const QVariant& fromValue, const QVariant& untilValue) {
    const QDateTime from = dateOf(fromValue), until = dateOf(untilValue);
    Json notice{{"title", ss(title.trimmed())}, {"body", ss(text)}, {"location", ss(location.trimmed())}, {"urgent", urgent}};
    if (from.isValid())
        notice["valid_from"] = instantText(from);
    if (until.isValid())
        notice["valid_until"] = instantText(until);
    call("PATCH", path(noticeId), Json{{"notice", notice}}, "change", [this](const Json&) { refresh(); });
}

void NoticeAdmin::withdraw(const QString& noticeId, const QString& reason) {
    call("POST", path(noticeId, "/withdraw"), Json{{"reason", ss(reason.trimmed())}}, "withdraw",
         [this](const Json&) { refresh(); });
}

} // namespace courtyard::client
