#include "sync/protocol/crypto.h"

#include <argon2.h>
#include <cstdlib>
#include <cstring>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/params.h>
#include <openssl/rand.h>
#include <memory>
#include <stdexcept>

namespace courtyard::sync {

namespace {
std::string toHex(const unsigned char* p, std::size_t n) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out(n * 2, '0');
    for (std::size_t i = 0; i < n; ++i) {
        out[2 * i] = digits[p[i] >> 4];
        out[2 * i + 1] = digits[p[i] & 0xf];
    }
    return out;
}
} // namespace

namespace {
// Leaves OpenSSL's error queue empty: the thread's TLS reads it (SSL_get_error) and wants it so.
[[noreturn]] void failed(const char* what) {
    ERR_clear_error();
    throw std::runtime_error(what);
}

// OpenSSL 3 looks an algorithm up by name each time it is named through EVP_sha256() or
// HMAC(), and the one-shot calls make and free a context each time. Over an operation of about
// 1.1 KB (a push hashes each one twice, for its fingerprint and its proof) that was 1.7-2.4 µs
// an HMAC against 1.0-1.2 µs with a context kept, and 0.92 against 0.73 µs a SHA-256 (measured
// on the 2-core development machine). So each algorithm is fetched once for the process, and
// each thread keeps one context per algorithm and starts it afresh for every use.
const EVP_MD* sha256Algorithm() {
    static EVP_MD* const md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    if (!md)
        failed("OpenSSL SHA-256 is unavailable");
    return md;
}

struct DigestCtxFree {
    void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};
struct MacCtxFree {
    void operator()(EVP_MAC_CTX* c) const { EVP_MAC_CTX_free(c); }
};

EVP_MD_CTX* threadDigestCtx() {
    thread_local std::unique_ptr<EVP_MD_CTX, DigestCtxFree> ctx(EVP_MD_CTX_new());
    if (!ctx)
        failed("OpenSSL SHA-256 is unavailable");
    return ctx.get();
}

// HMAC with SHA-256 as its digest, set once: a later EVP_MAC_init with no parameters keeps it.
EVP_MAC_CTX* threadHmacCtx() {
    static EVP_MAC* const mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    thread_local std::unique_ptr<EVP_MAC_CTX, MacCtxFree> ctx = []() -> std::unique_ptr<EVP_MAC_CTX, MacCtxFree> {
        if (!mac)
            return nullptr;
        std::unique_ptr<EVP_MAC_CTX, MacCtxFree> c(EVP_MAC_CTX_new(mac));
        char digest[] = "SHA256";
        const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
                                     OSSL_PARAM_construct_end()};
        if (c && EVP_MAC_CTX_set_params(c.get(), params) != 1)
            c.reset();
        return c;
    }();
    if (!ctx)
        failed("OpenSSL HMAC-SHA-256 is unavailable");
    return ctx.get();
}
} // namespace

Sha256::Sha256() {
    const EVP_MD* md = sha256Algorithm(); // before the context, which a throw would leak
    m_ctx = EVP_MD_CTX_new();
    if (!m_ctx || EVP_DigestInit_ex2(static_cast<EVP_MD_CTX*>(m_ctx), md, nullptr) != 1) {
        EVP_MD_CTX_free(static_cast<EVP_MD_CTX*>(m_ctx));
        failed("OpenSSL SHA-256 is unavailable");
    }
}

Sha256::~Sha256() { EVP_MD_CTX_free(static_cast<EVP_MD_CTX*>(m_ctx)); }

void Sha256::update(std::string_view bytes) {
    EVP_DigestUpdate(static_cast<EVP_MD_CTX*>(m_ctx), bytes.data(), bytes.size());
}

std::string Sha256::finishHex() {
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_DigestFinal_ex(static_cast<EVP_MD_CTX*>(m_ctx), md, &len);
    return toHex(md, len);
}

