#include "server/demo/history_generator.h"

#include <algorithm>
#include <cstdio>

namespace courtyard::server::demo {

using namespace domain;
using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;

namespace {

// The categories residents complain about, most common first (so a Pareto chart has its vital
// few).
constexpr CategoryMix kMix[] = {
    {Category::Repairs, 30, "d-eng"},      {Category::Security, 20, "d-sec"},  {Category::Cleaning, 16, "d-clean"},
    {Category::Vehicles, 12, "d-sec"},     {Category::Housing, 9, "d-cs"},      {Category::Landscaping, 6, "d-land"},
    {Category::Convenience, 4, "d-cs"},    {Category::Activities, 3, "d-cs"},
};

TimelineEvent event(const std::string& id, Instant at, const std::string& actor, const char* action,
                    std::string_view from, std::string_view to) {
    TimelineEvent e;
    e.id = id;
    e.at = at;
    e.actor = actor;
    e.action = action;
    e.from = std::string(from);
    e.to = std::string(to);
    return e;
}

} // namespace

std::string idOf(const char* prefix, std::int64_t n) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "demo-%s-%08lld", prefix, static_cast<long long>(n));
    return buf;
}

void header(RecordHeader& h, std::string id, const std::string& community, Instant at, const std::string& by) {
    h.id = std::move(id);
    h.communityId = community;
    h.createdAt = at;
    h.createdBy = by;
    h.originDevice = "server-demo-history";
}

std::string Generator::staff(const std::string& department) {
    auto it = company.staffOf.find(department);
    if (it == company.staffOf.end() || it->second.empty())
        return company.staffOf.empty() ? std::string() : company.staffOf.begin()->second.front();
    return dice.pick(it->second);
}

Instant Generator::randomIn(Instant from, Instant to) {
    const auto span = (std::min(to, now) - from).count();
    return from + Milliseconds{span > 0 ? std::int64_t(dice.below(std::uint64_t(span))) : 0};
}

const CategoryMix& Generator::category() {
    int total = 0;
    for (const auto& m : kMix)
        total += m.weight;
    int roll = int(dice.below(std::uint64_t(total)));
    for (const auto& m : kMix) {
        if (roll < m.weight)
            return m;
        roll -= m.weight;
    }
    return kMix[0];
}

