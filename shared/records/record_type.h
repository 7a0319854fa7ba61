#pragma once
// The registry of record types: for each type name ("complaint", "unit", …) how to check a new
// record, apply a workflow transition, edit plain fields, append to an append-only list, derive
// deadlines, and extract the columns the store indexes. Sync and storage work on JSON bodies
// through this one interface, so every record type is merged, stored and scoped the same way,
// while the rules themselves stay typed in domain/ and rules/.

#include "shared/core/json_util.h"
#include "shared/domain/workflow.h"
#include "shared/rules/derive.h"

#include <any>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace courtyard::records {

using rules::DeriveMode;
using rules::RuleContext;

// What the store indexes and scopes by.
struct IndexFields {
    std::string communityId; // empty: company-wide
    std::string state;
    std::string unitId;
    std::string assignee;     // handler, assignee, guard or inspector
    std::string departmentId;
    std::optional<Instant> dueAt; // the active deadline
    std::string dueRule;
    std::optional<Instant> happenedAt; // when it happened (received, started, …)
};

void to_json(Json& j, const IndexFields& f);
void from_json(const Json& j, IndexFields& f);

// Who may see a record type.
enum class Visibility {
    Staff,     // staff roles of the record's community
    Kiosk,     // also kiosks of the community (notices, open survey campaigns)
    Submitter, // also the kiosk that submitted it, as a receipt (complaints, suggestions, …)
};

class RecordType {
public:
    virtual ~RecordType() = default;
    virtual std::string_view name() const = 0;
    // Company data (units, staff, calendars, …): written by administrators only.
    virtual bool isReference() const = 0;
    virtual Visibility visibility() const = 0;
    virtual std::vector<std::string> states() const = 0;
    virtual std::vector<std::string> actions() const = 0;
    // True when no action leads out of this state (closed, cancelled, accepted …).
    virtual bool isTerminalState(std::string_view state) const = 0;
    // The actions this role may take on a record in this state.
    virtual std::vector<std::string> availableActions(std::string_view state, domain::Role role) const = 0;
    // The actions this role may take on this record now (what a screen offers): those of its
    // state, less steps the record itself rules out (a leader for a complaint not from outside).
    virtual std::vector<std::string> availableActionsOn(const Json& body, domain::Role role) const = 0;
    // Who may take the action (nullopt: no such action). The workflow's own role set.
    virtual std::optional<domain::RoleSet> actionRoles(std::string_view action) const = 0;
    virtual std::vector<std::string_view> plainFields() const = 0;
    virtual std::vector<std::string_view> appendLists() const = 0;

    // A record as a device creates it: decoded, fields only the server computes are dropped,
    // and checked as new. Returns the normal form.
    virtual Result<Json> prepareNew(const Json& body) const = 0;
    // Decodes and re-encodes: the normal form of a stored body.
    virtual Result<Json> normalize(const Json& body) const = 0;
    // Applies a workflow transition; on error `body` is unchanged.
    virtual Result<domain::TransitionOutcome> transition(Json& body,
                                                         const domain::TransitionRequest& req) const = 0;
    // Sets plain fields; every key must be a plain field of the type and the record must be in
    // a state that allows edits. On error `body` is unchanged.
    virtual Status update(Json& body, const Json& fields) const = 0;
    // Appends an item to an append-only list (comments, attachments, checkpoint visits). An
    // item whose id is already there is a no-op; returns whether anything changed.
    virtual Result<bool> append(Json& body, std::string_view list, const Json& item) const = 0;
    virtual void derive(Json& body, const RuleContext& ctx, DeriveMode mode) const = 0;
    virtual IndexFields index(const Json& body) const = 0;

    // The hot paths of sync, each with a single decode and encode of the record:
    // prepareNew + derive + index for a create, and derive + index after any other change.
    // A create's body comes as a tree, or as text for a caller that only stores it (the
    // server's push): a type that writes its text directly (domain/body_text.h) then builds no
    // tree at all.
    enum class BodyForm { Tree, Text };
    struct Prepared {
        Json body;        // with BodyForm::Text, null when the type wrote `text` directly
        std::string text; // with BodyForm::Text: the body as dumpJson encodes it
        std::string state; // the body's "state" member ("" when it has none)
        IndexFields index;
        // The record as its domain value (domain::Complaint, …), for a caller that projects it
        // further without decoding `body` again (the server's report facts); empty for
        // company data.
        std::any typed;
    };
    virtual Result<Prepared> prepareNewDerived(const Json& body, const RuleContext* ctx, DeriveMode mode,
                                               BodyForm form) const = 0;
    virtual IndexFields deriveAndIndex(Json& body, const RuleContext* ctx, DeriveMode mode) const = 0;
    // What a kiosk may see of a record it submitted: status and reply, nothing personal.
    virtual Json receiptView(const Json& body) const = 0;
};

const RecordType* findRecordType(std::string_view name);
const std::vector<const RecordType*>& allRecordTypes();
// The states in which a record of the inbox's types (rules::inboxRecordTypes) can still put an
// item in someone's inbox: every state of their workflows that is not terminal, and the statuses
// of an expected patrol round that can (it has no workflow: the server judges it).
std::vector<std::string> inboxOpenStates();

} // namespace courtyard::records
