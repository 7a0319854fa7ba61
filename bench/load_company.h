#pragma once
// Companies for the load benchmarks (server-side JSON, docs/configuration.md).

#include "shared/core/json_util.h"

namespace courtyard::bench {

// A company shaped like a real one with many devices: `communities` communities (one building,
// 40 flats each), one customer-service person (s-1001, PIN 100100) serving them all.
Json loadCompany(int communities);
// The demo company (so the hostile-request list finds the people, communities and flats it
// names) with `communities` more communities cm-0, cm-1, … shaped as in loadCompany, and one
// more customer-service person serving every community (s-5001, PIN 500100).
Json soakCompany(int communities);

} // namespace courtyard::bench
