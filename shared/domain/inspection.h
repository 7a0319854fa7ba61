#pragma once
// Inspections follow checklist templates: items graded on the template's scale
// (e.g. good / fair / poor), with notes and photos. A failed item raises a finding.

#include "shared/domain/common.h"
#include "shared/domain/workflow.h"

namespace courtyard::domain {

enum class InspectionKind { ServiceEtiquette, DailyCsCheck, RenovationPatrol, HouseHandover, SecurityPatrol, Custom };
COURTYARD_ENUM_STRINGS(InspectionKind, {{InspectionKind::ServiceEtiquette, "service_etiquette"},
                                        {InspectionKind::DailyCsCheck, "daily_cs_check"},
                                        {InspectionKind::RenovationPatrol, "renovation_patrol"},
                                        {InspectionKind::HouseHandover, "house_handover"},
                                        {InspectionKind::SecurityPatrol, "security_patrol"},
                                        {InspectionKind::Custom, "custom"}})

// What is inspected: a staff member (etiquette), a unit (handover, renovation) or an area.
enum class SubjectKind { Staff, Unit, Area };
COURTYARD_ENUM_STRINGS(SubjectKind, {{SubjectKind::Staff, "staff"}, {SubjectKind::Unit, "unit"}, {SubjectKind::Area, "area"}})

struct Grade {
    std::string id;    // "good"
    std::string label; // "良好"
    bool pass = true;
};
void to_json(Json& j, const Grade& g);
void from_json(const Json& j, Grade& g);

struct TemplateItem {
    std::string id;
    std::string title;
    std::string hint;
    bool photoOnFail = false;
};
void to_json(Json& j, const TemplateItem& i);
void from_json(const Json& j, TemplateItem& i);

struct InspectionTemplate {
    static constexpr std::string_view kType = "inspection_template";
    std::string id;
    std::string communityId; // empty: company-wide
    std::string name;
    InspectionKind kind = InspectionKind::Custom;
    SubjectKind subject = SubjectKind::Area;
    std::vector<Grade> scale;
    std::vector<TemplateItem> items;
    bool active = true;
};
void to_json(Json& j, const InspectionTemplate& t);
void from_json(const Json& j, InspectionTemplate& t);
Status validateTemplate(const InspectionTemplate& t);

struct GradedItem {
    std::string itemId;
    std::string grade; // one of the template scale's ids
    std::string note;
    std::vector<AttachmentRef> photos;
    std::string findingId; // the rectification item raised from it
};
void to_json(Json& j, const GradedItem& g);
void from_json(const Json& j, GradedItem& g);

enum class InspectionState { Draft, Submitted };
COURTYARD_ENUM_STRINGS(InspectionState, {{InspectionState::Draft, "draft"}, {InspectionState::Submitted, "submitted"}})

struct Inspection : RecordHeader {
    using State = InspectionState;
    static constexpr std::string_view kType = "inspection";

    State state = State::Draft;
    std::string templateId;
    InspectionKind kind = InspectionKind::Custom;
    SubjectKind subjectKind = SubjectKind::Area;
    std::string subjectId; // staff id or unit id
    std::string area;
    std::string inspectorId;
    std::vector<Grade> scale;        // copied from the template at start
    std::vector<TemplateItem> items; // copied from the template at start
    std::vector<GradedItem> graded;
    std::string summary;
    std::optional<Instant> submittedAt;
    std::vector<TimelineEvent> timeline;
    std::vector<Comment> comments;
};
void to_json(Json& j, const Inspection& i);
void from_json(const Json& j, Inspection& i);
Status validateNew(const Inspection& i);
const Workflow<Inspection>& inspectionWorkflow();

// Items whose grade does not pass on the inspection's scale.
std::vector<std::string> failedItems(const Inspection& i);

} // namespace courtyard::domain
