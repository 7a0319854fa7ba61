#include "client/record_list_model.h"

#include "client/json_bridge.h"
#include "shared/records/record_type.h"

#include <QTimer>
#include <algorithm>
#include <map>
#include <set>

namespace courtyard::client {

namespace {

// The line a list shows for a record, by type.
QString titleOf(const std::string& type, const Json& b) {
    static const std::map<std::string, const char*> field{
        {"complaint", "content"},       {"suggestion", "content"},       {"rectification", "description"},
        {"notice", "title"},            {"survey_campaign", "title"},    {"transfer_sheet", "subject"},
        {"arrangement_notice", "instructions"}, {"patrol_round", "route_id"}, {"inspection", "template_id"},
        {"receipt", "receipt_code"},    {"unit", "number"},              {"staff", "name"}};
    auto it = field.find(type);
    QString t = it == field.end() ? qs(stringAt(b, "id")) : qs(stringAt(b, it->second));
    t.replace('\n', ' ');
    return t.size() > 80 ? t.left(79) + QStringLiteral("…") : t;
}

} // namespace

RecordListModel::RecordListModel(QObject* parent) : QAbstractListModel(parent) {
    if (auto* app = AppContext::instance()) {
        connect(app, &AppContext::recordsChanged, this, [this](const QStringList& types) {
            if (types.isEmpty() || m_types.isEmpty())
                return scheduleReload();
            for (const auto& t : types)
                if (m_types.contains(t))
                    return scheduleReload();
        });
        connect(app, &AppContext::actorChanged, this, &RecordListModel::scheduleReload);
    }
    scheduleReload();
}

void RecordListModel::scheduleReload() {
    // Several properties are usually set together: reload once, after them.
    if (m_reloadQueued)
        return;
    m_reloadQueued = true;
    QTimer::singleShot(0, this, [this] {
        m_reloadQueued = false;
        reload();
    });
}

#define COURTYARD_SETTER(Name, member, Type)                                                                           \
    void RecordListModel::set##Name(Type v) {                                                                          \
        if (member == v)                                                                                               \
            return;                                                                                                    \
        member = v;                                                                                                    \
        emit queryChanged();                                                                                           \
        scheduleReload();                                                                                              \
    }
COURTYARD_SETTER(Types, m_types, const QStringList&)
COURTYARD_SETTER(States, m_states, const QStringList&)
COURTYARD_SETTER(OpenOnly, m_openOnly, bool)
COURTYARD_SETTER(Scope, m_scope, const QString&)
COURTYARD_SETTER(CommunityId, m_communityId, const QString&)
COURTYARD_SETTER(UnitId, m_unitId, const QString&)
COURTYARD_SETTER(Search, m_search, const QString&)
COURTYARD_SETTER(Order, m_order, const QString&)
COURTYARD_SETTER(From, m_from, const QDateTime&)
COURTYARD_SETTER(Until, m_until, const QDateTime&)
#undef COURTYARD_SETTER

void RecordListModel::setPageSize(int v) {
    v = std::clamp(v, 5, 1000);
    if (v == m_pageSize)
        return;
    m_pageSize = v;
    emit queryChanged();
}

store::RecordQuery RecordListModel::query() const {
    store::RecordQuery q;
    for (const auto& t : m_types)
        q.types.push_back(ss(t));
    for (const auto& s : m_states)
        q.states.push_back(ss(s));
    if (!m_communityId.isEmpty())
        q.communityIds = {ss(m_communityId)};
    if (!m_unitId.isEmpty())
        q.unitId = ss(m_unitId);
    if (m_from.isValid())
        q.happenedFrom = toInstant(m_from);
    if (m_until.isValid())
        q.happenedTo = toInstant(m_until);
    if (!m_search.trimmed().isEmpty())
        q.text = ss(m_search.trimmed());
    if (m_openOnly && q.states.empty()) {
        // Every non-terminal state of the listed types.
        for (const auto& t : m_types)
            if (const auto* type = records::findRecordType(ss(t)))
                for (const auto& s : type->states())
                    if (!type->isTerminalState(s))
                        q.states.push_back(s);
        if (q.states.empty())
            q.states.push_back("-"); // nothing can be open
    }
    auto* app = AppContext::instance();
    const auto& me = app->actor();
    if (m_scope == "mine")
        q.assignee = me.staffId.empty() ? "-" : me.staffId;
    else if (m_scope == "department")
        q.departmentId = me.departmentId.empty() ? "-" : me.departmentId;
    if (m_order == "due")
        q.order = store::RecordQuery::Order::DueAt;
    else if (m_order == "oldest")
        q.order = store::RecordQuery::Order::HappenedAsc;
    else
        q.order = store::RecordQuery::Order::HappenedDesc;
    return q;
}

