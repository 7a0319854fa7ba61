#include "client/record_view.h"

#include "client/json_bridge.h"

namespace courtyard::client {
namespace {

QString text(const Json& j, const char* key) { return qs(stringAt(j, key)); }

int number(const Json& j, const char* key, int fallback = 0) {
    const auto it = j.find(key);
    return it != j.end() && it->is_number_integer() ? it->get<int>() : fallback;
}

bool flag(const Json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_boolean() && it->get<bool>();
}

// Objects of a list field, skipping anything else a damaged record might hold.
template <class F> void eachObject(const Json& body, const char* key, F&& f) {
    for (const auto& item : arrayAt(body, key))
        if (item.is_object())
            f(item);
}

RecordView viewOf(const Json& r) {
    RecordView v;
    v.receiptCode = text(r, "receipt_code");
    v.communityId = text(r, "community_id");
    v.kind = text(r, "kind");
    for (const char* key : {"content", "description", "instructions", "subject", "title"})
        if (v.headline = text(r, key); !v.headline.isEmpty())
            break;
    v.channel = text(r, "channel");
    v.unitId = text(r, "unit_id");
    v.category = text(r, "category");
    v.receivedAt = dateTimeAt(r, "received_at");
    v.departmentId = text(r, "department_id");
    v.instructions = text(r, "instructions");
    v.result = text(r, "result");
    v.reply = text(r, "reply");
    const Json escalation = objectAt(r, "escalation");
    v.escalationLevel = number(escalation, "level");
    v.escalationNotify = text(escalation, "notify");
    v.attachments = toVariant(arrayAt(r, "attachments")).toList();

    const Json complainant = objectAt(r, "complainant");
    v.complainantName = text(complainant, "name");
    v.complainantPhone = text(complainant, "phone");
    v.requestedReplyBy = dateTimeAt(r, "requested_reply_by");
    v.urgent = flag(r, "urgent");
    v.serious = flag(r, "serious");
    v.validity = text(r, "validity");
    v.cause = text(r, "cause");
    v.grade = number(r, "grade");
    v.residentType = text(r, "resident_type");
    v.handlerId = text(r, "handler_id");
    v.leaderId = text(r, "leader_id");
    v.agreedBy = dateTimeAt(r, "agreed_by");
    v.invalidReason = text(r, "invalid_reason");
    v.explanation = text(r, "explanation");
    v.referralResult = text(r, "referral_result");
    v.handlingMode = text(r, "handling_mode");
    v.measures = text(r, "measures");
    v.repliedAt = dateTimeAt(r, "replied_at");
    v.round = number(r, "round", 1);
    v.transferSheetId = text(r, "transfer_sheet_id");

    v.residentName = text(r, "resident_name");
    v.residentPhone = text(r, "resident_phone");
    v.agreedReplyBy = dateTimeAt(r, "agreed_reply_by");
    if (const auto it = r.find("adopted"); it != r.end() && it->is_boolean()) {
        v.adoptionDecided = true;
        v.adopted = it->get<bool>();
    }
    v.notAdoptedReason = text(r, "not_adopted_reason");

    v.subject = text(r, "subject");
    v.reason = text(r, "reason");
    v.fromDepartmentId = text(r, "from_department_id");
    v.level = text(r, "level");
    v.assignedDepartmentId = text(r, "assigned_department_id");
    v.finalReply = text(r, "final_reply");
    v.complaintId = text(r, "complaint_id");
    v.noticeId = text(r, "notice_id");

    v.assigneeId = text(r, "assignee_id");
    v.dueBy = dateTimeAt(r, "due_by");
    v.sourceId = text(r, "source_id");

    v.source = text(r, "source");
    v.area = text(r, "area");
    v.signerName = text(r, "signer_name");
    v.acceptedBy = text(r, "accepted_by");
    v.acceptedAt = dateTimeAt(r, "accepted_at");
    v.signatureSha256 = text(objectAt(r, "signature"), "sha256");

    v.fromStaffId = text(r, "from_staff_id");
    v.itemCount = static_cast<int>(arrayAt(r, "items").size());
    v.notes = text(r, "notes");
    v.acknowledgedBy = text(r, "acknowledged_by");

    v.method = text(r, "method");
    v.periodStart = dateTimeAt(r, "period_start");
    v.periodEnd = dateTimeAt(r, "period_end");
    v.quota = number(r, "quota");

    v.title = text(r, "title");
    v.body = text(r, "body");
    v.validFrom = dateTimeAt(r, "valid_from");
    v.validUntil = dateTimeAt(r, "valid_until");

    v.summary = text(r, "summary");
    v.templateId = text(r, "template_id");
    v.routeId = text(r, "route_id");
    v.guardId = text(r, "guard_id");
    v.startedAt = dateTimeAt(r, "started_at");
    return v;
}

QList<RecordLinkView> linksOf(const std::string& type, const Json& r) {
    QList<RecordLinkView> out;
    const auto link = [&](const char* key, QString linkedType) {
        if (auto id = text(r, key); !id.isEmpty())
            out << RecordLinkView{id, std::move(linkedType), {}};
    };
    link("transfer_sheet_id", "transfer_sheet");
    if (type == "transfer_sheet")
        link("complaint_id", "complaint");
    link("notice_id", "arrangement_notice");
    if (type == "arrangement_notice")
        link("source_id", {});
    eachObject(r, "items", [&](const Json& item) {
        if (auto id = text(item, "complaint_id"); !id.isEmpty())
            out << RecordLinkView{id, "complaint", text(item, "note")};
    });
    return out;
}

} // namespace

RecordParts recordParts(const std::string& type, const Json& body) {
    RecordParts p;
    if (!body.is_object())
        return p;
    p.view = viewOf(body);
    eachObject(body, "visits", [&](const Json& v) {
        p.visits << VisitView{dateTimeAt(v, "at"), text(v, "method"), flag(v, "satisfied"), text(v, "opinion")};
    });
    eachObject(body, "rounds", [&](const Json& v) {
        p.rounds << RectificationRoundView{number(v, "number"), flag(v, "developer"), text(v, "measures"),
                                           dateTimeAt(v, "completion_by"), text(v, "result"), text(v, "objection")};
    });
    eachObject(body, "comments", [&](const Json& v) {
        p.comments << CommentView{dateTimeAt(v, "at"), text(v, "author"), text(v, "text")};
    });
    eachObject(body, "timeline", [&](const Json& v) {
        p.timeline << TimelineStepView{dateTimeAt(v, "at"), text(v, "actor"), text(v, "actor_name"),
                                       text(v, "action"), text(v, "to"), text(v, "note")};
    });
    p.links = linksOf(type, body);
    return p;
}

} // namespace courtyard::client
