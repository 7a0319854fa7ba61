// Over 400 lines, knowingly: the registry of every record type (the typed adapter each one
// goes through, then one registration per type). Splitting it per type would scatter the one
// table a reader comes here to see.

#include "shared/records/record_type.h"

#include "shared/auth/access.h"
#include "shared/core/json_dump.h"

#include "shared/domain/body_text.h"
#include "shared/domain/complaint.h"
#include "shared/domain/handover.h"
#include "shared/domain/inbox_seen.h"
#include "shared/domain/inspection.h"
#include "shared/domain/notice.h"
#include "shared/domain/organization.h"
#include "shared/domain/patrol.h"
#include "shared/domain/rectification.h"
#include "shared/domain/suggestion.h"
#include "shared/domain/survey.h"
#include "shared/domain/transfer_sheet.h"
#include "shared/records/record_traits.h"
#include "shared/rules/calendar.h"
#include "shared/rules/inbox.h"
#include "shared/rules/policy.h"

#include <algorithm>
#include <functional>
#include <set>

namespace courtyard::records {

namespace {

using namespace courtyard::domain;

// ---------------------------------------------------------------------------------------------
// Records with a lifecycle: one template over the per-type traits in record_traits.h.

template <typename T>
class TypedRecordType final : public RecordType {
    using Tr = Traits<T>;

public:
    std::string_view name() const override { return T::kType; }
    bool isReference() const override { return false; }
    Visibility visibility() const override { return Tr::visibility; }

    std::vector<std::string> states() const override {
        std::vector<std::string> out;
        if constexpr (Tr::hasWorkflow)
            for (const auto& [s, n] : enumNames(typename T::State{}))
                out.emplace_back(n);
        return out;
    }

    std::vector<std::string> actions() const override {
        std::vector<std::string> out;
        if constexpr (Tr::hasWorkflow)
            for (const auto& spec : Tr::workflow().specs())
                out.emplace_back(spec.action);
        return out;
    }

    bool isTerminalState(std::string_view state) const override {
        if constexpr (Tr::hasWorkflow) {
            for (const auto& spec : Tr::workflow().specs())
                for (auto from : spec.from)
                    if (enumName(from) == state)
                        return false;
            return true;
        } else {
            (void)state;
            return true;
        }
    }

    std::vector<std::string> availableActions(std::string_view state, Role role) const override {
        std::vector<std::string> out;
        if constexpr (Tr::hasWorkflow) {
            typename T::State s{};
            if (!fromString(state, s))
                return out;
            for (const auto& spec : Tr::workflow().specs())
                if (Tr::workflow().check(s, spec.action, role))
                    out.emplace_back(spec.action);
        } else {
            (void)state;
            (void)role;
        }
        return out;
    }

    std::vector<std::string> availableActionsOn(const Json& body, Role role) const override {
        std::vector<std::string> out;
        if constexpr (Tr::hasWorkflow) {
            const auto rec = decodeJson<T>(body);
            if (!rec)
                return out;
            for (const auto& spec : Tr::workflow().specs())
                if (Tr::workflow().check(*rec, spec.action, role))
                    out.emplace_back(spec.action);
        } else {
            (void)body;
            (void)role;
        }
        return out;
    }

    std::vector<std::string_view> plainFields() const override { return auth::plainFields(T::kType); }
    std::vector<std::string_view> appendLists() const override { return auth::appendLists(T::kType); }

    std::optional<RoleSet> actionRoles(std::string_view action) const override {
        if constexpr (Tr::hasWorkflow) {
            if (const auto* spec = Tr::workflow().find(action))
                return spec->roles;
        } else {
            (void)action;
        }
        return std::nullopt;
    }

    Result<Json> prepareNew(const Json& body) const override {
        auto rec = decodeJson<T>(body);
        if (!rec)
            return rec.error();
        Tr::strip(*rec);
        CY_TRY(Tr::validateNew(*rec));
        return encode(*rec);
    }

    Result<Json> normalize(const Json& body) const override {
        auto rec = decodeJson<T>(body);
        if (!rec)
            return rec.error();
        return encode(*rec);
    }

    Result<TransitionOutcome> transition(Json& body, const TransitionRequest& req) const override {
        if constexpr (!Tr::hasWorkflow) {
            (void)body;
            (void)req;
            return failedPrecondition("a " + std::string(T::kType) + " has no workflow");
        } else {
            auto rec = decodeJson<T>(body);
            if (!rec)
                return rec.error();
            auto outcome = Tr::workflow().apply(*rec, req);
            if (!outcome)
                return outcome.error();
            if (!outcome->noop)
                body = encode(*rec);
            return outcome;
        }
    }

