#include "server/reports/labels.h"

#include "shared/labels/catalogue.h"

#include <optional>
#include <unordered_map>

namespace courtyard::server::reports {

namespace {

struct Entry {
    std::string_view key, en, zh;
};

// The reports' own words: titles, sections, columns, tiles. The names of the domain's values
// (categories, causes, channels, grades, levels, states) are the label catalogue's.
constexpr Entry kLabels[] = {
    {"col.adopted", "Adopted", "采纳"},
    {"col.answers", "Answers", "答卷项"},
    {"col.campaign", "Survey", "调查"},
    {"col.category", "Category", "类别"},
    {"col.cause", "Cause", "原因"},
    {"col.channel", "Channel", "渠道"},
    {"col.checkpoint", "Checkpoint", "巡更点"},
    {"col.checkpoints", "Checkpoint visits due", "应到巡更点"},
    {"col.community", "Community", "小区"},
    {"col.complaints", "Complaints", "投诉"},
    {"col.completed", "Completed", "已完成"},
    {"col.count", "Count", "数量"},
    {"col.entry", "Item", "项目"},
    {"col.cumulative_percent", "Cumulative %", "累计百分比"},
    {"col.percent", "Percent", "百分比"},
    {"col.target", "Target", "目标"},
    {"col.value", "Value", "数值"},
    {"col.vital_few", "Vital few", "关键少数"},
    {"col.created_at", "Created", "创建时间"},
    {"col.department", "Department", "部门"},
    {"col.dissatisfied", "Dissatisfied answers", "不满意项"},
    {"col.due", "Due", "期限"},
    {"col.findings", "Findings raised", "发现问题"},
    {"col.grade", "Grade", "等级"},
    {"col.graded", "Graded", "评定次数"},
    {"col.handler", "Handler", "处理人"},
    {"col.id", "Record", "记录"},
    {"col.leader", "Responsible leader", "负责领导"},
    {"col.in_progress", "Still open", "进行中"},
    {"col.incomplete", "Left incomplete", "未完成"},
    {"col.inspections", "Inspections", "检查次数"},
    {"col.invalid", "Invalid", "无效"},
    {"col.item", "Item", "检查项"},
    {"col.late", "Late", "迟到"},
    {"col.level", "Level", "层级"},
    {"col.mean", "Mean score", "平均分"},
    {"col.missed", "Missed", "漏巡"},
    {"col.missed_rounds", "Missed", "漏巡次数"},
    {"col.on_time", "On time", "准时"},
    {"col.on_time_reply", "On-time reply %", "处理及时率 %"},
    {"col.not_adopted", "Not adopted", "未采纳"},
    {"col.open", "Open", "未结"},
    {"col.overdue", "Overdue", "超时"},
    {"col.pass_rate", "Pass rate %", "合格率 %"},
    {"col.passed", "Passed", "合格"},
    {"col.period", "Period", "期间"},
    {"col.rate", "Satisfaction %", "满意率 %"},
    {"col.received", "Received", "受理"},
    {"col.received_at", "Received", "受理时间"},
    {"col.rectification_closure", "Rectification closure %", "整改关闭率 %"},
    {"col.replied", "Replied", "已回复"},
    {"col.replied_at", "First reply", "首次回复"},
    {"col.replied_late", "Replied late", "逾期回复"},
    {"col.returned", "Returned", "回收"},
    {"col.return_rate", "Return rate %", "回收率 %"},
    {"col.rounds", "Rounds", "巡更次数"},
    {"col.route", "Route", "巡更路线"},
    {"col.sampled", "Sampled", "抽样户数"},
    {"col.scheduled", "Scheduled", "计划次数"},
    {"col.satisfaction", "Satisfaction %", "满意率 %"},
    {"col.satisfied", "Satisfied", "满意"},
    {"col.scope", "Scope", "范围"},
    {"col.staff", "Staff member", "员工"},
    {"col.state", "State", "状态"},
    {"col.subject", "Subject", "事由"},
    {"col.suggestion_reply", "Suggestion reply %", "建议回复率 %"},
    {"col.below_target", "Below target", "低于目标"},
    {"col.template", "Checklist", "检查表"},
    {"col.total", "Total", "合计"},
    {"col.undecided", "Undecided", "未判定"},
    {"col.valid", "Valid", "有效"},
    {"col.visit_rate", "Visit rate %", "回访率 %"},
    {"scope.company", "Company", "全公司"},
    {"section.by_category", "By category", "按类别"},
    {"section.by_cause", "By cause", "按原因"},
    {"section.by_channel", "By channel", "按渠道"},
    {"section.by_grade", "By grade", "按等级"},
    {"section.by_month", "By month", "按月"},
    {"section.by_staff", "Etiquette and service checks per staff member", "员工检查合格率"},
    {"section.campaigns", "Surveys", "调查活动"},
    {"section.categories", "Satisfaction by category", "分类满意率"},
    {"section.common_issues", "Most common issues", "常见问题"},
    {"section.communities", "Per community", "各小区"},
    {"section.complaints", "Complaints received", "本期投诉"},
    {"section.departments", "Departments side by side", "各部门对比"},
    {"section.headline", "Summary", "概要"},
    {"section.items", "Pass rate per checklist item", "检查项合格率"},
    {"section.missed", "Missed checkpoints", "漏巡点"},
    {"section.offices", "Per management office", "各管理处"},
    {"section.open_items", "Open items", "未结事项"},
    {"section.open_now", "Open now", "当前未结"},
    {"section.outside_complaints", "Complaints from the company, group, media or government", "外部投诉（公司、集团、媒体、政府）"},
    {"section.pareto_category", "Pareto of categories", "类别排列图"},
    {"section.pareto_cause", "Pareto of causes", "原因排列图"},
    {"section.pareto_dissatisfaction", "Pareto of dissatisfaction", "不满意排列图"},
    {"section.patrols", "Patrol routes", "巡更路线"},
    {"section.rectification", "Findings and rectification", "发现问题与整改"},
    {"section.rectification_states", "Rectification by state", "整改状态"},
    {"section.satisfaction", "Satisfaction against the target", "满意率与目标"},
    {"section.scheduled_rounds", "Scheduled patrol rounds", "计划巡更"},
    {"section.suggestions", "Suggestions", "建议"},
    {"section.transfer_sheets", "Transfer sheets", "工作传签单"},
    {"section.trend", "Last four quarters", "近四个季度"},
    {"tile.accepted", "Accepted", "已验收"},
    {"tile.adjusted", "Satisfaction after penalty", "扣减后满意率"},
    {"tile.developer", "Handed to the developer", "移交开发商"},
    {"tile.escalated", "Escalated (transfer sheet)", "上报传签"},
    {"tile.focused", "Focused resampling", "重点回访户"},
    {"tile.invalid", "Invalid", "无效投诉"},
    {"tile.missed_rounds", "Scheduled rounds missed", "计划巡更漏巡"},
    {"tile.on_time_reply", "On-time reply", "处理及时率"},
    {"tile.open", "Open now", "未结"},
    {"tile.outside", "From the company, group, media or government", "上级、集团、媒体及政府转来的投诉"},
    {"tile.overall", "Satisfaction", "满意率"},
    {"tile.overdue", "Overdue now", "已超时"},
    {"tile.penalty", "Penalty points", "扣减分数"},
    {"tile.raised", "Findings raised", "发现问题"},
    {"tile.random", "Random sample", "随机抽样户"},
    {"tile.received", "Complaints received", "受理投诉"},
    {"tile.rectification_closure", "Rectification closure", "整改关闭率"},
    {"tile.replied_late", "Replied late", "逾期回复"},
    {"tile.return_rate", "Return rate", "回收率"},
    {"tile.returned", "Questionnaires returned", "回收问卷"},
    {"tile.sampled", "Households sampled", "抽样户数"},
    {"tile.satisfaction", "Satisfaction", "满意率"},
    {"tile.second_round", "Second round or later", "二次及以上整改"},
    {"tile.serious", "Serious or major (grade 3–4)", "严重及以上投诉"},
    {"tile.signed", "Signed acceptances", "业主签字验收"},
    {"tile.suggestion_reply", "Suggestion reply", "建议回复率"},
    {"tile.suggestions", "Suggestions received", "受理建议"},
    {"tile.undecided", "Not yet decided", "未判定"},
    {"tile.valid", "Valid", "有效投诉"},
    {"tile.visit_rate", "Visit rate", "回访率"},
    {"note.purged", "Records received up to the date shown were purged under the retention policy (they are kept in the archive): figures for this period leave them out.",
     "截至所示日期收到的记录已按保存期限清除（保存在归档中），本期统计不含这些记录。"},
    {"title.annual_complaints", "Annual complaint summary", "年度投诉总结"},
    {"title.annual_survey", "Annual satisfaction survey report", "年度满意度调查报告"},
    {"title.half_yearly", "Half-yearly satisfaction by category", "半年度分类满意率"},
    {"title.inspections", "Inspection and patrol summary", "检查与巡更汇总"},
    {"title.kpi", "KPI board", "关键指标"},
    {"title.monthly", "Monthly complaint report", "月度投诉报告"},
    {"title.quarterly", "Quarterly complaint analysis", "季度投诉分析"},
    {"title.weekly", "Weekly review", "每周检查"},
    {"value.no", "No", "否"},
    {"value.none", "(none)", "（无）"},
    {"value.yes", "Yes", "是"},
};

// "<group>.<id>" of a domain value → the catalogue's group and id.
std::optional<std::string> domainLabel(std::string_view group, std::string_view id, Lang lang) {
    if (group == "grade") {
        // "1 General"; 0 (no grade yet) reads "Not graded".
        const std::string word = labels::text("grade", id, lang);
        return id == "0" ? word : std::string(id) + " " + word;
    }
    if (group == "cause" && id == "undecided")
        return labels::text("validity", "undecided", lang); // no cause until validity is decided
    static constexpr std::pair<std::string_view, std::string_view> kGroups[] = {
        {"category", "category"}, {"cause", "cause"},  {"channel", "channel"}, {"level", "sheet_level"},
        {"rect", "state"},        {"sheet", "state"}, {"state", "state"}};
    for (const auto& [prefix, catalogueGroup] : kGroups)
        if (prefix == group)
            return labels::text(catalogueGroup, id, lang);
    return std::nullopt;
}

} // namespace

std::string label(std::string_view key, Lang lang) {
    static const std::unordered_map<std::string_view, const Entry*> index = [] {
        std::unordered_map<std::string_view, const Entry*> m;
        for (const auto& e : kLabels)
            m.emplace(e.key, &e);
        return m;
    }();
    if (auto it = index.find(key); it != index.end())
        return std::string(lang == Lang::Zh ? it->second->zh : it->second->en);
    const auto dot = key.find('.');
    if (dot == std::string_view::npos)
        return std::string(key);
    if (auto word = domainLabel(key.substr(0, dot), key.substr(dot + 1), lang))
        return *word;
    return std::string(key.substr(dot + 1));
}

} // namespace courtyard::server::reports
