#pragma once
// The demo company of README command 1: one management office, two communities, six buildings,
// 312 units, every department, staff of every role (PINs in the file), calendars, policy,
// inspection templates and patrol routes. Demo data lives in the courtyard_demo library, apart
// from the production server library; `courtyard-server init --demo` and the tests link it.

#include "shared/core/json_util.h"

namespace courtyard::server {

Json demoCompany();

} // namespace courtyard::server
