#include "shared/labels/catalogue.h"

// The catalogue's words, both languages side by side. Kept by hand; labels_test checks that
// every value of every labelled enum has exactly one entry here with both languages.

namespace courtyard::labels {

namespace {
// domain::Category: the eight satisfaction categories, also a complaint's category
constexpr Label k_category[] = {
    {"housing", "Housing management", "房管"},
    {"security", "Security", "治安"},
    {"vehicles", "Vehicles and parking", "车辆"},
    {"cleaning", "Cleaning", "清洁"},
    {"landscaping", "Landscaping", "绿化"},
    {"repairs", "Repairs", "维修"},
    {"activities", "Community activities", "社区活动"},
    {"convenience", "Convenience services", "便民服务"},
};
// domain::Channel: how a complaint reached us
constexpr Label k_channel[] = {
    {"kiosk", "Lobby kiosk", "大堂自助机"},
    {"phone", "Phone", "电话"},
    {"face_to_face", "Face to face", "面谈"},
    {"letter", "Letter", "信函"},
    {"suggestion_box", "Suggestion box", "意见箱"},
    {"company", "Via the company", "经公司转来"},
    {"group", "Via the group", "经集团转来"},
    {"media", "Via the media", "经媒体反映"},
    {"government", "Via the government", "经政府部门转来"},
};
// domain::ComplaintKind
constexpr Label k_complaint_kind[] = {
    {"complaint", "Complaint", "投诉"},
    {"repair", "Repair request", "报修"},
};
// domain::Validity
constexpr Label k_validity[] = {
    {"valid", "Valid", "有效"},
    {"invalid", "Invalid", "无效"},
    {"undecided", "Not yet decided", "待判定"},
};
// domain::Cause: why an invalid (or valid) complaint happened
constexpr Label k_cause[] = {
    {"own", "Our failure", "本公司原因"},
    {"developer", "The developer", "开发商原因"},
    {"external", "An outside body", "外部原因"},
    {"public_facility", "Public facilities outside our remit", "非管辖范围内的公共配套设施"},
};
// what a cause of an invalid complaint obliges the handler to do
constexpr Label k_cause_consequence[] = {
    {"developer", "Explain within 1 working day, pass it to the developer and follow the result.", "须在1个工作日内向住户解释，转交开发商处理并跟进结果。"},
    {"external", "Explain within 1 working day and coordinate with the responsible body.", "须在1个工作日内向住户解释，并与有关单位协调解决。"},
    {"public_facility", "Explain within 1 working day; nothing further is ours to do.", "须在1个工作日内向住户解释；我方无需进一步处理。"},
};
// domain::Controllability (grading)
constexpr Label k_controllability[] = {
    {"high", "Within our control", "基本可控"},
    {"low", "Hardly within our control", "难以控制"},
};
// domain::Reach (grading)
constexpr Label k_reach[] = {
    {"community", "Within the community", "小区内"},
    {"media", "Media or authorities", "媒体或政府部门"},
};
// rules::complaintGrade: 1..4; 0 = not graded yet
constexpr Label k_grade[] = {
    {"0", "Not graded", "未定级"},
    {"1", "General", "一般"},
    {"2", "Important", "重要"},
    {"3", "Serious", "严重"},
    {"4", "Major", "重大"},
};
// domain::ResidentType
constexpr Label k_resident_type[] = {
    {"venting", "Wants to be heard", "求发泄型"},
    {"respect_seeking", "Wants respect", "求尊重型"},
    {"compensation_seeking", "Wants compensation", "求补偿型"},
};
// how to meet each resident type
constexpr Label k_resident_guidance[] = {
    {"venting", "Listen and let them speak; stay calm; do not argue or interrupt.", "耐心倾听，让对方把话说完；保持冷静，不争辩、不打断。"},
    {"respect_seeking", "Take it seriously; involve someone of equal or higher rank; thank them.", "认真对待；请与对方同级别或更高级别的人员出面沟通；向对方表示感谢。"},
    {"compensation_seeking", "Ask to find the real need; refuse unreasonable demands politely but firmly; offer a solution; a group elects representatives.", "多询问，找出真实需求；礼貌而坚定地拒绝不合理要求；提出解决方案；群体投诉请其推选代表。"},
};
// domain::HandlingMode
constexpr Label k_handling_mode[] = {
    {"explain_only", "Cannot be solved: explain and ask for understanding", "无法解决：解释说明，争取谅解"},
    {"solved_at_once", "Solved at once", "当即解决"},
    {"agreed_time", "Solved by an agreed time", "在约定时间内解决"},
};
// domain::VisitMethod
constexpr Label k_visit_method[] = {
    {"phone", "By phone", "电话"},
    {"in_person", "In person", "上门"},
    {"kiosk", "At the kiosk", "自助机"},
};
// every workflow state of every record type (complaint, suggestion, transfer sheet, arrangement notice, rectification, survey, inspection, patrol round, notice, handover); one word per id whatever the type
constexpr Label k_state[] = {
    {"received", "Received", "已受理"},
    {"handling", "Being handled", "处理中"},
    {"escalated", "Escalated", "已上报"},
    {"replied", "Replied", "已回复"},
    {"visited", "Visited", "已回访"},
    {"explaining", "Explaining (invalid)", "无效·待解释"},
    {"referred", "Referred on", "已转外部处理"},
    {"closed", "Closed", "已关闭"},
    {"cancelled", "Cancelled", "已取消"},
    {"acknowledged", "Acknowledged", "已确认"},
    {"submitted", "Submitted", "已提交"},
    {"arranged", "Arranged", "已安排"},
    {"resolved", "Resolved", "已解决"},
    {"issued", "Issued", "已签发"},
    {"completed", "Completed", "已完成"},
    {"reported", "Reported", "已报告"},
    {"in_house", "Fixing in-house", "自行整改中"},
    {"with_developer", "With the developer", "已转开发商"},
    {"scheduled", "Scheduled by the developer", "开发商已排期"},
    {"awaiting_acceptance", "Awaiting acceptance", "待验收"},
    {"accepted", "Accepted", "已验收"},
    {"draft", "Draft", "草稿"},
    {"open", "Open", "开启"},
    {"in_progress", "In progress", "进行中"},
    {"abandoned", "Abandoned", "已中止"},
    {"published", "Published", "已发布"},
    {"withdrawn", "Withdrawn", "已撤回"},
    {"expected", "Expected", "待巡更"},
    {"started", "Started", "已开始"},
    {"missed", "Missed", "漏巡"},
    {"incomplete", "Left incomplete", "未完成"},
};
// domain::SheetLevel: how high a transfer sheet went
constexpr Label k_sheet_level[] = {
    {"office_director", "Office director", "管理处主任"},
    {"deputy_gm", "Deputy GM", "副总经理"},
    {"gm", "General manager", "总经理"},
};
// domain::RectificationSource
constexpr Label k_rectification_source[] = {
    {"resident_inspection", "Resident's inspection", "业主验房"},
    {"engineering", "Engineering", "工程"},
    {"security", "Security", "保安"},
    {"cleaning", "Cleaning", "保洁"},
    {"sales", "Sales", "销售"},
    {"customer_service", "Customer service", "客服中心"},
    {"patrol", "Patrol", "巡更"},
};
// domain::InspectionKind
constexpr Label k_inspection_kind[] = {
    {"service_etiquette", "Service etiquette check", "服务礼仪检查"},
    {"daily_cs_check", "Daily customer-service check", "客服工作每日检查"},
    {"renovation_patrol", "Renovation patrol", "装修巡查"},
    {"house_handover", "House handover inspection", "交房验房"},
    {"security_patrol", "Security patrol", "治安巡查"},
    {"custom", "Inspection", "检查"},
};
// domain::SubjectKind: what an inspection template's inspections look at
constexpr Label k_subject_kind[] = {
    {"staff", "A staff member", "员工"},
    {"unit", "A unit", "房屋"},
    {"area", "An area", "区域"},
};
// domain::SurveyKind
constexpr Label k_survey_kind[] = {
    {"monthly_solicitation", "Monthly opinion survey", "每月业主意见征询"},
    {"annual", "Annual satisfaction survey", "年度满意度调查"},
    {"activity_follow_up", "Activity follow-up", "活动回访"},
    {"special", "Special survey", "专项调查"},
};
// domain::SurveyMethod
constexpr Label k_survey_method[] = {
    {"door_to_door", "Door to door", "上门征询"},
    {"phone", "By phone", "电话"},
    {"outdoor", "Outdoor stand", "户外访问"},
    {"questionnaire", "Questionnaire", "问卷调查"},
    {"kiosk", "Lobby kiosk", "大堂自助机"},
};
// domain::ResponseOutcome, and "pending" for a sampled household not yet visited
constexpr Label k_response_outcome[] = {
    {"answered", "Answered", "已答卷"},
    {"not_at_home", "Not at home", "不在家"},
    {"refused", "Refused", "拒访"},
    {"pending", "To visit", "待走访"},
};
// domain::NoticeKind
constexpr Label k_notice_kind[] = {
    {"water_cut", "Water cut", "停水"},
    {"power_cut", "Power cut", "停电"},
    {"pest_control", "Pest control", "消杀"},
    {"activity", "Activity", "活动"},
    {"fire_safety", "Fire safety", "消防安全"},
    {"regulations", "Regulations", "规章制度"},
    {"financial_report", "Financial report", "财务报告"},
    {"survey_results", "Survey results", "调查结果"},
    {"general", "Notice", "公告"},
};
// domain::Role, and "kiosk" for a kiosk device
constexpr Label k_role[] = {
    {"staff", "Staff", "员工"},
    {"supervisor", "Supervisor", "主管"},
    {"manager", "Manager", "经理"},
    {"developer_cs", "Developer service", "开发商客服"},
    {"admin", "Administrator", "管理员"},
    {"kiosk", "Kiosk", "自助机"},
    {"resident", "Resident", "住户"},
};
// domain::Position (lower case: it is read inside a sentence)
constexpr Label k_position[] = {
    {"department_head", "department head", "部门负责人"},
    {"office_director", "office director", "管理处主任"},
    {"cs_manager", "customer-service manager", "客户服务部经理"},
    {"deputy_gm", "deputy GM", "主管副总经理"},
    {"gm", "GM", "总经理"},
    {"staff", "staff member", "员工"},
    {"developer_cs", "developer's customer service", "置业客服部"},
    {"admin", "administrator", "管理员"},
};
// the record types people create, and "repair" for a repair request
constexpr Label k_record_type[] = {
    {"complaint", "Complaint", "投诉"},
    {"repair", "Repair request", "报修"},
    {"suggestion", "Suggestion", "建议"},
    {"transfer_sheet", "Work transfer sheet", "工作传签单"},
    {"arrangement_notice", "Work arrangement notice", "工作安排通知单"},
    {"rectification", "Rectification item", "整改项"},
    {"survey_campaign", "Survey", "调查"},
    {"survey_response", "Survey answer", "调查答卷"},
    {"patrol_round", "Patrol round", "巡更"},
    {"inspection", "Inspection", "检查"},
    {"notice", "Notice", "公告"},
    {"shift_handover", "Shift handover", "交接班"},
    {"weekly_review", "Weekly review", "每周审阅"},
    {"inbox_seen", "Seen mark", "已读标记"},
    {"patrol_slot", "Scheduled patrol round", "计划巡更"},
};
// workflow actions
constexpr Label k_action[] = {
    {"answer_on_spot", "Answered on the spot", "当场答复"},
    {"assign", "Assign handler", "指派处理人"},
    {"accept", "Valid: handle it", "判定有效并处理"},
    {"reject", "Invalid: explain why", "判定无效并说明原因"},
    {"explain", "Record the explanation", "记录解释情况"},
    {"close_referral", "Record the outside result", "记录外部处理结果"},
    {"agree_time", "Agree a time", "约定解决时间"},
    {"transfer", "Escalate (transfer sheet)", "上报（工作传签单）"},
    {"arrange", "Arrange (notice to a department)", "安排（向部门签发通知单）"},
    {"reply", "Reply", "回复"},
    {"visit", "Follow-up visit", "回访"},
    {"close", "Close", "关闭"},
    {"cancel", "Cancel", "取消"},
    {"acknowledge", "Acknowledge", "确认接收"},
    {"escalate", "Escalate to a higher level", "继续向上级上报"},
    {"resolve", "Record the result", "记录处理结果"},
    {"complete", "Complete", "完成"},
    {"fix_in_house", "Fix in-house", "自行整改"},
    {"hand_off", "Hand to the developer", "转交开发商"},
    {"plan", "Plan measures and date", "制定措施和完成日期"},
    {"complete_work", "Work done", "整改完工"},
    {"developer_accept", "Developer accepts the work", "开发商验收"},
    {"object", "Resident objects: new round", "住户有异议：再次整改"},
    {"open", "Open", "开启"},
    {"publish", "Publish results", "公布结果"},
    {"finish", "Finish round", "结束巡更"},
    {"abandon", "Abandon round", "中止巡更"},
    {"submit", "Submit", "提交"},
    {"withdraw", "Withdraw", "撤回"},
    {"regrade", "Change the grade inputs", "调整定级依据"},
    {"name_leader", "Name the responsible leader", "指定跟进负责领导"},
};
// deadline rules (rules/deadlines.h rule ids)
constexpr Label k_rule[] = {
    {"complaint_reply.requested", "the time the complainant asked for", "投诉人要求的回复时间"},
    {"complaint_reply.urgent", "urgent complaint, 2-hour rule", "紧急投诉，2小时内回复"},
    {"complaint_reply.working_days", "not urgent, 2 working days", "非紧急，2个工作日内回复"},
    {"complaint_reply.round_urgent", "reopened round, urgent: 2 hours from the visit", "重新处理（紧急）：回访后2小时内回复"},
    {"complaint_reply.round_working_days", "reopened round: 2 working days from the visit", "重新处理：回访后2个工作日内回复"},
    {"complaint_invalid_explanation", "invalid complaint: explain within 1 working day", "无效投诉：1个工作日内向住户解释"},
    {"complaint_visit", "follow-up visit within 3 days", "处理完成后3天内回访"},
    {"suggestion_reply.agreed", "the reply time agreed", "约定的答复时间"},
    {"suggestion_reply.default", "suggestion: reply within 3 days", "建议：3天内答复"},
    {"rectification.agreed", "the agreed completion date", "约定的完成日期"},
    {"arrangement.agreed", "the date on the notice", "通知单上的期限"},
    {"transfer_sheet.arrange", "transfer sheet: name the department within 1 working day", "传签单：1个工作日内指定责任部门"},
    {"rectification.acceptance", "acceptance within 3 days of the work", "完工后3天内验收"},
    {"survey.period_end", "end of the survey period", "调查期结束"},
    {"patrol.checkpoint", "checkpoint window", "巡更点规定时段"},
    {"patrol.start", "scheduled start of the round", "计划巡更开始时间"},
    {"patrol.finish", "scheduled end of the round", "计划巡更结束时间"},
};
// what a resident reads of their submission at the kiosk
constexpr Label k_receipt_status[] = {
    {"waiting_to_send", "Saved here; it will be sent when the network is back", "已保存在本机，网络恢复后发送"},
    {"received", "Received by the office", "管理处已收到"},
    {"being_handled", "Being handled", "处理中"},
    {"replied", "Replied", "已回复"},
    {"closed", "Closed", "已关闭"},
};
// a patrol checkpoint during and after the round
constexpr Label k_checkpoint_status[] = {
    {"on_time", "On time", "准时"},
    {"late", "Late", "迟到"},
    {"missed", "Missed", "漏巡"},
    {"due", "Due", "待巡"},
    {"overdue", "Overdue", "已超时"},
};
// rules::InboxReason: why an item is in a person's inbox
constexpr Label k_inbox_reason[] = {
    {"overdue", "Overdue", "已超期"},
    {"due_soon", "Due soon", "即将到期"},
    {"on_the_spot", "Answered on the spot: for your information", "已当场答复，请知悉"},
    {"grade", "Its grade means you must be told", "按投诉等级须告知您"},
    {"leader", "You follow this outside complaint to the end", "您负责跟进此外部投诉直至办结"},
    {"outside", "An outside complaint without a responsible leader", "外部投诉尚未指定负责领导"},
    {"visit_due", "Follow-up visit due", "待回访"},
    {"assigned", "Assigned to you", "指派给您"},
    {"addressed", "Addressed to your position or department", "呈送/下达给您的岗位或部门"},
};
// rules::InboxAction: what the person is to do about an inbox item
constexpr Label k_inbox_action[] = {
    {"decide", "Decide: valid or not, and who handles it", "判定是否有效并指定处理人"},
    {"reply", "Reply to the resident", "答复住户"},
    {"explain", "Explain to the complainant why it is invalid", "向投诉人解释无效原因"},
    {"follow_referral", "Follow the outside result", "跟进外部处理结果"},
    {"arrange", "Name the responsible department", "指定责任部门"},
    {"resolve", "Record the result", "记录处理结果"},
    {"visit", "Visit the complainant", "回访投诉人"},
    {"close", "Close it", "关闭"},
    {"acknowledge", "Acknowledge the notice", "确认接收通知单"},
    {"complete", "Complete the work", "完成工作"},
    {"rectify", "Fix it in-house or hand it to the developer", "自行整改或转交开发商"},
    {"accept", "Have the work accepted", "组织验收"},
    {"take_note", "Take note", "知悉"},
    {"patrol", "Walk the patrol round", "按时巡更"},
    {"name_leader", "Name the leader who follows it to the end", "指定跟进到底的负责领导"},
};
// what a person can do about a refusal, by error code; "other" for any other
constexpr Label k_what_to_do[] = {
    {"permission_denied", "This needs someone with another role: ask a supervisor.", "此操作需由其他角色办理：请找主管。"},
    {"conflict", "Someone changed this first. Open it to see where it stands now, then act again if still needed.", "已有人先改动了这条记录。请打开查看当前状态，如仍有需要再重新操作。"},
    {"invalid_argument", "Some details were not accepted: correct them and enter it again.", "部分信息未被接受：请更正后重新录入。"},
    {"unauthenticated", "Sign in again; if it keeps happening, this tablet needs to be enrolled again.", "请重新登录；如果仍然出现，本平板需要重新注册。"},
    {"already_exists", "This was already recorded: nothing more to do.", "已经记录过了，无需再操作。"},
    {"not_found", "The record no longer exists on the server.", "服务器上已没有这条记录。"},
    {"resource_exhausted", "Too many at once: it was not kept. Try again later.", "同时提交过多，本次未保存。请稍后再试。"},
    {"other", "Tell the administrator.", "请告知管理员。"},
};

} // namespace

const std::vector<Group>& groups() {
    static const std::vector<Group> all{
        {"category", k_category},
        {"channel", k_channel},
        {"complaint_kind", k_complaint_kind},
        {"validity", k_validity},
        {"cause", k_cause},
        {"cause_consequence", k_cause_consequence},
        {"controllability", k_controllability},
        {"reach", k_reach},
        {"grade", k_grade},
        {"resident_type", k_resident_type},
        {"resident_guidance", k_resident_guidance},
        {"handling_mode", k_handling_mode},
        {"visit_method", k_visit_method},
        {"state", k_state},
        {"sheet_level", k_sheet_level},
        {"rectification_source", k_rectification_source},
        {"inspection_kind", k_inspection_kind},
        {"subject_kind", k_subject_kind},
        {"survey_kind", k_survey_kind},
        {"survey_method", k_survey_method},
        {"response_outcome", k_response_outcome},
        {"notice_kind", k_notice_kind},
        {"role", k_role},
        {"position", k_position},
        {"record_type", k_record_type},
        {"action", k_action},
        {"rule", k_rule},
        {"receipt_status", k_receipt_status},
        {"checkpoint_status", k_checkpoint_status},
        {"what_to_do", k_what_to_do},
        {"inbox_reason", k_inbox_reason},
        {"inbox_action", k_inbox_action},
    };
    return all;
}

} // namespace courtyard::labels
