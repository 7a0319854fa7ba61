#pragma once
// Staff sign-in on a shared tablet (docs/sync-protocol.md, "Who acted"). The first sign-in of a
// person on a device needs the network: the server checks staff number and PIN and gives the
// device a credential for that person, which is kept here sealed (AES-256-GCM) under a key
// derived from the PIN (Argon2id). Later sign-ins work offline: the right PIN opens the
// credential, a wrong one cannot. Wrong PINs count (across restarts) with the policy's growing
// delays; after the policy's limit the credential is forgotten and the next sign-in must be
// online. While the person is signed in, the unsealed credential signs their every operation.

#include "shared/domain/common.h"
#include "sync/client/device_store.h"
#include "sync/client/sync_engine.h"

#include <string>

namespace courtyard::sync {

// Offline when this device holds the person's credential and it has not run out; online (the
// engine given, the network reachable) otherwise. Installs the credential as the store's signer.
Result<domain::Actor> signIn(DeviceStore& store, SyncEngine* engine, const std::string& staffNumber,
                             const std::string& pin, Instant now);
Result<domain::Actor> signInOffline(DeviceStore& store, const std::string& staffNumber, const std::string& pin,
                                    Instant now);
Result<domain::Actor> signInOnline(DeviceStore& store, SyncEngine& engine, const std::string& staffNumber,
                                   const std::string& pin, Instant now);
// The person's own PIN, changed online; their credentials on every other device are withdrawn
// and this device gets a new one, sealed under the new PIN.
Result<domain::Actor> changePin(DeviceStore& store, SyncEngine& engine, const std::string& staffNumber,
                                const std::string& pin, const std::string& newPin, Instant now);
void signOut(DeviceStore& store);

// Seals a credential the server gave (its sign-in answer: {"credential": {...}, "staff": {...}})
// under the PIN and keeps it, replacing the person's older one. The online sign-in's last step.
Result<Credential> keepCredential(DeviceStore& store, const Json& answer, const std::string& staffNumber,
                                  const std::string& pin);

// Whether this device can sign the person in without the network.
bool hasCredential(DeviceStore& store, const std::string& staffNumber);

} // namespace courtyard::sync