    Status update(Json& body, const Json& fields) const override {
        if (!fields.is_object() || fields.empty())
            return invalidArgument("fields: an object of field: value to set");
        const auto plain = plainFields();
        for (const auto& [key, value] : fields.items()) {
            if (std::find(plain.begin(), plain.end(), key) == plain.end())
                return invalidArgument("field '" + key + "' of a " + std::string(T::kType) +
                                       " cannot be set directly" +
                                       (plain.empty() ? "" : " (plain fields: " + join(plain) + ")"));
        }
        auto current = decodeJson<T>(body);
        if (!current)
            return current.error();
        if (!Tr::editable(*current))
            return failedPrecondition("this " + std::string(T::kType) +
                                      " can no longer be edited in its current state");
        Json merged = body;
        for (const auto& [key, value] : fields.items())
            merged[key] = value;
        auto edited = decodeJson<T>(merged);
        if (!edited)
            return edited.error();
        CY_TRY(Tr::validateEdit(*edited));
        body = encode(*edited);
        return {};
    }

    Result<bool> append(Json& body, std::string_view list, const Json& item) const override {
        const auto lists = appendLists();
        if (std::find(lists.begin(), lists.end(), list) == lists.end())
            return invalidArgument("'" + std::string(list) + "' is not an append-only list of a " +
                                   std::string(T::kType) +
                                   (lists.empty() ? "" : " (lists: " + join(lists) + ")"));
        auto rec = decodeJson<T>(body);
        if (!rec)
            return rec.error();
        Result<bool> changed = false;
        try {
            changed = Tr::append(*rec, list, item);
        } catch (const DecodeError& e) {
            return invalidArgument(std::string(list) + ": " + e.what());
        } catch (const nlohmann::json::exception& e) {
            return invalidArgument(std::string(list) + ": " + e.what());
        }
        if (changed && *changed)
            body = encode(*rec);
        return changed;
    }

    void derive(Json& body, const RuleContext& ctx, DeriveMode mode) const override {
        if constexpr (Tr::derives) {
            auto rec = decodeJson<T>(body);
            if (!rec)
                return;
            rules::derive(*rec, ctx, mode);
            body = encode(*rec);
        } else {
            (void)body;
            (void)ctx;
            (void)mode;
        }
    }

    IndexFields index(const Json& body) const override {
        auto rec = decodeJson<T>(body);
        if (!rec)
            return {};
        return Tr::index(*rec);
    }

    Result<Prepared> prepareNewDerived(const Json& body, const RuleContext* ctx, DeriveMode mode,
                                       BodyForm form) const override {
        auto rec = decodeJson<T>(body);
        if (!rec)
            return rec.error();
        Tr::strip(*rec);
        CY_TRY(Tr::validateNew(*rec));
        if constexpr (Tr::derives)
            if (ctx)
                rules::derive(*rec, *ctx, mode);
        Prepared out;
        if constexpr (requires { domain::bodyText(*rec); }) {
            if (form == BodyForm::Text) {
                out.text = domain::bodyText(*rec);
                out.state = enumName(rec->state); // each type with a bodyText writes its `state` as "state"
            }
        }
        if (out.text.empty()) { // a tree asked for, or the type has no text of its own
            out.body = encode(*rec);
            out.state = stringAt(out.body, "state");
            if (form == BodyForm::Text)
                out.text = dumpJson(out.body);
        }
        out.index = Tr::index(*rec);
        out.typed = std::move(*rec);
        return out;
    }

    IndexFields deriveAndIndex(Json& body, const RuleContext* ctx, DeriveMode mode) const override {
        auto rec = decodeJson<T>(body);
        if (!rec)
            return {};
        if constexpr (Tr::derives) {
            if (ctx) {
                rules::derive(*rec, *ctx, mode);
                body = encode(*rec);
            }
        } else {
            (void)ctx;
            (void)mode;
        }
        return Tr::index(*rec);
    }

    Json receiptView(const Json& body) const override {
        auto rec = decodeJson<T>(body);
        if (!rec)
            return Json::object();
        return Tr::receipt(*rec);
    }

private:
    static Json encode(const T& rec) {
        Json j;
        to_json(j, rec);
        return j;
    }
    static std::string join(const std::vector<std::string_view>& v) {
        std::string out;
        for (auto s : v)
            out += (out.empty() ? "" : ", ") + std::string(s);
        return out;
    }
};

// ---------------------------------------------------------------------------------------------
// Company data: validated whole, replaced whole by administrators, never edited field by field
// from a device.

class ReferenceType final : public RecordType {
public:
    using Normalizer = std::function<Result<Json>(const Json&)>;
    using Indexer = std::function<IndexFields(const Json&)>;