std::string sha256Hex(std::string_view bytes) {
    EVP_MD_CTX* ctx = threadDigestCtx();
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (EVP_DigestInit_ex2(ctx, sha256Algorithm(), nullptr) != 1 ||
        EVP_DigestUpdate(ctx, bytes.data(), bytes.size()) != 1 || EVP_DigestFinal_ex(ctx, md, &len) != 1)
        failed("OpenSSL SHA-256 failed");
    return toHex(md, len);
}

std::vector<unsigned char> randomBytes(std::size_t n) {
    std::vector<unsigned char> out(n);
    if (n > 0 && RAND_bytes(out.data(), int(n)) != 1)
        throw std::runtime_error("OpenSSL could not produce random bytes");
    return out;
}

std::string base64UrlEncode(std::string_view bytes) {
    static constexpr char alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string out;
    out.reserve((bytes.size() * 4 + 2) / 3);
    std::uint32_t buffer = 0;
    int bits = 0;
    for (unsigned char c : bytes) {
        buffer = (buffer << 8) | c;
        bits += 8;
        while (bits >= 6) {
            out.push_back(alphabet[(buffer >> (bits - 6)) & 0x3f]);
            bits -= 6;
        }
    }
    if (bits > 0)
        out.push_back(alphabet[(buffer << (6 - bits)) & 0x3f]);
    return out;
}

Result<std::string> base64UrlDecode(std::string_view text) {
    std::string out;
    std::uint32_t buffer = 0;
    int bits = 0;
    for (char c : text) {
        int v;
        if (c >= 'A' && c <= 'Z')
            v = c - 'A';
        else if (c >= 'a' && c <= 'z')
            v = c - 'a' + 26;
        else if (c >= '0' && c <= '9')
            v = c - '0' + 52;
        else if (c == '-')
            v = 62;
        else if (c == '_')
            v = 63;
        else
            return invalidArgument("not base64url text");
        buffer = (buffer << 6) | std::uint32_t(v);
        bits += 6;
        if (bits >= 8) {
            out.push_back(char((buffer >> (bits - 8)) & 0xff));
            bits -= 8;
        }
    }
    return out;
}

