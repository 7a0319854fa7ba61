#pragma once
// What each workflow step asks for: for every record type and action, the details a person
// supplies (their kind, whether required, the values a choice allows, whether the words are said
// to a resident). One table read by both ends: the merge refuses a transition whose details do
// not fit it (a detail the step does not take, a value outside the allowed choices, forbidden
// phrases in words for a resident), and the tablet builds its form for the step from it, so it
// asks for exactly what the server will accept.
//
// The table does not replace each workflow's own checks of meaning (a date that must be later
// than now, a cause that cannot be "own"); it fixes the shape.

#include "shared/core/json_util.h"
#include "shared/core/result.h"
#include "shared/domain/common.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace courtyard::domain {

enum class FieldKind {
    Text,       // one line
    LongText,   // a paragraph
    When,       // an instant (ISO 8601)
    Choice,     // one of `choices`
    YesNo,      // a boolean
    Person,     // a staff id; the form offers people of `roles`
    Department, // a department id
    Signature,  // an attachment of kind signature, drawn by the resident on the screen
    Reference,  // the id of a record another step creates (not typed by a person)
};

// When a field applies: `subject` names a field of the record ("record.source") or another
// detail of the same step ("param.adopted"); the condition holds when its value equals `value`
// (or differs from it when `equals` is false). A JSON bool compares as "true"/"false".
struct FieldCondition {
    std::string subject;
    std::string value;
    bool equals = true;
};

struct ActionField {
    std::string key;
    FieldKind kind = FieldKind::Text;
    bool required = false;
    std::vector<std::string> choices; // Choice: every allowed value, in the order offered
    bool spoken = false;              // said to the resident: no forbidden phrase
    std::vector<Role> roles;          // Person: who may be named
    // Record conditions decide whether the field is offered at all; a param condition decides
    // only whether it is required.
    std::vector<FieldCondition> when;
};

// The details of `action` on a record of `recordType` (empty when it takes none). Every step may
// also carry a free "note" that goes on the timeline; it is not listed.
const std::vector<ActionField>& actionForm(std::string_view recordType, std::string_view action);

// True when the conditions in `when` on the record hold (param conditions are ignored).
bool offeredFor(const ActionField& field, const Json& record);

// Checks a transition's params against the form: an object; no key outside the form but
// "note"; each value of its kind; choices within the list; spoken words free of forbidden
// phrases; every required field that applies present. InvalidArgument names the field.
// `record` gives the record as JSON, asked for only when a field depends on it.
Status checkActionParams(std::string_view recordType, std::string_view action, const Json& params,
                         const std::function<Json()>& record);

std::string_view fieldKindName(FieldKind kind);

// How a plain field of a record is corrected outside any step (the record page's "Correct the
// details"): its kind and choices, the same for every record type that has the field. Nothing
// for fields that are structured or have their own page — a complainant, a flat, a checklist's
// grades, a campaign's sample — nor for fields a step sets. Who may change which field is
// shared/auth's (editableFields); this only says how the form asks for it.
std::optional<ActionField> plainFieldForm(std::string_view field);

} // namespace courtyard::domain
