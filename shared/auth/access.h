#pragma once
// Who may do what: the one authorization table of Courtyard. For every record type it says who
// may create it, which plain fields each role may change afterwards (fields that a workflow
// action sets change only through that action), who may append to each list, which device
// roles receive it, and — through the type's workflow — who may take each transition. The
// server enforces it on push, pull, blobs and reports; the tablet asks the same table which
// actions and fields to offer, so it never offers what the server will refuse.

#include "shared/core/json_util.h"
#include "shared/domain/common.h"

#include <string>
#include <string_view>
#include <vector>

namespace courtyard::auth {

using domain::Actor;
using domain::Position;
using domain::Role;
using domain::RoleSet;

// A set of roles, optionally narrowed to positions (the weekly review: department heads).
struct Who {
    RoleSet roles;
    std::vector<Position> positions; // empty: any position
    bool admits(const Actor& a) const;
};

// A plain field (merged per field, last writer wins) and the roles that may change it after
// the record was created. Whoever may create the record may set it at creation.
struct FieldRule {
    std::string_view field;
    RoleSet roles;
};

// A field only a workflow action sets (a complaint's grade inputs are set by the supervisor's
// accept): a new record may carry it only with its initial value; plain edits never touch it.
struct ActionField {
    std::string_view field;
    Json initial;
};

struct ListRule {
    std::string_view list;
    RoleSet roles;
};

struct TypeAccess {
    std::string_view type;
    Who create;
    std::vector<FieldRule> fields;
    std::vector<ActionField> actionFields;
    std::vector<ListRule> lists;
    // Device roles that receive records of this type. A kiosk (Resident) receives what it may
    // show residents; its own submissions come back to it as receipts whatever this says.
    RoleSet read;
    // Narrower, per record, for some roles (the developer's customer service sees only the
    // complaints referred to the developer). Null: the type rule alone decides.
    bool (*readsRecord)(Role deviceRole, const Json& body) = nullptr;
};

// The table, and one type's row (nullptr: company data or an unknown type — written only by
// administrators, read as its record type's visibility says).
const std::vector<TypeAccess>& accessTable();
const TypeAccess* accessFor(std::string_view type);

// The plain fields of a type (for the merge: these and only these are edited field by field),
// and its append-only lists.
std::vector<std::string_view> plainFields(std::string_view type);
std::vector<std::string_view> appendLists(std::string_view type);

// The checks. Each returns permission_denied with a sentence the device shows.
Status checkCreate(std::string_view type, const Json& body, const Actor& actor);
Status checkUpdate(std::string_view type, const Json& fields, const Actor& actor);
Status checkAppend(std::string_view type, std::string_view list, const Actor& actor);
// The transition's roles are the workflow's own (TransitionSpec::roles).
Status checkTransition(std::string_view type, std::string_view action, const Actor& actor);

bool mayCreate(std::string_view type, const Actor& actor);
// What a screen offers: the actions this person may take now, the fields they may change.
std::vector<std::string> availableActions(std::string_view type, std::string_view state, const Actor& actor);
std::vector<std::string> editableFields(std::string_view type, const Actor& actor);

// Whether a device of this role receives records of this type (and this record).
bool mayRead(std::string_view type, Role deviceRole);
bool mayReadRecord(std::string_view type, Role deviceRole, const Json& body);

// Reports: managers and administrators read every report of the company; supervisors the
// reports of their own department in the communities they serve; nobody else any.
enum class ReportReach { None, OwnDepartment, Everything };
ReportReach reportReach(const Actor& actor);

// Attachments: a device may download a blob when it may read a record that refers to it; it
// may upload one when a record it may read (a kiosk: one it submitted) refers to it.
// The references themselves are found by the caller (the server indexes them).

} // namespace courtyard::auth
