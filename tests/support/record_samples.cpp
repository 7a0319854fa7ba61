#include "support/record_samples.h"

#include "shared/domain/action_form.h"

#include <chrono>

namespace courtyard::test {

namespace {

using std::chrono::hours;

std::string at(Instant t) { return formatInstant(t); }

// A unit of the demo company's community (server/service/demo_company.cpp names them so).
std::string unitOf(const std::string& community) { return community + "-b1-1-502"; }

// An operation of this kind with its kind's members (`rest`).
Json op(std::string_view kind, std::string_view type, const std::string& id, const std::string& actor, Instant t,
        Json rest) {
    Json o{{"kind", kind}, {"type", type}, {"id", id}, {"at", at(t)}};
    if (!actor.empty())
        o["actor"] = actor; // a kiosk's operations name nobody
    o.update(rest);
    return o;
}

} // namespace

std::string openCampaignId(const std::string& community) { return "sc-open-" + community; }

Json sampleBody(std::string_view type, const std::string& community, int n, Instant now) {
    const std::string c = community;
    const std::string tag = std::to_string(n);
    if (type == "complaint")
        return {{"community_id", c}, {"channel", "phone"}, {"category", "repairs"},
                {"content", "Corridor light out " + tag}, {"unit_id", unitOf(c)}, {"received_at", at(now)}};
    if (type == "suggestion")
        return {{"community_id", c}, {"channel", "phone"}, {"category", "landscaping"},
                {"content", "More benches " + tag}, {"unit_id", unitOf(c)}, {"received_at", at(now)}};
    if (type == "transfer_sheet")
        return {{"community_id", c}, {"subject", "Leaking pipe " + tag}, {"reason", "needs the engineers"},
                {"from_department_id", "d-cs"}};
    if (type == "arrangement_notice")
        return {{"community_id", c}, {"department_id", "d-eng"}, {"assignee_id", "s-1002"},
                {"instructions", "Replace the pump " + tag}, {"due_by", at(now + hours(48))}};
    if (type == "rectification")
        return {{"community_id", c}, {"source", "engineering"}, {"area", "Lobby"},
                {"description", "Cracked tile " + tag}};
    if (type == "survey_campaign")
        return {{"community_id", c}, {"kind", "special"}, {"method", "kiosk"},
                {"title", "Quiet hours " + tag}, {"categories", {"cleaning"}}, {"period_start", at(now - hours(24))},
                {"period_end", at(now + hours(24 * 30))}, {"quota", 5}, {"seed", 7},
                {"sample", {{{"unit_id", unitOf(c)}, {"focused", false}}}}};
    if (type == "survey_response")
        return {{"community_id", c}, {"campaign_id", openCampaignId(c)}, {"unit_id", c + "-survey-" + tag},
                {"outcome", "answered"}, {"method", "kiosk"}, {"scores", {{"cleaning", 4}}}, {"answered_at", at(now)}};
    if (type == "patrol_round")
        return {{"community_id", c}, {"route_id", "pr-" + c}, {"guard_id", "s-1003"}, {"started_at", at(now - hours(1))},
                {"checkpoints", {{{"id", "cp-gate"}, {"name", "Gate"}, {"code", "courtyard:cp:cp-gate:x"}}}}};
    if (type == "inspection")
        return {{"community_id", c}, {"template_id", "it-" + tag}, {"kind", "custom"}, {"subject_kind", "area"},
                {"area", "Lobby"},
                {"scale",
                 {{{"id", "good"}, {"label", "good"}, {"pass", true}}, {{"id", "fair"}, {"label", "fair"}, {"pass", true}}}},
                {"items", {{{"id", "floor"}, {"title", "Floor"}}}},
                {"graded", {{{"item_id", "floor"}, {"grade", "good"}}}}};
    if (type == "notice")
        return {{"community_id", c}, {"kind", "general"}, {"title", "Lift service " + tag}, {"body", "Lift 2 stops"},
                {"valid_from", at(now - hours(1))}, {"valid_until", at(now + hours(72))}};
    if (type == "shift_handover")
        return {{"community_id", c}, {"from_staff_id", "s-1002"}, {"department_id", "d-eng"}, {"notes", "Pump " + tag}};
    if (type == "weekly_review")
        return {{"community_id", c}, {"department_id", "d-cs"}, {"week_start", "2026-03-01T16:00:00Z"},
                {"complaints", 3}, {"transfer_sheets", 1}};
    if (type == "inbox_seen")
        return {{"community_id", c}, {"record_id", "c-seen-" + tag}, {"item", "assigned"}, {"seen_at", at(now)}};
    return Json::object();
}

Json sampleFieldValue(std::string_view type, std::string_view field, const std::string& community, Instant now) {
    if (field == "complainant")
        return {{"name", "Mr Zhang"}, {"phone", "13800000000"}};
    if (field == "unit_id")
        return community + "-b1-2-101";
    if (field == "building_id")
        return community + "-b1";
    if (field == "category")
        return "cleaning";
    if (field == "resident_type")
        return "venting";
    if (field == "urgent" || field == "serious")
        return true;
    if (field == "requested_reply_by" || field == "due_by" || field == "valid_until")
        return at(now + hours(96));
    if (field == "valid_from" || field == "period_start")
        return at(now - hours(2));
    if (field == "period_end")
        return at(now + hours(24 * 20));
    if (field == "assignee_id")
        return "s-1004";
    if (field == "method")
        return "door_to_door";
    if (field == "categories")
        return Json::array({"cleaning", "security"});
    if (field == "sample")
        return Json::array({{{"unit_id", community + "-b1-2-101"}, {"focused", true}}});
    if (field == "quota" || field == "seed")
        return 9;
    if (field == "community_ids")
        return Json::array({community});
    if (field == "graded")
        return Json::array({{{"item_id", "floor"}, {"grade", "fair"}}});
    if (field == "subject_id")
        return "s-1001";
    if (field == "items")
        return Json::array({{{"complaint_id", "c-elsewhere"}, {"note", "call back"}}});
    (void)type;
    return "Changed text"; // every other plain field is text
}

Json sampleItem(std::string_view type, std::string_view list, int n, Instant now) {
    const std::string tag = std::to_string(n);
    if (list == "attachments") {
        // A distinct (never uploaded) attachment per item: 64 hex digits.
        std::string sha = std::string(64 - tag.size(), 'a') + tag;
        return {{"sha256", sha}, {"kind", "photo"}, {"mime", "image/jpeg"}, {"size", 1000}};
    }
    if (list == "visits")
        return {{"id", "v-" + tag}, {"checkpoint_id", "cp-gate"}, {"at", at(now)}, {"method", "qr"}};
    if (list == "finding_ids")
        return "rf-" + tag;
    (void)type;
    return {{"id", "n-" + tag}, {"at", at(now)}, {"text", "Called the resident back"}};
}

Json sampleParams(std::string_view type, std::string_view action, Instant now) {
    const Json every{{"reply", "Fixed the light"}, {"measures", "Replaced the bulb"}, {"result", "Done"},
                     {"reason", "Not ours to do"}, {"handler_id", "s-1001"}, {"department_id", "d-cs"},
                     {"cause", "developer"}, {"explanation", "Explained"}, {"agreed_by", at(now + hours(24))},
                     {"agreed_reply_by", at(now + hours(24))}, {"adopted", true}, {"instructions", "Go and look"},
                     {"completion_by", at(now + hours(48))}, {"team", "Team A"}, {"notice_id", "n-results"},
                     {"summary", "Clean"}, {"opinion", "Happy"}, {"satisfied", true},
                     {"handling_mode", "solved_at_once"}, {"sheet_id", "ts-1"}, {"accepted_by", "Wang Min"}};
    // Exactly the details the step takes (the shared form): the server refuses any other.
    Json out = Json::object();
    for (const auto& field : domain::actionForm(type, action))
        if (auto it = every.find(field.key); it != every.end())
            out[field.key] = *it;
    return out;
}

Json createOp(std::string_view type, const std::string& id, const std::string& actor, Json body, Instant t) {
    return op("create", type, id, actor, t, {{"body", std::move(body)}});
}

Json updateOp(std::string_view type, const std::string& id, const std::string& actor, Json fields, Instant t) {
    return op("update", type, id, actor, t, {{"fields", std::move(fields)}});
}

Json transitionOp(std::string_view type, const std::string& id, const std::string& actor, std::string_view action,
                  Json params, Instant t) {
    return op("transition", type, id, actor, t, {{"action", action}, {"params", std::move(params)}});
}

Json appendOp(std::string_view type, const std::string& id, const std::string& actor, std::string_view list,
              Json item, Instant t) {
    return op("append", type, id, actor, t, {{"list", list}, {"item", std::move(item)}});
}

} // namespace courtyard::test
