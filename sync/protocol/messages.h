#pragma once
// The sync protocol's wire messages (docs/sync-protocol.md has examples). Every request and
// response carries a schema version; the server accepts the current one and the one before.

#include "shared/core/json_util.h"
#include "shared/core/time.h"
#include "shared/records/record_type.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace courtyard::sync {

// Version 2 added proof of the acting person on every operation (docs/sync-protocol.md). A
// version-1 device cannot prove who acted, so it cannot be accepted safely: 1 is refused.
inline constexpr int kSchemaVersion = 2;
inline constexpr int kOldestSchemaVersion = 2;
bool schemaSupported(int version);
Status checkSchema(const Json& message);

enum class OpKind { Create, Update, Transition, Append };
COURTYARD_ENUM_STRINGS(OpKind, {{OpKind::Create, "create"},
                                {OpKind::Update, "update"},
                                {OpKind::Transition, "transition"},
                                {OpKind::Append, "append"}})

// Sequence numbers stay within what every JSON reader holds exactly (2^53), so `seq + 1` never
// overflows anywhere.
inline constexpr std::int64_t kMaxSeq = std::int64_t(1) << 53;

// One local edit, as queued in a device's outbox and pushed. `seq` is per device, from 1,
// without gaps; the server applies each exactly once.
struct Operation {
    std::int64_t seq = 0;
    OpKind kind = OpKind::Create;
    std::string type; // record type
    std::string id;   // record id
    std::string hlc;  // the device's hybrid logical clock at the edit
    Instant at{};     // when it happened on the device
    std::string actor; // staff id; empty for a resident at a kiosk
    Json body;         // create: the new record
    Json fields;       // update: plain fields to set
    std::string action; // transition
    Json params;        // transition
    std::string list;   // append
    Json item;          // append
    // Who proves the actor: the staff credential's id and its HMAC over the operation
    // (sync/protocol/proof.h). Empty for a resident at a kiosk.
    std::string proofCredential;
    std::string proofSig;
};
void to_json(Json& j, const Operation& op);
void from_json(const Json& j, Operation& op);

struct PushRequest {
    int schema = kSchemaVersion;
    std::string deviceId;
    Instant deviceTime{}; // the device's clock when it sent this: the server measures skew
    std::vector<Operation> ops;
};
void to_json(Json& j, const PushRequest& r);
void from_json(const Json& j, PushRequest& r);
// Decodes a push request by moving the operations' bodies out of `j` instead of copying them
// (the server's hot path: a push carries hundreds of records).
Result<PushRequest> takePushRequest(Json&& j);

enum class OpStatus { Applied, Noop, Rejected };
COURTYARD_ENUM_STRINGS(OpStatus, {{OpStatus::Applied, "applied"}, {OpStatus::Noop, "noop"}, {OpStatus::Rejected, "rejected"}})

struct OpResult {
    std::int64_t seq = 0;
    OpStatus status = OpStatus::Applied;
    std::optional<Error> error; // rejected: why, and what to do (the code)
    std::int64_t version = 0;   // the record's version after the operation
    std::string note;           // e.g. fields a later edit from another device kept
    std::string mergedInto;     // a duplicate kiosk submission: the record it was merged into
};
void to_json(Json& j, const OpResult& r);
void from_json(const Json& j, OpResult& r);

struct PushResponse {
    int schema = kSchemaVersion;
    Instant serverTime{};
    std::int64_t lastSeq = 0; // the last operation the server has applied for this device
    std::vector<OpResult> results;
    std::string database; // the server database's identity (changes when it is restored)
};
void to_json(Json& j, const PushResponse& r);
void from_json(const Json& j, PushResponse& r);

struct Change {
    std::string type;
    std::string id;
    std::int64_t version = 0;
    bool deleted = false;
    Json record;
    Json stamps; // per-field clocks, so a device predicts the server's merge of its pending edits
    // The record's JSON text. On the server: as stored, sent as is (record unused). On a device
    // (takePullPage): as the page carried it, beside `record` parsed from it; "" when unknown.
    std::string rawRecord;
    std::string rawStamps; // a device: the stamps' text in the page, as rawRecord ("" when unknown)
    // The server's index columns for the record, so a device need not decode it to index it.
    std::optional<records::IndexFields> index;
    // Who did what to the record (a JSON array as text, spliced in as stored; "" when none).
    std::string history;
};
void to_json(Json& j, const Change& c);
void from_json(const Json& j, Change& c);

struct PullResponse {
    int schema = kSchemaVersion;
    Instant serverTime{};
    std::vector<Change> changes;
    std::string cursor; // opaque: pass it back as is
    bool hasMore = false;
    std::string database; // as in PushResponse
    // Asked for (count=1): how many changes this device may see after `cursor` (an upper bound:
    // a change the device turns out not to be allowed to read is counted but not sent).
    std::optional<std::int64_t> remaining;
};
void to_json(Json& j, const PullResponse& r);
// The response as text, splicing raw records in without parsing them (the server's hot path).
std::string encodePullResponse(const PullResponse& r);
void from_json(const Json& j, PullResponse& r);
// Decodes a page as a device does: `j` must be `text` parsed (a text with another number of
// changes is noticed and not used). The records and stamps are moved out of `j`, not copied, and
// each change keeps the text its record, stamps and history had in `text` (rawRecord, rawStamps,
// history), so the device stores them without printing them again; a change whose text is
// spelled other than nlohmann prints it keeps none (messages.cpp, PageTexts).
Result<PullResponse> takePullPage(Json&& j, std::string_view text);

// GET /v1/whoami: what the token stands for.
struct DeviceInfo {
    int schema = kSchemaVersion;
    std::string deviceId;
    std::string name;
    std::string role;
    std::vector<std::string> communityIds;
    Instant serverTime{};
    std::string database;     // as in PushResponse
    std::int64_t lastSeq = 0; // the last operation the server has applied for this device
};
void to_json(Json& j, const DeviceInfo& d);
void from_json(const Json& j, DeviceInfo& d);

// {"error": {"code": "...", "message": "..."}}
Json errorBody(const Error& e);
Error errorFromBody(std::string_view body, int httpStatus);

} // namespace courtyard::sync
