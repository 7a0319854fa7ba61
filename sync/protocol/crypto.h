#pragma once
// Hashing and secrets, from well-kept packaged libraries rather than our own: SHA-256 and
// random bytes from OpenSSL's libcrypto, PIN hashes with Argon2id from libargon2 (salted and
// memory-hard, so a stolen tablet's PIN hashes are slow to brute-force).

#include "shared/core/result.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace courtyard::sync {

// Lower-case hex SHA-256 of the bytes.
std::string sha256Hex(std::string_view bytes);

// Incremental SHA-256, for blobs read in chunks.
class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;
    void update(std::string_view bytes);
    std::string finishHex();

private:
    void* m_ctx;
};

std::vector<unsigned char> randomBytes(std::size_t n);
std::string base64UrlEncode(std::string_view bytes);
Result<std::string> base64UrlDecode(std::string_view text);

// A device token: 32 random bytes, base64url. Only its SHA-256 is stored on the server.
std::string newDeviceToken();
std::string tokenHash(std::string_view token);

// Argon2id cost, for PIN hashes on the server and for the key that wraps a staff credential on
// a device. The default was chosen by measurement (docs/sync-protocol.md, "What a stolen tablet
// exposes"): 128 MiB and 3 passes cost about 0.48 s per guess on one core of the reference
// machine, so a 6-digit PIN space costs about 5.5 core-days to search. Tests may lower it.
struct PinHashCost {
    std::uint32_t memoryKiB = 131072;
    std::uint32_t passes = 3;
};
// The cost tests and benchmarks use when they set COURTYARD_INSECURE_FAST_PIN_HASH=1:
// cheap on purpose, and announced loudly by every program that starts with it.
PinHashCost defaultPinHashCost();
bool insecureFastPinHash();

// Argon2id PIN hash in the standard encoded form ("$argon2id$v=19$m=…,t=…,p=…$salt$hash").
Result<std::string> hashPin(std::string_view pin, PinHashCost cost = defaultPinHashCost());
bool verifyPin(std::string_view pin, std::string_view encodedHash);
// PINs are digits only, from `minLength` (policy, default 6) to 12 digits.
Status checkPinFormat(std::string_view pin, int minLength = 6);

// 32 raw bytes derived from a PIN and a salt with Argon2id: the key that wraps a credential.
Result<std::string> deriveKey(std::string_view pin, std::string_view salt, PinHashCost cost);

// HMAC-SHA-256 (32 raw bytes) and a comparison whose time does not depend on where the inputs
// differ (so a forger learns nothing from how fast a wrong proof is refused).
std::string hmacSha256(std::string_view key, std::string_view data);
bool constantTimeEqual(std::string_view a, std::string_view b);

// AES-256-GCM: `seal` returns nonce (12 bytes) + ciphertext + tag (16 bytes); `open` fails
// (unauthenticated) when the key is wrong or any byte of the box or of `aad` was changed.
Result<std::string> seal(std::string_view key, std::string_view plaintext, std::string_view aad);
Result<std::string> open(std::string_view key, std::string_view box, std::string_view aad);

} // namespace courtyard::sync
