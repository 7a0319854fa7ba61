#include "client/record_list_model.h"

#include "client/json_bridge.h"
#include "shared/records/record_type.h"

#include <QTimer>
#include <algorithm>
#include <map>
#include <set>

namespace courtyard::client {

namespace {

// The field holding the line a list shows for a record, by type.
const std::map<std::string, std::string>& titleFields() {
    static const std::map<std::string, std::string> field{
        {"complaint", "content"},       {"suggestion", "content"},       {"rectification", "description"},
        {"notice", "title"},            {"survey_campaign", "title"},    {"transfer_sheet", "subject"},
        {"arrangement_notice", "instructions"}, {"patrol_round", "route_id"}, {"inspection", "template_id"},
        {"receipt", "receipt_code"},    {"unit", "number"},              {"staff", "name"}};
    return field;
}

// The deadlines a record may carry; the active one (the index's due rule) says whether it is
// still the device's own figure.
constexpr const char* kDeadlineFields[] = {"reply_due",      "round_reply_due", "explanation_due", "visit_due",
                                           "due",            "arrange_due",     "completion_due",  "acceptance_due",
                                           "period_due"};

// Every body field a row shows: read from the store instead of the whole body.
const std::vector<std::string>& rowFields() {
    static const std::vector<std::string> fields = [] {
        std::set<std::string> f{"kind", "channel", "category", "grade", "urgent", "receipt_code", "escalation"};
        for (const auto& [type, field] : titleFields())
            f.insert(field);
        for (const char* d : kDeadlineFields)
            f.insert(d);
        return std::vector<std::string>(f.begin(), f.end());
    }();
    return fields;
}

QString titleOf(const std::string& type, const std::string& id, const Json& fields) {
    auto it = titleFields().find(type);
    QString t = it == titleFields().end() ? qs(id) : qs(stringAt(fields, it->second.c_str()));
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

std::optional<store::RecordQuery::After> RecordListModel::cursor() const {
    if (m_rows.empty())
        return std::nullopt;
    const auto& last = m_rows.back().summary;
    store::RecordQuery::After after{last.id, std::nullopt};
    if (m_order == "due")
        after.key = last.index.dueAt;
    else
        after.key = last.index.happenedAt;
    return after;
}

bool RecordListModel::before(const store::RecordSummary& x, const store::RecordSummary& y) const {
    // The order the store reads in (record_query_sql.cpp): keyed rows by key, then by id; rows
    // without the key last (first when oldest first), by id.
    const auto& kx = m_order == "due" ? x.index.dueAt : x.index.happenedAt;
    const auto& ky = m_order == "due" ? y.index.dueAt : y.index.happenedAt;
    const bool nullsFirst = m_order == "oldest";
    if (kx.has_value() != ky.has_value())
        return kx.has_value() != nullsFirst;
    const bool newestFirst = m_order != "due" && m_order != "oldest";
    if (kx && *kx != *ky)
        return newestFirst ? *kx > *ky : *kx < *ky;
    return x.id < y.id;
}

std::vector<RecordListModel::Row> RecordListModel::load(int limit, const std::optional<store::RecordQuery::After>& after) const {
    std::vector<Row> out;
    auto* app = AppContext::instance();
    if (!app || m_types.isEmpty())
        return out;
    auto q = query();
    q.limit = limit;
    q.after = after;
    auto& records = app->store().records();
    std::vector<store::RecordSummary> found;
    if (m_scope == "work") {
        // Mine or my department's: two indexed queries from the same key, merged in the list's order.
        const auto& me = app->actor();
        auto mine = q, dept = q;
        mine.assignee = me.staffId.empty() ? "-" : me.staffId;
        dept.departmentId = me.departmentId.empty() ? "-" : me.departmentId;
        std::set<std::string> seen;
        for (const auto* part : {&mine, &dept})
            if (auto rows = records.summaries(*part, rowFields()))
                for (auto& r : *rows)
                    if (seen.insert(r.id).second)
                        found.push_back(std::move(r));
        std::sort(found.begin(), found.end(),
                  [this](const store::RecordSummary& x, const store::RecordSummary& y) { return before(x, y); });
        if (int(found.size()) > limit)
            found.resize(std::size_t(limit));
    } else if (auto rows = records.summaries(q, rowFields())) {
        found = std::move(*rows);
    }
    out.reserve(found.size());
    for (auto& r : found) {
        // Only a record the server never had can be a returned draft: one lookup for those few.
        bool returned = false;
        if (r.version == 0)
            if (auto refusal = app->store().returnedRefusal(r.id); refusal && *refusal)
                returned = true;
        out.push_back(Row{std::move(r), {}, returned});
    }
    return out;
}

void RecordListModel::reload() {
    const int keep = std::max(m_pageSize, int(m_rows.size()));
    beginResetModel();
    m_rows = load(keep, std::nullopt);
    m_more = int(m_rows.size()) == keep;
    // Views (and QAbstractItemModelTester) may ask for more while the reset is announced;
    // rows are not inserted in the middle of a reset.
    m_changing = true;
    endResetModel();
    m_changing = false;
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
            n += r.summary.index.dueAt && app->clock() > *r.summary.index.dueAt;
        return n;
    }
    auto q = query();
    q.onlyWithDue = true;
    q.dueBefore = app->clock();
    auto n = app->store().count(q);
    return n ? int(*n) : 0;
}

bool RecordListModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && m_more && !m_changing;
}

void RecordListModel::fetchMore(const QModelIndex& parent) {
    if (parent.isValid() || !m_more || m_changing)
        return;
    auto more = load(m_pageSize, cursor());
    m_more = int(more.size()) == m_pageSize;
    if (more.empty())
        return;
    // Nor in the middle of an insertion: whoever watches it may ask for more.
    m_changing = true;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + more.size()) - 1);
    for (auto& r : more)
        m_rows.push_back(std::move(r));
    endInsertRows();
    m_changing = false;
    if (m_scope == "work")
        m_total = int(m_rows.size());
    emit countChanged();
}

int RecordListModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

QString RecordListModel::idAt(int row) const {
    return row >= 0 && row < int(m_rows.size()) ? qs(m_rows[std::size_t(row)].summary.id) : QString();
}

QVariant RecordListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const auto& row = m_rows[std::size_t(index.row())];
    const auto& r = row.summary;
    const Json& f = r.fields;
    switch (role) {
    case RecordIdRole:
        return qs(r.id);
    case TypeRole:
        return qs(r.type);
    case StateRole:
        return qs(r.index.state);
    case TitleRole:
        return titleOf(r.type, r.id, f);
    case SubtitleRole:
        return qs(stringAt(f, "kind", stringAt(f, "channel")));
    case CategoryRole:
        return qs(stringAt(f, "category"));
    case UnitIdRole:
        return qs(r.index.unitId);
    case DueAtRole:
        return r.index.dueAt ? QVariant(toDateTime(*r.index.dueAt)) : QVariant();
    case DueRuleRole:
        return qs(r.index.dueRule);
    case ProvisionalRole: {
        // The active deadline is the device's own figure until the server's arrives.
        for (const char* key : kDeadlineFields)
            if (auto it = f.find(key); it != f.end() && it->is_object() && stringAt(*it, "rule") == r.index.dueRule)
                return it->value("provisional", true);
        return false;
    }
    case OverdueRole: {
        auto* app = AppContext::instance();
        return r.index.dueAt && app && app->clock() > *r.index.dueAt;
    }
    case PendingRole: // waiting in the outbox; a returned draft waits for nobody
        return (r.version == 0 || r.localEdits) && !row.returned;
    case ReturnedRole:
        return row.returned;
    case HappenedAtRole:
        return r.index.happenedAt ? QVariant(toDateTime(*r.index.happenedAt)) : QVariant();
    case AssigneeRole:
        return qs(r.index.assignee);
    case GradeRole:
        return f.contains("grade") && f["grade"].is_number_integer() ? QVariant(f["grade"].get<int>()) : QVariant();
    case UrgentRole:
        return f.contains("urgent") && f["urgent"].is_boolean() && f["urgent"].get<bool>();
    case ReceiptCodeRole:
        return qs(stringAt(f, "receipt_code"));
    case EscalationRole:
        return f.contains("escalation") && f["escalation"].is_object() ? toVariant(f["escalation"]) : QVariant();
    case BodyRole: {
        // The whole body only for a delegate that asks (the handover's items), read then and kept.
        if (!row.body) {
            auto* app = AppContext::instance();
            auto full = app ? app->store().records().get(r.id) : Result<std::optional<store::StoredRecord>>{std::nullopt};
            row.body = full && *full ? toVariant((*full)->body) : QVariant();
        }
        return *row.body;
    }
    }
    return {};
}

QHash<int, QByteArray> RecordListModel::roleNames() const {
    return {{RecordIdRole, "recordId"},     {TypeRole, "recordType"},     {StateRole, "recordState"},
            {TitleRole, "title"},           {SubtitleRole, "subtitle"},   {CategoryRole, "category"},
            {UnitIdRole, "unitId"},         {DueAtRole, "dueAt"},         {DueRuleRole, "dueRule"},
            {ProvisionalRole, "provisional"}, {OverdueRole, "overdue"},   {PendingRole, "pending"}, {ReturnedRole, "returned"},
            {HappenedAtRole, "happenedAt"}, {AssigneeRole, "assignee"},   {GradeRole, "grade"},
            {UrgentRole, "urgent"},         {ReceiptCodeRole, "receiptCode"}, {EscalationRole, "escalation"},
            {BodyRole, "body"}};
}

} // namespace courtyard::client