Complaint Generator::complaint(const std::string& community, Instant at) {
    Complaint c;
    const auto& mix = category();
    const std::string receiver = staff("d-cs");
    header(c, idOf("complaint", ++serial), community, at, receiver);
    static const std::vector<Channel> channels{Channel::Phone, Channel::Phone, Channel::Phone,
                                               Channel::FaceToFace, Channel::FaceToFace, Channel::Kiosk,
                                               Channel::Kiosk, Channel::Letter, Channel::SuggestionBox,
                                               Channel::Company};
    c.channel = dice.pick(channels);
    // Leadership follows a complaint that reached the company: the first of its management.
    if (domain::fromOutside(c.channel))
        if (const auto it = company.staffOf.find("d-mgmt"); it != company.staffOf.end() && !it->second.empty())
            c.leaderId = it->second.front();
    const auto& units = company.units.at(community);
    c.unitId = units.empty() ? std::string() : dice.pick(units);
    c.category = mix.category;
    c.content = "示范投诉 demo complaint";
    c.receivedAt = at;
    c.urgent = dice.chance(15);
    c.serious = dice.chance(10);
    c.complainant = {"业主 Resident", "13800000000"};
    c.timeline.push_back(event(c.id + ":1", at, receiver, "create", "", "received"));
    const Instant decided = at + minutes{20 + int(dice.below(120))};
    const bool recent = now - at < days{2};
    if (recent && dice.chance(50)) {
        c.state = ComplaintState::Received; // not assessed yet
        rules::derive(c, rules, {true, false});
        return c;
    }
    c.decidedAt = decided;
    c.controllability = dice.chance(80) ? Controllability::High : Controllability::Low;
    c.reach = dice.chance(95) ? Reach::Community : Reach::Media;
    c.handlerId = staff(mix.department);
    c.departmentId = mix.department;
    if (dice.chance(20)) {
        c.validity = Validity::Invalid;
        static const std::vector<Cause> causes{Cause::Developer, Cause::Developer, Cause::External,
                                               Cause::PublicFacility};
        c.cause = dice.pick(causes);
        c.invalidReason = "非物业责任 outside the company's remit";
        rules::derive(c, rules, {true, false});
        const bool late = dice.chance(10);
        const Instant explained = late ? c.explanationDue->dueAt + hours{5}
                                       : decided + minutes{30 + int(dice.below(300))};
        if (explained > now) {
            c.state = ComplaintState::Explaining;
            return c;
        }
        c.explanation = "已向业主说明 explained to the resident";
        c.explainedAt = explained;
        c.state = ComplaintState::Closed;
        c.closedAt = explained;
        return c;
    }
    c.validity = Validity::Valid;
    c.cause = Cause::Own;
    c.handlingMode = HandlingMode::SolvedAtOnce;
    rules::derive(c, rules, {true, false});
    const auto due = c.replyDue->dueAt;
    const Instant replied = dice.chance(88) ? at + (due - at) * int(20 + dice.below(70)) / 100
                                            : due + hours{1 + int(dice.below(30))};
    if (replied > now) {
        c.state = ComplaintState::Handling;
        rules::derive(c, rules, {true, false});
        return c;
    }
    c.measures = "已安排处理 handled";
    c.result = "已解决 solved";
    c.reply = "已回复业主 replied";
    c.firstRepliedAt = replied;
    c.repliedAt = replied;
    c.state = ComplaintState::Replied;
    rules::derive(c, rules, {true, false});
    const auto visitDue = c.visitDue->dueAt;
    const Instant visited = dice.chance(92) ? replied + (visitDue - replied) * int(10 + dice.below(80)) / 100
                                            : visitDue + hours{2 + int(dice.below(48))};
    if (visited > now)
        return c;
    FollowUpVisit v;
    v.id = c.id + "-visit";
    v.at = visited;
    v.visitor = staff("d-cs");
    v.method = VisitMethod::Phone;
    v.satisfied = dice.chance(90);
    v.opinion = v.satisfied ? "满意 satisfied" : "基本满意 mostly satisfied";
    c.visits.push_back(v);
    c.state = ComplaintState::Closed;
    c.closedAt = visited;
    return c;
}

Suggestion Generator::suggestion(const std::string& community, Instant at) {
    Suggestion s;
    header(s, idOf("suggestion", ++serial), community, at, "");
    s.channel = "kiosk";
    const auto& units = company.units.at(community);
    s.unitId = units.empty() ? std::string() : dice.pick(units);
    s.category = category().category;
    s.content = "示范建议 demo suggestion";
    s.receivedAt = at;
    rules::derive(s, rules, {true, false});
    const Instant replied = dice.chance(90) ? at + hours{4 + int(dice.below(60))} : s.replyDue->dueAt + hours{6};
    if (replied > now) {
        s.state = SuggestionState::Acknowledged;
        return s;
    }
    s.handlerId = staff("d-cs");
    s.adopted = dice.chance(60);
    s.reply = "感谢您的建议 thank you";
    if (!*s.adopted)
        s.notAdoptedReason = "条件不具备 not feasible now";
    s.repliedAt = replied;
    s.state = SuggestionState::Replied;
    return s;
}

std::optional<Inspection> Generator::inspection(const std::string& community, Instant at) {
    if (company.templates.empty())
        return std::nullopt;
    const auto& t = company.templates[std::size_t(dice.below(company.templates.size()))];
    Inspection in;
    const std::string inspector = staff("d-cs");
    header(in, idOf("inspection", ++serial), community, at, inspector);
    in.templateId = t.id;
    in.kind = t.kind;
    in.subjectKind = t.subject;
    if (t.subject == SubjectKind::Staff) {
        static const std::vector<std::string> depts{"d-cs", "d-sec", "d-clean", "d-eng"};
        in.subjectId = staff(dice.pick(depts));
    } else {
        in.area = "大堂 Lobby";
    }
    in.inspectorId = inspector;
    in.scale = t.scale;
    in.items = t.items;
    for (const auto& item : t.items) {
        GradedItem g;
        g.itemId = item.id;
        const int roll = int(dice.below(100));
        // The scale runs best first: mostly the best grade, sometimes a failing one.
        std::size_t idx = roll < 70 ? 0 : roll < 90 ? std::min<std::size_t>(1, t.scale.size() - 1)
                                                     : t.scale.size() - 1;
        g.grade = t.scale[idx].id;
        in.graded.push_back(g);
    }
    in.state = InspectionState::Submitted;
    in.submittedAt = at + minutes{25};
    return in;
}

