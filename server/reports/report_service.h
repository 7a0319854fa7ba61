#pragma once
// The reviews of complaints, satisfaction and inspections, computed from the report facts
// (facts.h) with SQL aggregation and the shared rules (rates as rules::Rate defines them,
// rules::pareto, rules::scoreSurvey and its return-rate penalty). Every report is the envelope
// and typed sections of docs/reports.md, so clients draw and print any of them generically.

#include "server/reports/labels.h"
#include "server/service/clock.h"
#include "server/storage/server_storage.h"

#include <string>
#include <vector>

namespace courtyard::server::reports {

struct ReportRequest {
    std::string kind;              // one of reportKinds()
    std::string scope = "company"; // community | office | company
    std::string scopeId;           // the community or office id
    std::string department;        // optional: one department's complaints
    std::string period;            // empty: the kind's natural period containing now
    Lang lang = Lang::En;
};

// weekly, monthly, quarterly, half_yearly, annual_complaints, annual_survey, inspections, kpi.
const std::vector<std::string>& reportKinds();

class ReportService {
public:
    ReportService(ServerStorage& storage, Clock clock) : m_storage(storage), m_clock(std::move(clock)) {}

    // The kinds, and the communities, offices and departments this person may read.
    Result<Json> catalogue(const DeviceRow& device, const std::string& staffId, Lang lang);
    // A report for the person signed in on the device: managers read everything; supervisors
    // their own department in communities they and their device serve; nobody else anything.
    Result<Json> report(const DeviceRow& device, const std::string& staffId, ReportRequest request);
    // A report without an audience check (the administrator's command line).
    Result<Json> compute(const ReportRequest& request);

private:
    ServerStorage& m_storage;
    Clock m_clock;
};

// Every table, Pareto and bar section as CSV blocks (title line, header, rows, blank line);
// tiles as "label,value" lines. UTF-8 with a byte-order mark, CRLF line ends (RFC 4180).
std::string toCsv(const Json& report);

} // namespace courtyard::server::reports
