#pragma once
// The reports, one builder per kind (docs/reports.md), grouped by family: the complaint reviews
// (complaint_reports.cpp), satisfaction (survey_reports.cpp), inspections and patrols
// (inspection_report.cpp) and the KPI board (kpi_report.cpp). Each adds its sections to the Ctx.

#include "server/reports/sections.h"

namespace courtyard::server::reports {

Status weekly(Ctx& c);
Status monthly(Ctx& c);
Status quarterly(Ctx& c);
Status annualComplaints(Ctx& c);
Status halfYearly(Ctx& c);
Status annualSurvey(Ctx& c);
Status inspections(Ctx& c);
Status kpi(Ctx& c);

} // namespace courtyard::server::reports
