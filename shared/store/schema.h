#pragma once
// The one Courtyard schema, used by the server and by every device, with numbered migrations.
// A database newer than this build is refused rather than guessed at.

#include "shared/store/database.h"

#include <string_view>
#include <vector>

namespace courtyard::store {

struct Migration {
    int version;
    std::string_view description;
    std::string_view sql;
};

const std::vector<Migration>& migrations();
int currentSchemaVersion();

// Applies every pending migration, each in its own transaction, and records the version in
// PRAGMA user_version.
Status migrate(Database& db);
Result<int> schemaVersion(Database& db);

} // namespace courtyard::store
