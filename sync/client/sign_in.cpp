#include "sync/client/sign_in.h"

#include "shared/domain/organization.h"
#include "sync/protocol/crypto.h"
#include "sync/protocol/roles.h"

namespace courtyard::sync {

Result<std::optional<store::StoredRecord>> findStaff(DeviceStore& store, const std::string& staffNumber) {
    store::RecordQuery q;
    q.types = {"staff"};
    q.text = "\"number\":\"" + staffNumber + "\"";
    auto found = store.query(q);
    if (!found)
        return found.error();
    for (auto& r : *found)
        if (stringAt(r.body, "number") == staffNumber)
            return std::optional<store::StoredRecord>(std::move(r));
    return std::optional<store::StoredRecord>{};
}

Result<domain::Actor> signIn(DeviceStore& store, const std::string& staffNumber, const std::string& pin) {
    // One message for unknown number and wrong PIN: do not tell which one was wrong.
    const Error wrong = unauthenticated("staff number or PIN is not right");
    auto st = store.state();
    if (!st)
        return st.error();
    if (isKiosk(st->role))
        return permissionDenied("staff do not sign in on a kiosk");
    auto rec = findStaff(store, staffNumber);
    if (!rec)
        return rec.error();
    if (!*rec)
        return wrong;
    auto staff = decodeJson<domain::Staff>((*rec)->body);
    if (!staff)
        return staff.error();
    if (staff->pinHash.empty())
        return permissionDenied(staff->name + " cannot sign in on this device: it does not serve their communities");
    if (!verifyPin(pin, staff->pinHash))
        return wrong;
    if (!staff->active)
        return permissionDenied(staff->name + " is no longer active");
    domain::Actor a;
    a.staffId = staff->id;
    a.name = staff->name;
    a.position = staff->position;
    a.departmentId = staff->departmentId;
    a.role = effectiveRole(staff->role, st->role);
    return a;
}

} // namespace courtyard::sync