std::vector<RecordListModel::Row> RecordListModel::load(int offset, int limit) const {
    std::vector<Row> out;
    auto* app = AppContext::instance();
    if (!app || m_types.isEmpty())
        return out;
    auto q = query();
    const auto& me = app->actor();
    if (m_scope == "work") {
        // Mine or my department's: two indexed queries, merged by the list's order.
        auto mine = q, dept = q;
        mine.assignee = me.staffId.empty() ? "-" : me.staffId;
        dept.departmentId = me.departmentId.empty() ? "-" : me.departmentId;
        mine.limit = dept.limit = offset + limit;
        mine.offset = dept.offset = 0;
        auto a = app->store().query(mine);
        auto b = app->store().query(dept);
        std::vector<store::StoredRecord> all;
        std::set<std::string> seen;
        for (auto* list : {&a, &b})
            if (*list)
                for (auto& r : **list)
                    if (seen.insert(r.id).second)
                        all.push_back(std::move(r));
        std::vector<Row> rows;
        for (auto& r : all) {
            const auto* type = records::findRecordType(r.type);
            records::IndexFields idx = type ? type->index(r.body) : records::IndexFields{}; // before r moves
            rows.push_back(Row{std::move(r), std::move(idx)});
        }
        std::stable_sort(rows.begin(), rows.end(), [&](const Row& x, const Row& y) {
            if (m_order == "due") {
                if (x.index.dueAt.has_value() != y.index.dueAt.has_value())
                    return x.index.dueAt.has_value();
                if (x.index.dueAt != y.index.dueAt)
                    return x.index.dueAt < y.index.dueAt;
            }
            return x.rec.id < y.rec.id;
        });
        for (int i = offset; i < int(rows.size()) && i < offset + limit; ++i)
            out.push_back(std::move(rows[std::size_t(i)]));
        return out;
    }
    q.limit = limit;
    q.offset = offset;
    auto recs = app->store().query(q);
    if (!recs)
        return out;
    for (auto& r : *recs) {
        const auto* type = records::findRecordType(r.type);
        records::IndexFields idx = type ? type->index(r.body) : records::IndexFields{};
        out.push_back(Row{std::move(r), std::move(idx)});
    }
    return out;
}

void RecordListModel::reload() {
    const int keep = std::max(m_pageSize, int(m_rows.size()));
    beginResetModel();
    m_rows = load(0, keep);
    m_more = int(m_rows.size()) == keep;
    // Views (and QAbstractItemModelTester) may ask for more while the reset is announced;
    // rows are not inserted in the middle of a reset.
    m_resetting = true;
    endResetModel();
    m_resetting = false;
    auto* app = AppContext::instance();
    m_total = 0;
    if (app && !m_types.isEmpty() && m_scope != "work") {
        auto q = query();
        if (auto n = app->store().count(q))
            m_total = int(*n);
    } else {
        m_total = int(m_rows.size());
    }
    emit countChanged();
}

int RecordListModel::overdueCount() const {
    auto* app = AppContext::instance();
    if (!app || m_types.isEmpty())
        return 0;
    if (m_scope == "work") {
        int n = 0;
        for (const auto& r : m_rows)
            n += r.index.dueAt && app->clock() > *r.index.dueAt;
        return n;
    }
    auto q = query();
    q.onlyWithDue = true;
    q.dueBefore = app->clock();
    auto n = app->store().count(q);
    return n ? int(*n) : 0;
}

