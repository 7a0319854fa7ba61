#include "server/cli/rules_command.h"

#include "server/cli/args.h"

#include "shared/rules/deadlines.h"

#include <fstream>
#include <iostream>
#include <sstream>

namespace courtyard::server {

namespace {

std::string localText(Instant t, const rules::Calendar& cal) {
    const int minutes = cal.localMinutes(t);
    return formatDate(cal.localDate(t)) + " " + formatClockTime(minutes) + " " + cal.zoneName();
}

constexpr const char* kUsage =
    "usage: courtyard-server rules deadline [--calendar FILE] [--policy FILE] < request.json\n"
    "  request: {\"rule\": \"complaint_reply\", \"at\": \"2026-02-13T16:00:00+08:00\",\n"
    "            \"urgent\": false, \"serious\": true, \"requested_by\": null}\n"
    "  rules:   complaint_reply, complaint_invalid_explanation, suggestion_reply, complaint_visit\n"
    "  The default calendar is the built-in mainland-China calendar (2025-2026).\n";

} // namespace

Result<Json> computeDeadline(const Json& request, const rules::Calendar& cal, const rules::Policy& policy) {
    if (!request.is_object())
        return invalidArgument("the request must be a JSON object");
    std::string ruleName;
    Instant at{};
    bool urgent = false, serious = false;
    std::optional<Instant> requestedBy, agreedBy;
    try {
        ruleName = required<std::string>(request, "rule");
        at = required<Instant>(request, "at");
        optionalInto(request, "urgent", urgent);
        optionalInto(request, "serious", serious);
        optionalInto(request, "requested_by", requestedBy);
        optionalInto(request, "agreed_by", agreedBy);
    } catch (const DecodeError& e) {
        return invalidArgument(e.what());
    }
    (void)serious; // recorded by complaints for grading; it does not change the deadline
    domain::Deadline d;
    if (ruleName == "complaint_reply")
        d = rules::complaintReplyDeadline(at, urgent, requestedBy, cal, policy);
    else if (ruleName == "complaint_invalid_explanation")
        d = rules::invalidExplanationDeadline(at, cal, policy);
    else if (ruleName == "suggestion_reply")
        d = rules::suggestionReplyDeadline(at, agreedBy, cal, policy);
    else if (ruleName == "complaint_visit")
        d = rules::visitDeadline(at, cal, policy);
    else
        return invalidArgument("rule: '" + ruleName +
                               "' is not one of complaint_reply, complaint_invalid_explanation, "
                               "suggestion_reply, complaint_visit");
    return Json{{"due_at", formatInstant(d.dueAt)},
                {"due_at_local", localText(d.dueAt, cal)},
                {"rule", d.rule},
                {"description", rules::describeRule(d.rule, policy, cal)},
                {"started_at", formatInstant(d.startedAt)},
                {"time_zone", cal.zoneName()},
                {"calendar_fallback", d.calendarFallback}};
}

int runRulesCommand(const std::vector<std::string>& args, std::istream& in, std::ostream& out,
                    std::ostream& err) {
    if (args.empty() || args[0] != "deadline") {
        err << kUsage;
        return 2;
    }
    std::optional<rules::Calendar> cal;
    rules::Policy policy = rules::Policy::defaults();
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        if ((a == "--calendar" || a == "--policy") && i + 1 < args.size()) {
            auto text = readFile(args[++i]);
            if (!text) {
                err << "error: " << text.error().message << "\n";
                return 1;
            }
            if (a == "--calendar") {
                auto parsed = rules::Calendar::parse(*text);
                if (!parsed) {
                    err << "error: calendar '" << args[i] << "': " << parsed.error().message << "\n";
                    return 1;
                }
                cal = std::move(*parsed);
            } else {
                auto json = parseJson(*text);
                auto parsed = json ? rules::Policy::fromJson(*json) : Result<rules::Policy>(json.error());
                if (!parsed) {
                    err << "error: policy '" << args[i] << "': " << parsed.error().message << "\n";
                    return 1;
                }
                policy = *parsed;
            }
        } else if (a == "--help" || a == "-h") {
            out << kUsage;
            return 0;
        } else {
            err << "error: unexpected argument '" << a << "'\n" << kUsage;
            return 2;
        }
    }
    std::ostringstream body;
    body << in.rdbuf();
    auto request = parseJson(body.str());
    if (!request) {
        err << "error: the request on standard input is not valid JSON\n";
        return 1;
    }
    auto answer = computeDeadline(*request, cal ? *cal : rules::Calendar::chinaDefault(), policy);
    if (!answer) {
        err << "error: " << answer.error().message << "\n";
        return 1;
    }
    out << answer->dump(2) << "\n";
    return 0;
}

} // namespace courtyard::server
