#include "shared/domain/action_form.h"

#include "shared/domain/complaint.h"
#include "shared/domain/guidance.h"

#include <algorithm>
#include <map>
#include <utility>

namespace courtyard::domain {

namespace {

using K = FieldKind;

template <typename E>
std::vector<std::string> namesOf(std::initializer_list<E> except = {}) {
    std::vector<std::string> out;
    for (const auto& [value, name] : enumNames(E{}))
        if (std::find(except.begin(), except.end(), value) == except.end())
            out.emplace_back(name);
    return out;
}

ActionField field(std::string key, K kind, bool required = false) {
    ActionField f;
    f.key = std::move(key);
    f.kind = kind;
    f.required = required;
    return f;
}
ActionField spoken(std::string key, bool required = true) {
    auto f = field(std::move(key), K::LongText, required);
    f.spoken = true;
    return f;
}
ActionField choice(std::string key, std::vector<std::string> choices, bool required = false) {
    auto f = field(std::move(key), K::Choice, required);
    f.choices = std::move(choices);
    return f;
}
ActionField when(ActionField f, std::string subject, std::string value, bool equals = true) {
    f.when.push_back({std::move(subject), std::move(value), equals});
    return f;
}
ActionField reason() { return field("reason", K::LongText, true); }
ActionField handler(bool required) {
    auto f = field("handler_id", K::Person, required);
    f.roles = {Role::Staff, Role::Supervisor, Role::Manager};
    return f;
}

using Forms = std::map<std::pair<std::string, std::string>, std::vector<ActionField>, std::less<>>;

Forms buildForms() {
    const auto department = [](bool required) { return field("department_id", K::Department, required); };
    const auto controllability = choice("controllability", namesOf<Controllability>());
    const auto reach = choice("reach", namesOf<Reach>());
    Forms f;
    // Complaints
    f[{"complaint", "answer_on_spot"}] = {spoken("reply"), field("measures", K::LongText), field("result", K::LongText)};
    f[{"complaint", "assign"}] = {handler(true), department(false)};
    f[{"complaint", "accept"}] = {choice("resident_type", namesOf<ResidentType>()), controllability, reach,
                                  handler(false), department(false)};
    f[{"complaint", "reject"}] = {choice("cause", namesOf<Cause>({Cause::Own}), true), reason(), controllability,
                                  reach, department(false)};
    f[{"complaint", "explain"}] = {spoken("explanation")};
    f[{"complaint", "close_referral"}] = {field("result", K::LongText, true)};
    f[{"complaint", "agree_time"}] = {field("agreed_by", K::When, true)};
    f[{"complaint", "transfer"}] = {reason(), field("sheet_id", K::Reference, true)};
    f[{"complaint", "arrange"}] = {department(true), handler(false)};
    f[{"complaint", "reply"}] = {
        choice("handling_mode", namesOf<HandlingMode>(), true),
        when(field("measures", K::LongText, true), "param.handling_mode", "explain_only", false),
        when(field("result", K::LongText, true), "param.handling_mode", "explain_only", false),
        spoken("reply")};
    f[{"complaint", "visit"}] = {choice("method", namesOf<VisitMethod>({VisitMethod::Kiosk})),
                                 field("opinion", K::LongText, true), field("satisfied", K::YesNo, true),
                                 field("visit_id", K::Reference)};
    f[{"complaint", "regrade"}] = {controllability, reach};
    auto leader = field("leader_id", K::Person, true);
    leader.roles = {Role::Supervisor, Role::Manager};
    f[{"complaint", "name_leader"}] = {leader};
    f[{"complaint", "cancel"}] = {reason()};
    // Suggestions
    f[{"suggestion", "acknowledge"}] = {field("agreed_reply_by", K::When, true)};
    f[{"suggestion", "reply"}] = {field("adopted", K::YesNo, true), spoken("reply"),
                                  when(reason(), "param.adopted", "false")};
    f[{"suggestion", "cancel"}] = {reason()};
    // Transfer sheets and the arrangement notices they issue
    f[{"transfer_sheet", "arrange"}] = {department(true), field("instructions", K::LongText, true),
                                        field("notice_id", K::Reference)};
    f[{"transfer_sheet", "escalate"}] = {reason()};
    f[{"transfer_sheet", "resolve"}] = {field("result", K::LongText, true)};
    f[{"transfer_sheet", "close"}] = {spoken("reply")};
    f[{"arrangement_notice", "complete"}] = {field("result", K::LongText, true)};
    f[{"arrangement_notice", "cancel"}] = {reason()};
    // Rectification
    f[{"rectification", "fix_in_house"}] = {field("measures", K::LongText, true), field("team", K::Text),
                                            field("completion_by", K::When)};
    f[{"rectification", "hand_off"}] = {field("note", K::LongText)};
    f[{"rectification", "plan"}] = {field("measures", K::LongText, true), field("team", K::Text, true),
                                    field("completion_by", K::When, true)};
    f[{"rectification", "complete_work"}] = {field("result", K::LongText, true)};
    f[{"rectification", "developer_accept"}] = {field("result", K::LongText, true)};
    f[{"rectification", "accept"}] = {
        when(field("signer_name", K::Text, true), "record.source", "resident_inspection"),
        when(field("signature", K::Signature, true), "record.source", "resident_inspection"),
        when(field("accepted_by", K::Text, true), "record.source", "resident_inspection", false)};
    f[{"rectification", "object"}] = {reason()};
    f[{"rectification", "cancel"}] = {reason()};
    // Surveys, patrols, inspections, notices
    f[{"survey_campaign", "publish"}] = {field("notice_id", K::Reference, true)};
    f[{"survey_campaign", "cancel"}] = {reason()};
    f[{"patrol_round", "abandon"}] = {reason()};
    f[{"inspection", "submit"}] = {field("summary", K::LongText)};
    f[{"notice", "withdraw"}] = {reason()};
    return f;
}

const Forms& forms() {
    static const Forms f = buildForms();
    return f;
}

std::string scalarText(const Json& v) {
    if (v.is_string())
        return v.get<std::string>();
    if (v.is_boolean())
        return v.get<bool>() ? "true" : "false";
    if (v.is_number())
        return v.dump();
    return {};
}

bool holds(const FieldCondition& c, const Json& record, const Json& params) {
    const bool onRecord = c.subject.starts_with("record.");
    const Json& source = onRecord ? record : params;
    const std::string key = c.subject.substr(c.subject.find('.') + 1);
    std::string value;
    if (source.is_object())
        if (auto it = source.find(key); it != source.end())
            value = scalarText(*it);
    return (value == c.value) == c.equals;
}

bool present(const Json& v) {
    if (v.is_null())
        return false;
    if (v.is_string())
        return v.get_ref<const std::string&>().find_first_not_of(" \t\r\n") != std::string::npos;
    return true;
}

Status checkValue(const ActionField& f, const Json& v) {
    const auto fail = [&](const std::string& what) { return invalidArgument(f.key + ": " + what); };
    switch (f.kind) {
    case K::Text:
    case K::LongText:
    case K::Person:
    case K::Department:
    case K::Reference:
        if (!v.is_string())
            return fail("must be a string");
        break;
    case K::When:
        if (!v.is_string() || !parseInstant(v.get<std::string>()))
            return fail("must be an instant such as 2026-03-01T09:00:00+08:00");
        break;
    case K::Choice:
        if (!v.is_string() ||
            std::find(f.choices.begin(), f.choices.end(), v.get<std::string>()) == f.choices.end()) {
            std::string list;
            for (const auto& c : f.choices)
                list += (list.empty() ? "" : ", ") + c;
            return fail("must be one of: " + list);
        }
        break;
    case K::YesNo:
        if (!v.is_boolean())
            return fail("must be true or false");
        break;
    case K::Signature:
        if (!v.is_object())
            return fail("must be an attachment");
        break;
    }
    if (f.spoken && v.is_string())
        return checkSpokenWords(v.get<std::string>(), f.key);
    return {};
}

} // namespace

const std::vector<ActionField>& actionForm(std::string_view recordType, std::string_view action) {
    static const std::vector<ActionField> none;
    const auto it = forms().find(std::pair<std::string, std::string>(recordType, action));
    return it == forms().end() ? none : it->second;
}

bool offeredFor(const ActionField& field, const Json& record) {
    for (const auto& c : field.when)
        if (c.subject.starts_with("record.") && !holds(c, record, Json::object()))
            return false;
    return true;
}

Status checkActionParams(std::string_view recordType, std::string_view action, const Json& params,
                         const std::function<Json()>& recordJson) {
    if (params.is_null())
        return checkActionParams(recordType, action, Json::object(), recordJson);
    if (!params.is_object())
        return invalidArgument("params: must be an object");
    const auto& form = actionForm(recordType, action);
    const bool needsRecord = std::any_of(form.begin(), form.end(), [](const ActionField& f) {
        return std::any_of(f.when.begin(), f.when.end(),
                           [](const FieldCondition& c) { return c.subject.starts_with("record."); });
    });
    const Json record = needsRecord ? recordJson() : Json::object();
    for (const auto& item : params.items()) {
        // Named copies, not a structured binding: clang 14 (the fuzz and sanitizer build)
        // cannot capture a binding in the lambda below.
        const std::string key = item.key();
        const Json& value = item.value();
        if (key == "note") {
            if (!value.is_string())
                return invalidArgument("note: must be a string");
            continue;
        }
        const auto it = std::find_if(form.begin(), form.end(), [&](const ActionField& f) { return f.key == key; });
        if (it == form.end() || !offeredFor(*it, record)) {
            std::string list;
            for (const auto& f : form)
                if (offeredFor(f, record))
                    list += (list.empty() ? "" : ", ") + f.key;
            return invalidArgument("params." + key + ": '" + std::string(action) + "' on a " +
                                   std::string(recordType) + " takes " +
                                   (list.empty() ? std::string("no details but a note") : list + " (and a note)"));
        }
        if (!value.is_null())
            CY_TRY(checkValue(*it, value));
    }
    for (const auto& f : form) {
        if (!f.required)
            continue;
        const bool applies = std::all_of(f.when.begin(), f.when.end(),
                                         [&](const FieldCondition& c) { return holds(c, record, params); });
        if (!applies)
            continue;
        const auto it = params.find(f.key);
        if (it == params.end() || !present(*it))
            return invalidArgument(f.key + ": is required");
    }
    return {};
}

std::optional<ActionField> plainFieldForm(std::string_view key) {
    static const std::map<std::string, ActionField, std::less<>> plain = [] {
        std::map<std::string, ActionField, std::less<>> m;
        for (const char* k : {"content", "description", "instructions", "notes", "body", "summary"})
            m[k] = field(k, K::LongText);
        for (const char* k : {"subject", "title", "area", "resident_name", "resident_phone"})
            m[k] = field(k, K::Text);
        for (const char* k : {"urgent", "serious"})
            m[k] = field(k, K::YesNo);
        for (const char* k : {"requested_reply_by", "due_by", "valid_from", "valid_until"})
            m[k] = field(k, K::When);
        m["category"] = choice("category", namesOf<Category>());
        m["resident_type"] = choice("resident_type", namesOf<ResidentType>());
        auto assignee = field("assignee_id", K::Person);
        assignee.roles = {Role::Staff, Role::Supervisor, Role::Manager};
        m["assignee_id"] = assignee;
        return m;
    }();
    if (const auto it = plain.find(key); it != plain.end())
        return it->second;
    return std::nullopt;
}

std::string_view fieldKindName(FieldKind kind) {
    switch (kind) {
    case K::Text: return "text";
    case K::LongText: return "long";
    case K::When: return "when";
    case K::Choice: return "choice";
    case K::YesNo: return "yesno";
    case K::Person: return "person";
    case K::Department: return "department";
    case K::Signature: return "signature";
    case K::Reference: return "reference";
    }
    return "text";
}

} // namespace courtyard::domain