    ReferenceType(std::string_view name, Visibility vis, Normalizer norm, Indexer idx)
        : m_name(name), m_visibility(vis), m_normalize(std::move(norm)), m_index(std::move(idx)) {}

    std::string_view name() const override { return m_name; }
    bool isReference() const override { return true; }
    Visibility visibility() const override { return m_visibility; }
    std::vector<std::string> states() const override { return {}; }
    std::vector<std::string> actions() const override { return {}; }
    std::vector<std::string> availableActions(std::string_view, Role) const override { return {}; }
    std::vector<std::string> availableActionsOn(const Json&, Role) const override { return {}; }
    bool isTerminalState(std::string_view) const override { return true; }
    std::optional<RoleSet> actionRoles(std::string_view) const override { return std::nullopt; }
    std::vector<std::string_view> plainFields() const override { return {}; }
    std::vector<std::string_view> appendLists() const override { return {}; }
    Result<Json> prepareNew(const Json& body) const override { return normalize(body); }
    Result<Json> normalize(const Json& body) const override {
        if (!body.is_object())
            return invalidArgument(std::string(m_name) + ": expected a JSON object");
        auto out = m_normalize(body);
        if (!out)
            return out.error();
        if (!out->contains("id") || !(*out)["id"].is_string() || (*out)["id"].get<std::string>().empty())
            return invalidArgument(std::string(m_name) + ": id is required");
        (*out)["type"] = m_name;
        return out;
    }
    Result<TransitionOutcome> transition(Json&, const TransitionRequest&) const override {
        return failedPrecondition("a " + std::string(m_name) + " has no workflow");
    }
    Status update(Json&, const Json&) const override {
        return permissionDenied("a " + std::string(m_name) +
                                " is company data, changed by an administrator");
    }
    Result<bool> append(Json&, std::string_view, const Json&) const override {
        return permissionDenied("a " + std::string(m_name) +
                                " is company data, changed by an administrator");
    }
    void derive(Json&, const RuleContext&, DeriveMode) const override {}
    IndexFields index(const Json& body) const override { return m_index(body); }
    Result<Prepared> prepareNewDerived(const Json& body, const RuleContext*, DeriveMode, BodyForm form) const override {
        auto normal = normalize(body);
        if (!normal)
            return normal.error();
        Prepared out;
        out.index = m_index(*normal);
        out.state = stringAt(*normal, "state");
        if (form == BodyForm::Text)
            out.text = dumpJson(*normal);
        out.body = std::move(*normal);
        return out;
    }
    IndexFields deriveAndIndex(Json& body, const RuleContext*, DeriveMode) const override { return m_index(body); }
    Json receiptView(const Json&) const override { return Json::object(); }

private:
    std::string_view m_name;
    Visibility m_visibility;
    Normalizer m_normalize;
    Indexer m_index;
};

template <typename T>
ReferenceType::Normalizer typed(Status (*validate)(const T&) = nullptr) {
    return [validate](const Json& body) -> Result<Json> {
        auto v = decodeJson<T>(body);
        if (!v)
            return v.error();
        if (validate)
            CY_TRY(validate(*v));
        Json j;
        to_json(j, *v);
        return j;
    };
}

IndexFields byCommunityKey(const Json& body, const char* key) {
    IndexFields f;
    if (auto it = body.find(key); it != body.end() && it->is_string())
        f.communityId = it->get<std::string>();
    return f;
}

} // namespace

void to_json(Json& j, const IndexFields& f) {
    j = Json{{"community_id", f.communityId}, {"state", f.state}, {"unit_id", f.unitId}, {"assignee", f.assignee},
             {"department_id", f.departmentId}, {"due_rule", f.dueRule}};
    if (f.dueAt)
        j["due_at"] = *f.dueAt;
    if (f.happenedAt)
        j["happened_at"] = *f.happenedAt;
}

void from_json(const Json& j, IndexFields& f) {
    optionalInto(j, "community_id", f.communityId);
    optionalInto(j, "state", f.state);
    optionalInto(j, "unit_id", f.unitId);
    optionalInto(j, "assignee", f.assignee);
    optionalInto(j, "department_id", f.departmentId);
    optionalInto(j, "due_rule", f.dueRule);
    optionalInto(j, "due_at", f.dueAt);
    optionalInto(j, "happened_at", f.happenedAt);
}

const std::vector<const RecordType*>& allRecordTypes() {
    static const TypedRecordType<Complaint> complaint;
    static const TypedRecordType<Suggestion> suggestion;
    static const TypedRecordType<TransferSheet> sheet;
    static const TypedRecordType<ArrangementNotice> arrangement;
    static const TypedRecordType<RectificationItem> rectification;
    static const TypedRecordType<SurveyCampaign> campaign;
    static const TypedRecordType<SurveyResponse> response;
    static const TypedRecordType<PatrolRound> patrolRound;
    static const TypedRecordType<Inspection> inspection;
    static const TypedRecordType<Notice> notice;
    static const TypedRecordType<ShiftHandover> handover;
    static const TypedRecordType<WeeklyReview> weeklyReview;
    static const TypedRecordType<InboxSeen> inboxSeen;

    const auto community = [](const Json& b) { return byCommunityKey(b, "community_id"); };
    const auto companyWide = [](const Json&) { return IndexFields{}; };
    static const ReferenceType office{"office", Visibility::Staff, typed<ManagementOffice>(), companyWide};
    static const ReferenceType communityType{"community", Visibility::Kiosk, typed<Community>(),
                                             [](const Json& b) { return byCommunityKey(b, "id"); }};
    static const ReferenceType building{"building", Visibility::Kiosk, typed<Building>(), community};
    static const ReferenceType unit{"unit", Visibility::Staff, typed<Unit>(), community};
    static const ReferenceType department{"department", Visibility::Staff, typed<Department>(), companyWide};
    static const ReferenceType staff{"staff", Visibility::Staff, typed<Staff>(), companyWide};
    static const ReferenceType calendar{
        "calendar", Visibility::Kiosk,
        [](const Json& b) -> Result<Json> {
            auto cal = rules::Calendar::fromJson(b);
            if (!cal)
                return cal.error();
            return cal->toJson();
        },
        companyWide};
    static const ReferenceType policy{
        "policy", Visibility::Kiosk,
        [](const Json& b) -> Result<Json> {
            auto p = rules::Policy::fromJson(b);
            if (!p)
                return p.error();
            Json j = p->toJson();
            j["id"] = stringAt(b, "id", "default");
            return j;
        },
        companyWide};
    static const ReferenceType inspectionTemplate{"inspection_template", Visibility::Staff,
                                                  typed<InspectionTemplate>(validateTemplate), community};
    static const ReferenceType patrolRoute{"patrol_route", Visibility::Staff,
                                           typed<PatrolRoute>(validateRoute), community};
    // Expected rounds of scheduled routes: written by the server's pass (rules/patrol_schedule.h).
    static const ReferenceType patrolSlot{"patrol_slot", Visibility::Staff, typed<PatrolSlot>(),
                                          [](const Json& b) {
                                              IndexFields f = byCommunityKey(b, "community_id");
                                              f.state = stringAt(b, "status");
                                              f.departmentId = stringAt(b, "department_id");
                                              f.assignee = stringAt(b, "guard_id");
                                              if (auto t = parseInstant(stringAt(b, "due_at")))
                                                  f.happenedAt = *t;
                                              return f;
                                          }};

    // What a kiosk keeps of its own submissions once the server has them: status and reply.
    static const ReferenceType receipt{
        "receipt", Visibility::Submitter,
        [](const Json& b) -> Result<Json> {
            if (!b.contains("status") || !b["status"].is_string())
                return invalidArgument("receipt: status is required");
            return b;
        },
        [](const Json& b) {
            IndexFields f = byCommunityKey(b, "community_id");
            f.state = stringAt(b, "status");
            f.unitId = stringAt(b, "unit_id");
            if (auto t = parseInstant(stringAt(b, "received_at")))
                f.happenedAt = *t;
            return f;
        }};

    static const std::vector<const RecordType*> all{
        &complaint,  &suggestion,    &sheet,    &arrangement, &rectification,
        &campaign,   &response,      &patrolRound, &inspection, &notice, &handover, &weeklyReview,
        &inboxSeen,
        &office,     &communityType, &building, &unit,        &department,
        &staff,      &calendar,      &policy,   &inspectionTemplate, &patrolRoute, &patrolSlot, &receipt};
    return all;
}

std::vector<std::string> inboxOpenStates() {
    std::set<std::string> states;
    for (const auto& name : rules::inboxRecordTypes())
        if (const auto* type = findRecordType(name))
            for (const auto& s : type->states())
                if (!type->isTerminalState(s))
                    states.insert(s);
    for (auto s : {PatrolSlotStatus::Expected, PatrolSlotStatus::Missed, PatrolSlotStatus::Incomplete})
        states.insert(std::string(enumName(s)));
    return {states.begin(), states.end()};
}

const RecordType* findRecordType(std::string_view name) {
    for (const auto* t : allRecordTypes())
        if (t->name() == name)
            return t;
    return nullptr;
}

} // namespace courtyard::records