bool RecordListModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && m_more && !m_resetting;
}

void RecordListModel::fetchMore(const QModelIndex& parent) {
    if (parent.isValid() || !m_more || m_resetting)
        return;
    auto more = load(int(m_rows.size()), m_pageSize);
    m_more = int(more.size()) == m_pageSize;
    if (more.empty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + more.size()) - 1);
    for (auto& r : more)
        m_rows.push_back(std::move(r));
    endInsertRows();
    if (m_scope == "work")
        m_total = int(m_rows.size());
    emit countChanged();
}

int RecordListModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

QString RecordListModel::idAt(int row) const {
    return row >= 0 && row < int(m_rows.size()) ? qs(m_rows[std::size_t(row)].rec.id) : QString();
}

QVariant RecordListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const auto& row = m_rows[std::size_t(index.row())];
    const Json& b = row.rec.body;
    switch (role) {
    case RecordIdRole:
        return qs(row.rec.id);
    case TypeRole:
        return qs(row.rec.type);
    case StateRole:
        return qs(row.index.state);
    case TitleRole:
        return titleOf(row.rec.type, b);
    case SubtitleRole:
        return qs(stringAt(b, "kind", stringAt(b, "channel")));
    case CategoryRole:
        return qs(stringAt(b, "category"));
    case UnitIdRole:
        return qs(row.index.unitId);
    case DueAtRole:
        return row.index.dueAt ? QVariant(toDateTime(*row.index.dueAt)) : QVariant();
    case DueRuleRole:
        return qs(row.index.dueRule);
    case ProvisionalRole: {
        // The active deadline is the device's own figure until the server's arrives.
        for (const char* key : {"reply_due", "explanation_due", "visit_due", "due", "completion_due", "period_due"})
            if (auto it = b.find(key); it != b.end() && it->is_object() && stringAt(*it, "rule") == row.index.dueRule)
                return it->value("provisional", true);
        return false;
    }
    case OverdueRole: {
        auto* app = AppContext::instance();
        return row.index.dueAt && app && app->clock() > *row.index.dueAt;
    }
    case PendingRole:
        return row.rec.version == 0 || row.rec.serverBody.has_value();
    case HappenedAtRole:
        return row.index.happenedAt ? QVariant(toDateTime(*row.index.happenedAt)) : QVariant();
    case AssigneeRole:
        return qs(row.index.assignee);
    case GradeRole:
        return b.contains("grade") && b["grade"].is_number_integer() ? QVariant(b["grade"].get<int>()) : QVariant();
    case UrgentRole:
        return b.contains("urgent") && b["urgent"].is_boolean() && b["urgent"].get<bool>();
    case ReceiptCodeRole:
        return qs(stringAt(b, "receipt_code"));
    case EscalationRole:
        return b.contains("escalation") && b["escalation"].is_object() ? toVariant(b["escalation"]) : QVariant();
    case BodyRole:
        return toVariant(b);
    }
    return {};
}

QHash<int, QByteArray> RecordListModel::roleNames() const {
    return {{RecordIdRole, "recordId"},     {TypeRole, "recordType"},     {StateRole, "recordState"},
            {TitleRole, "title"},           {SubtitleRole, "subtitle"},   {CategoryRole, "category"},
            {UnitIdRole, "unitId"},         {DueAtRole, "dueAt"},         {DueRuleRole, "dueRule"},
            {ProvisionalRole, "provisional"}, {OverdueRole, "overdue"},   {PendingRole, "pending"},
            {HappenedAtRole, "happenedAt"}, {AssigneeRole, "assignee"},   {GradeRole, "grade"},
            {UrgentRole, "urgent"},         {ReceiptCodeRole, "receiptCode"}, {EscalationRole, "escalation"},
            {BodyRole, "body"}};
}

} // namespace courtyard::client
