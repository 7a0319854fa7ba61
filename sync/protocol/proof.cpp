#include "sync/protocol/proof.h"

#include <map>

#include "sync/protocol/crypto.h"
#include "shared/core/json_dump.h"

#include <charconv>

namespace courtyard::sync {

namespace {

constexpr std::string_view kOpContext = "courtyard-op/2\n";
constexpr std::string_view kRequestContext = "courtyard-req/2\n";

// Whole numbers written as floats (5.0, as QML numbers arrive) become integers, so both ends
// sign the same text; a real fraction has no single text form every client agrees on, and no
// record field needs one: false.
bool wholeNumbers(Json& j) {
    if (j.is_number_float()) {
        const double d = j.get<double>();
        if (!(d >= -9007199254740992.0 && d <= 9007199254740992.0) || double(std::int64_t(d)) != d)
            return false;
        j = std::int64_t(d);
        return true;
    }
    if (j.is_structured())
        for (auto& v : j)
            if (!wholeNumbers(v))
                return false;
    return true;
}

std::string encodeSig(std::string_view raw) { return base64UrlEncode(raw); }

} // namespace

Result<std::string> operationSigningInput(std::string_view deviceId, const Operation& op) {
    Json j = op;
    j.erase("proof");
    if (!wholeNumbers(j))
        return invalidArgument("a signed operation may not contain numbers with fractions");
    try {
        return std::string(kOpContext) + std::string(deviceId) + "\n" + j.dump();
    } catch (const Json::exception&) {
        return invalidArgument("a signed operation must be valid UTF-8");
    }
}

Status signOperation(Operation& op, const Credential& credential) {
    op.proofCredential.clear();
    op.proofSig.clear();
    for (Json* payload : {&op.body, &op.fields, &op.params, &op.item})
        if (!wholeNumbers(*payload))
            return invalidArgument("a number with a fraction cannot be recorded; use whole numbers");
    auto input = operationSigningInput(credential.deviceId, op);
    if (!input)
        return input.error();
    op.proofCredential = credential.id;
    op.proofSig = encodeSig(hmacSha256(credential.secret, *input));
    return {};
}

Result<bool> operationProofValid(std::string_view deviceId, const Operation& op, std::string_view secret) {
    auto input = operationSigningInput(deviceId, op);
    if (!input)
        return input.error();
    return constantTimeEqual(encodeSig(hmacSha256(secret, *input)), op.proofSig);
}

bool signingInputProofValid(std::string_view signingInput, std::string_view sig, std::string_view secret) {
    return constantTimeEqual(encodeSig(hmacSha256(secret, signingInput)), sig);
}

namespace {

bool hasFloat(const Json& j) {
    if (j.is_number_float())
        return true;
    if (j.is_structured())
        for (const auto& v : j)
            if (hasFloat(v))
                return true;
    return false;
}

} // namespace

OperationEncoding encodeOperation(std::string_view deviceId, const Operation& op) {
    // The members of to_json(Operation), each encoded on its own and joined in key order: the
    // encoding nlohmann gives the whole object (keys sorted, no whitespace), without copying
    // the payload into a second tree.
    std::map<std::string_view, std::string> members;
    members.emplace("seq", std::to_string(op.seq));
    members.emplace("kind", dumpJson(Json(op.kind)));
    members.emplace("type", dumpJson(Json(op.type)));
    members.emplace("id", dumpJson(Json(op.id)));
    members.emplace("hlc", dumpJson(Json(op.hlc)));
    members.emplace("at", dumpJson(Json(op.at)));
    members.emplace("actor", dumpJson(Json(op.actor)));
    const Json* payload = nullptr; // the part a device may put numbers with fractions in
    switch (op.kind) {
    case OpKind::Create:
        members.emplace("body", dumpJson(op.body));
        payload = &op.body;
        break;
    case OpKind::Update:
        members.emplace("fields", dumpJson(op.fields));
        payload = &op.fields;
        break;
    case OpKind::Transition:
        members.emplace("action", dumpJson(Json(op.action)));
        members.emplace("params", op.params.is_null() ? std::string("{}") : dumpJson(op.params));
        payload = &op.params;
        break;
    case OpKind::Append:
        members.emplace("list", dumpJson(Json(op.list)));
        members.emplace("item", dumpJson(op.item));
        payload = &op.item;
        break;
    }
    auto join = [&](bool withProof) {
        std::string out = "{";
        for (const auto& [key, text] : members) {
            if (!withProof && key == "proof")
                continue;
            if (out.size() > 1)
                out += ',';
            out += '"';
            out += key;
            out += "\":";
            out += text;
        }
        out += '}';
        return out;
    };
    OperationEncoding e;
    std::string unsignedText = join(false);
    if (!op.proofCredential.empty())
        members.emplace("proof", dumpJson(Json{{"credential", op.proofCredential}, {"sig", op.proofSig}}));
    e.canonical = op.proofCredential.empty() ? unsignedText : join(true);
    // A number with a fraction point changes (or refuses) the signed form: the general path.
    const bool floats = payload && hasFloat(*payload);
    e.signingInput = floats ? operationSigningInput(deviceId, op)
                            : Result<std::string>(std::string(kOpContext) + std::string(deviceId) + "\n" + unsignedText);
    return e;
}

std::string requestSigningInput(std::string_view deviceId, std::string_view method, std::string_view target,
                                std::int64_t timestampMs, std::string_view nonce) {
    std::string s(kRequestContext);
    s.append(deviceId).append("\n").append(method).append("\n").append(target).append("\n");
    s.append(std::to_string(timestampMs)).append("\n").append(nonce);
    return s;
}

std::string actorHeaderValue(const Credential& c, std::string_view method, std::string_view target,
                             std::int64_t timestampMs) {
    const auto raw = randomBytes(12);
    const std::string nonce = base64UrlEncode(std::string_view(reinterpret_cast<const char*>(raw.data()), raw.size()));
    const std::string sig =
        encodeSig(hmacSha256(c.secret, requestSigningInput(c.deviceId, method, target, timestampMs, nonce)));
    return c.id + "." + std::to_string(timestampMs) + "." + nonce + "." + sig;
}

Result<RequestProof> parseActorHeader(std::string_view value) {
    const Error bad = unauthenticated(std::string(kActorHeader) +
                                      ": expected <credential>.<unix ms>.<nonce>.<signature>");
    RequestProof p;
    std::string_view parts[4];
    for (int i = 0; i < 4; ++i) {
        const auto dot = i < 3 ? value.find('.') : std::string_view::npos;
        if (i < 3 && dot == std::string_view::npos)
            return bad;
        parts[i] = value.substr(0, dot);
        if (parts[i].empty() || parts[i].size() > 128)
            return bad;
        if (i < 3)
            value.remove_prefix(dot + 1);
    }
    p.credential = std::string(parts[0]);
    const auto ts = parts[1];
    auto [ptr, ec] = std::from_chars(ts.data(), ts.data() + ts.size(), p.timestampMs);
    if (ec != std::errc() || ptr != ts.data() + ts.size() || p.timestampMs <= 0)
        return bad;
    p.nonce = std::string(parts[2]);
    p.sig = std::string(parts[3]);
    return p;
}

bool requestProofValid(const RequestProof& p, std::string_view deviceId, std::string_view method,
                       std::string_view target, std::string_view secret) {
    const std::string expected =
        encodeSig(hmacSha256(secret, requestSigningInput(deviceId, method, target, p.timestampMs, p.nonce)));
    return constantTimeEqual(expected, p.sig);
}

} // namespace courtyard::sync