std::optional<PatrolRound> Generator::patrol(const std::string& community, Instant at) {
    auto it = company.routes.find(community);
    if (it == company.routes.end())
        return std::nullopt;
    const auto& route = it->second;
    PatrolRound p;
    const std::string guard = staff("d-sec");
    header(p, idOf("patrol", ++serial), community, at, guard);
    p.routeId = route.id;
    p.guardId = guard;
    p.startedAt = at;
    p.checkpoints = route.checkpoints;
    for (const auto& cp : route.checkpoints) {
        CheckpointResult r;
        r.checkpointId = cp.id;
        const int roll = int(dice.below(100));
        if (roll < 6) {
            r.status = "missed";
        } else {
            const bool late = roll < 16;
            r.status = late ? "late" : "on_time";
            r.visitedAt = at + minutes{cp.dueAfterMinutes + (late ? cp.toleranceMinutes + 10 : 3)};
            CheckpointVisit v;
            v.id = p.id + "-" + cp.id;
            v.checkpointId = cp.id;
            v.at = *r.visitedAt;
            p.visits.push_back(v);
        }
        p.results.push_back(r);
    }
    p.state = PatrolRoundState::Completed;
    p.finishedAt = at + hours{1};
    return p;
}

RectificationItem Generator::rectification(const std::string& community, Instant at) {
    RectificationItem r;
    const std::string by = staff("d-cs");
    header(r, idOf("rectification", ++serial), community, at, by);
    static const std::vector<RectificationSource> sources{
        RectificationSource::ResidentInspection, RectificationSource::ResidentInspection,
        RectificationSource::Engineering, RectificationSource::Security, RectificationSource::Cleaning};
    r.source = dice.pick(sources);
    if (!r.foundByResident())
        r.foundByDepartmentId = r.source == RectificationSource::Engineering ? "d-eng"
                                : r.source == RectificationSource::Security  ? "d-sec"
                                                                              : "d-clean";
    const auto& units = company.units.at(community);
    if (r.foundByResident() && !units.empty())
        r.unitId = dice.pick(units);
    else
        r.area = "地下车库 B2 car park";
    r.category = Category::Repairs;
    r.description = "墙面渗水 damp patch on the wall";
    RectificationRound round;
    round.developer = dice.chance(40);
    round.measures = "修补 repair";
    round.completionBy = at + days{7};
    const bool done = at + days{5} < now;
    if (!done) {
        r.state = round.developer ? RectificationState::WithDeveloper : RectificationState::InHouse;
        r.rounds.push_back(round);
        rules::derive(r, rules, {true, false});
        return r;
    }
    round.completedAt = at + days{5};
    round.result = "已完成 done";
    if (dice.chance(15)) { // the resident objected: a second round
        round.objection = "仍有渗水 still damp";
        r.rounds.push_back(round);
        round = RectificationRound{};
        round.number = 2;
        round.developer = r.rounds.front().developer;
        round.measures = "重新修补 repair again";
        round.completionBy = at + days{14};
        if (at + days{12} < now) {
            round.completedAt = at + days{12};
            round.result = "已完成 done";
        }
    }
    r.rounds.push_back(round);
    if (r.rounds.back().completedAt && dice.chance(85)) {
        r.state = RectificationState::Accepted;
        r.acceptedAt = *r.rounds.back().completedAt + days{1};
        if (r.foundByResident()) {
            AttachmentRef sig;
            sig.sha256 = std::string(64, 'a');
            sig.kind = AttachmentKind::Signature;
            sig.mime = "image/png";
            r.signature = sig;
            r.signerName = "业主 Resident";
        } else {
            r.acceptedBy = by;
        }
    } else {
        r.state = RectificationState::AwaitingAcceptance;
    }
    rules::derive(r, rules, {true, false});
    return r;
}

} // namespace courtyard::server::demo