std::string newDeviceToken() {
    const auto bytes = randomBytes(32);
    return "cyt_" + base64UrlEncode(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

std::string tokenHash(std::string_view token) { return sha256Hex(token); }

Status checkPinFormat(std::string_view pin, int minLength) {
    minLength = std::max(4, std::min(minLength, 12));
    for (char c : pin)
        if (c < '0' || c > '9')
            return invalidArgument("a PIN is digits only");
    if (int(pin.size()) < minLength || pin.size() > 12)
        return invalidArgument("a PIN is " + std::to_string(minLength) + " to 12 digits");
    return {};
}

bool insecureFastPinHash() {
    const char* fast = std::getenv("COURTYARD_INSECURE_FAST_PIN_HASH");
    return fast && std::strcmp(fast, "1") == 0;
}

PinHashCost defaultPinHashCost() {
    // Tests and benchmarks sign in hundreds of times; the real cost would make them take hours.
    return insecureFastPinHash() ? PinHashCost{256, 1} : PinHashCost{};
}

Result<std::string> hashPin(std::string_view pin, PinHashCost cost) {
    // The format (digits, length) is policy and checked by the caller; here only sanity.
    if (pin.empty() || pin.size() > 64)
        return invalidArgument("a PIN is 1 to 64 characters");
    const auto salt = randomBytes(16);
    const std::size_t encodedLen =
        argon2_encodedlen(cost.passes, cost.memoryKiB, 1, std::uint32_t(salt.size()), 32, Argon2_id);
    std::string encoded(encodedLen, '\0');
    const int rc = argon2id_hash_encoded(cost.passes, cost.memoryKiB, 1, pin.data(), pin.size(),
                                         salt.data(), salt.size(), 32, encoded.data(), encoded.size());
    if (rc != ARGON2_OK)
        return internalError(std::string("Argon2id failed: ") + argon2_error_message(rc));
    encoded.resize(std::char_traits<char>::length(encoded.c_str()));
    return encoded;
}

bool verifyPin(std::string_view pin, std::string_view encodedHash) {
    if (encodedHash.rfind("$argon2id$", 0) != 0)
        return false;
    const std::string encoded(encodedHash);
    return argon2id_verify(encoded.c_str(), pin.data(), pin.size()) == ARGON2_OK;
}

Result<std::string> deriveKey(std::string_view pin, std::string_view salt, PinHashCost cost) {
    if (salt.size() < 16)
        return invalidArgument("the key salt is shorter than 16 bytes");
    std::string key(32, '\0');
    const int rc = argon2id_hash_raw(cost.passes, cost.memoryKiB, 1, pin.data(), pin.size(), salt.data(),
                                     salt.size(), key.data(), key.size());
    if (rc != ARGON2_OK)
        return internalError(std::string("Argon2id failed: ") + argon2_error_message(rc));
    return key;
}

std::string hmacSha256(std::string_view key, std::string_view data) {
    EVP_MAC_CTX* ctx = threadHmacCtx();
    unsigned char md[EVP_MAX_MD_SIZE];
    std::size_t len = 0;
    // A null key would keep the thread's previous key, so an empty key (a valid HMAC key) is
    // passed as a pointer to nothing.
    static const unsigned char kNoKey = 0;
    const auto* k = key.empty() ? &kNoKey : reinterpret_cast<const unsigned char*>(key.data());
    if (EVP_MAC_init(ctx, k, key.size(), nullptr) != 1 ||
        EVP_MAC_update(ctx, reinterpret_cast<const unsigned char*>(data.data()), data.size()) != 1 ||
        EVP_MAC_final(ctx, md, &len, sizeof md) != 1)
        failed("OpenSSL HMAC-SHA-256 failed");
    return std::string(reinterpret_cast<const char*>(md), len);
}

bool constantTimeEqual(std::string_view a, std::string_view b) {
    return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

namespace {
constexpr std::size_t kNonce = 12;
constexpr std::size_t kTag = 16;
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;
} // namespace

Result<std::string> seal(std::string_view key, std::string_view plaintext, std::string_view aad) {
    if (key.size() != 32)
        return invalidArgument("AES-256-GCM needs a 32-byte key");
    const auto nonce = randomBytes(kNonce);
    std::string out(kNonce + plaintext.size() + kTag, '\0');
    std::memcpy(out.data(), nonce.data(), kNonce);
    CipherCtx ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    auto* k = reinterpret_cast<const unsigned char*>(key.data());
    auto* o = reinterpret_cast<unsigned char*>(out.data());
    int len = 0;
    if (!ctx || EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, k, nonce.data()) != 1 ||
        EVP_EncryptUpdate(ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char*>(aad.data()),
                          int(aad.size())) != 1 ||
        EVP_EncryptUpdate(ctx.get(), o + kNonce, &len, reinterpret_cast<const unsigned char*>(plaintext.data()),
                          int(plaintext.size())) != 1 ||
        EVP_EncryptFinal_ex(ctx.get(), o + kNonce + len, &len) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, int(kTag), o + kNonce + plaintext.size()) != 1)
        return internalError("AES-256-GCM encryption failed");
    return out;
}

Result<std::string> open(std::string_view key, std::string_view box, std::string_view aad) {
    if (key.size() != 32)
        return invalidArgument("AES-256-GCM needs a 32-byte key");
    if (box.size() < kNonce + kTag)
        return invalidArgument("the sealed box is too short");
    const std::size_t n = box.size() - kNonce - kTag;
    std::string out(n, '\0');
    std::string tag(box.substr(kNonce + n));
    CipherCtx ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    auto* k = reinterpret_cast<const unsigned char*>(key.data());
    auto* in = reinterpret_cast<const unsigned char*>(box.data());
    int len = 0;
    if (!ctx || EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, k, in) != 1 ||
        EVP_DecryptUpdate(ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char*>(aad.data()),
                          int(aad.size())) != 1 ||
        EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &len, in + kNonce, int(n)) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, int(kTag), tag.data()) != 1)
        return internalError("AES-256-GCM decryption failed");
    if (EVP_DecryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(out.data()) + len, &len) != 1)
        return unauthenticated("the key does not open this box");
    return out;
}

} // namespace courtyard::sync
