#pragma once
// Proof of the acting person (docs/sync-protocol.md, "Who acted"). A staff member's first
// sign-in on a device is checked by the server, which gives that device a credential for that
// person: an id and a 32-byte secret, kept on the device sealed under a key derived from the
// PIN. Every operation the person makes carries an HMAC-SHA-256 with that secret over the
// operation's canonical form, bound to the device; every request that acts for the person
// (reports) carries one over the request. The server keeps each credential's secret and checks
// both, so a device token alone no longer lets anyone act as a colleague.

#include "sync/protocol/messages.h"

#include <string>
#include <string_view>

namespace courtyard::sync {

// A person's credential on this device, unsealed (in memory while they are signed in).
struct Credential {
    std::string id;       // "cr-…"
    std::string staffId;  // who it stands for
    std::string deviceId; // the only device it is valid on
    std::string secret;   // 32 raw bytes
};

// The operation as it is signed: the operation object without "proof", serialised with keys
// sorted, no whitespace, UTF-8, whole numbers as integers (a fraction is refused), after
// "courtyard-op/2\n<device id>\n". Fails on a fraction or invalid UTF-8.
Result<std::string> operationSigningInput(std::string_view deviceId, const Operation& op);
// Sets op.proofCredential/proofSig for the credential (whole numbers in the payload become
// integers first, so what is sent is what was signed).
Status signOperation(Operation& op, const Credential& credential);
// True when the operation's proof was made with `secret` on `deviceId`.
Result<bool> operationProofValid(std::string_view deviceId, const Operation& op, std::string_view secret);
// The same over a signing input already made (OperationEncoding::signingInput).
bool signingInputProofValid(std::string_view signingInput, std::string_view sig, std::string_view secret);

// The two texts a server needs of a received operation, made from one encoding of each part:
// `canonical` is Json(op).dump() (the whole operation, proof included: what a replay is
// recognised by) and `signingInput` is operationSigningInput(deviceId, op). Throws as
// Json::dump does on text that is not UTF-8 (a decoded operation has none).
struct OperationEncoding {
    std::string canonical;
    Result<std::string> signingInput = std::string();
};
OperationEncoding encodeOperation(std::string_view deviceId, const Operation& op);

// A request acting for a person: the header "X-Courtyard-Actor: <credential>.<unix ms>.<nonce>.<sig>",
// sig = base64url HMAC over "courtyard-req/2\n<device>\n<METHOD>\n<target>\n<unix ms>\n<nonce>".
struct RequestProof {
    std::string credential;
    std::int64_t timestampMs = 0;
    std::string nonce;
    std::string sig;
};
inline constexpr std::string_view kActorHeader = "X-Courtyard-Actor";
std::string requestSigningInput(std::string_view deviceId, std::string_view method, std::string_view target,
                                std::int64_t timestampMs, std::string_view nonce);
std::string actorHeaderValue(const Credential& c, std::string_view method, std::string_view target,
                             std::int64_t timestampMs);
Result<RequestProof> parseActorHeader(std::string_view value);
bool requestProofValid(const RequestProof& p, std::string_view deviceId, std::string_view method,
                       std::string_view target, std::string_view secret);

} // namespace courtyard::sync
