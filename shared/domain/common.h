#pragma once
// Vocabulary shared by every record: roles and positions, the eight service categories, the
// record header every synced record starts with, timeline events, comments, attachment
// references, and the deadline/escalation values the rules engine writes onto records.

#include "shared/core/json_util.h"
#include "shared/core/time.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace courtyard::domain {

// What a device or person may do. A kiosk acts as Resident.
enum class Role { Resident, Staff, Supervisor, Manager, DeveloperCs, Admin };
COURTYARD_ENUM_STRINGS(Role, {{Role::Resident, "resident"},
                              {Role::Staff, "staff"},
                              {Role::Supervisor, "supervisor"},
                              {Role::Manager, "manager"},
                              {Role::DeveloperCs, "developer_cs"},
                              {Role::Admin, "admin"}})

// A small set of roles, for "who may take this transition".
class RoleSet {
public:
    constexpr RoleSet() = default;
    constexpr RoleSet(std::initializer_list<Role> roles) {
        for (Role r : roles)
            m_bits |= bit(r);
    }
    constexpr bool contains(Role r) const { return (m_bits & bit(r)) != 0; }
    constexpr bool empty() const { return m_bits == 0; }

private:
    static constexpr std::uint32_t bit(Role r) { return 1u << static_cast<unsigned>(r); }
    std::uint32_t m_bits = 0;
};

// Where a person sits in the organisation; decides who is told and who an item escalates to.
enum class Position { Staff, DepartmentHead, OfficeDirector, CsManager, DeputyGm, Gm, DeveloperCs, Admin };
COURTYARD_ENUM_STRINGS(Position, {{Position::Staff, "staff"},
                                  {Position::DepartmentHead, "department_head"},
                                  {Position::OfficeDirector, "office_director"},
                                  {Position::CsManager, "cs_manager"},
                                  {Position::DeputyGm, "deputy_gm"},
                                  {Position::Gm, "gm"},
                                  {Position::DeveloperCs, "developer_cs"},
                                  {Position::Admin, "admin"}})

// The eight satisfaction categories; complaints are filed under the same ones.
enum class Category { Housing, Security, Vehicles, Cleaning, Landscaping, Repairs, Activities, Convenience };
COURTYARD_ENUM_STRINGS(Category, {{Category::Housing, "housing"},
                                  {Category::Security, "security"},
                                  {Category::Vehicles, "vehicles"},
                                  {Category::Cleaning, "cleaning"},
                                  {Category::Landscaping, "landscaping"},
                                  {Category::Repairs, "repairs"},
                                  {Category::Activities, "activities"},
                                  {Category::Convenience, "convenience"}})

// The person taking an action: a signed-in staff member, or a resident at a kiosk.
struct Actor {
    std::string staffId; // empty for a resident
    Role role = Role::Resident;
    Position position = Position::Staff;
    std::string departmentId;
    std::string name;
};

// Every synced record starts with this. Ids are generated on the device (UUIDv7).
struct RecordHeader {
    std::string id;
    std::string communityId;
    Instant createdAt{};      // when it happened on the device (skew-corrected by the server)
    std::string createdBy;    // staff id; empty when a resident filed it at a kiosk
    std::string originDevice; // the device that captured it
};
void readHeader(const Json& j, RecordHeader& h);
void writeHeader(Json& j, const RecordHeader& h);

// One entry of a record's audit trail, appended by every transition.
struct TimelineEvent {
    std::string id; // the operation that caused it ("<device>:<seq>"), or a local id
    Instant at{};
    std::string actor;
    std::string actorName;
    std::string action;
    std::string from;
    std::string to;
    std::string note;
    std::string digest; // fingerprint of the action's params: tells a retry from a rival edit
};
void to_json(Json& j, const TimelineEvent& e);
void from_json(const Json& j, TimelineEvent& e);

// Append-only remarks; never conflict, merged by id.
struct Comment {
    std::string id;
    Instant at{};
    std::string author;
    std::string text;
};
void to_json(Json& j, const Comment& c);
void from_json(const Json& j, Comment& c);

enum class AttachmentKind { Photo, Signature, Document };
COURTYARD_ENUM_STRINGS(AttachmentKind, {{AttachmentKind::Photo, "photo"},
                                        {AttachmentKind::Signature, "signature"},
                                        {AttachmentKind::Document, "document"}})

// A content-addressed blob (uploaded separately); a record may reference it before it arrives.
struct AttachmentRef {
    std::string sha256; // 64 lowercase hex digits
    AttachmentKind kind = AttachmentKind::Photo;
    std::string mime;
    std::int64_t size = 0;
    std::string name;
};
void to_json(Json& j, const AttachmentRef& a);
void from_json(const Json& j, AttachmentRef& a);
bool isSha256Hex(std::string_view s);

// A computed due time. `rule` names the rule that produced it ("complaint_reply.urgent"), so a
// screen can say why; `provisional` is true until the server's figure replaces the device's.
struct Deadline {
    Instant dueAt{};
    std::string rule;
    bool provisional = true;
    bool calendarFallback = false; // a year without calendar data: weekends-only was used
    Instant startedAt{};           // the moment the clock started
    std::string basis;             // fingerprint of the inputs; unchanged basis => keep the value
};
void to_json(Json& j, const Deadline& d);
void from_json(const Json& j, Deadline& d);

// Who an overdue item has escalated to, computed by the server's escalation timer. It is about
// one deadline (`rule` and `dueAt` name it): when the record's active deadline moves on (the
// reply is made, the next round opens) the flag no longer applies and derive() drops it. A flag
// written before `rule` existed has neither (readers treat it as about the deadline active then).
struct Escalation {
    int level = 0; // 0: not escalated; 1..n: rung of the ladder reached
    Position notify = Position::DepartmentHead;
    Instant since{};
    std::string rule;             // the deadline's rule id ("suggestion_reply.default")
    std::optional<Instant> dueAt; // the deadline's due time
};
void to_json(Json& j, const Escalation& e);
void from_json(const Json& j, Escalation& e);

// Helpers for the record codecs.
template <typename T>
void putIf(Json& j, const char* key, const std::optional<T>& v) {
    if (v)
        j[key] = *v;
}
inline void putIfNotEmpty(Json& j, const char* key, const std::string& v) {
    if (!v.empty())
        j[key] = v;
}

} // namespace courtyard::domain
