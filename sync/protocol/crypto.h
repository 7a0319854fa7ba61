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

// Argon2id PIN hash in the standard encoded form ("$argon2id$v=19$m=…,t=…,p=…$salt$hash").
// The cost defaults follow OWASP's minimum (19 MiB, 2 passes); tests may lower them.
struct PinHashCost {
    std::uint32_t memoryKiB = 19456;
    std::uint32_t passes = 2;
};
Result<std::string> hashPin(std::string_view pin, PinHashCost cost = {});
bool verifyPin(std::string_view pin, std::string_view encodedHash);
// PINs are 4 to 12 digits.
Status checkPinFormat(std::string_view pin);

} // namespace courtyard::sync
