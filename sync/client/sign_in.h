#pragma once
// Offline sign-in on a shared tablet: a staff number and PIN checked against the Argon2id hash
// the device received for its communities. The person's role is capped by the device's.

#include "shared/domain/common.h"
#include "sync/client/device_store.h"

#include <string>

namespace courtyard::sync {

Result<domain::Actor> signIn(DeviceStore& store, const std::string& staffNumber, const std::string& pin);
// The staff record for a staff number, if this device has it.
Result<std::optional<store::StoredRecord>> findStaff(DeviceStore& store, const std::string& staffNumber);

} // namespace courtyard::sync
